import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { ComponentSet, DeployResult, RequestStatus } from '@salesforce/source-deploy-retrieve';
import type { MetadataApiDeployStatus } from '@salesforce/source-deploy-retrieve';
import { runCommand } from '../../test-support/command-test.ts';
import { fakeOrg } from '../../test-support/fake-org.ts';
import type { RecordedRequest } from '../../test-support/fake-org.ts';
import type { TypedSandbox } from '../../test-support/org-test.ts';
import { createFixtureProject, writeApexClass } from '../../../test-support/fixture-project.ts';
import type { FixtureProject } from '../../../test-support/fixture-project.ts';
import { STATE_FILE } from '../../../org/org-setup.ts';
import type { SetupState } from '../../../org/org-setup.ts';
import { scratchOrgs } from '../../../org/scratch-org.ts';
import { SAMPLE_ACCOUNTS } from '../../../org/sample-data.ts';
import OrgSetup from './setup.ts';

function finished(success: boolean): MetadataApiDeployStatus {
    return {
        id: '0Af000000000009AAA',
        status: success ? RequestStatus.Succeeded : RequestStatus.Failed,
        success,
        done: true,
        checkOnly: false,
        createdBy: '005',
        createdByName: 'Admin',
        createdDate: '2026-12-01T10:00:00.000Z',
        lastModifiedDate: '2026-12-01T10:01:00.000Z',
        ignoreWarnings: false,
        rollbackOnError: true,
        runTestsEnabled: false,
        numberComponentErrors: success ? 0 : 1,
        numberComponentsDeployed: success ? 1 : 0,
        numberComponentsTotal: 1,
        numberTestErrors: 0,
        numberTestsCompleted: 0,
        numberTestsTotal: 0,
        details: success
            ? {}
            : {
                  componentFailures: {
                      changed: 'false',
                      created: 'false',
                      deleted: 'false',
                      success: 'false',
                      createdDate: '',
                      fileName: 'classes/Greeter.cls',
                      fullName: 'Greeter',
                      componentType: 'ApexClass',
                      lineNumber: '1',
                      problem: 'Invalid type: Gretter'
                  }
              }
    };
}

