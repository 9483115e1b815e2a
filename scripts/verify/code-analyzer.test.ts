import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { analyze, checkCodeAnalyzer, FAILING_SEVERITY } from './code-analyzer.ts';
import { createFixtureProject, writeApexClass, writeCustomObject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

const REPO_CONFIG = path.resolve('code-analyzer.yml');

const SOQL_IN_LOOP = `public with sharing class LogCounter {
    public static Integer count(List<String> names) {
        Integer total = 0;
        for (String name : names) {
            total += [SELECT COUNT() FROM Log__c WHERE Name = :name WITH USER_MODE];
        }
        return total;
    }
}
`;

// PMD's sharing rule looks only at classes that query or write data.
const COUNT_LOGS =
    '\n    public static Integer count() {\n        return [SELECT COUNT() FROM Log__c WITH USER_MODE];\n    }\n';

describe('analyze with the checked-in configuration (PMD on Java)', () => {
    it('raises a SOQL query in a loop to a failing severity', async () => {
        project = createFixtureProject();
        writeCustomObject(project, 'Log__c', []);
        writeApexClass(project, 'LogCounter', SOQL_IN_LOOP);

        const findings = await analyze(project.root, REPO_CONFIG, [
            'pmd:OperationWithLimitsInLoop',
            'pmd:ApexSharingViolations'
        ]);

        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ rule: 'OperationWithLimitsInLoop', engine: 'pmd', line: 5 });
        expect(findings[0].severity).toBeLessThanOrEqual(FAILING_SEVERITY);
    });

    it('fails the check on a missing sharing declaration and passes clean code', async () => {
        project = createFixtureProject();
        writeCustomObject(project, 'Log__c', []);
        writeApexClass(project, 'NoSharing', `public class NoSharing {${COUNT_LOGS}}\n`);
        project.write(
            'code-analyzer.yml',
            `rules:\n    pmd:\n        ApexSharingViolations:\n            severity: 2\n`
        );
        const lines: string[] = [];

        const failing = await checkCodeAnalyzer(project.root, (line) => lines.push(line), [
            'pmd:ApexSharingViolations'
        ]);

        expect(failing).toBe(1);
        expect(lines.join('\n')).toContain('FAIL sev2 pmd:ApexSharingViolations');

        writeApexClass(project, 'NoSharing', `public with sharing class NoSharing {${COUNT_LOGS}}\n`);
        expect(await checkCodeAnalyzer(project.root, () => undefined, ['pmd:ApexSharingViolations'])).toBe(0);
    });

    it('refuses to pass when no rule matches the selectors', async () => {
        project = createFixtureProject();
        writeApexClass(project, 'Empty', 'public with sharing class Empty {}\n');

        await expect(analyze(project.root, REPO_CONFIG, ['pmd:NoSuchRuleAnywhere'])).rejects.toThrow(
            /No Code Analyzer rule matched/
        );
    });
});
