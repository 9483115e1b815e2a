import type { PreviewScenario } from 'relay/preview';
import logDetail from './data/logDetail.json' with { type: 'json' };
import logDetailNoSnapshot from './data/logDetailNoSnapshot.json' with { type: 'json' };

const component = 'relayLogDetail';
const props = { logId: logDetail.row.id };
const viewport = { width: 1100, height: 800 };

export const scenarios: PreviewScenario[] = [
    {
        id: 'relay-log-detail-snapshot',
        title: 'Row detail: a dead letter with its request snapshot and the receiver’s response',
        component,
        props,
        viewport,
        apex: { 'RelayConsoleController.getLogDetail': { data: logDetail } },
        expect: {
            text: [
                'Log row LOG-0004229',
                'Dead letter',
                'Billing_Account · Contract UPDATE · 6 attempts · HTTP 503 · Server Error',
                'Billing_Account:800Hs00000K2pB11AA:1763637600000',
                '"ContractNumber": "00000112"',
                'Not acknowledged by the receiver yet.',
                'Download'
            ]
        }
    },
    {
        id: 'relay-log-detail-no-snapshot',
        title: 'Row detail: delivered and acknowledged, snapshot cleared by retention',
        component,
        props: { logId: logDetailNoSnapshot.row.id },
        viewport,
        apex: { 'RelayConsoleController.getLogDetail': { data: logDetailNoSnapshot } },
        expect: {
            text: [
                'No snapshot: the row was never sent, or its snapshot was cleared by retention after delivery.',
                'Acknowledged: Customer 118204 updated in ERP',
                'CUST-118204'
            ],
            absent: ['Copy']
        }
    },
    {
        id: 'relay-log-detail-no-field-access',
        title: 'Row detail: the admin cannot read the snapshot and response fields',
        component,
        props,
        viewport,
        apex: {
            'RelayConsoleController.getLogDetail': {
                error: 'You cannot read the request snapshot and response fields of Integration Logs.'
            }
        },
        expect: {
            text: [
                'You cannot read the request snapshot and response fields of Integration Logs.',
                'Ask your Salesforce admin for read access to Request Snapshot and Response Excerpt'
            ]
        }
    },
    {
        id: 'relay-log-detail-error',
        title: 'Row detail: the row was purged',
        component,
        props,
        viewport,
        apex: {
            'RelayConsoleController.getLogDetail': { error: 'This log row no longer exists (it may have been purged).' }
        },
        expect: { text: ['This log row no longer exists (it may have been purged).'] }
    }
];
