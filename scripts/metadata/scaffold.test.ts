import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { relayFixture } from './fixture.ts';
import { ScaffoldError, existingFiles, outboundKeyOf, planIntegration, writeIntegration } from './scaffold.ts';
import { validateProject } from './validate.ts';

describe('integration scaffold', () => {
    let project: FixtureProject;
    afterEach(() => project.remove());

    function plan(overrides: Partial<Parameters<typeof planIntegration>[0]> = {}) {
        return planIntegration({
            projectRoot: project.root,
            sourceObject: 'Contact',
            namedCredential: 'Billing_API',
            fields: ['lastname', 'Email', 'Phone'],
            outputDir: 'examples',
            ...overrides
        });
    }

    it('plans the records, credentials, permission set, trigger and test of a new integration', () => {
        project = relayFixture();
        const result = plan();
        expect(result.name).toBe('Billing_API_Contact');
        expect(result.files.map((file) => file.file)).toEqual([
            'examples/main/default/customMetadata/Integration_Setting.Billing_API_Contact.md-meta.xml',
            'examples/main/default/customMetadata/Integration_Field.Billing_API_Contact_LastName.md-meta.xml',
            'examples/main/default/customMetadata/Integration_Field.Billing_API_Contact_Email.md-meta.xml',
            'examples/main/default/customMetadata/Integration_Field.Billing_API_Contact_Phone.md-meta.xml',
            'examples/main/default/namedCredentials/Billing_API.namedCredential-meta.xml',
            'examples/main/default/externalCredentials/Billing_API.externalCredential-meta.xml',
            'examples/main/default/permissionsets/Billing_API_Contact_Integration.permissionset-meta.xml',
            'examples/main/default/triggers/RelayContactTrigger.trigger',
            'examples/main/default/triggers/RelayContactTrigger.trigger-meta.xml',
            'examples/test/classes/RelayContactTriggerTest.cls',
            'examples/test/classes/RelayContactTriggerTest.cls-meta.xml'
        ]);
        const permissionSet = result.files[6].content;
        expect(permissionSet).toContain(
            '<externalCredentialPrincipal>Billing_API-Relay_Integration</externalCredentialPrincipal>'
        );
        expect(permissionSet).toContain('<field>Contact.Email</field>');
        // A required field takes no field permission: the Metadata API refuses one
        expect(permissionSet).not.toContain('Contact.LastName');
        expect(result.files[7].content).toContain(
            'trigger RelayContactTrigger on Contact(after insert, after update, after delete, after undelete)'
        );
        expect(result.files[7].content).toContain('IntegrationCapture.fromTrigger();');
        expect(result.files[9].content).toContain("new Contact(LastName = 'Relay Sample')");
    });

    it('writes files that validate, and refuses to overwrite them', () => {
        project = relayFixture();
        const result = plan();
        writeIntegration(project.root, result);
        expect(validateProject({ projectRoot: project.root }).problems).toEqual([]);
        const setting = readFileSync(path.join(project.root, result.files[0].file), 'utf8');
        expect(setting).toContain('<value xsi:type="xsd:boolean">false</value>');
        expect(setting).toContain('<value xsi:type="xsd:string">/contact</value>');
        expect(existingFiles(project.root, result)).toHaveLength(result.files.length);
        expect(() => writeIntegration(project.root, result)).toThrow(/^Refusing to overwrite examples\/main/);
        // A second integration on the object reuses the credential and the trigger
        const second = plan({ name: 'Billing_Contact_Two', fields: ['Email'] });
        expect(second.reused).toEqual([
            'Named Credential Billing_API exists in the project',
            'examples/main/default/triggers/RelayContactTrigger.trigger already captures Contact'
        ]);
        expect(second.files.map((file) => path.basename(file.file))).toEqual([
            'Integration_Setting.Billing_Contact_Two.md-meta.xml',
            'Integration_Field.Billing_Contact_Two_Email.md-meta.xml',
            'Billing_Contact_Two_Integration.permissionset-meta.xml'
        ]);
        expect(second.files[2].content).not.toContain('externalCredentialPrincipal');
    });

    it('writes into the default package directory by default', () => {
        project = relayFixture();
        const result = plan({ outputDir: undefined, sourceObject: 'Account', fields: ['Name'], path: '/accounts' });
        writeIntegration(project.root, result);
        expect(existsSync(path.join(project.root, 'force-app/main/default/triggers/RelayAccountTrigger.trigger'))).toBe(
            true
        );
        expect(result.files.find((file) => file.file.endsWith('Test.cls'))?.content).toContain(
            "new Account(Name = 'Relay Sample')"
        );
    });

    it('sets a custom object Name in the test unless it is an auto number', () => {
        project = relayFixture();
        project.write(
            'force-app/main/default/objects/Invoice__c/Invoice__c.object-meta.xml',
            '<CustomObject><nameField><type>AutoNumber</type></nameField></CustomObject>'
        );
        project.write(
            'force-app/main/default/objects/Invoice__c/fields/Amount__c.field-meta.xml',
            '<CustomField><type>Number</type></CustomField>'
        );
        project.write(
            'force-app/main/default/objects/Order__c/Order__c.object-meta.xml',
            '<CustomObject><nameField><type>Text</type></nameField></CustomObject>'
        );
        const invoice = plan({ sourceObject: 'invoice__c', fields: ['Amount__c'] });
        expect(invoice.name).toBe('Billing_API_Invoice');
        expect(invoice.files.find((file) => file.file.endsWith('Test.cls'))?.content).toContain('new Invoice__c()');
        expect(invoice.files[1].file).toContain('Integration_Field.Billing_API_Invoice_Amount.md-meta.xml');
        expect(outboundKeyOf('Amount__c')).toBe('amount');
        expect(outboundKeyOf('Credit_Limit__c')).toBe('creditLimit');
        const order = plan({ sourceObject: 'Order__c', fields: ['Name'] });
        expect(order.files.find((file) => file.file.endsWith('Test.cls'))?.content).toContain(
            "new Order__c(Name = 'Relay Sample')"
        );
    });

    it('refuses unknown objects and fields, bad names, no fields, what IntegrationSetting would reject', () => {
        project = relayFixture();
        const message = (overrides: Partial<Parameters<typeof planIntegration>[0]>) => {
            try {
                plan(overrides);
            } catch (error) {
                return error instanceof ScaffoldError ? error.message : `not a ScaffoldError: ${String(error)}`;
            }
            return 'no error';
        };
        expect(message({ sourceObject: 'Nope__c' })).toBe(
            '--object Nope__c names no object of the project or the org (or the standard-object catalogue).'
        );
        expect(message({ fields: ['Email', 'Fone', 'Fax2'] })).toBe('Contact has no field Fone, Fax2.');
        expect(message({ fields: [' '] })).toBe(
            '--fields must name at least one field of the object, for example Name,Phone.'
        );
        expect(message({ namedCredential: 'callout:X' })).toBe(
            "--named-credential must be an API name such as Relay_ERP (was 'callout:X')."
        );
        expect(message({ name: 'Bad__Name' })).toMatch(/^--name must be a DeveloperName/);
        expect(message({ path: 'https://x.example.com' })).toBe(
            "Integration_Setting.Billing_API_Contact: Path__c must be a path such as /customers, not a URL (was 'https://x.example.com')."
        );
    });
});
