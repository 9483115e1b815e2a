import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { runCommand } from '../../test-support/command-test.ts';
import { ReferenceReceiver } from '../../../receiver/server.ts';
import type { ConformanceReport } from '../../../conformance/kit.ts';
import ContractCheck from './check.ts';

describe('relay contract check', () => {
    const $$ = new TestContext();
    let receiver: ReferenceReceiver;
    let url: string;

    beforeEach(async () => {
        receiver = new ReferenceReceiver({ token: 'secret' });
        url = `${await receiver.start()}/customers/batch`;
    });

    afterEach(async () => {
        $$.restore();
        await receiver.stop();
    });

    it('reports the reference receiver as conforming, item by item', async () => {
        const run = await runCommand(ContractCheck, ['--url', url, '--token', 'secret'], $$.SANDBOX);

        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain('PASS  4. Deduplicate');
        expect(run.stdout).toContain('Conforms: no item failed.');
        expect(run.result?.passed).toBe(true);
    });

    it('exits 1 and names the failing item when the receiver refuses the credentials', async () => {
        const run = await runCommand(
            ContractCheck,
            ['--url', url, '--token', 'wrong', '--cloudevents', 'off'],
            $$.SANDBOX
        );

        expect(run.exitCode).toBe(1);
        expect(run.stdout).toMatch(/FAIL {2}1\. Endpoint and credentials/);
        expect((run.result as ConformanceReport).cloudEvents).toBe(false);
    });

    it('refuses a URL that is not http(s) in one line with exit code 2', async () => {
        const run = await runCommand(ContractCheck, ['--url', 'ftp://example.com'], $$.SANDBOX);

        expect(run.stderr).toBe('Error: --url must be an http or https URL (was ftp://example.com).');
        expect(run.exitCode).toBe(2);
    });

    it('names the missing --url', async () => {
        const run = await runCommand(ContractCheck, [], $$.SANDBOX);

        expect(run.stderr).toMatch(/^Error: Missing required flag url/);
        expect(run.exitCode).toBe(2);
    });
});
