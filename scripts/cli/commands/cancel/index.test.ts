import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import Cancel from './index.ts';

describe('relay cancel', () => {
    const org = useTestOrg();

    it('posts the filter to the cancel action and reports the operation', async () => {
        const requests = org.answerRest({ body: { operationId: 'a0B000000000003AAA', matched: 40 } });
        const run = await runCommand(
            Cancel,
            ['--target-org', org.username(), '--filter', 'integration=ERP_Customer;status=Retry Scheduled|Queued'],
            org.$$.SANDBOX
        );
        expect(requests).toEqual([
            {
                method: 'POST',
                url: '/services/apexrest/relay/v1/operations/cancel',
                body: { filter: { integration: 'ERP_Customer', statuses: ['Retry Scheduled', 'Queued'] } }
            }
        ]);
        expect(run.stdout).toBe(
            'Operation a0B000000000003AAA queued: 40 rows match (integration=ERP_Customer; statuses=Retry Scheduled|Queued). Follow it on the Relay_Operation__c record.'
        );
    });

    it('passes on the resource’s 400 sentence', async () => {
        org.answerRest({ status: 400, error: 'Unknown integration ERP_Custmer.' });
        const run = await runCommand(
            Cancel,
            ['--target-org', org.username(), '--filter', 'integration=ERP_Custmer', '--json'],
            org.$$.SANDBOX
        );
        expect(run.json).toEqual([
            expect.objectContaining({ message: 'The org answered 400: Unknown integration ERP_Custmer.', status: 1 })
        ]);
        expect(run.exitCode).toBe(1);
    });

    it('refuses an unknown status in one line', async () => {
        const run = await runCommand(
            Cancel,
            ['--target-org', org.username(), '--filter', 'status=Lost'],
            org.$$.SANDBOX
        );
        expect(run.stderr).toBe(
            'Error: --filter status=Lost: not a log status (Queued, In Progress, Retry Scheduled, Delivered, Dead Letter, Cancelled).'
        );
    });
});
