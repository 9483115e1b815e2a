import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runCommand } from '../../test-support/command-test.ts';
import { describingOrg } from '../../../metadata/org-test-support.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import type { FixtureProject } from '../../../test-support/fixture-project.ts';
import { exampleRecord, relayFixture } from '../../../metadata/fixture.ts';
import MetadataValidate from './validate.ts';
import type { MetadataValidateResult } from './validate.ts';

const SETTING = 'examples/main/default/customMetadata/Integration_Setting.ERP_Customer.md-meta.xml';

describe('relay metadata validate', () => {
    const org = useTestOrg();
    let project: FixtureProject;
    const cwd = process.cwd();

    beforeEach(() => {
        project = relayFixture({ withExample: true });
        process.chdir(project.root);
        org.useRealProject();
    });
    afterEach(() => {
        process.chdir(cwd);
        project.remove();
    });

    it('passes the sample integration', async () => {
        const run = await runCommand<MetadataValidateResult>(MetadataValidate, [], org.$$.SANDBOX);
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toBe('8 records checked (1 integrations): no problems.');
        expect(run.result?.problems).toEqual([]);
    });

    it('prints every problem as file:line: message, exits 1 and writes nothing', async () => {
        // Given a setting with two problems and a field record with malformed XML
        const text = exampleRecord(path.basename(SETTING)).replace('50.0', '0.0').replace('>Real Time<', '>Batch<');
        project.write(SETTING, text);
        const field = 'examples/main/default/customMetadata/Integration_Field.ERP_Customer_Phone.md-meta.xml';
        project.write(field, '<CustomMetadata>\n  <label>x</label>\n  <values>\n</CustomMetadata>\n');
        // When validated
        const run = await runCommand<MetadataValidateResult>(MetadataValidate, [], org.$$.SANDBOX);
        // Then
        const lineOf = (needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
        expect(run.stdout.split('\n')).toEqual([
            `examples/main/default/customMetadata/Integration_Field.ERP_Customer_Phone.md-meta.xml:4: malformed XML: Expected closing tag 'values' (opened in line 3, col 3) instead of closing tag 'CustomMetadata'.`,
            `${SETTING}:${lineOf('<field>Delivery_Mode__c')}: Delivery_Mode__c must be 'Real Time' or 'Scheduled' (was 'Batch').`,
            `${SETTING}:${lineOf('<field>Records_Per_Callout__c')}: Records_Per_Callout__c must be between 1 and 200 (was 0).`
        ]);
        expect(run.stderr).toBe('3 problems in 7 records (1 integrations).');
        expect(run.exitCode).toBe(1);
    });

    it('answers --json with the problems', async () => {
        project.write(SETTING, exampleRecord(path.basename(SETTING)).replace('>Relay_ERP<', '>Relay_Nope<'));
        const run = await runCommand<MetadataValidateResult>(MetadataValidate, ['--json'], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.result?.problems).toEqual([
            expect.objectContaining({
                file: SETTING,
                message: "Named_Credential__c must name a Named Credential in the project (was 'Relay_Nope')."
            })
        ]);
    });

    it("checks against an org's describe and Named Credentials with --target-org", async () => {
        // Given an org whose Account has no Phone field and which holds the Relay_Nope Named Credential
        project.write(SETTING, exampleRecord(path.basename(SETTING)).replace('>Relay_ERP<', '>Relay_Nope<'));
        const requests = describingOrg(
            org,
            {
                Account: [
                    'Id',
                    'Name',
                    'AccountNumber',
                    'BillingCity',
                    'BillingCountry',
                    'BillingPostalCode',
                    'BillingStreet'
                ]
            },
            ['Relay_Nope']
        );
        // When validated against it
        const run = await runCommand<MetadataValidateResult>(
            MetadataValidate,
            ['--target-org', org.username()],
            org.$$.SANDBOX
        );
        // Then only the org's answer about Phone is a problem
        expect(requests.join(' ')).toContain('/sobjects/Account/describe');
        expect(run.result?.problems.map((problem) => problem.message)).toEqual([
            "Integration_Field__mdt ERP_Customer_Phone Source_Field__c must name a field of Account (was 'Phone')."
        ]);
        expect(run.exitCode).toBe(1);
    });

    it('refuses to run outside a project in one line', async () => {
        process.chdir(path.dirname(project.root));
        const run = await runCommand(MetadataValidate, [], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toMatch(/^Error: .* does not contain a valid Salesforce DX project\.$/);
    });

    it('refuses an unknown flag in one line', async () => {
        const run = await runCommand(MetadataValidate, ['--bogus'], org.$$.SANDBOX);
        expect(run.exitCode).toBe(2);
        expect(run.stderr).toMatch(/^Error: Unknown flag --bogus/);
    });
});
