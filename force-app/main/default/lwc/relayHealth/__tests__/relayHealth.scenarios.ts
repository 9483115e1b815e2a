import type { PreviewScenario } from 'relay/preview';
import healthAll from './data/healthAll.json' with { type: 'json' };
import healthOne from './data/healthOne.json' with { type: 'json' };
import healthDegraded from './data/healthDegraded.json' with { type: 'json' };
import healthNoTraffic from './data/healthNoTraffic.json' with { type: 'json' };
import integrationNames from './data/integrationNames.json' with { type: 'json' };

const COMPONENT = 'relayHealth';
const HEALTH = 'RelayConsoleController.getIntegrationHealth';
const NAMES = 'RelayConsoleController.getIntegrationNames';
const RESET = 'RelayConsoleController.resetCircuit';
const NO_CONSOLE = 'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';
const names = { data: integrationNames };

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-health-loading',
        title: 'Health: loading',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { pending: true } },
        expect: { text: ['Integration health', 'Window', 'Integration'], absent: ['Success rate'] }
    },
    {
        id: 'relay-health-all',
        title: 'Health: all integrations, one healthy and one degraded',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { data: healthAll } },
        expect: {
            text: [
                'ERP_Customer',
                'Billing_Account',
                '99.8 %',
                'Healthy',
                '89.5 %',
                'Failing',
                'Circuit closed',
                'Circuit open',
                '5,000+',
                'Choose one integration to see its hourly chart.',
                // windowEnd (12:00 UTC) in @salesforce/i18n/timeZone, which the preview takes from the package:
                // America/Los_Angeles.
                'As of Nov 20, 4:00 AM'
            ]
        }
    },
    {
        id: 'relay-health-healthy',
        title: 'Health: one healthy integration with its hourly chart',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { data: healthOne } },
        expect: {
            text: ['ERP_Customer', 'Healthy', 'Circuit closed', '2 s / 10 s', 'Delivered', 'Dead letters', 'Retries'],
            absent: ['Reset circuit', 'Choose one integration to see its hourly chart.']
        }
    },
    {
        id: 'relay-health-degraded',
        title: 'Health: degraded, circuit open, alerts and a capped backlog',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { data: healthDegraded } },
        expect: {
            text: [
                'Billing_Account',
                'Failing',
                'Circuit open',
                'Reset circuit',
                '5 consecutive failures: the receiver answered HTTP 503.',
                'Circuit Open',
                '48 changes became Dead Letter in the last hour',
                '5,000+',
                'Counted up to 5,000',
                '6 h 12 min'
            ]
        }
    },
    {
        id: 'relay-health-one-integration',
        title: 'Health: choosing one integration draws its hourly chart',
        component: COMPONENT,
        apex: {
            [NAMES]: names,
            [HEALTH]: { sequence: [{ data: healthAll }, { data: healthOne, delayMs: 200 }] }
        },
        steps: [
            { expectText: 'Choose one integration to see its hourly chart.' },
            { select: { label: 'Integration', option: 'ERP_Customer' } },
            { expectText: 'Changes over time' }
        ],
        expect: {
            text: ['ERP_Customer', 'Delivered', 'Retries'],
            absent: ['Billing_Account', 'Choose one integration to see its hourly chart.']
        }
    },
    {
        id: 'relay-health-week',
        title: 'Health: last 7 days',
        component: COMPONENT,
        apex: {
            [NAMES]: names,
            [HEALTH]: { sequence: [{ data: healthAll }, { data: healthAll, delayMs: 200 }] }
        },
        steps: [{ select: { label: 'Window', option: 'Last 7 days' } }, { expectText: 'ERP_Customer' }],
        expect: { text: ['Last 7 days', 'ERP_Customer', 'Billing_Account'] }
    },
    {
        id: 'relay-health-reset-confirm',
        title: 'Health: reset circuit asks first, then toasts the outcome',
        component: COMPONENT,
        apex: {
            [NAMES]: names,
            [HEALTH]: { data: healthDegraded },
            [RESET]: { data: { message: 'Billing_Account resumed: 1,200 waiting changes are due now.' } }
        },
        steps: [
            { click: { role: 'button', name: 'Reset circuit' } },
            { expectText: 'Close the circuit of Billing_Account now?' },
            { screenshot: 'confirm' },
            { click: { role: 'button', name: 'OK' } }
        ],
        expect: {
            text: ['Billing_Account'],
            toasts: ['Billing_Account resumed: 1,200 waiting changes are due now.']
        }
    },
    {
        id: 'relay-health-no-traffic',
        title: 'Health: no traffic in the window',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { data: healthNoTraffic } },
        expect: {
            text: [
                'No traffic',
                'Nothing was delivered or dead-lettered in this window.',
                '0 per hour',
                'Nothing waiting',
                'No deliveries in this window, so no latency to show.'
            ]
        }
    },
    {
        id: 'relay-health-empty',
        title: 'Health: no integration configured',
        component: COMPONENT,
        apex: { [NAMES]: { data: [] }, [HEALTH]: { data: [] } },
        expect: {
            text: [
                'No integration is configured yet. Add an Integration Setting record (Setup → Custom Metadata Types).'
            ]
        }
    },
    {
        id: 'relay-health-error',
        title: 'Health: the health query failed',
        component: COMPONENT,
        apex: { [NAMES]: names, [HEALTH]: { error: 'Choose a window of 1 to 744 hours.' } },
        expect: { text: ['Choose a window of 1 to 744 hours.'], absent: ['Success rate'] }
    },
    {
        id: 'relay-health-no-access',
        title: 'Health: no console access',
        component: COMPONENT,
        apex: { [NAMES]: { error: NO_CONSOLE }, [HEALTH]: { error: NO_CONSOLE } },
        expect: {
            text: ['You cannot open the Relay console', NO_CONSOLE],
            absent: ['Success rate', 'All integrations']
        }
    }
];
