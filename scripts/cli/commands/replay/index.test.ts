import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import Replay from './index.ts';

describe('relay replay', () => {
    const org = useTestOrg();

    it('sends the filter as IntegrationLogFilter JSON and reports the operation', async () => {
        // Given an org that accepts the replay
        const requests = org.answerRest({ body: { operationId: 'a0B000000000001AAA', matched: 212 } });
        // When the admin replays the dead letters of one integration since a date
        const run = await runCommand(
            Replay,
            [
                '-o',
                org.username(),
                '--filter',
                'integration=ERP_Customer;status=dead letter',
                '--filter',
                'from=2026-11-30'
            ],
            org.$$.SANDBOX
        );
        // Then the API got the filter in its own shape and the operation id shows
        expect(requests).toEqual([
            {
                method: 'POST',
                url: '/services/apexrest/relay/v1/operations/replay',
                body: {
                    filter: {
                        integration: 'ERP_Customer',
                        statuses: ['Dead Letter'],
                        from: '2026-11-30T00:00:00.000Z'
                    },
                    withCurrentData: false
                }
            }
        ]);
        expect(run.stdout).toContain('Operation a0B000000000001AAA queued: 212 rows match');
        expect(run.result).toEqual(expect.objectContaining({ operationId: 'a0B000000000001AAA', matched: 212 }));
    });

    it('asks for current data with --with-current-data and takes a JSON filter', async () => {
        const requests = org.answerRest({ body: { operationId: 'a0B000000000002AAA', matched: 1 } });
        await runCommand(
            Replay,
            ['-o', org.username(), '--filter', '{"recordId":"001000000000001AAA"}', '--with-current-data'],
            org.$$.SANDBOX
        );
        expect(requests[0].body).toEqual({ filter: { recordId: '001000000000001AAA' }, withCurrentData: true });
    });

    it('refuses a filter without integration, status or record id before calling the org', async () => {
        const requests = org.answerRest({ body: {} });
        const run = await runCommand(Replay, ['-o', org.username(), '--filter', 'from=2026-11-01'], org.$$.SANDBOX);
        expect(run.stderr).toBe(
            'Error: --filter needs an integration, a status or a record id (for example --filter integration=ERP_Customer).'
        );
        expect(run.exitCode).toBe(1);
        expect(requests).toEqual([]);
    });

    it('refuses a missing --filter in one line', async () => {
        const run = await runCommand(Replay, ['-o', org.username()], org.$$.SANDBOX);
        expect(run.stderr.split('\n')).toHaveLength(1);
        expect(run.stderr).toBe('Error: Missing required flag filter');
        expect(run.exitCode).toBe(2);
    });
});
