import type { PreviewScenario } from 'relay/preview';
import results from './data/compare.json' with { type: 'json' };

// Shown inside the record page card (480 px wide), so previewed at that width.
const COMPONENT = 'recordCompare';
const COMPARE = 'IntegrationStatusController.compareRecord';
const props = { recordId: '001000000000001AAA', integration: 'ERP_Customer' };
const viewport = { width: 480, height: 800 };

export const scenarios: PreviewScenario[] = [
    {
        id: 'record-compare-loading',
        title: 'Compare: waiting for the external system',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { pending: true } },
        expect: { text: ['ERP_Customer compared with Salesforce', 'Close comparison'] }
    },
    {
        id: 'record-compare-differences',
        title: 'Compare: two fields differ, two keys only in the external system',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.differences } },
        expect: {
            text: [
                '2 of 5 fields differ.',
                'Differs',
                'Acme Corporation',
                'Acme Corp',
                'Lyon',
                'Paris',
                '(no value)',
                'Only in the external system',
                'creditLimit',
                'Compare again'
            ]
        }
    },
    {
        id: 'record-compare-agree',
        title: 'Compare: both sides agree',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.agree } },
        expect: {
            text: ['Salesforce and the receiving system agree on every field Relay sends.', 'AC-10042'],
            absent: ['Differs']
        }
    },
    {
        id: 'record-compare-not-found',
        title: 'Compare: the external system does not hold the record',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.notFound } },
        expect: { text: ['Not in the external system', 'The receiving system does not hold this record.'] }
    },
    {
        id: 'record-compare-timeout',
        title: 'Compare: no answer in time, then compared on a second try',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { sequence: [{ data: results.timeout }, { data: results.differences }] } },
        steps: [
            { expectText: 'The receiving system did not answer within 10 seconds.' },
            { screenshot: 'timeout' },
            { click: { role: 'button', name: 'Compare again' } },
            { expectText: '2 of 5 fields differ.' }
        ],
        expect: { text: ['2 of 5 fields differ.', 'Differs'] }
    },
    {
        id: 'record-compare-refused',
        title: 'Compare: the external system refused the credentials',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.refused } },
        expect: { text: ['Access refused', "The receiving system refused Relay's credentials (HTTP 403)."] }
    },
    {
        id: 'record-compare-no-credential-access',
        title: 'Compare: the rep has no principal access to the credential',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.noCredentialAccess } },
        expect: { text: ['No access to the credential', 'You may not use the credential of integration ERP_Customer'] }
    },
    {
        id: 'record-compare-server-error',
        title: 'Compare: the external system had an error',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.serverError } },
        expect: { text: ['External system error', 'The receiving system had an error (HTTP 503); try again later.'] }
    },
    {
        id: 'record-compare-not-offered',
        title: 'Compare: the integration offers no comparison',
        component: COMPONENT,
        props,
        viewport,
        apex: { [COMPARE]: { data: results.notOffered } },
        expect: { text: ['Comparison not offered'], absent: ['Compare again'] }
    },
    {
        id: 'record-compare-apex-error',
        title: 'Compare: Apex refuses (a field the rep cannot read)',
        component: COMPONENT,
        props,
        viewport,
        apex: {
            [COMPARE]: { error: 'You cannot read every field this integration sends, so Relay cannot compare them.' }
        },
        expect: { text: ['You cannot read every field this integration sends, so Relay cannot compare them.'] }
    }
];
