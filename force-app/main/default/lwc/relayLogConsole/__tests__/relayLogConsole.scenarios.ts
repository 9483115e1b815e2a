import type { PreviewScenario } from 'relay/preview';
import page1 from './data/logPage1.json' with { type: 'json' };
import page2 from './data/logPage2.json' with { type: 'json' };
import emptyPage from './data/emptyPage.json' with { type: 'json' };
import billingDeadLetters from './data/billingDeadLettersPage.json' with { type: 'json' };
import deadLetterTimeoutPage from './data/deadLetterTimeoutPage.json' with { type: 'json' };
import integrationNames from './data/integrationNames.json' with { type: 'json' };
import replayStarted from './data/replayStarted.json' with { type: 'json' };
import operationRunning from './data/operationRunning.json' with { type: 'json' };
import operationCompleted from './data/operationCompleted.json' with { type: 'json' };
import logDetail from '../../relayLogDetail/__tests__/data/logDetail.json' with { type: 'json' };

const NO_CONSOLE_ACCESS = 'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';
const BROAD_WINDOW = 'Name an integration, a status or a record, or choose a window of at most 7 days (from and to).';

const component = 'relayLogConsole';
const names = { 'RelayConsoleController.getIntegrationNames': { data: integrationNames } };
const admin = { Relay_Replay_Logs: true, Relay_Cancel_Logs: true };

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-log-console-mixed',
        title: 'Log table: the last 24 hours, every status, more rows available',
        component,
        permissions: admin,
        apex: { ...names, 'RelayConsoleController.queryLogs': { data: page1 } },
        expect: {
            text: [
                'Relay logs',
                'LOG-0004230',
                'Dead letter',
                'Retry scheduled',
                'Sending',
                'HTTP 503 Service Unavailable: upstream billing-core did not answer',
                '12 rows shown · more available',
                'Load more',
                'Replay all matching…',
                'To replay or cancel every matching row, choose an integration, a status or a record id.'
            ]
        }
    },
    {
        id: 'relay-log-console-loading',
        title: 'Log table while the first page loads',
        component,
        permissions: admin,
        apex: { ...names, 'RelayConsoleController.queryLogs': { pending: true } },
        expect: { text: ['Loading log rows…'], absent: ['No log rows match these filters.'] }
    },
    {
        id: 'relay-log-console-empty',
        title: 'Log table: no row matches the filters',
        component,
        permissions: admin,
        apex: { ...names, 'RelayConsoleController.queryLogs': { data: emptyPage } },
        expect: {
            text: [
                'No log rows match these filters.',
                'Widen the time range (Last 7 days) or clear a filter.',
                '0 rows shown'
            ]
        }
    },
    {
        id: 'relay-log-console-error',
        title: 'Log table: the query failed',
        component,
        permissions: admin,
        apex: {
            ...names,
            'RelayConsoleController.queryLogs': {
                error: 'The page cursor is not one this console gave out; start from the first page.'
            }
        },
        expect: {
            text: ['The page cursor is not one this console gave out; start from the first page.'],
            absent: ['No log rows match these filters.']
        }
    },
    {
        id: 'relay-log-console-broad-window',
        title: 'Log table: a custom range longer than 7 days with no integration, status or record',
        component,
        permissions: admin,
        pageState: { c__range: 'custom', c__from: '2026-10-01T00:00:00.000Z', c__to: '2026-11-20T00:00:00.000Z' },
        apex: { ...names, 'RelayConsoleController.queryLogs': { error: BROAD_WINDOW } },
        expect: { text: [BROAD_WINDOW, 'From', 'To'], absent: ['No log rows match these filters.'] }
    },
    {
        id: 'relay-log-console-no-access',
        title: 'Log table: the user lacks the Relay Admin permission set',
        component,
        apex: {
            'RelayConsoleController.getIntegrationNames': { error: NO_CONSOLE_ACCESS },
            'RelayConsoleController.queryLogs': { error: NO_CONSOLE_ACCESS }
        },
        expect: {
            text: [
                'You cannot open the Relay console',
                NO_CONSOLE_ACCESS,
                'Ask your Salesforce admin to assign you the Relay Admin permission set.'
            ],
            absent: ['Load more', 'Clear filters']
        }
    },
    {
        id: 'relay-log-console-dead-letters-timeout',
        title: 'Log table opened from a dead-letter group: Dead Letter + Timeout over 7 days',
        component,
        permissions: admin,
        pageState: { c__status: 'Dead Letter', c__errorCategory: 'Timeout', c__range: '7d' },
        apex: { ...names, 'RelayConsoleController.queryLogs': { data: deadLetterTimeoutPage } },
        expect: {
            text: ['2 rows shown', 'No answer within 10 s (read timed out)', 'Replay all matching…', 'Last 7 days'],
            absent: ['Load more', 'choose an integration, a status or a record id']
        }
    },
    {
        id: 'relay-log-console-load-more',
        title: 'Log table: "Load more" appends the next page',
        component,
        permissions: admin,
        apex: { ...names, 'RelayConsoleController.queryLogs': { sequence: [{ data: page1 }, { data: page2 }] } },
        steps: [{ expectText: '12 rows shown · more available' }, { click: { role: 'button', name: 'Load more' } }],
        expect: { text: ['20 rows shown', 'LOG-0004211', 'LOG-0004230'], absent: ['more available'] }
    },
    {
        id: 'relay-log-console-replay-matching',
        title: 'Bulk replay: confirmation naming the filter, then progress to completion',
        component,
        permissions: admin,
        pageState: { c__status: 'Dead Letter', c__errorCategory: 'Timeout', c__range: '7d' },
        apex: {
            ...names,
            'RelayConsoleController.queryLogs': { data: deadLetterTimeoutPage },
            'RelayConsoleController.replayMatching': { data: replayStarted },
            'RelayConsoleController.getOperation': {
                sequence: [{ data: operationRunning }, { data: operationCompleted }]
            }
        },
        steps: [
            { click: { role: 'button', name: 'Replay all matching…' } },
            { expectText: 'Replay every Dead Letter or Cancelled row matching' },
            // The window of a bulk request starts on the hour, in the user's time zone (preview: America/Los_Angeles).
            { expectText: 'created since Nov 13, 2026, 4:00 AM PST' },
            { expectText: 'Rows created before then are not included.' },
            { screenshot: 'confirm' },
            { click: { role: 'button', name: 'OK' } },
            { expectText: 'Replay: Running' },
            { screenshot: 'running' },
            { waitMs: 3500 },
            { expectText: 'Replay: Completed' }
        ],
        expect: {
            text: ['4 of 4 rows handled · 3 done, 1 skipped, 0 failed'],
            toasts: ['Replay started', 'Replay completed']
        }
    },
    {
        id: 'relay-log-console-replay-beyond-count',
        title: 'Bulk replay still running after handling as many rows as were counted: no percentage',
        component,
        permissions: admin,
        pageState: { c__status: 'Dead Letter', c__errorCategory: 'Timeout', c__range: '7d' },
        apex: {
            ...names,
            'RelayConsoleController.queryLogs': { data: deadLetterTimeoutPage },
            'RelayConsoleController.replayMatching': { data: replayStarted },
            'RelayConsoleController.getOperation': { data: { ...operationRunning, processed: 4 } }
        },
        steps: [
            { click: { role: 'button', name: 'Replay all matching…' } },
            { click: { role: 'button', name: 'OK' } },
            { expectText: 'Replay: Running' }
        ],
        expect: {
            text: ['4 rows handled so far; more rows matched than the 4 counted · 4 done, 0 skipped, 0 failed'],
            absent: ['4 of 4 rows handled']
        }
    },
    {
        id: 'relay-log-console-detail',
        title: 'Dead letters of Billing_Account, one opened below the table: snapshot and response excerpt',
        component,
        permissions: admin,
        pageState: { c__integration: 'Billing_Account', c__status: 'Dead Letter' },
        apex: {
            ...names,
            'RelayConsoleController.queryLogs': { data: billingDeadLetters },
            'RelayConsoleController.getLogDetail': { data: logDetail }
        },
        steps: [
            { expectText: '3 rows shown' },
            { click: { role: 'button', name: 'Show actions' } },
            { expectText: 'Replay with current data' },
            { screenshot: 'row-actions' },
            { click: { role: 'menuitem', name: 'View details' } }
        ],
        expect: {
            text: ['Log row LOG-0004229', 'Request snapshot', 'Response excerpt', '"ContractNumber": "00000112"']
        }
    },
    {
        id: 'relay-log-console-read-only',
        title: 'Log table for an admin without the replay and cancel permissions',
        component,
        apex: { ...names, 'RelayConsoleController.queryLogs': { data: page1 } },
        expect: {
            text: ['12 rows shown · more available'],
            absent: ['Replay all matching…', 'Cancel all matching…']
        }
    }
];
