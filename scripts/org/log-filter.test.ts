import { describe, expect, it } from '@jest/globals';
import { describeFilter, isSalesforceId, parseFilter } from './log-filter.ts';

describe('--filter', () => {
    it('reads key=value pairs, repeated flags and several statuses', () => {
        expect(
            parseFilter([
                'integration=ERP_Customer; status=Dead Letter|retry scheduled',
                'category=Server Error',
                'from=2026-11-01T08:00:00Z;to=2026-11-30',
                'recordId=001000000000001'
            ])
        ).toEqual({
            integration: 'ERP_Customer',
            statuses: ['Dead Letter', 'Retry Scheduled'],
            errorCategory: 'Server Error',
            from: '2026-11-01T08:00:00.000Z',
            to: '2026-11-30T00:00:00.000Z',
            recordId: '001000000000001'
        });
    });

    it('reads the API’s own JSON shape', () => {
        expect(parseFilter(['{"integration":"ERP_Customer","statuses":["Dead Letter","Cancelled"]}'])).toEqual({
            integration: 'ERP_Customer',
            statuses: ['Dead Letter', 'Cancelled']
        });
    });

    it.each([
        [
            ['integration=ERP_Customer;colour=red'],
            '--filter colour: unknown key (integration, status, category, from, to, recordId).'
        ],
        [['integration='], '--filter integration: no value.'],
        [['integration'], '--filter integration: expected key=value.'],
        [['{"integration":'], /^--filter is not valid JSON: /],
        [
            ['status=Dead Letter;from=yesterday'],
            '--filter from=yesterday: not a date (use ISO 8601, e.g. 2026-11-30 or 2026-11-30T08:00:00Z).'
        ],
        [['recordId=001xyz'], '--filter recordId=001xyz: not a Salesforce record id (15 or 18 characters).'],
        [['integration=ERP Customer'], '--filter integration=ERP Customer: not an integration name (a DeveloperName).'],
        [
            ['category=Timeout'],
            '--filter needs an integration, a status or a record id (for example --filter integration=ERP_Customer).'
        ],
        [
            ['integration=ERP_Customer;from=2026-12-01;to=2026-11-01'],
            '--filter from (2026-12-01T00:00:00.000Z) is after to (2026-11-01T00:00:00.000Z).'
        ]
    ])('refuses %j in one line', (values, message) => {
        expect(() => parseFilter(values)).toThrow(message);
    });

    it('describes a filter in one line', () => {
        expect(describeFilter({ integration: 'ERP_Customer', statuses: ['Dead Letter', 'Queued'] })).toBe(
            'integration=ERP_Customer; statuses=Dead Letter|Queued'
        );
    });

    it('knows a record id when it sees one', () => {
        expect(isSalesforceId('001000000000001AAA')).toBe(true);
        expect(isSalesforceId('001000000000001')).toBe(true);
        expect(isSalesforceId('001000000000001AA')).toBe(false);
    });
});
