import { describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { relayTypes } from './cmdt-types.ts';
import {
    APEX_CLASS_FILE,
    APEX_META,
    PROJECT_ROOT,
    apexString,
    caseRecords,
    expectedApexClass,
    expectedProblem,
    generateApexClass,
    loadRuleCases,
    ruleCasesMain
} from './rule-cases.ts';
import { formatWithPrettier } from './format.ts';
import { configurationProblem, validateSetting } from './rules.ts';
import { projectLookup } from './schema.ts';

const cases = loadRuleCases();
const lookup = projectLookup([path.join(PROJECT_ROOT, 'force-app')]);

describe('rule-cases.json through the TypeScript validator', () => {
    it.each(cases.map((ruleCase) => [ruleCase.name, ruleCase] as const))('%s', (_name, ruleCase) => {
        const { setting, fields } = caseRecords(ruleCase);
        const result = validateSetting(setting, fields, lookup);
        expect(result.errors.map((error) => error.message)).toEqual(ruleCase.errors);
        expect(configurationProblem(result)).toBe(expectedProblem(ruleCase));
    });

    it('has unique case names and covers both outcomes', () => {
        expect(new Set(cases.map((ruleCase) => ruleCase.name)).size).toBe(cases.length);
        expect(cases.some((ruleCase) => ruleCase.errors.length === 0)).toBe(true);
        expect(cases.filter((ruleCase) => ruleCase.errors.length > 0).length).toBeGreaterThan(30);
    });
});

describe('formatWithPrettier', () => {
    it('formats nothing without starting Prettier, and reports a file it cannot parse in one line', () => {
        expect(formatWithPrettier([])).toEqual([]);
        expect(() => formatWithPrettier([{ filePath: 'Broken.cls', source: 'public class {' }])).toThrow(
            /^Prettier could not format Broken\.cls: /
        );
    });
});

describe('IntegrationSettingRuleCasesTest.cls', () => {
    it('is generated from the current rule-cases.json (npx node scripts/metadata/rule-cases-apex.ts --write)', () => {
        expect(existsSync(APEX_CLASS_FILE)).toBe(true);
        expect(readFileSync(APEX_CLASS_FILE, 'utf8')).toBe(expectedApexClass());
        expect(readFileSync(`${APEX_CLASS_FILE}-meta.xml`, 'utf8')).toBe(APEX_META);
    });

    it('has one test method per case, asserting errors and configurationProblem()', () => {
        const apex = readFileSync(APEX_CLASS_FILE, 'utf8');
        for (const ruleCase of cases) {
            expect(apex).toContain(`static void ${ruleCase.name}()`);
        }
        expect(apex.match(/@IsTest\s+static void/g)).toHaveLength(cases.length);
    });

    it('says whether the class is current without writing it', () => {
        const output: string[] = [];
        expect(ruleCasesMain([], (text) => output.push(text))).toBe(0);
        expect(output).toEqual(['up to date\n']);
    });

    it('escapes Apex string literals', () => {
        expect(apexString("it's a \\ path\n")).toBe("'it\\'s a \\\\ path\\n'");
    });

    it('refuses a case value of the wrong type or an unknown field', () => {
        const types = relayTypes([path.join(PROJECT_ROOT, 'force-app')]);
        const base = { name: 'x', setting: {}, errors: [] };
        expect(() => generateApexClass([{ ...base, setting: { Active__c: 'yes' } }], types)).toThrow('true or false');
        expect(() => generateApexClass([{ ...base, setting: { Records_Per_Callout__c: '5' } }], types)).toThrow(
            'a number'
        );
        expect(() => generateApexClass([{ ...base, setting: { Nope__c: 1 } }], types)).toThrow('not a field');
        expect(() => generateApexClass([{ ...base, name: 'Bad name' }], types)).toThrow('camelCase');
    });
});
