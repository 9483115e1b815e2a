import { describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import SchedulesStatus from './status.ts';
import SchedulesStop from './stop.ts';
import SchedulesStart from './start.ts';

describe('relay schedules', () => {
    const org = useTestOrg();

    it('status lists every schedule with its state and next fire time', async () => {
        // Given an org with two Relay schedules, one stopped
        const requests = org.answerRest({
            body: {
                schedules: [
                    {
                        name: 'Relay Sweeper',
                        workClass: 'IntegrationSweeper',
                        cron: '0 0/15 * * * ?',
                        state: 'WAITING',
                        nextFireTime: '2026-12-01T20:15:00Z'
                    },
                    {
                        name: 'Relay Purge',
                        workClass: 'IntegrationLogPurge',
                        cron: '0 15 2 * * ?',
                        state: 'Not Scheduled',
                        nextFireTime: null
                    }
                ]
            }
        });
        // When the admin lists them
        const run = await runCommand(SchedulesStatus, ['--target-org', org.username()], org.$$.SANDBOX);
        // Then both show, in a table, and the JSON result is the API's list
        expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
            'GET /services/apexrest/relay/v1/operations/schedules'
        ]);
        expect(run.stdout).toContain('Relay Sweeper');
        expect(run.stdout).toContain('Not Scheduled');
        expect(run.result?.schedules).toHaveLength(2);
        expect(run.exitCode).toBe(0);
    });

    it('status says so when no schedule is registered', async () => {
        org.answerRest({ body: { schedules: [] } });
        const run = await runCommand(SchedulesStatus, ['--target-org', org.username()], org.$$.SANDBOX);
        expect(run.stdout).toBe('No Relay schedules are registered in this org.');
    });

    it('stop posts to the stop action and reports how many stopped', async () => {
        const requests = org.answerRest({ body: { stopped: 4 } });
        const run = await runCommand(SchedulesStop, ['--target-org', org.username()], org.$$.SANDBOX);
        expect(requests).toEqual([
            { method: 'POST', url: '/services/apexrest/relay/v1/operations/schedules/stop', body: {} }
        ]);
        expect(run.stdout).toBe(`Stopped 4 Relay schedules in ${org.username()}.`);
        expect(run.result).toEqual({ stopped: 4 });
    });

    it('start posts to the start action and reports how many started, as JSON too', async () => {
        const requests = org.answerRest({ body: { started: 3 } });
        const run = await runCommand(SchedulesStart, ['--target-org', org.username(), '--json'], org.$$.SANDBOX);
        expect(requests[0].url).toBe('/services/apexrest/relay/v1/operations/schedules/start');
        expect(run.result).toEqual({ started: 3 });
        expect(run.exitCode).toBe(0);
    });

    it('stop without the permission fails with the resource sentence and no stack', async () => {
        org.answerRest({ status: 403, error: 'Stopping schedules needs the Relay_Manage_Schedules permission.' });
        const run = await runCommand(SchedulesStop, ['--target-org', org.username()], org.$$.SANDBOX);
        expect(run.stderr).toBe(
            'Error: The org answered 403: Stopping schedules needs the Relay_Manage_Schedules permission.'
        );
        expect(run.exitCode).toBe(1);
    });

    it('prints the stack trace only with --verbose', async () => {
        org.answerRest({ status: 500, error: 'Boom.' });
        const run = await runCommand(SchedulesStart, ['--target-org', org.username(), '--verbose'], org.$$.SANDBOX);
        const lines = run.stderr.split('\n');
        expect(lines[0]).toBe('Error: The org answered 500: Boom.');
        expect(lines.slice(1).join('\n')).toMatch(/\n\s+at /);
    });
});
