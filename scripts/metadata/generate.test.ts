import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { relayTypes } from './cmdt-types.ts';
import { configKey, configSchema, labelOf } from './config.ts';
import { exampleRecord, relayFixture } from './fixture.ts';
import { generateRecords } from './generate.ts';
import { validateProject } from './validate.ts';

const EXAMPLE_CONFIG = readFileSync(path.join(process.cwd(), 'scripts/metadata/examples/erp-customer.yaml'), 'utf8');
const OUT = 'examples/main/default/customMetadata';

describe('generateRecords', () => {
    let project: FixtureProject;
    afterEach(() => project.remove());

    function generate(config: string, fileName = 'relay.yaml', extra: Record<string, unknown> = {}) {
        project.write(fileName, config);
        return generateRecords({ projectRoot: project.root, configFile: fileName, outputDir: OUT, ...extra });
    }

    it('writes exactly the records of the sample integration from its config file', () => {
        // Given a project with the sample's Named Credential but none of its records
        project = relayFixture();
        project.write('examples/main/default/namedCredentials/Relay_ERP.namedCredential-meta.xml', '<x/>');
        // When the sample's config is generated
        const result = generate(EXAMPLE_CONFIG);
        // Then every record is byte for byte the one in examples/
        expect(result.problems).toEqual([]);
        expect(result.files).toHaveLength(8);
        for (const file of readdirSync(path.join(project.root, OUT))) {
            expect(readFileSync(path.join(project.root, OUT, file), 'utf8')).toBe(exampleRecord(file));
        }
    });

    it('is round-trip safe: generate, validate, generate again changes nothing', () => {
        project = relayFixture();
        project.write('examples/main/default/namedCredentials/Relay_ERP.namedCredential-meta.xml', '<x/>');
        const config = EXAMPLE_CONFIG.replace(
            'path: /customers/batch',
            'path: /customers\n      payloadFormat: cloudevents'
        );
        expect(generate(config).files.every((file) => file.status === 'created')).toBe(true);
        expect(validateProject({ projectRoot: project.root }).problems).toEqual([]);
        const again = generate(config);
        expect(again.files.map((file) => file.status)).toEqual(Array(8).fill('unchanged'));
        const changed = generate(config.replace('recordsPerCallout: 50', 'recordsPerCallout: 100'));
        expect(
            changed.files.filter((file) => file.status === 'updated').map((file) => path.basename(file.file))
        ).toEqual(['Integration_Setting.ERP_Customer.md-meta.xml']);
    });

    it('reports field records the config no longer lists, and deletes them with prune', () => {
        project = relayFixture();
        project.write('examples/main/default/namedCredentials/Relay_ERP.namedCredential-meta.xml', '<x/>');
        generate(EXAMPLE_CONFIG);
        project.write(`${OUT}/Integration_Field.Broken.md-meta.xml`, '<CustomMetadata>');
        const withoutPhone = EXAMPLE_CONFIG.replace('          - { source: Phone, key: phone }\n', '');
        const stale = generate(withoutPhone);
        expect(stale.files.filter((file) => file.status === 'stale')).toEqual([
            { file: `${OUT}/Integration_Field.ERP_Customer_Phone.md-meta.xml`, status: 'stale' }
        ]);
        const pruned = generate(withoutPhone, 'relay.yaml', { prune: true });
        expect(pruned.files.filter((file) => file.status === 'deleted')).toHaveLength(1);
        expect(generate(withoutPhone).files.filter((file) => file.status === 'stale')).toEqual([]);
    });

    it('accepts JSON, lists for list fields, and defaults names and labels', () => {
        project = relayFixture();
        const config = JSON.stringify({
            integrations: [
                {
                    name: 'Billing_Contact',
                    sourceObject: 'Contact',
                    namedCredential: 'Billing',
                    triggerFields: ['Email', 'Phone'],
                    retryableStatusCodes: [429, 503],
                    fields: [
                        { source: 'LastName', key: 'lastName' },
                        { source: 'Email', key: 'email', active: false, name: 'Billing_Contact_Mail', label: 'Mail' }
                    ]
                }
            ]
        });
        const result = generate(config, 'relay.json', { namedCredentials: new Set(['Billing']) });
        expect(result.problems).toEqual([]);
        expect(result.files.map((file) => path.basename(file.file))).toEqual([
            'Integration_Setting.Billing_Contact.md-meta.xml',
            'Integration_Field.Billing_Contact_LastName.md-meta.xml',
            'Integration_Field.Billing_Contact_Mail.md-meta.xml'
        ]);
        const setting = readFileSync(
            path.join(project.root, OUT, 'Integration_Setting.Billing_Contact.md-meta.xml'),
            'utf8'
        );
        expect(setting).toContain('<label>Billing Contact</label>');
        expect(setting).toContain('<value xsi:type="xsd:string">Email,Phone</value>');
        expect(setting).toContain('<value xsi:type="xsd:string">429,503</value>');
        expect(setting).not.toContain('Active__c');
    });

    it('reports schema problems at the config line and writes nothing', () => {
        project = relayFixture();
        const config = EXAMPLE_CONFIG.replace('recordsPerCallout: 50', 'recordsPerCallout: fifty').replace(
            'httpMethod: POST',
            'httpMethod: POST\n      colour: blue'
        );
        const result = generate(config);
        const line = (text: string) => config.split('\n').findIndex((entry) => entry.includes(text)) + 1;
        expect(result.files).toEqual([]);
        expect(result.problems).toEqual(
            expect.arrayContaining([
                {
                    file: 'relay.yaml',
                    line: line('recordsPerCallout'),
                    message: '/integrations/0/recordsPerCallout must be integer,null.'
                },
                {
                    file: 'relay.yaml',
                    line: line('- name: ERP_Customer'),
                    message: "/integrations/0 has an unknown key 'colour'."
                }
            ])
        );
        expect(generate('integrations: []\n').problems[0].message).toBe(
            '/integrations must NOT have fewer than 1 items.'
        );
        expect(generate('{}').problems[0].message).toBe("the config needs 'integrations'.");
        expect(generate('integrations:\n  - name: X\n    fields: []\n    deliveryMode: 12\n').problems[0].line).toBe(4);
    });

    it("reports IntegrationSetting's rules at the config line of the value and writes nothing", () => {
        project = relayFixture();
        project.write('examples/main/default/namedCredentials/Relay_ERP.namedCredential-meta.xml', '<x/>');
        const config = EXAMPLE_CONFIG.replace('recordsPerCallout: 50', 'recordsPerCallout: 500').replace(
            'source: Phone',
            'source: Fone'
        );
        const result = generate(config);
        const line = (text: string) => config.split('\n').findIndex((entry) => entry.includes(text)) + 1;
        expect(result.files).toEqual([]);
        expect(result.problems).toEqual([
            {
                file: 'relay.yaml',
                line: line('recordsPerCallout'),
                message: 'Records_Per_Callout__c must be between 1 and 200 (was 500).'
            },
            {
                file: 'relay.yaml',
                line: line('source: Fone'),
                message:
                    "Integration_Field__mdt ERP_Customer_Fone Source_Field__c must name a field of Account (was 'Fone')."
            }
        ]);
    });

    it('refuses malformed YAML, a missing file, duplicate record names', () => {
        project = relayFixture();
        const malformed = generate('integrations:\n  - name: [unclosed\n');
        expect(malformed.problems[0].message).toMatch(/^not valid YAML or JSON: /);
        expect(() => generateRecords({ projectRoot: project.root, configFile: 'nope.yaml' })).toThrow(
            'No config file nope.yaml.'
        );
        const duplicate = generate(
            'integrations:\n  - name: A\n    sourceObject: Account\n    namedCredential: N\n    fields:\n      - { source: Name, key: a }\n      - { source: Name, key: b }\n',
            'relay.yaml',
            { namedCredentials: new Set(['N']) }
        );
        expect(duplicate.problems.map((problem) => problem.message)).toEqual([
            'Integration_Field.A_Name.md-meta.xml would be written twice (also by line 6): give the field a unique name.'
        ]);
    });

    it('writes into the default package directory unless told otherwise, and not at all in a dry run', () => {
        project = relayFixture();
        project.write('relay.yaml', EXAMPLE_CONFIG);
        const dry = generateRecords({
            projectRoot: project.root,
            configFile: 'relay.yaml',
            dryRun: true,
            namedCredentials: new Set(['Relay_ERP'])
        });
        expect(dry.files[0]).toEqual({
            file: 'force-app/main/default/customMetadata/Integration_Setting.ERP_Customer.md-meta.xml',
            status: 'created'
        });
        expect(validateProject({ projectRoot: project.root }).records).toBe(0);
    });
});

describe('config schema', () => {
    const types = relayTypes([path.join(process.cwd(), 'force-app')]);

    it('has a camelCase key for every setting field', () => {
        const schema = configSchema(types.setting) as {
            properties: { integrations: { items: { properties: Record<string, unknown> } } };
        };
        const keys = Object.keys(schema.properties.integrations.items.properties);
        for (const field of types.setting.fields.keys()) {
            expect(keys).toContain(configKey(field));
        }
        expect(configKey('HTTP_Method__c')).toBe('httpMethod');
        expect(configKey('Dead_Letter_Alert_Threshold__c')).toBe('deadLetterAlertThreshold');
        expect(labelOf('ERP_Customer')).toBe('ERP Customer');
    });
});
