import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { exampleRecord, relayFixture } from './fixture.ts';
import { formatProblem, validateProject } from './validate.ts';

const RECORDS = 'examples/main/default/customMetadata';
const SETTING = `${RECORDS}/Integration_Setting.ERP_Customer.md-meta.xml`;

describe('validateProject', () => {
    let project: FixtureProject;
    afterEach(() => project.remove());

    function lineOf(file: string, text: string): number {
        const content = exampleRecord(path.basename(file));
        return content.slice(0, content.indexOf(text)).split('\n').length;
    }

    it('finds nothing wrong with the sample integration', () => {
        project = relayFixture({ withExample: true });
        const report = validateProject({ projectRoot: project.root });
        expect(report.problems).toEqual([]);
        expect(report.records).toBe(8);
        expect(report.settings).toBe(1);
    });

    it('finds nothing wrong with this repository', () => {
        project = relayFixture();
        const report = validateProject({ projectRoot: process.cwd() });
        expect(report.problems.map(formatProblem)).toEqual([]);
        expect(report.settings).toBeGreaterThanOrEqual(1);
    });

    it('reports a rule of IntegrationSetting at the line of the value, with its words', () => {
        // Given the sample with 500 records per callout
        project = relayFixture({ withExample: true });
        project.write(SETTING, exampleRecord('Integration_Setting.ERP_Customer.md-meta.xml').replace('50.0', '500.0'));
        // When the project is validated
        const report = validateProject({ projectRoot: project.root });
        // Then the problem points at the <values> of Records_Per_Callout__c
        expect(report.problems.map(formatProblem)).toEqual([
            `${SETTING}:${lineOf(SETTING, '<values>\n        <field>Records_Per_Callout__c')}: Records_Per_Callout__c must be between 1 and 200 (was 500).`
        ]);
    });

    it('reports a field record problem in the field record file', () => {
        project = relayFixture({ withExample: true });
        const file = `${RECORDS}/Integration_Field.ERP_Customer_Phone.md-meta.xml`;
        project.write(file, exampleRecord(path.basename(file)).replace('>Phone<', '>Fone<'));
        const report = validateProject({ projectRoot: project.root });
        expect(report.problems).toEqual([
            {
                file,
                line: lineOf(file, '<values>\n        <field>Source_Field__c'),
                message:
                    "Integration_Field__mdt ERP_Customer_Phone Source_Field__c must name a field of Account (was 'Fone')."
            }
        ]);
    });

    it('reports a Named Credential that is not in the project, or not in the org when told which exist', () => {
        project = relayFixture({ withExample: true });
        project.write(
            SETTING,
            exampleRecord('Integration_Setting.ERP_Customer.md-meta.xml').replace('>Relay_ERP<', '>Relay_Billing<')
        );
        const line = lineOf(SETTING, '<values>\n        <field>Named_Credential__c');
        expect(validateProject({ projectRoot: project.root }).problems.map(formatProblem)).toEqual([
            `${SETTING}:${line}: Named_Credential__c must name a Named Credential in the project (was 'Relay_Billing').`
        ]);
        const withOrg = validateProject({
            projectRoot: project.root,
            namedCredentials: new Set(['Relay_Billing']),
            namedCredentialSource: 'the project or the org'
        });
        expect(withOrg.problems).toEqual([]);
    });

    it('reports malformed XML with its line and reads the other records', () => {
        project = relayFixture({ withExample: true });
        const file = `${RECORDS}/Integration_Field.ERP_Customer_Phone.md-meta.xml`;
        project.write(file, exampleRecord(path.basename(file)).replace('</field>', '</fieldd>'));
        const report = validateProject({ projectRoot: project.root });
        expect(report.records).toBe(7);
        expect(report.problems).toHaveLength(1);
        expect(formatProblem(report.problems[0])).toMatch(
            new RegExp(`^${file.replace(/\./g, '\\.')}:\\d+: malformed XML: Expected closing tag 'field'`)
        );
    });

    it('reports shape problems: unknown field, wrong type, too long, bad names, an orphan field record', () => {
        project = relayFixture({ withExample: true });
        const setting = exampleRecord('Integration_Setting.ERP_Customer.md-meta.xml')
            .replace('<field>Trigger_Fields__c</field>', '<field>Trigger_Fieldz__c</field>')
            .replace('<value xsi:type="xsd:boolean">true</value>', '<value xsi:type="xsd:boolean">yes</value>')
            .replace('<value xsi:type="xsd:double">3.0</value>', '<value xsi:type="xsd:double">three</value>')
            .replace('/customers/batch', `/${'x'.repeat(300)}`)
            .replace('<label>ERP Customer</label>', `<label>${'L'.repeat(41)}</label>`);
        project.write(SETTING, setting);
        project.write(
            `${RECORDS}/Integration_Field.Bad__Name.md-meta.xml`,
            exampleRecord('Integration_Field.ERP_Customer_Name.md-meta.xml').replace('>ERP_Customer<', '>Nobody<')
        );
        project.write(
            `${RECORDS}/Other_Type.Thing.md-meta.xml`,
            exampleRecord('Integration_Field.ERP_Customer_Name.md-meta.xml')
        );
        const messages = validateProject({ projectRoot: project.root }).problems.map((problem) => problem.message);
        expect(messages).toEqual(
            expect.arrayContaining([
                'Trigger_Fieldz__c is not a field of Integration_Setting__mdt.',
                "Capture_Insert__c must be true or false (was 'yes').",
                "Circuit_Failure_Threshold__c must be a number (was 'three').",
                'Path__c holds at most 255 characters (was 301).',
                '<label> holds at most 40 characters (was 41).',
                "DeveloperName 'Bad__Name' must start with a letter and hold only letters, digits and single underscores, not end with one, at most 40 characters.",
                "Integration_Setting__c must name an Integration_Setting__mdt record of the project (was 'Nobody').",
                'Other_Type__mdt is not a Custom Metadata type of the project.'
            ])
        );
    });
});
