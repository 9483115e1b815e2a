import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { fakeOrg } from '../../test-support/fake-org.ts';
import type { FakeAnswer, RecordedRequest } from '../../test-support/fake-org.ts';
import SetupCheckCommand from './check.ts';

describe('relay setup check', () => {
    const $$ = new TestContext();
    const testOrg = new MockTestOrgData();
    let requests: RecordedRequest[];

    beforeEach(async () => {
        await $$.stubAuths(testOrg);
        $$.stubAliases({});
        requests = [];
    });
    afterEach(() => $$.restore());

    function answer(reply: unknown, status?: number): void {
        const fake: FakeAnswer = status ? { status, error: String(reply) } : { body: reply };
        requests = fakeOrg($$, (request) => (request.url.includes('/apexrest/') ? fake : undefined));
    }

    it('prints one line per check and passes when every check is ok', async () => {
        // Given an org whose setup checks all pass
        answer({ checks: [{ name: 'Permission sets', ok: true, message: 'Relay_Admin assigned' }] });
        // When the admin checks its setup
        const run = await runCommand(SetupCheckCommand, ['--target-org', testOrg.username], $$.SANDBOX);
        // Then the operations API was asked once and the line and the summary show
        expect(requests).toEqual([
            { method: 'GET', url: '/services/apexrest/relay/v1/operations/setup', body: undefined }
        ]);
        expect(run.stdout).toContain('PASS  Permission sets — Relay_Admin assigned');
        expect(run.stdout).toContain('1 of 1 checks passed.');
        expect(run.exitCode).toBe(0);
        expect(run.result).toEqual({ passed: true, checks: expect.any(Array) as unknown });
    });

    it('exits 1 when a check fails', async () => {
        answer({
            checks: [
                { name: 'Permission sets', ok: true, message: 'ok' },
                { name: 'Named Credential', ok: false, message: 'Relay_ERP has no URL' }
            ]
        });
        const run = await runCommand(SetupCheckCommand, ['--target-org', testOrg.username], $$.SANDBOX);
        expect(run.stdout).toContain('FAIL  Named Credential — Relay_ERP has no URL');
        expect(run.result?.passed).toBe(false);
        expect(run.exitCode).toBe(1);
    });

    it('says in one line what the resource refused, with its status', async () => {
        answer('You need the Relay_Operations custom permission.', 403);
        const run = await runCommand(SetupCheckCommand, ['--target-org', testOrg.username], $$.SANDBOX);
        expect(run.stderr).toBe('Error: The org answered 403: You need the Relay_Operations custom permission.');
        expect(run.exitCode).toBe(1);
    });

    it('says Relay is not deployed when the org has no operations resource', async () => {
        requests = fakeOrg($$, (request) =>
            request.url.includes('/apexrest/')
                ? { platformError: 'Could not find a match for URL', code: 'NOT_FOUND' }
                : undefined
        );
        const run = await runCommand(SetupCheckCommand, ['--target-org', testOrg.username, '--json'], $$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.json).toEqual([expect.objectContaining({ status: 1, name: 'NotInstalledError' })]);
    });

    it('turns an unknown flag into one line and exit code 2', async () => {
        const run = await runCommand(SetupCheckCommand, ['--target-org', testOrg.username, '--bogus'], $$.SANDBOX);
        expect(run.exitCode).toBe(2);
        expect(run.stderr).toBe('Error: Unknown flag --bogus (see --help for the flags of this command).');
        expect(requests).toEqual([]);
    });
});
