import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { GenerateResult } from '../../../metadata/generate.ts';
import { exampleRecord, relayFixture } from '../../../metadata/fixture.ts';
import { describingOrg } from '../../../metadata/org-test-support.ts';
import type { FixtureProject } from '../../../test-support/fixture-project.ts';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import MetadataGenerate from './generate.ts';
import MetadataValidate from './validate.ts';

const CONFIG = readFileSync(path.join(process.cwd(), 'scripts/metadata/examples/erp-customer.yaml'), 'utf8');
const OUT = 'examples/main/default/customMetadata';

describe('relay metadata generate', () => {
    const org = useTestOrg();
    let project: FixtureProject;
    const cwd = process.cwd();

    beforeEach(() => {
        project = relayFixture();
        project.write('examples/main/default/namedCredentials/Relay_ERP.namedCredential-meta.xml', '<x/>');
        project.write('relay.yaml', CONFIG);
        process.chdir(project.root);
        org.useRealProject();
    });
    afterEach(() => {
        process.chdir(cwd);
        project.remove();
    });

    it('writes the records, which validate, and a second run changes nothing', async () => {
        const first = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--output-dir', OUT],
            org.$$.SANDBOX
        );
        expect(first.exitCode).toBe(0);
        expect(first.stdout).toContain(`created    ${OUT}/Integration_Setting.ERP_Customer.md-meta.xml`);
        expect(first.stdout).toContain('8 records: 8 created, 0 updated, 0 unchanged.');
        expect(
            readFileSync(path.join(project.root, OUT, 'Integration_Field.ERP_Customer_Name.md-meta.xml'), 'utf8')
        ).toBe(exampleRecord('Integration_Field.ERP_Customer_Name.md-meta.xml'));
        const validate = await runCommand(MetadataValidate, [], org.$$.SANDBOX);
        expect(validate.exitCode).toBe(0);
        const second = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--output-dir', OUT],
            org.$$.SANDBOX
        );
        expect(second.stdout).toContain('8 records: 0 created, 0 updated, 8 unchanged.');
    });

    it('warns about field records the config no longer lists', async () => {
        await runCommand(MetadataGenerate, ['--from', 'relay.yaml', '--output-dir', OUT], org.$$.SANDBOX);
        project.write('relay.yaml', CONFIG.replace('          - { source: Phone, key: phone }\n', ''));
        const run = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--output-dir', OUT],
            org.$$.SANDBOX
        );
        expect(run.stdout).toContain(`stale      ${OUT}/Integration_Field.ERP_Customer_Phone.md-meta.xml`);
        expect(run.stderr).toContain('1 field records belong to a generated integration but are not in the config');
        const pruned = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--output-dir', OUT, '--prune'],
            org.$$.SANDBOX
        );
        expect(pruned.stdout).toContain(`deleted    ${OUT}/Integration_Field.ERP_Customer_Phone.md-meta.xml`);
    });

    it('lists but writes nothing in a dry run', async () => {
        const run = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--dry-run'],
            org.$$.SANDBOX
        );
        expect(run.stdout).toContain('Dry run: nothing written.');
        const validate = await runCommand(MetadataValidate, [], org.$$.SANDBOX);
        expect(validate.stdout).toBe('0 records checked (0 integrations): no problems.');
    });

    it('prints problems at the config lines, exits 1 and writes nothing', async () => {
        project.write('relay.yaml', CONFIG.replace('calloutTimeoutMs: 10000', 'calloutTimeoutMs: 200000'));
        const run = await runCommand<GenerateResult>(MetadataGenerate, ['--from', 'relay.yaml'], org.$$.SANDBOX);
        const line = CONFIG.split('\n').findIndex((entry) => entry.includes('calloutTimeoutMs')) + 1;
        expect(run.stdout).toBe(`relay.yaml:${line}: Callout_Timeout_Ms__c must be between 1 and 110000 (was 200000).`);
        expect(run.stderr).toBe('1 problems in relay.yaml: nothing written.');
        expect(run.exitCode).toBe(1);
        expect(run.result?.files).toEqual([]);
    });

    it('refuses a missing config file in one line', async () => {
        const run = await runCommand(MetadataGenerate, ['--from', 'missing.yaml'], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe('Error: No config file missing.yaml.');
        const withOrg = await runCommand(
            MetadataGenerate,
            ['--from', 'missing.yaml', '--target-org', org.username()],
            org.$$.SANDBOX
        );
        expect(withOrg.stderr).toBe('Error: No config file missing.yaml.');
    });

    it("checks the config against an org's describe and Named Credentials", async () => {
        project.write('relay.yaml', CONFIG.replace('namedCredential: Relay_ERP', 'namedCredential: Org_Only'));
        const urls = describingOrg(
            org,
            {
                Account: [
                    'Name',
                    'AccountNumber',
                    'BillingCity',
                    'BillingCountry',
                    'BillingPostalCode',
                    'BillingStreet',
                    'Phone'
                ]
            },
            ['Org_Only']
        );
        const run = await runCommand<GenerateResult>(
            MetadataGenerate,
            ['--from', 'relay.yaml', '--dry-run', '--target-org', org.username()],
            org.$$.SANDBOX
        );
        expect(run.result?.problems).toEqual([]);
        expect(urls.join(' ')).toContain('/sobjects/Account/describe');
    });
});
