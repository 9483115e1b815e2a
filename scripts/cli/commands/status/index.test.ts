import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import Status from './index.ts';

describe('relay status', () => {
    const org = useTestOrg();

    it('shows the record’s status in each integration', async () => {
        const requests = org.answerRest({
            body: {
                recordId: '001000000000001AAA',
                integrations: [
                    {
                        integration: 'ERP_Customer',
                        status: 'Delivered',
                        attempts: 1,
                        lastError: null,
                        correlationId: 'c-1',
                        nextAttemptAt: null,
                        deliveredAt: '2026-12-01T10:00:00Z'
                    },
                    {
                        integration: 'Billing_Account',
                        status: 'Retry Scheduled',
                        attempts: 3,
                        lastError: '503 Service Unavailable',
                        correlationId: 'c-2',
                        nextAttemptAt: '2026-12-01T10:05:00Z',
                        deliveredAt: null
                    }
                ]
            }
        });
        const run = await runCommand(Status, ['001000000000001AAA', '--target-org', org.username()], org.$$.SANDBOX);
        expect(requests[0].url).toBe('/services/apexrest/relay/v1/operations/status?recordId=001000000000001AAA');
        expect(run.stdout).toContain('ERP_Customer');
        expect(run.stdout).toContain('503 Service Unavailable');
        expect(run.result?.integrations).toHaveLength(2);
    });

    it('says so when the record has no log rows', async () => {
        org.answerRest({ body: { recordId: '001000000000001', integrations: [] } });
        const run = await runCommand(Status, ['001000000000001', '--target-org', org.username()], org.$$.SANDBOX);
        expect(run.stdout).toBe('Record 001000000000001 has no Relay log rows.');
    });

    it('refuses what is not a record id, in one line with exit code 2, without calling the org', async () => {
        const requests = org.answerRest({ body: {} });
        const run = await runCommand(Status, ['not-an-id', '--target-org', org.username()], org.$$.SANDBOX);
        expect(run.stderr).toBe('Error: not-an-id is not a Salesforce record id (15 or 18 characters).');
        expect(run.exitCode).toBe(2);
        expect(requests).toEqual([]);
    });

    it('names the missing argument', async () => {
        const run = await runCommand(Status, ['--target-org', org.username()], org.$$.SANDBOX);
        expect(run.stderr).toBe(
            'Error: Missing 1 required arg: recordId The Salesforce record id (15 or 18 characters).'
        );
        expect(run.exitCode).toBe(2);
    });
});
