import { describe, expect, it } from '@jest/globals';
import { ComponentSet, DeployResult, RequestStatus } from '@salesforce/source-deploy-retrieve';
import type { MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { formatDeploySummary, summarizeDeploy } from './org-deploy.ts';

function status(overrides: Partial<MetadataApiDeployStatus>): MetadataApiDeployStatus {
    return {
        id: '0Af',
        status: RequestStatus.Failed,
        success: false,
        done: true,
        checkOnly: true,
        createdBy: '',
        createdByName: '',
        createdDate: '',
        lastModifiedDate: '',
        ignoreWarnings: false,
        rollbackOnError: true,
        runTestsEnabled: false,
        numberComponentErrors: 1,
        numberComponentsDeployed: 0,
        numberComponentsTotal: 1,
        numberTestErrors: 0,
        numberTestsCompleted: 0,
        numberTestsTotal: 0,
        details: {},
        ...overrides
    };
}

describe('deploy summary', () => {
    it('keeps the API’s file name for a failure SDR cannot tie to a local file', () => {
        const result = new DeployResult(
            status({
                details: {
                    componentFailures: {
                        changed: 'false',
                        created: 'false',
                        deleted: 'false',
                        success: 'false',
                        createdDate: '',
                        fileName: 'objects/Account.object',
                        fullName: 'Account.Relay_Field__c',
                        componentType: 'CustomField',
                        lineNumber: '7',
                        problem: 'Field does not exist'
                    },
                    runTestResult: {
                        numTestsRun: '0',
                        numFailures: '0',
                        totalTime: '0',
                        codeCoverageWarnings: { id: '1', message: 'Average test coverage is 70%', namespace: '' }
                    }
                }
            }),
            new ComponentSet()
        );
        const summary = summarizeDeploy(result, '/project');
        expect(summary.componentFailures).toEqual([
            {
                file: 'objects/Account.object',
                line: 7,
                column: undefined,
                type: 'CustomField',
                fullName: 'Account.Relay_Field__c',
                problem: 'Field does not exist'
            }
        ]);
        expect(formatDeploySummary(summary, 'NoTestRun')).toEqual([
            'Validation: Failed',
            'Components: 0 deployed, 1 failed, 1 total',
            '  objects/Account.object:7: Field does not exist (CustomField Account.Relay_Field__c)',
            'Apex tests: none run (NoTestRun)',
            '  coverage: Average test coverage is 70%'
        ]);
    });

    it('counts a success with no coverage data as such', () => {
        const summary = summarizeDeploy(
            new DeployResult(
                status({ status: RequestStatus.Succeeded, success: true, numberComponentErrors: 0 }),
                new ComponentSet()
            ),
            '/project'
        );
        expect(summary.success).toBe(true);
        expect(summary.coverage.percent).toBeUndefined();
        expect(summary.tests).toEqual({ run: 0, failed: 0, failures: [] });
    });
});
