import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SETUP_STEPS, clearState, readState, runSetup, writeState } from './org-setup.ts';
import type { SetupStep, StepRunner } from './org-setup.ts';
import { readDefinition } from './scratch-org.ts';

describe('org setup state', () => {
    let folder: string;
    let file: string;
    beforeEach(() => {
        folder = mkdtempSync(path.join(tmpdir(), 'relay-setup-'));
        file = path.join(folder, '.sf', 'relay-org-setup.json');
    });
    afterEach(() => rmSync(folder, { recursive: true, force: true }));

    function runners(log: string[], failAt?: SetupStep): Record<SetupStep, StepRunner> {
        return Object.fromEntries(
            SETUP_STEPS.map((step) => [
                step,
                () => {
                    log.push(step);
                    if (step === failAt) return Promise.reject(new Error('session expired'));
                    return Promise.resolve({
                        detail: `${step} ok`,
                        username: step === 'scratch-org' ? 'test@relay.dev' : undefined
                    });
                }
            ])
        ) as unknown as Record<SetupStep, StepRunner>;
    }

    const quiet = { started: () => undefined, finished: () => undefined, skipped: () => undefined };

    it('starts empty, records each finished step and resumes after the last one', async () => {
        const first: string[] = [];
        await expect(
            runSetup({
                stateFile: file,
                state: readState(file, 'relay-dev'),
                runners: runners(first, 'permission-sets'),
                ...quiet
            })
        ).rejects.toThrow(
            'Step permission-sets failed: session expired (run the command again to carry on from here).'
        );
        expect(first).toEqual(['scratch-org', 'deploy', 'permission-sets']);
        const saved = readState(file, 'relay-dev');
        expect(Object.keys(saved.steps)).toEqual(['scratch-org', 'deploy']);
        expect(saved.username).toBe('test@relay.dev');

        const second: string[] = [];
        const skipped: string[] = [];
        await runSetup({
            stateFile: file,
            state: saved,
            runners: runners(second),
            ...quiet,
            skipped: (step) => skipped.push(step),
            now: () => new Date('2026-12-01T12:00:00Z')
        });
        expect(skipped).toEqual(['scratch-org', 'deploy']);
        expect(second).toEqual(['permission-sets', 'sample-data']);
        expect(readState(file, 'relay-dev').steps['sample-data']).toEqual({
            finishedAt: '2026-12-01T12:00:00.000Z',
            detail: 'sample-data ok'
        });
    });

    it('refuses a state file that is not one, or that belongs to another alias', () => {
        writeState(file, { version: 1, alias: 'other', steps: {} });
        expect(() => readState(file, 'relay-dev')).toThrow(
            'The saved progress belongs to other, not relay-dev: pass --restart to start over.'
        );
        writeFileSync(file, '{');
        expect(() => readState(file, 'relay-dev')).toThrow(/is not a Relay setup state file/);
        writeFileSync(file, '{"version":2}');
        expect(() => readState(file, 'relay-dev')).toThrow(/unknown version/);
        clearState(file);
        expect(existsSync(file)).toBe(false);
    });

    it('reads a scratch org definition and refuses what is not one', () => {
        const definition = path.join(folder, 'def.json');
        writeFileSync(definition, '{"edition":"Developer"}');
        expect(readDefinition(definition)).toEqual({ edition: 'Developer' });
        writeFileSync(definition, '[1]');
        expect(() => readDefinition(definition)).toThrow(/not a JSON object/);
        expect(() => readDefinition(path.join(folder, 'none.json'))).toThrow(
            /^Scratch org definition .*none\.json: ENOENT/
        );
    });
});
