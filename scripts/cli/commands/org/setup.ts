import path from 'node:path';
import { Flags } from '@salesforce/sf-plugins-core';
import { SfProject } from '@salesforce/core';
import type { Org } from '@salesforce/core';
import { RelayCommand } from '../../relay-command.ts';
import { orgMessages as messages } from '../../messages/org.ts';
import { deployMessages } from '../../messages/deploy.ts';
import { preflight, projectScriptExecutor, selectChecks, selectPackageDirectories } from '../../../deploy/preflight.ts';
import { TEST_LEVELS, deployToOrg, summarizeDeploy } from '../../../deploy/org-deploy.ts';
import type { TestLevel } from '../../../deploy/org-deploy.ts';
import { STATE_FILE, clearState, readState, runSetup } from '../../../org/org-setup.ts';
import type { SetupState, SetupStep, StepRunner } from '../../../org/org-setup.ts';
import { readDefinition, scratchOrgs } from '../../../org/scratch-org.ts';
import { assignPermissionSets, loadSampleAccounts } from '../../../org/sample-data.ts';

export interface OrgSetupResult {
    alias: string;
    username: string;
    stateFile: string;
    steps: SetupState['steps'];
}

export default class OrgSetup extends RelayCommand<OrgSetupResult> {
    public static override readonly summary = messages.getMessage('setup.summary');
    public static override readonly description = messages.getMessage('setup.description');
    public static override readonly examples = messages.getMessages('setup.examples');

    public static override readonly flags = {
        'target-dev-hub': Flags.optionalHub(),
        alias: Flags.string({ char: 'a', summary: messages.getMessage('flags.alias.summary'), default: 'relay-dev' }),
        'definition-file': Flags.file({
            summary: messages.getMessage('flags.definition-file.summary'),
            exists: true,
            default: path.join('config', 'project-scratch-def.json')
        }),
        'duration-days': Flags.integer({
            summary: messages.getMessage('flags.duration-days.summary'),
            default: 7,
            min: 1,
            max: 30
        }),
        'permission-set': Flags.string({
            summary: messages.getMessage('flags.permission-set.summary'),
            multiple: true,
            default: ['Relay_Admin']
        }),
        'skip-sample-data': Flags.boolean({ summary: messages.getMessage('flags.skip-sample-data.summary') }),
        checks: Flags.string({
            summary: messages.getMessage('flags.checks.summary'),
            multiple: true,
            delimiter: ',',
            default: ['none']
        }),
        'test-level': Flags.option({
            summary: messages.getMessage('flags.test-level.summary'),
            options: TEST_LEVELS,
            default: 'NoTestRun'
        })(),
        restart: Flags.boolean({ summary: messages.getMessage('flags.restart.summary') })
    };

    public async run(): Promise<OrgSetupResult> {
        const { flags } = await this.parse(OrgSetup);
        const projectRoot = (await SfProject.resolve()).getPath();
        const stateFile = path.join(projectRoot, STATE_FILE);
        const checks = selectChecks(flags.checks);
        if (flags.restart) {
            clearState(stateFile);
        }
        const state = readState(stateFile, flags.alias);
        const definitionFile = path.resolve(projectRoot, flags['definition-file']);
        const testLevel: TestLevel = flags['test-level'];
        let org: Org | undefined;
        const scratchOrg = async (current: SetupState): Promise<Org> => {
            org ??= await scratchOrgs.open(current.username ?? '');
            return org;
        };

        const runners: Record<SetupStep, StepRunner> = {
            'scratch-org': async () => {
                const hub = flags['target-dev-hub'];
                if (!hub) throw messages.createError('error.noDevHub');
                const definition = readDefinition(definitionFile);
                const created = await scratchOrgs.create({
                    hub,
                    definition,
                    alias: flags.alias,
                    durationDays: flags['duration-days']
                });
                return {
                    username: created.username,
                    detail: messages.getMessage('scratch.created', [created.username, created.expirationDate])
                };
            },
            deploy: async (current) => {
                const target = await scratchOrg(current);
                const packageDirectories = selectPackageDirectories(projectRoot, []);
                await preflight({
                    projectRoot,
                    outputRoot: path.join(projectRoot, 'dist'),
                    packageDirectories,
                    checks,
                    runCheck: projectScriptExecutor(projectRoot, this.jsonEnabled()),
                    step: (title) => (this.spinner.status = title),
                    done: () => undefined,
                    log: (line) => this.log(line)
                });
                const result = await deployToOrg({
                    projectRoot,
                    packageDirectories,
                    connection: target.getConnection(),
                    testLevel,
                    tests: [],
                    dryRun: false,
                    waitMinutes: 33,
                    onStart: (id) => (this.spinner.status = deployMessages.getMessage('deploy.id', [id])),
                    onUpdate: (status) =>
                        (this.spinner.status = deployMessages.getMessage('deploy.status', [
                            status.numberComponentsDeployed,
                            status.numberComponentsTotal,
                            status.numberTestsCompleted,
                            status.numberTestsTotal
                        ]))
                });
                const summary = summarizeDeploy(result, projectRoot);
                if (!summary.success) {
                    const first = summary.componentFailures[0];
                    const where = first ? `; ${first.file}:${first.line ?? '?'}: ${first.problem}` : '';
                    throw new Error(
                        messages.getMessage('error.deployFailed', [summary.components.failed, summary.tests.failed]) +
                            where
                    );
                }
                return { detail: messages.getMessage('deploy.done', [summary.components.deployed]) };
            },
            'permission-sets': async (current) => {
                const target = await scratchOrg(current);
                const result = await assignPermissionSets(
                    target.getConnection(),
                    current.username ?? '',
                    flags['permission-set']
                );
                return {
                    detail: messages.getMessage('permissions.done', [
                        result.assigned.join(', ') || 'none',
                        result.existing.join(', ') || 'none'
                    ])
                };
            },
            'sample-data': async (current) => {
                if (flags['skip-sample-data']) {
                    return { detail: messages.getMessage('sample.skipped') };
                }
                const target = await scratchOrg(current);
                const result = await loadSampleAccounts(target.getConnection());
                return { detail: messages.getMessage('sample.done', [result.created, result.existing]) };
            }
        };

        const titles: Record<SetupStep, () => string> = {
            'scratch-org': () =>
                messages.getMessage('step.scratch-org', [flags.alias, path.relative(projectRoot, definitionFile)]),
            deploy: () => messages.getMessage('step.deploy', [flags.alias]),
            'permission-sets': () => messages.getMessage('step.permission-sets', [flags['permission-set'].join(', ')]),
            'sample-data': () => messages.getMessage('step.sample-data')
        };
        const finalState = await runSetup({
            stateFile,
            state,
            runners,
            started: (step) => this.spinner.start(titles[step]()),
            finished: (_step, detail) => this.spinner.stop(detail),
            skipped: (step, record) => this.log(messages.getMessage('step.skipped', [step, record.finishedAt]))
        }).catch((error: Error) => {
            this.spinner.stop(messages.getMessage('step.failed'));
            this.log(messages.getMessage('state.saved', [path.relative(projectRoot, stateFile)]));
            throw error;
        });
        this.log(messages.getMessage('setup.finished', [finalState.username ?? '', flags.alias]));
        return {
            alias: flags.alias,
            username: finalState.username ?? '',
            stateFile: path.relative(projectRoot, stateFile),
            steps: finalState.steps
        };
    }
}
