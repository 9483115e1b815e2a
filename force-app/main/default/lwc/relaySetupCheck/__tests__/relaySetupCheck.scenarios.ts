import type { PreviewScenario } from 'relay/preview';
import fixtures from './data/setupCheck.json' with { type: 'json' };

const COMPONENT = 'relaySetupCheck';
const METHOD = 'RelayConsoleController.getSetupCheck';
// One name: each scenario's fixture is the whole check's answer (the component runs one call per name).
const NAMES = { 'RelayConsoleController.getSetupCheckNames': { data: ['all'] } };

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-setup-check-loading',
        title: 'Setup check: running',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { pending: true } },
        expect: { text: ['Setup check', 'Run again'] }
    },
    {
        id: 'relay-setup-check-some-fail',
        title: 'Setup check: two of nine checks fail, failing first with the fix',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { data: fixtures.someFail } },
        expect: {
            text: [
                '7 of 9 checks pass',
                'Fix the failing checks first: each says how.',
                'Schedules',
                'Not scheduled: Relay Retention Purge.',
                'Log keys',
                'Dispatch trigger subscription'
            ]
        }
    },
    {
        id: 'relay-setup-check-all-pass',
        title: 'Setup check: every check passes',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { data: fixtures.allPass } },
        expect: { text: ['All 5 checks pass', 'Relay is set up.', 'The key backfill completed (OP-000012).'] }
    },
    {
        id: 'relay-setup-check-run-again',
        title: 'Setup check: run again after fixing the schedules',
        component: COMPONENT,
        apex: {
            ...NAMES,
            [METHOD]: { sequence: [{ data: fixtures.someFail }, { data: fixtures.allPass, delayMs: 300 }] }
        },
        steps: [
            { expectText: '7 of 9 checks pass' },
            { click: { role: 'button', name: 'Run again' } },
            { expectText: 'All 5 checks pass' }
        ],
        expect: { text: ['All 5 checks pass'], absent: ['7 of 9 checks pass'] }
    },
    {
        id: 'relay-setup-check-no-permission',
        title: 'Setup check: the user has no console access',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { error: fixtures.noPermission } },
        expect: { text: ['You cannot run the setup check', fixtures.noPermission], absent: ['checks pass'] }
    },
    {
        id: 'relay-setup-check-no-manage-operations',
        title: 'Setup check: a console user without Relay Manage Operations',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { error: fixtures.noManageOperations } },
        expect: { text: ['You cannot run the setup check', fixtures.noManageOperations] }
    },
    {
        id: 'relay-setup-check-error',
        title: 'Setup check: the server failed',
        component: COMPONENT,
        apex: { ...NAMES, [METHOD]: { error: fixtures.serverError } },
        expect: { text: [fixtures.serverError, 'Run again'] }
    }
];
