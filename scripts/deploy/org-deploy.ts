import path from 'node:path';
import { ComponentSet, ComponentStatus, RequestStatus } from '@salesforce/source-deploy-retrieve';
import type { DeployResult, MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import type { Connection } from '@salesforce/core';
import { deployMessages as messages } from '../cli/messages/deploy.ts';

/** Test levels of the Metadata API deploy (`--test-level`). */
export const TEST_LEVELS = ['NoTestRun', 'RunSpecifiedTests', 'RunLocalTests', 'RunAllTestsInOrg'] as const;
export type TestLevel = (typeof TEST_LEVELS)[number];

export interface OrgDeployOptions {
    projectRoot: string;
    packageDirectories: string[];
    connection: Connection;
    testLevel: TestLevel;
    tests: string[];
    dryRun: boolean;
    waitMinutes: number;
    /** Called with each status the Metadata API reports while the deployment runs. */
    onUpdate(status: MetadataApiDeployStatus): void;
    onStart(id: string, componentCount: number): void;
}

/** Deploys the source of the package directories in one Metadata API deployment through SDR. */
export async function deployToOrg(options: OrgDeployOptions): Promise<DeployResult> {
    const componentSet = ComponentSet.fromSource({
        fsPaths: options.packageDirectories.map((directory) => path.resolve(options.projectRoot, directory))
    });
    const deploy = await componentSet.deploy({
        usernameOrConnection: options.connection,
        apiOptions: {
            checkOnly: options.dryRun,
            rollbackOnError: true,
            testLevel: options.testLevel,
            ...(options.testLevel === 'RunSpecifiedTests' ? { runTests: options.tests } : {})
        }
    });
    options.onStart(deploy.id ?? '', componentSet.size);
    deploy.onUpdate((status) => options.onUpdate(status));
    // Frequency in ms (SDR scales it with the deployment's size), timeout in seconds.
    return deploy.pollStatus(undefined, options.waitMinutes * 60);
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];

export interface ComponentFailure {
    file: string;
    line: number | undefined;
    column: number | undefined;
    type: string;
    fullName: string;
    problem: string;
}

export interface TestFailure {
    className: string;
    methodName: string;
    message: string;
    stackTrace: string;
}

export interface DeploySummary {
    id: string;
    status: string;
    success: boolean;
    checkOnly: boolean;
    components: { total: number; deployed: number; failed: number };
    componentFailures: ComponentFailure[];
    tests: { run: number; failed: number; failures: TestFailure[] };
    coverage: {
        percent: number | undefined;
        lines: number;
        classes: { name: string; percent: number }[];
        warnings: string[];
    };
}

/**
 * What the deployment did, from the Metadata API's result: the components, each failure with its file (relative to
 * the project, as SDR resolves it) and line, the Apex tests and the code coverage.
 */
export function summarizeDeploy(result: DeployResult, projectRoot: string): DeploySummary {
    const response = result.response;
    const apiFailures = asArray(response.details?.componentFailures);
    // SDR gives a line only when the API gave a column too; the API's message has the line either way.
    const apiLine = (type: string, fullName: string): number | undefined => {
        const match = apiFailures.find((message) => message.fullName === fullName && message.componentType === type);
        return match?.lineNumber ? Number(match.lineNumber) : undefined;
    };
    const failuresByFile = result
        .getFileResponses()
        .filter((file) => file.state === ComponentStatus.Failed)
        .map((file) => {
            const failure = file as { filePath?: string; lineNumber?: number; columnNumber?: number; error?: string };
            return {
                file: failure.filePath ? path.relative(projectRoot, failure.filePath) : '',
                line: failure.lineNumber ?? apiLine(file.type, file.fullName),
                column: failure.columnNumber,
                type: file.type,
                fullName: file.fullName,
                problem: (failure.error ?? '').replace(/ \(\d+:\d+\)$/, '')
            };
        });
    // A failure SDR cannot tie to a local file (a component the org refuses as a whole) keeps the API's fileName.
    const componentFailures: ComponentFailure[] =
        failuresByFile.length > 0
            ? failuresByFile
            : apiFailures.map((message) => ({
                  file: message.fileName,
                  line: message.lineNumber ? Number(message.lineNumber) : undefined,
                  column: message.columnNumber ? Number(message.columnNumber) : undefined,
                  type: message.componentType ?? '',
                  fullName: message.fullName,
                  problem: message.problem ?? ''
              }));
    const testResult = response.details?.runTestResult;
    const coverage = asArray(testResult?.codeCoverage).map((entry) => {
        const lines = Number(entry.numLocations);
        const uncovered = Number(entry.numLocationsNotCovered);
        return { name: entry.name, lines, covered: lines - uncovered };
    });
    const totalLines = coverage.reduce((sum, entry) => sum + entry.lines, 0);
    const coveredLines = coverage.reduce((sum, entry) => sum + entry.covered, 0);
    const percent = (covered: number, lines: number): number =>
        lines === 0 ? 100 : Math.floor((covered / lines) * 1000) / 10;
    return {
        id: response.id,
        status: response.status,
        success: response.success && response.status === RequestStatus.Succeeded,
        checkOnly: response.checkOnly,
        components: {
            total: Number(response.numberComponentsTotal),
            deployed: Number(response.numberComponentsDeployed),
            failed: Number(response.numberComponentErrors)
        },
        componentFailures,
        tests: {
            run: Number(testResult?.numTestsRun ?? response.numberTestsCompleted ?? 0),
            failed: Number(testResult?.numFailures ?? response.numberTestErrors ?? 0),
            failures: asArray(testResult?.failures).map((failure) => ({
                className: failure.name,
                methodName: failure.methodName,
                message: failure.message,
                stackTrace: failure.stackTrace
            }))
        },
        coverage: {
            percent: coverage.length === 0 ? undefined : percent(coveredLines, totalLines),
            lines: totalLines,
            classes: coverage
                .map((entry) => ({ name: entry.name, percent: percent(entry.covered, entry.lines) }))
                .filter((entry) => entry.percent < 75)
                .sort((left, right) => left.percent - right.percent),
            warnings: asArray(testResult?.codeCoverageWarnings).map((warning) => warning.message)
        }
    };
}

/** The summary as the terminal shows it: status, components, each failure as `file:line: problem`, tests, coverage. */
export function formatDeploySummary(summary: DeploySummary, testLevel: TestLevel): string[] {
    const lines = [
        messages.getMessage('summary.status', [summary.checkOnly ? 'Validation' : 'Deployment', summary.status]),
        messages.getMessage('summary.components', [
            summary.components.deployed,
            summary.components.failed,
            summary.components.total
        ]),
        ...summary.componentFailures.map((failure) =>
            messages.getMessage('summary.componentFailure', [
                failure.file || failure.fullName,
                failure.line ?? '?',
                failure.problem,
                failure.type,
                failure.fullName
            ])
        )
    ];
    if (summary.tests.run === 0 && summary.tests.failures.length === 0) {
        lines.push(messages.getMessage('summary.testsNone', [testLevel]));
    } else {
        lines.push(messages.getMessage('summary.tests', [summary.tests.run, summary.tests.failed]));
        for (const failure of summary.tests.failures) {
            const at = /line (\d+)/.exec(failure.stackTrace ?? '');
            lines.push(
                messages.getMessage('summary.testFailure', [
                    failure.className,
                    failure.methodName,
                    failure.message,
                    at ? ` (line ${at[1]})` : ''
                ])
            );
        }
    }
    if (summary.coverage.percent !== undefined) {
        lines.push(
            messages.getMessage('summary.coverage', [
                summary.coverage.percent,
                summary.coverage.lines,
                summary.coverage.classes.length === 0
                    ? 'none under 75%'
                    : `${summary.coverage.classes.length} under 75%`
            ])
        );
        summary.coverage.classes.forEach((entry) =>
            lines.push(messages.getMessage('summary.coverageLow', [entry.name, entry.percent]))
        );
    }
    summary.coverage.warnings.forEach((warning) =>
        lines.push(messages.getMessage('summary.coverageWarning', [warning]))
    );
    return lines;
}