describe('relay org setup', () => {
    const $$ = new TestContext();
    const scratch = new MockTestOrgData();
    const hub = new MockTestOrgData();
    const sandbox = (): TypedSandbox => Reflect.get($$, 'SANDBOX') as TypedSandbox;
    let project: FixtureProject;
    let created: unknown[];
    let deploys: number;
    let deploySucceeds: boolean;
    let requests: RecordedRequest[];
    const cwd = process.cwd();

    beforeEach(async () => {
        hub.makeDevHub();
        await $$.stubAuths(scratch, hub);
        $$.stubAliases({});
        (Reflect.get($$, 'SANDBOXES') as Record<string, TypedSandbox>).PROJECT.restore();
        project = createFixtureProject();
        writeApexClass(project, 'Greeter', 'public with sharing class Greeter {}');
        project.write('config/project-scratch-def.json', JSON.stringify({ edition: 'Developer' }));
        process.chdir(project.root);
        created = [];
        deploys = 0;
        deploySucceeds = true;
        sandbox()
            .stub(scratchOrgs, 'create')
            .callsFake((options: never) => {
                created.push(options);
                return Promise.resolve({ username: scratch.username, expirationDate: '2026-12-08' });
            });
        sandbox()
            .stub(ComponentSet.prototype, 'deploy')
            .callsFake(function (this: ComponentSet) {
                deploys += 1;
                return Promise.resolve({
                    id: '0Af000000000009AAA',
                    onUpdate: () => undefined,
                    pollStatus: () => Promise.resolve(new DeployResult(finished(deploySucceeds), this))
                } as never);
            });
        requests = fakeOrg($$, (request) => {
            const url = decodeURIComponent(request.url);
            if (url.includes('FROM User'))
                return { body: { totalSize: 1, done: true, records: [{ Id: '005000000000001AAA' }] } };
            if (url.includes('FROM PermissionSet ')) {
                return {
                    body: { totalSize: 1, done: true, records: [{ Id: '0PS000000000001AAA', Name: 'Relay_Admin' }] }
                };
            }
            if (url.includes('FROM PermissionSetAssignment'))
                return { body: { totalSize: 0, done: true, records: [] } };
            if (url.includes('/sobjects/PermissionSetAssignment'))
                return { body: { id: '0Pa000000000001AAA', success: true, errors: [] } };
            if (url.includes('FROM Account')) {
                return { body: { totalSize: 1, done: true, records: [{ AccountNumber: 'RS-0001' }] } };
            }
            if (url.includes('/composite/sobjects')) {
                return {
                    body: SAMPLE_ACCOUNTS.slice(1).map((_, index) => ({ id: `001${index}`, success: true, errors: [] }))
                };
            }
            return undefined;
        });
    });
    afterEach(() => {
        process.chdir(cwd);
        project.remove();
        $$.restore();
    });

    const state = (): SetupState => JSON.parse(readFileSync(path.join(project.root, STATE_FILE), 'utf8')) as SetupState;

    it('creates the scratch org, deploys, assigns the permission set and loads the missing sample Accounts', async () => {
        // Given a project and a Dev Hub
        // When the developer sets up an org
        const run = await runCommand(OrgSetup, ['--target-dev-hub', hub.username, '--alias', 'relay-test'], $$.SANDBOX);
        // Then every step ran once, in order, and the state file records each
        expect(run.error).toBeUndefined();
        expect(created).toEqual([
            expect.objectContaining({ alias: 'relay-test', durationDays: 7, definition: { edition: 'Developer' } })
        ]);
        expect(deploys).toBe(1);
        expect(requests.filter((request) => request.method === 'POST').map((request) => request.url)).toEqual([
            expect.stringContaining('/sobjects/PermissionSetAssignment'),
            expect.stringContaining('/composite/sobjects')
        ]);
        const composite = requests.find((request) => request.url.includes('/composite/sobjects'));
        expect((composite?.body as { records: unknown[] }).records).toHaveLength(SAMPLE_ACCOUNTS.length - 1);
        expect(Object.keys(state().steps)).toEqual(['scratch-org', 'deploy', 'permission-sets', 'sample-data']);
        expect(state().username).toBe(scratch.username);
        expect(run.stdout).toContain(`Scratch org ${scratch.username} is ready`);
        expect(run.result?.steps['sample-data']?.detail).toBe('4 Accounts created, 1 already there');
    });

    it('resumes at the step that failed, without creating a second scratch org', async () => {
        // Given a first run whose deploy fails
        deploySucceeds = false;
        const first = await runCommand(OrgSetup, ['--target-dev-hub', hub.username], $$.SANDBOX);
        expect(first.exitCode).toBe(1);
        expect(first.stderr).toBe(
            'Error: Step deploy failed: 1 component errors, 0 test failures; force-app/main/default/classes/Greeter.cls:1: Invalid type: Gretter (run the command again to carry on from here).'
        );
        expect(Object.keys(state().steps)).toEqual(['scratch-org']);
        // When the developer fixes it and runs the command again (no Dev Hub needed any more)
        deploySucceeds = true;
        const second = await runCommand(OrgSetup, [], $$.SANDBOX);
        // Then the scratch org step is skipped and the rest run
        expect(second.error).toBeUndefined();
        expect(created).toHaveLength(1);
        expect(deploys).toBe(2);
        expect(second.stdout).toMatch(/^scratch-org: done before \(/);
        expect(Object.keys(state().steps)).toEqual(['scratch-org', 'deploy', 'permission-sets', 'sample-data']);
    });

    it('starts over with --restart', async () => {
        await runCommand(OrgSetup, ['--target-dev-hub', hub.username, '--skip-sample-data'], $$.SANDBOX);
        await runCommand(OrgSetup, ['--target-dev-hub', hub.username, '--restart'], $$.SANDBOX);
        expect(created).toHaveLength(2);
    });

    it('without a Dev Hub says how to connect one, in one line', async () => {
        const run = await runCommand(OrgSetup, [], $$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe(
            'Error: Step scratch-org failed: No Dev Hub to create the scratch org: pass --target-dev-hub <alias> or set one (sf org login web --alias devhub --set-default-dev-hub). (run the command again to carry on from here).'
        );
        expect(existsSync(path.join(project.root, STATE_FILE))).toBe(false);
    });

    it('refuses a malformed scratch org definition in one line', async () => {
        project.write('config/project-scratch-def.json', '{ "edition": ');
        const run = await runCommand(OrgSetup, ['--target-dev-hub', hub.username], $$.SANDBOX);
        expect(run.exitCode).toBe(1);
        expect(run.stderr.split('\n')).toHaveLength(1);
        expect(run.stderr).toMatch(
            /^Error: Step scratch-org failed: Scratch org definition .*project-scratch-def\.json: /
        );
        expect(created).toEqual([]);
    });

    it('refuses a missing definition file in one line', async () => {
        const run = await runCommand(
            OrgSetup,
            ['--target-dev-hub', hub.username, '--definition-file', 'nope.json'],
            $$.SANDBOX
        );
        expect(run.exitCode).toBe(1);
        expect(run.stderr).toBe('Error: Parsing --definition-file: No file found at nope.json');
    });
});
