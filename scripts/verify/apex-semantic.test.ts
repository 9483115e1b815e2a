import { afterEach, describe, expect, it } from '@jest/globals';
import { checkApex, parseApexLsReport, separateKnownGaps } from './apex-semantic.ts';
import { createFixtureProject, writeApexClass, writeCustomObject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

function runCheck(root: string): { exitCode: number; lines: string[] } {
    const lines: string[] = [];
    const exitCode = checkApex(root, (line) => lines.push(line));
    return { exitCode, lines };
}

describe('parseApexLsReport', () => {
    it('turns the JSON report into issues', () => {
        const report = JSON.stringify({
            files: [
                {
                    path: '/p/A.cls',
                    messages: [{ start: { line: 3, offset: 1 }, category: 'Missing', message: 'Unknown field' }]
                }
            ]
        });

        expect(parseApexLsReport(report)).toEqual([
            { file: '/p/A.cls', line: 3, category: 'Missing', message: 'Unknown field' }
        ]);
    });

    it('fails loudly on output that is not the report', () => {
        expect(() => parseApexLsReport('Exception in thread main')).toThrow(/other than its JSON report/);
    });
});

describe('separateKnownGaps', () => {
    const gap = {
        file: 'force-app/A.cls',
        message: 'No matching method found for x',
        documentedAt: 'Apex Reference, X'
    };
    const issue = (file: string, message: string) => ({ file, line: 7, category: 'Missing', message });

    it('turns exactly the documented message in exactly its file into a note', () => {
        const { errors, notes } = separateKnownGaps('/p', [issue('/p/force-app/A.cls', gap.message)], [gap]);

        expect(errors).toEqual([]);
        expect(notes).toEqual(['note: force-app/A.cls:7 apex-ls does not know a documented method: Apex Reference, X']);
    });

    it('keeps the same message in another file, and another message in the same file, as errors', () => {
        const { errors, notes } = separateKnownGaps(
            '/p',
            [issue('/p/force-app/B.cls', gap.message), issue('/p/force-app/A.cls', 'Unknown field Bogus__c')],
            [gap]
        );

        expect(notes).toEqual([]);
        expect(errors.map((error) => error.message)).toEqual([gap.message, 'Unknown field Bogus__c']);
    });
});

describe('checkApex (runs apex-ls on Java)', () => {
    it('passes a class whose fields and methods exist', () => {
        project = createFixtureProject();
        writeCustomObject(project, 'Log__c', ['Status__c']);
        writeApexClass(
            project,
            'LogReader',
            'public with sharing class LogReader {\n    public static String read() {\n        Log__c log = [SELECT Status__c FROM Log__c WITH USER_MODE LIMIT 1];\n        return log.Status__c;\n    }\n}\n'
        );

        const { exitCode, lines } = runCheck(project.root);

        expect(lines.at(-1)).toBe('1 Apex files checked by apex-ls and the SOQL field check: 0 errors.');
        expect(exitCode).toBe(0);
    });

    it('fails on an unknown field, both in an expression (apex-ls) and in SOQL', () => {
        project = createFixtureProject();
        writeCustomObject(project, 'Log__c', ['Status__c']);
        writeApexClass(
            project,
            'LogReader',
            'public with sharing class LogReader {\n    public static String read() {\n        Log__c log = [SELECT Statuz__c FROM Log__c WITH USER_MODE LIMIT 1];\n        return log.Bogus__c;\n    }\n}\n'
        );

        const { exitCode, lines } = runCheck(project.root);

        expect(exitCode).toBe(1);
        expect(lines.join('\n')).toContain("Unknown field 'Bogus__c' on SObject 'Schema.Log__c'");
        expect(lines.join('\n')).toContain("SOQL: Unknown field 'Statuz__c' on Log__c.");
    });

    it('fails when there is no Apex to check', () => {
        project = createFixtureProject();
        project.write('force-app/main/default/.keep', '');

        const { exitCode, lines } = runCheck(project.root);

        expect(exitCode).toBe(1);
        expect(lines[0]).toMatch(/^FAIL: no Apex classes/);
    });
});
