import { describe, expect, it } from '@jest/globals';
import path from 'node:path';
import { relayTypes } from './cmdt-types.ts';
import { exampleRecord } from './fixture.ts';
import {
    RecordFileError,
    checkRecordShape,
    formatNumber,
    isDeveloperName,
    parseRecordFile,
    typedValue
} from './records.ts';

const types = relayTypes([path.join(process.cwd(), 'force-app')]);

function parse(text: string, fileName = 'Integration_Setting.ERP_Customer.md-meta.xml') {
    return parseRecordFile('x.md-meta.xml', text, fileName);
}

function failure(run: () => unknown): RecordFileError {
    try {
        run();
    } catch (error) {
        if (error instanceof RecordFileError) return error;
        throw error;
    }
    throw new Error('expected a RecordFileError');
}

describe('parseRecordFile', () => {
    it('reads the sample setting: typed values, nil as null, the line of each value', () => {
        const text = exampleRecord('Integration_Setting.ERP_Customer.md-meta.xml');
        const record = parse(text);
        expect(record.developerName).toBe('ERP_Customer');
        expect(record.type).toBe('Integration_Setting');
        expect(record.label).toBe('ERP Customer');
        expect(record.protected).toBe(false);
        expect(record.values).toMatchObject({
            Active__c: false,
            Records_Per_Callout__c: 50,
            Jitter_Ratio__c: 0.2,
            Path__c: '/customers/batch',
            Trigger_Fields__c: null
        });
        const lines = text.split('\n');
        expect(lines[record.lines.fields.Path__c - 1].trim()).toBe('<values>');
        expect(lines[record.lines.fields.Path__c].trim()).toBe('<field>Path__c</field>');
        expect(lines[record.lines.record - 1]).toBe('<CustomMetadata');
        expect(checkRecordShape(record, types.setting)).toEqual([]);
    });

    it('refuses malformed XML, a misnamed file, another root, a value without field, a field given twice', () => {
        const text = exampleRecord('Integration_Field.ERP_Customer_Name.md-meta.xml');
        expect(failure(() => parse('<CustomMetadata>\n<label>x</labl>\n</CustomMetadata>')).line).toBe(2);
        expect(failure(() => parse(text, 'Integration_Field.md-meta.xml')).problem).toContain('is not named');
        expect(failure(() => parse('<Other><a>1</a></Other>')).problem).toContain('root element');
        expect(failure(() => parse(text.replace('<field>Active__c</field>', ''))).problem).toBe(
            '<values> without a <field>.'
        );
        const twice = failure(() => parse(text.replace('<field>Active__c</field>', '<field>Source_Field__c</field>')));
        expect(twice.problem).toMatch(/^Source_Field__c is given twice \(first at line \d+\)\.$/);
        expect(twice.message).toBe(`x.md-meta.xml:${twice.line}: ${twice.problem}`);
    });

    it('types values as the Metadata API writes them', () => {
        expect(typedValue('true', 'xsd:boolean')).toBe(true);
        expect(typedValue('false', 'xsd:boolean')).toBe(false);
        expect(typedValue('maybe', 'xsd:boolean')).toBe('maybe');
        expect(typedValue('12.50', 'xsd:double')).toBe(12.5);
        expect(typedValue('', 'xsd:int')).toBe('');
        expect(typedValue(undefined, 'xsd:string')).toBe('');
        expect(typedValue('x', null)).toBeNull();
    });

    it('checks names and numbers', () => {
        expect(isDeveloperName('ERP_Customer')).toBe(true);
        expect(isDeveloperName('A')).toBe(true);
        for (const bad of ['1ERP', 'ERP__Customer', 'ERP_', 'E-R-P', 'x'.repeat(41)]) {
            expect(isDeveloperName(bad)).toBe(false);
        }
        expect(formatNumber(30)).toBe('30.0');
        expect(formatNumber(0.25)).toBe('0.25');
        const record = parse(
            exampleRecord('Integration_Setting.ERP_Customer.md-meta.xml')
                .replace('<value xsi:type="xsd:double">50.0</value>', '<value xsi:type="xsd:double">12345.0</value>')
                .replace('<label>ERP Customer</label>', '<label> </label>'),
            'Integration_Setting.ERP_Customer.md-meta.xml'
        );
        expect(checkRecordShape(record, types.setting).map((problem) => problem.message)).toEqual([
            '<label> is required.',
            'Records_Per_Callout__c holds at most 3 digits before the decimal point (was 12345).'
        ]);
    });
});
