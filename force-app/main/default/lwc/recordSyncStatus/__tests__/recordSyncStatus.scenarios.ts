import type { PreviewScenario } from 'relay/preview';
import statuses from './data/statuses.json' with { type: 'json' };
import live from './data/live.json' with { type: 'json' };
import actions from './data/actions.json' with { type: 'json' };
import syncResults from './data/syncNow.json' with { type: 'json' };
import compareResults from '../../recordCompare/__tests__/data/compare.json' with { type: 'json' };

// The preview's clock is fixed at 2026-11-20T12:00:00Z and @salesforce/i18n/timeZone reads America/Los_Angeles (the
// base components' own stub), as in the Jest tests: 10:00 UTC shows as 2:00 AM.
const COMPONENT = 'recordSyncStatus';
const STATUS = 'IntegrationStatusController.getRecordSyncStatus';
const ACTIONS = 'IntegrationStatusController.getRecordActions';
const SYNC_NOW = 'IntegrationStatusController.syncNow';
const COMPARE = 'IntegrationStatusController.compareRecord';
const CHANNEL = '/event/Integration_Status__e';
const props = { recordId: '001000000000001AAA' };

export const scenarios: PreviewScenario[] = [
    {
        id: 'record-sync-status-loading',
        title: 'Record page: loading (spinner inside the card body only)',
        component: COMPONENT,
        props,
        apex: { [STATUS]: { pending: true }, [ACTIONS]: { pending: true } },
        expect: { text: ['Integration Sync'] }
    },
    {
        id: 'record-sync-status-empty',
        title: 'Record page: never sent, Sync now offered',
        component: COMPONENT,
        props,
        apex: { [STATUS]: { data: [] }, [ACTIONS]: { data: actions.allowed } },
        expect: { text: ['This record has not been sent to any integration yet. Use Sync now to send it.', 'Sync now'] }
    },
    {
        id: 'record-sync-status-error',
        title: 'Record page: the status could not be read',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { error: 'Integration settings could not be read; ask an admin to run the setup check.' },
            [ACTIONS]: { data: actions.allowed }
        },
        expect: { text: ['Integration settings could not be read; ask an admin to run the setup check.', 'Try again'] }
    },
    {
        id: 'record-sync-status-no-access',
        title: 'Record page: the rep cannot read the record',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { error: 'You do not have access to this record.' },
            [ACTIONS]: { error: 'You do not have access to this record.' }
        },
        expect: { text: ['No access', 'You do not have access to this record.'], absent: ['Sync now', 'Try again'] }
    },
    {
        id: 'record-sync-status-every-status',
        title: 'Record page: six integrations, one in each status, with every action allowed',
        component: COMPONENT,
        props,
        viewport: { width: 480, height: 1400 },
        apex: { [STATUS]: { data: statuses.all }, [ACTIONS]: { data: actions.allowed } },
        expect: {
            text: [
                'Delivered',
                'Delivered 2 h ago · Nov 20, 2026, 2:00 AM',
                '1 attempt · last Nov 20, 2026, 2:00 AM',
                'Retry scheduled',
                'Next attempt in 4 min · Nov 20, 2026, 4:04 AM',
                'Last error: The receiving system did not answer in time.',
                'Dead letter',
                '5 attempts · last Nov 20, 2026, 3:30 AM',
                'Queued',
                'Not sent yet',
                'Sending',
                'First attempt under way',
                'Cancelled',
                'Never sent',
                'Sync ERP_Customer now',
                'Compare ERP_Customer with the external system',
                'Checking for updates while a change is on its way.'
            ]
        }
    },
    {
        id: 'record-sync-status-read-only',
        title: 'Record page: a rep without Sync now or compare sees no actions',
        component: COMPONENT,
        props,
        apex: { [STATUS]: { data: statuses.delivered }, [ACTIONS]: { data: actions.readOnly } },
        expect: {
            text: ['ERP_Customer', 'Delivered', '1 attempt · last Nov 20, 2026, 2:00 AM', 'Correlation id'],
            absent: ['Sync now', 'Compare with the external system']
        }
    },
    {
        id: 'record-sync-status-dead-letter',
        title: 'Record page: dead letter with the last error in plain words',
        component: COMPONENT,
        props: { ...props, integration: 'Billing_Account' },
        apex: { [STATUS]: { data: statuses.all }, [ACTIONS]: { data: actions.allowed } },
        expect: {
            text: [
                'Billing_Account',
                'Dead letter',
                'Not delivered after the last attempt. An admin can replay it from the Relay console.',
                'Last error: The receiving system had an internal error.',
                'c2b8f5e0-9a7d-4c3e-b1f6-0d4a8e2c7b93'
            ],
            absent: ['ERP_Customer']
        }
    },
    {
        id: 'record-sync-status-paused',
        title: 'Record page: circuit paused, with its reason and resume time',
        component: COMPONENT,
        props,
        apex: { [STATUS]: { data: statuses.paused }, [ACTIONS]: { data: actions.allowed } },
        expect: {
            text: [
                'Paused',
                'The receiving system asked Relay to slow down. Relay resumes sending in 10 min (Nov 20, 2026, 4:10 AM).',
                'Last error: The receiving system asked Relay to slow down.'
            ]
        }
    },
    {
        id: 'record-sync-status-sync-now',
        title: 'Record page: Sync now queues the record and the page follows it',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { sequence: [{ data: statuses.delivered }, { data: live.queued }] },
            [ACTIONS]: { data: actions.allowed },
            [SYNC_NOW]: { data: syncResults.queued, delayMs: 800 }
        },
        steps: [
            { click: { role: 'button', name: 'Sync now' } },
            { screenshot: 'running' },
            { expectText: 'Waiting to be sent.' }
        ],
        expect: {
            text: ['Queued', 'Waiting to be sent.', 'Checking for updates while a change is on its way.'],
            toasts: ['Queued for ERP_Customer.']
        }
    },
    {
        id: 'record-sync-status-sync-now-already-waiting',
        title: 'Record page: Sync now while the change already waits (warning)',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { data: live.queued },
            [ACTIONS]: { data: actions.allowed },
            [SYNC_NOW]: { data: syncResults.alreadyWaiting }
        },
        steps: [{ click: { role: 'button', name: 'Sync now' } }],
        expect: { text: ['Waiting to be sent.'], toasts: ['Already waiting to be sent; nothing new was queued.'] }
    },
    {
        id: 'record-sync-status-sync-now-refused',
        title: 'Record page: Sync now refused by Apex (error toast)',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { data: statuses.delivered },
            [ACTIONS]: { data: actions.allowed },
            [SYNC_NOW]: { error: 'Integration ERP_Customer is not active.' }
        },
        steps: [{ click: { role: 'button', name: 'Sync now' } }],
        expect: { text: ['Delivered'], toasts: ['Integration ERP_Customer is not active.'] }
    },
    {
        id: 'record-sync-status-compare',
        title: 'Record page: compare with the external system, two fields differ',
        component: COMPONENT,
        props,
        viewport: { width: 480, height: 1100 },
        apex: {
            [STATUS]: { data: statuses.delivered },
            [ACTIONS]: { data: actions.allowed },
            [COMPARE]: { data: compareResults.differences, delayMs: 300 }
        },
        steps: [{ click: { role: 'button', name: 'Compare with the external system' } }, { expectText: 'Differs' }],
        expect: {
            text: [
                'ERP_Customer compared with Salesforce',
                '2 of 5 fields differ.',
                'Acme Corp',
                'Only in the external system'
            ]
        }
    },
    {
        id: 'record-sync-status-live-polling',
        title: 'Record page: a queued change is delivered while the page is open (polling, 3 s ± 20 %)',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        steps: [{ expectText: 'Waiting to be sent.' }, { screenshot: 'queued' }, { waitMs: 4000 }],
        expect: {
            text: ['Delivered', 'Delivered just now · Nov 20, 2026, 4:00 AM'],
            toasts: ['Delivered to ERP_Customer']
        }
    },
    {
        id: 'record-sync-status-live-retry',
        title: 'Record page: the attempt fails while the page is open (warning toast)',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { sequence: [{ data: live.inProgress }, { data: live.retry }] },
            [ACTIONS]: { data: actions.allowed }
        },
        steps: [{ expectText: 'Being sent now.' }, { waitMs: 4000 }],
        expect: {
            text: ['Retry scheduled', 'Next attempt in 4 min'],
            toasts: ['Sending to ERP_Customer failed; Relay will retry in 4 min']
        }
    },
    {
        id: 'record-sync-status-live-streaming',
        title: 'Record page: streaming mode refreshes for an event naming this record, not for another record',
        component: COMPONENT,
        props: { ...props, liveUpdates: 'Streaming (empApi)' },
        apex: {
            // The first read, the look right after subscribing, then the refresh the event for this record asks for.
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        events: [
            { afterMs: 300, channel: CHANNEL, payload: live.otherRecordEvent },
            { afterMs: 1500, channel: CHANNEL, payload: live.thisRecordEvent }
        ],
        steps: [{ expectText: 'Updating live while a change is on its way.' }, { waitMs: 2500 }],
        expect: { text: ['Delivered'], toasts: ['Delivered to ERP_Customer'] }
    },
    {
        id: 'record-sync-status-live-other-record',
        title: 'Record page: streaming mode ignores an event for another record',
        component: COMPONENT,
        props: { ...props, liveUpdates: 'Streaming (empApi)' },
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        events: [{ afterMs: 300, channel: CHANNEL, payload: live.otherRecordEvent }],
        steps: [{ waitMs: 1500 }],
        expect: { text: ['Queued', 'Waiting to be sent.'], absent: ['Delivered to ERP_Customer'] }
    },
    {
        id: 'record-sync-status-live-streaming-disabled',
        title: 'Record page: empApi disabled, streaming falls back to polling',
        component: COMPONENT,
        props: { ...props, liveUpdates: 'Streaming (empApi)' },
        empEnabled: false,
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        steps: [{ expectText: 'Checking for updates while a change is on its way.' }, { waitMs: 4000 }],
        expect: { text: ['Delivered'], toasts: ['Delivered to ERP_Customer'] }
    },
    {
        id: 'record-sync-status-live-before-open',
        title: 'Record page: the first answer was cached; the fresh one is a delivery of 3 h ago (shown, not toasted)',
        component: COMPONENT,
        props,
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.deliveredBeforeOpen }] },
            [ACTIONS]: { data: actions.allowed }
        },
        steps: [{ expectText: 'Waiting to be sent.' }, { waitMs: 4000 }],
        expect: {
            text: ['Delivered', 'Delivered 3 h ago · Nov 20, 2026, 1:00 AM'],
            absent: ['Delivered to ERP_Customer']
        }
    },
    {
        id: 'record-sync-status-live-streaming-other-error',
        title: 'Record page: empApi reports an error of another channel on the page; streaming goes on',
        component: COMPONENT,
        props: { ...props, liveUpdates: 'Streaming (empApi)' },
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        empErrors: [
            {
                afterMs: 300,
                error: { channel: '/meta/subscribe', subscription: '/event/Other__e', error: '403::denied' }
            }
        ],
        events: [{ afterMs: 1500, channel: CHANNEL, payload: live.thisRecordEvent }],
        steps: [{ waitMs: 800 }, { expectText: 'Updating live while a change is on its way.' }, { waitMs: 1500 }],
        expect: { text: ['Delivered'], toasts: ['Delivered to ERP_Customer'] }
    },
    {
        id: 'record-sync-status-live-streaming-connection-lost',
        title: 'Record page: the streaming connection drops; the page falls back to polling',
        component: COMPONENT,
        props: { ...props, liveUpdates: 'Streaming (empApi)' },
        apex: {
            [STATUS]: { sequence: [{ data: live.queued }, { data: live.queued }, { data: live.delivered }] },
            [ACTIONS]: { data: actions.allowed }
        },
        empErrors: [
            { afterMs: 300, error: { channel: '/meta/connect', error: '403::Unknown client', successful: false } }
        ],
        steps: [
            { expectText: 'Checking for updates while a change is on its way.' },
            { screenshot: 'polling' },
            { waitMs: 4000 }
        ],
        expect: { text: ['Delivered'], toasts: ['Delivered to ERP_Customer'] }
    }
];
