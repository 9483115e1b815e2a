import type { PreviewScenario } from 'relay/preview';
import summaryAll from './data/summaryAll.json' with { type: 'json' };
import summaryCapped from './data/summaryCapped.json' with { type: 'json' };
import summaryNone from './data/summaryNone.json' with { type: 'json' };
import operations from './data/operations.json' with { type: 'json' };
import integrationNames from './data/integrationNames.json' with { type: 'json' };

const COMPONENT = 'relayDeadLetters';
const SUMMARY = 'RelayConsoleController.getDeadLetterSummary';
const NAMES = 'RelayConsoleController.getIntegrationNames';
const REPLAY = 'RelayConsoleController.replayMatching';
const OPERATION = 'RelayConsoleController.getOperation';
const NO_CONSOLE = 'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';
const names = { data: integrationNames };
const canReplay = { Relay_Replay_Logs: true };

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-dead-letters-loading',
        title: 'Dead letters: loading',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { pending: true } },
        expect: { text: ['Dead letters', 'Integration'], absent: ['Error category'] }
    },
    {
        id: 'relay-dead-letters-grouped',
        title: 'Dead letters: grouped by error category, largest first',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { data: summaryAll } },
        permissions: canReplay,
        expect: {
            text: [
                '1,234 dead letters across all integrations',
                'Error category',
                'Timeout',
                '812',
                'Server Error',
                'Authentication',
                'Record Rejected',
                'View logs',
                'Replay all…'
            ]
        }
    },
    {
        id: 'relay-dead-letters-no-replay',
        title: 'Dead letters: an admin without Relay Replay Logs sees no replay',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { data: summaryAll } },
        expect: { text: ['1,234 dead letters across all integrations', 'View logs'], absent: ['Replay all…'] }
    },
    {
        id: 'relay-dead-letters-capped',
        title: 'Dead letters: more than 10,000, counts capped',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { data: summaryCapped } },
        permissions: canReplay,
        expect: {
            text: [
                '10,000+ dead letters across all integrations',
                'Counts stop at 10,000',
                '3,000+',
                '1,840',
                'Uncategorized'
            ]
        }
    },
    {
        id: 'relay-dead-letters-none',
        title: 'Dead letters: none',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { data: summaryNone } },
        permissions: canReplay,
        expect: {
            text: ['No dead letters. Every change reached its receiver or is still being retried.'],
            absent: ['Error category']
        }
    },
    {
        id: 'relay-dead-letters-replay',
        title: 'Dead letters: replay a category, confirm, follow the progress to the end',
        component: COMPONENT,
        apex: {
            [NAMES]: names,
            [SUMMARY]: { data: summaryAll },
            [REPLAY]: { data: operations.started },
            [OPERATION]: { sequence: [{ data: operations.running }, { data: operations.completed }] }
        },
        permissions: canReplay,
        steps: [
            { click: { role: 'button', name: 'Replay all 812 Timeout dead letters…' } },
            { expectText: 'Replay all 812 Timeout dead letters of every integration?' },
            { screenshot: 'confirm' },
            { click: { role: 'button', name: 'OK' } },
            { expectText: 'Replay of the Timeout dead letters of every integration' },
            { expectText: 'Running: 402 of 812 done' },
            { screenshot: 'progress' },
            { expectText: 'Replay finished: 809 queued again, 3 skipped.' }
        ],
        expect: {
            text: ['Replay finished: 809 queued again, 3 skipped.', 'Dismiss'],
            toasts: ['809 queued again, 3 skipped.']
        }
    },
    {
        id: 'relay-dead-letters-error',
        title: 'Dead letters: the summary failed',
        component: COMPONENT,
        apex: { [NAMES]: names, [SUMMARY]: { error: 'Dead letters could not be counted: the query timed out.' } },
        expect: { text: ['Dead letters could not be counted: the query timed out.'], absent: ['Error category'] }
    },
    {
        id: 'relay-dead-letters-no-access',
        title: 'Dead letters: no console access',
        component: COMPONENT,
        apex: { [NAMES]: { error: NO_CONSOLE }, [SUMMARY]: { error: NO_CONSOLE } },
        expect: {
            text: ['You cannot open the Relay console', NO_CONSOLE],
            absent: ['Error category', 'All integrations']
        }
    }
];
