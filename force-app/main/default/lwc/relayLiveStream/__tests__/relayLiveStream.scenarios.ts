import type { PreviewEvent, PreviewScenario } from 'relay/preview';
import events from './data/integrationStatusEvents.json' with { type: 'json' };

const CHANNEL = '/event/Integration_Status__e';
const COMPONENT = 'relayLiveStream';

function event(afterMs: number, payload: Record<string, unknown>): PreviewEvent {
    return { afterMs, channel: CHANNEL, payload };
}

/** Four status changes of two integrations, a tenth of a second apart. */
const STREAM: PreviewEvent[] = [
    event(100, events.erpDelivered),
    event(200, events.billingDeadLetter),
    event(300, events.erpSending),
    event(400, events.billingDelivered)
];

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-live-stream-waiting',
        title: 'Live stream: connected, no status change yet',
        component: COMPONENT,
        steps: [{ waitMs: 300 }],
        expect: { text: ['Connected since', 'Waiting for status changes', '0 events'] }
    },
    {
        id: 'relay-live-stream-events',
        title: 'Live stream: events arriving, newest first, with count badges',
        component: COMPONENT,
        events: STREAM,
        steps: [{ waitMs: 800 }],
        expect: {
            text: [
                'Connected since',
                '4 events',
                'ERP_Customer',
                'Billing_Account',
                'Delivered 4',
                'Retry scheduled 1',
                'Dead letter 1',
                'Sending 2',
                '5 records',
                '1 record',
                'Show all 5'
            ]
        }
    },
    {
        id: 'relay-live-stream-expanded-ids',
        title: 'Live stream: the full list of record ids of one event',
        component: COMPONENT,
        events: [event(100, events.erpDelivered)],
        steps: [{ waitMs: 400 }, { click: { role: 'button', name: 'Show all 5' } }],
        expect: { text: ['001000000000005AAA', 'Show fewer'] }
    },
    {
        id: 'relay-live-stream-paused',
        title: 'Live stream: paused, counting the events that arrive meanwhile, then resumed',
        component: COMPONENT,
        // Late enough to arrive after the Pause click, whenever the page has finished its first render.
        events: [
            event(100, events.erpDelivered),
            event(6000, events.billingDeadLetter),
            event(6100, events.erpSending)
        ],
        steps: [
            { expectText: 'Delivered 4' },
            { click: { role: 'button', name: 'Pause' } },
            { waitMs: 3000 },
            { expectText: 'Paused: 2 events while paused. Resume to show them.' },
            { screenshot: 'paused' },
            { click: { role: 'button', name: 'Resume' } }
        ],
        expect: { text: ['3 events', 'Dead letter 1', 'Sending 2', 'Delivered 4'], absent: ['while paused'] }
    },
    {
        id: 'relay-live-stream-filtered',
        title: 'Live stream: filtered to one integration',
        component: COMPONENT,
        events: STREAM,
        steps: [{ waitMs: 800 }, { select: { label: 'Integration', option: 'Billing_Account' } }],
        expect: { text: ['Dead letter 1', 'Delivered 3'], absent: ['Delivered 4', 'Sending 2'] }
    },
    {
        id: 'relay-live-stream-cleared',
        title: 'Live stream: cleared',
        component: COMPONENT,
        events: STREAM,
        steps: [{ waitMs: 800 }, { click: { role: 'button', name: 'Clear' } }],
        expect: { text: ['Waiting for status changes', '0 events'], absent: ['Dead letter 1'] }
    },
    {
        id: 'relay-live-stream-stopped',
        title: 'Live stream: stopped (unsubscribed, no deliveries to this page)',
        component: COMPONENT,
        events: [event(100, events.erpDelivered)],
        steps: [{ waitMs: 400 }, { click: { role: 'button', name: 'Stop' } }],
        expect: { text: ['Stopped: this page receives no events. Start to receive them again.', 'Delivered 4'] }
    },
    {
        id: 'relay-live-stream-connection-lost',
        title: 'Live stream: the connection dropped (empApi error), with Retry',
        component: COMPONENT,
        empErrors: [{ afterMs: 100, error: { channel: '/meta/connect', error: '403::Unknown client' } }],
        steps: [{ waitMs: 400 }],
        expect: { text: ['Connection lost: 403::Unknown client', 'Retry'], absent: ['Connected since'] }
    },
    {
        id: 'relay-live-stream-reconnected',
        title: 'Live stream: events arrive again after a connection error, so it reads connected',
        component: COMPONENT,
        empErrors: [
            { afterMs: 100, error: { channel: '/meta/connect', error: '403::Unknown client' } },
            // About another subscription of the page: not this stream's concern.
            { afterMs: 900, error: { channel: '/meta/subscribe', subscription: '/event/Other__e', error: 'denied' } }
        ],
        events: [event(600, events.erpDelivered)],
        steps: [{ waitMs: 1500 }],
        expect: { text: ['Connected since', 'Delivered 4', '1 event'], absent: ['Connection lost'] }
    },
    {
        id: 'relay-live-stream-unavailable',
        title: 'Live stream: empApi unavailable (mobile, Classic)',
        component: COMPONENT,
        empEnabled: false,
        expect: {
            text: [
                'Live events are unavailable here',
                'Live events need Lightning Experience on desktop; use the log table instead.'
            ],
            absent: ['Pause', 'Connecting…']
        }
    }
];
