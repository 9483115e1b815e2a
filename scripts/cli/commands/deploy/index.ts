import path from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { SfProject } from '@salesforce/core';
import type { Org } from '@salesforce/core';
import { RelayCommand } from '../../relay-command.ts';
import { deployMessages as messages } from '../../messages/deploy.ts';
import { preflight, projectScriptExecutor, selectChecks, selectPackageDirectories } from '../../../deploy/preflight.ts';
import type { PreflightReport } from '../../../deploy/preflight.ts';
import { TEST_LEVELS, deployToOrg, formatDeploySummary, summarizeDeploy } from '../../../deploy/org-deploy.ts';
import type { DeploySummary, TestLevel } from '../../../deploy/org-deploy.ts';

export interface DeployCommandResult {
    projectRoot: string;
    packages: { packageDirectory: string; components: number; outputDirectory: string }[];
    checks: { label: string; script: string; passed: boolean; seconds: number }[];
    /** false when no org was connected: the run stopped at the org boundary with the packages built. */
    deployed: boolean;
    targetOrg?: string;
    summary?: DeploySummary;
}

export default class Deploy extends RelayCommand<DeployCommandResult> {
    public static override readonly summary = messages.getMessage('summary');
    public static override readonly description = messages.getMessage('description');
    public static override readonly examples = messages.getMessages('examples');

    public static override readonly flags = {
        'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
        'api-version': Flags.orgApiVersion(),
        'test-level': Flags.option({
            summary: messages.getMessage('flags.test-level.summary'),
            options: TEST_LEVELS,
            default: 'RunLocalTests'
        })(),
        tests: Flags.string({ summary: messages.getMessage('flags.tests.summary'), multiple: true, delimiter: ',' }),
        'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
        checks: Flags.string({
            summary: messages.getMessage('flags.checks.summary'),
            multiple: true,
            delimiter: ',',
            default: ['all']
        }),
        'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary'), default: 'dist' }),
        'package-dir': Flags.string({ summary: messages.getMessage('flags.package-dir.summary'), multiple: true }),
        wait: Flags.integer({ summary: messages.getMessage('flags.wait.summary'), default: 33, min: 1 })
    };

    public async run(): Promise<DeployCommandResult> {
        const { flags } = await this.parse(Deploy);
        // Resolved here rather than with `requiresProject`, whose error escapes the command's one-line handling.
        const projectRoot = (await SfProject.resolve()).getPath();
        const testLevel: TestLevel = flags['test-level'];
        const tests = flags.tests ?? [];
        if (tests.length > 0 && testLevel !== 'RunSpecifiedTests') {
            throw Object.assign(messages.createError('error.testsWithoutLevel'), { exitCode: 2 });
        }
        if (tests.length === 0 && testLevel === 'RunSpecifiedTests') {
            throw Object.assign(messages.createError('error.levelWithoutTests'), { exitCode: 2 });
        }
        const checks = selectChecks(flags.checks);
        const packageDirectories = selectPackageDirectories(projectRoot, flags['package-dir'] ?? []);
        const report = await preflight({
            projectRoot,
            outputRoot: path.resolve(projectRoot, flags['output-dir']),
            packageDirectories,
            checks,
            runCheck: projectScriptExecutor(projectRoot, this.jsonEnabled()),
            step: (title) => this.spinner.start(title),
            done: (detail) => this.spinner.stop(detail),
            log: (line) => this.log(line)
        });
        const result = this.result(projectRoot, report);
        const org = flags['target-org'];
        if (!org) {
            this.log(
                messages.getMessage('boundary', [result.packages.map((entry) => entry.outputDirectory).join(', ')])
            );
            return result;
        }
        const summary = await this.deploy(org, flags['api-version'], {
            projectRoot,
            packageDirectories,
            testLevel,
            tests,
            dryRun: flags['dry-run'] === true,
            waitMinutes: flags.wait
        });
        formatDeploySummary(summary, testLevel).forEach((line) => this.log(line));
        const finished = {
            ...result,
            deployed: summary.success && !summary.checkOnly,
            targetOrg: org.getUsername(),
            summary
        };
        if (!summary.success) {
            throw Object.assign(
                messages.createError('error.deployFailed', [
                    summary.id,
                    summary.components.failed,
                    summary.tests.failed
                ]),
                { data: finished }
            );
        }
        return finished;
    }

    private async deploy(
        org: Org,
        apiVersion: string | undefined,
        options: {
            projectRoot: string;
            packageDirectories: string[];
            testLevel: TestLevel;
            tests: string[];
            dryRun: boolean;
            waitMinutes: number;
        }
    ): Promise<DeploySummary> {
        const username = org.getUsername() ?? '';
        const deployResult = await deployToOrg({
            ...options,
            connection: org.getConnection(apiVersion),
            onStart: (id, componentCount) => {
                this.spinner.start(
                    messages.getMessage('deploy.start', [
                        componentCount,
                        username,
                        options.dryRun ? messages.getMessage('deploy.dryRunSuffix') : ''
                    ])
                );
                this.spinner.status = messages.getMessage('deploy.id', [id]);
            },
            onUpdate: (status) => {
                this.spinner.status = messages.getMessage('deploy.status', [
                    status.numberComponentsDeployed + status.numberComponentErrors,
                    status.numberComponentsTotal,
                    status.numberTestsCompleted + status.numberTestErrors,
                    status.numberTestsTotal
                ]);
            }
        });
        this.spinner.stop(deployResult.response.status);
        return summarizeDeploy(deployResult, options.projectRoot);
    }

    private result(projectRoot: string, report: PreflightReport): DeployCommandResult {
        return {
            projectRoot,
            packages: report.packages.map((entry) => ({
                packageDirectory: entry.packageDirectory,
                components: entry.componentCount,
                outputDirectory: path.relative(projectRoot, entry.outputDirectory)
            })),
            checks: report.checks.map((entry) => ({
                label: entry.check.label,
                script: entry.check.script,
                passed: entry.passed,
                seconds: entry.seconds
            })),
            deployed: false
        };
    }
}
