import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ComponentSet, DeployResult, RequestStatus } from '@salesforce/source-deploy-retrieve';
import type { MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { runCommand } from '../../test-support/command-test.ts';
import { useTestOrg } from '../../test-support/org-test.ts';
import { createFixtureProject, writeApexClass, writeLwcBundle } from '../../../test-support/fixture-project.ts';
import type { FixtureProject } from '../../../test-support/fixture-project.ts';
import Deploy from './index.ts';
import type { DeployCommandResult } from './index.ts';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

/** A finished Metadata API deployment as SDR's polling returns it. */
function deployStatus(overrides: Partial<MetadataApiDeployStatus>): MetadataApiDeployStatus {
    return {
        id: '0Af000000000001AAA',
        status: RequestStatus.Succeeded,
        success: true,
        done: true,
        checkOnly: false,
        createdBy: '005',
        createdByName: 'Admin',
        createdDate: '2026-12-01T10:00:00.000Z',
        lastModifiedDate: '2026-12-01T10:01:00.000Z',
        ignoreWarnings: false,
        rollbackOnError: true,
        runTestsEnabled: true,
        numberComponentErrors: 0,
        numberComponentsDeployed: 2,
        numberComponentsTotal: 2,
        numberTestErrors: 0,
        numberTestsCompleted: 3,
        numberTestsTotal: 3,
        details: {},
        ...overrides
    };
}

describe('relay deploy', () => {
    const org = useTestOrg();
    let project: FixtureProject;
    let output: string;
    const cwd = process.cwd();

    beforeEach(() => {
        project = createFixtureProject();
        writeApexClass(project, 'Greeter', 'public with sharing class Greeter {}');
        writeLwcBundle(project, 'hello', { js: 'export default class Hello {}', html: '<template></template>' });
        output = mkdtempSync(path.join(tmpdir(), 'relay-dist-'));
        process.chdir(project.root);
        // TestContext pins the project to a temporary folder: find it from the working directory, as users do.
        org.useRealProject();
    });
    afterEach(() => {
        process.chdir(cwd);
        project.remove();
        rmSync(output, { recursive: true, force: true });
    });

    /** Replaces SDR's deployment with one that reports `progress` and ends with `final`; returns its options. */
    function fakeDeployment(
        final: Partial<MetadataApiDeployStatus>,
        progress: Partial<MetadataApiDeployStatus>[] = []
    ) {
        const calls: unknown[] = [];
        org.sandbox.stub(ComponentSet.prototype, 'deploy').callsFake(function (this: ComponentSet, options: never) {
            calls.push(options);
            let subscriber: ((status: MetadataApiDeployStatus) => void) | undefined;
            return Promise.resolve({
                id: '0Af000000000001AAA',
                onUpdate: (callback: (status: MetadataApiDeployStatus) => void) => {
                    subscriber = callback;
                },
                pollStatus: () => {
                    progress.forEach((status) =>
                        subscriber?.(deployStatus({ status: RequestStatus.InProgress, done: false, ...status }))
                    );
                    return Promise.resolve(new DeployResult(deployStatus(final), this));
                }
            } as never);
        });
        return calls;
    }

    it('without an org stops at the org boundary with the packages built and one line on connecting an org', async () => {
        // Given a project and no org (no --target-org, no default org)
        // When the developer runs the main job
        const run = await runCommand(Deploy, ['--checks', 'none', '--output-dir', output], org.$$.SANDBOX);
        // Then the package is converted, nothing is deployed, the run passes and says how to connect an org
        expect(run.exitCode).toBe(0);
        expect(existsSync(path.join(output, 'force-app', 'package.xml'))).toBe(true);
        expect(readFileSync(path.join(output, 'force-app', 'package.xml'), 'utf8')).toContain(
            '<members>Greeter</members>'
        );
        expect(run.result).toEqual(
            expect.objectContaining({
                deployed: false,
                packages: [expect.objectContaining({ packageDirectory: 'force-app', components: 2 })]
            })
        );
        const boundary = run.stdout.split('\n').filter((line) => line.includes('sf org login web --alias'));
        expect(boundary).toHaveLength(1);
        expect(boundary[0]).toMatch(/^No org connected: the deployable packages are built/);
    });

    it('refuses an LWC bundle without its .js before converting anything', async () => {
        writeLwcBundle(project, 'broken', { html: '<template></template>' });
        const run = await runCommand(Deploy, ['--checks', 'none', '--output-dir', output], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
            'Error: LWC bundle force-app/main/default/lwc/broken has no broken.js: the converter would drop every component (compile it with npm run build:lwc).'
        );
        expect(existsSync(path.join(output, 'force-app'))).toBe(false);
    });

    it('stops with one line when a named check fails', async () => {
        // The fixture has no package.json, so `npm run -s check:metadata` cannot pass there.
        const run = await runCommand(Deploy, ['--checks', 'g', '--output-dir', output], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
            'Error: Offline checks failed: g. Metadata converts to deployable packages (run npm run check:metadata alone to see why).'
        );
    });

    it('refuses an unknown check, a test list without RunSpecifiedTests and an unknown package directory', async () => {
        const unknownCheck = await runCommand(Deploy, ['--checks', 'types,typo'], org.$$.SANDBOX);
        expect(unknownCheck.stderr).toBe(
            'Error: Unknown check typo: use all, none, a-g or types, lint, jest, apex, analyzer, lwc, metadata.'
        );
        expect(unknownCheck.exitCode).toBe(2);
        const tests = await runCommand(Deploy, ['--tests', 'GreeterTest'], org.$$.SANDBOX);
        expect(tests.stderr).toBe('Error: --tests needs --test-level RunSpecifiedTests.');
        expect(tests.exitCode).toBe(2);
        const level = await runCommand(Deploy, ['--test-level', 'RunSpecifiedTests'], org.$$.SANDBOX);
        expect(level.stderr).toBe('Error: --test-level RunSpecifiedTests needs --tests.');
        const badLevel = await runCommand(Deploy, ['--test-level', 'RunSomeTests'], org.$$.SANDBOX);
        expect(badLevel.exitCode).toBe(2);
        expect(badLevel.stderr.split('\n')).toHaveLength(1);
        const directory = await runCommand(Deploy, ['--checks', 'none', '--package-dir', 'nowhere'], org.$$.SANDBOX);
        expect(directory.stderr).toBe('Error: nowhere is not a package directory of sfdx-project.json (force-app).');
    });

    it('outside a Salesforce DX project says so in one line', async () => {
        process.chdir(tmpdir());
        const run = await runCommand(Deploy, ['--checks', 'none'], org.$$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr.split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(/^Error: .*Salesforce DX project/);
    });

    it('deploys through SDR with the test level, shows progress and a summary with tests and coverage', async () => {
        // Given an org that accepts the deployment and runs three tests
        const calls = fakeDeployment(
            {
                details: {
                    runTestResult: {
                        numTestsRun: '3',
                        numFailures: '0',
                        totalTime: '1200',
                        codeCoverage: [
                            {
                                id: '01p1',
                                name: 'Greeter',
                                type: 'Class',
                                numLocations: '10',
                                numLocationsNotCovered: '1'
                            },
                            {
                                id: '01p2',
                                name: 'Helper',
                                type: 'Class',
                                numLocations: '10',
                                numLocationsNotCovered: '5'
                            }
                        ]
                    }
                }
            },
            [{ numberComponentsDeployed: 1, numberTestsCompleted: 0 }]
        );
        // When the developer deploys to it
        const run = await runCommand(
            Deploy,
            [
                '--target-org',
                org.username(),
                '--checks',
                'none',
                '--output-dir',
                output,
                '--test-level',
                'RunLocalTests'
            ],
            org.$$.SANDBOX
        );
        // Then SDR got the connection and the test level, and the summary shows components, tests and coverage
        expect(calls).toEqual([
            expect.objectContaining({
                apiOptions: { checkOnly: false, rollbackOnError: true, testLevel: 'RunLocalTests' }
            })
        ]);
        expect(run.exitCode).toBe(0);
        expect(run.stdout).toContain('Deployment: Succeeded');
        expect(run.stdout).toContain('Components: 2 deployed, 0 failed, 2 total');
        expect(run.stdout).toContain('Apex tests: 3 run, 0 failed');
        expect(run.stdout).toContain('Code coverage: 70% of 20 lines (1 under 75%)');
        expect(run.stdout).toContain('  Helper: 50%');
        expect(run.result?.deployed).toBe(true);
    });

    it('lists each failure with its file and line and exits 1', async () => {
        // Given an org that refuses the class and whose test fails
        fakeDeployment({
            status: RequestStatus.Failed,
            success: false,
            numberComponentErrors: 1,
            numberComponentsDeployed: 0,
            details: {
                componentFailures: [
                    {
                        changed: 'false',
                        created: 'false',
                        deleted: 'false',
                        success: 'false',
                        createdDate: '2026-12-01T10:00:00.000Z',
                        fileName: 'classes/Greeter.cls',
                        fullName: 'Greeter',
                        componentType: 'ApexClass',
                        lineNumber: '3',
                        columnNumber: '9',
                        problem: "Unexpected token 'publc'.",
                        problemType: 'Error'
                    }
                ],
                runTestResult: {
                    numTestsRun: '1',
                    numFailures: '1',
                    totalTime: '10',
                    failures: [
                        {
                            id: '01p',
                            name: 'GreeterTest',
                            methodName: 'greetShouldSayHello',
                            message: 'Assertion Failed: greeting',
                            stackTrace: 'Class.GreeterTest.greetShouldSayHello: line 12, column 1',
                            packageName: 'GreeterTest',
                            time: '5',
                            type: 'Class'
                        }
                    ]
                }
            }
        });
        // When the developer validates (dry run) against the org
        const run = await runCommand(
            Deploy,
            ['-o', org.username(), '--checks', 'none', '--output-dir', output, '--dry-run', '--json'],
            org.$$.SANDBOX
        );
        // Then the JSON error carries the summary with the file and line of each failure
        expect(run.exitCode).toBe(1);
        const error = run.json[0] as { message: string; data: DeployCommandResult };
        expect(error.message).toBe(
            'The deployment 0Af000000000001AAA failed: 1 component errors, 1 test failures (see the lines above).'
        );
        expect(error.data.summary?.componentFailures).toEqual([
            {
                file: path.join('force-app', 'main', 'default', 'classes', 'Greeter.cls'),
                line: 3,
                column: 9,
                type: 'ApexClass',
                fullName: 'Greeter',
                problem: "Unexpected token 'publc'."
            }
        ]);
        expect(error.data.summary?.tests.failures[0]).toEqual(
            expect.objectContaining({ className: 'GreeterTest', methodName: 'greetShouldSayHello' })
        );
    });

    it('on the real project tree without an org builds both packages and stops at the boundary', async () => {
        process.chdir(REPO_ROOT);
        const run = await runCommand(Deploy, ['--checks', 'none', '--output-dir', output, '--json'], org.$$.SANDBOX);
        expect(run.error).toBeUndefined();
        expect(run.result?.deployed).toBe(false);
        expect(run.result?.packages.map((entry) => entry.packageDirectory)).toEqual(['force-app', 'examples']);
        expect(run.result?.packages[0].components).toBeGreaterThan(50);
        expect(existsSync(path.join(output, 'force-app', 'package.xml'))).toBe(true);
        expect(existsSync(path.join(output, 'examples', 'package.xml'))).toBe(true);
    });
});
