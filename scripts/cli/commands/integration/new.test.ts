import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { relayFixture } from '../../../metadata/fixture.ts';
import { describingOrg } from '../../../metadata/org-test-support.ts';
import type { FixtureProject } from '../../../test-support/fixture-project.ts';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import MetadataValidate from '../metadata/validate.ts';
import IntegrationNew from './new.ts';
import type { IntegrationNewResult } from './new.ts';

const FLAGS = [
    '--object',
    'Contact',
    '--named-credential',
    'Billing_API',
    '--fields',
    'LastName,Email',
    '--output-dir',
    'examples'
];

describe('relay integration new', () => {
    const org = useTestOrg();
    let project: FixtureProject;
    const cwd = process.cwd();

    beforeEach(() => {
        project = relayFixture();
        process.chdir(project.root);
        org.useRealProject();
    });
    afterEach(() => {
        process.chdir(cwd);
        project.remove();
    });

    it('lists the files in a dry run and writes nothing', async () => {
        const run = await runCommand<IntegrationNewResult>(IntegrationNew, [...FLAGS, '--dry-run'], org.$$.SANDBOX);
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain(
            'create  examples/main/default/customMetadata/Integration_Setting.Billing_API_Contact.md-meta.xml'
        );
        expect(run.stdout).toContain('Dry run: 10 files would be written for Billing_API_Contact.');
        expect(run.result?.written).toBe(false);
        expect(existsSync(path.join(project.root, 'examples/main/default/triggers'))).toBe(false);
    });

    it('writes an integration that validates, then refuses to overwrite it', async () => {
        const run = await runCommand<IntegrationNewResult>(IntegrationNew, FLAGS, org.$$.SANDBOX);
        expect(run.exitCode).toBe(0);
        expect(run.result?.files).toHaveLength(10);
        expect(
            readFileSync(path.join(project.root, 'examples/main/default/triggers/RelayContactTrigger.trigger'), 'utf8')
        ).toContain('IntegrationCapture.fromTrigger();');
        expect((await runCommand(MetadataValidate, [], org.$$.SANDBOX)).exitCode).toBe(0);
        const again = await runCommand(IntegrationNew, FLAGS, org.$$.SANDBOX);
        expect(again.exitCode).toBe(1);
        expect(again.stderr).toMatch(
            /^Error: Refusing to overwrite examples\/main\/default\/customMetadata\/Integration_Setting\.Billing_API_Contact\.md-meta\.xml, /
        );
    });

    it('refuses a field the object does not have, and missing flags, in one line', async () => {
        const unknown = await runCommand(IntegrationNew, [...FLAGS.slice(0, 4), '--fields', 'Fone'], org.$$.SANDBOX);
        expect(unknown.stderr).toBe('Error: Contact has no field Fone.');
        expect(unknown.exitCode).toBe(1);
        const missing = await runCommand(IntegrationNew, ['--object', 'Contact'], org.$$.SANDBOX);
        expect(missing.exitCode).toBe(2);
        expect(missing.stderr.split('\n')).toHaveLength(1);
        expect(missing.stderr).toContain('Missing required flag');
    });

    it("checks the fields against the org's describe and uses its Named Credential", async () => {
        const urls = describingOrg(org, { Invoice__c: ['Id', 'Name', 'Amount__c'] }, ['Billing_API']);
        const run = await runCommand<IntegrationNewResult>(
            IntegrationNew,
            [
                '--object',
                'Invoice__c',
                '--named-credential',
                'Billing_API',
                '--fields',
                'amount__c',
                '--dry-run',
                '--target-org',
                org.username()
            ],
            org.$$.SANDBOX
        );
        expect(urls.join(' ')).toContain('/sobjects/Invoice__c/describe');
        expect(run.exitCode).toBe(0);
        expect(run.result?.reused).toEqual(['Named Credential Billing_API exists in the project or the org']);
        expect(run.result?.files).toContain(
            'force-app/main/default/customMetadata/Integration_Field.Billing_API_Invoice_Amount.md-meta.xml'
        );
        const missing = await runCommand(
            IntegrationNew,
            [
                '--object',
                'Invoice__c',
                '--named-credential',
                'Billing_API',
                '--fields',
                'Total__c',
                '--target-org',
                org.username()
            ],
            org.$$.SANDBOX
        );
        expect(missing.stderr).toBe('Error: Invoice__c has no field Total__c.');
    });
});
