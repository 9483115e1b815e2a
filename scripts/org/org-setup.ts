import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { orgMessages as messages } from '../cli/messages/org.ts';

/** The steps of `relay org setup`, in order. */
export const SETUP_STEPS = ['scratch-org', 'deploy', 'permission-sets', 'sample-data'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

/** Where a run keeps its progress (in .sf/, which git ignores). */
export const STATE_FILE = path.join('.sf', 'relay-org-setup.json');

export interface StepRecord {
    finishedAt: string;
    detail: string;
}

/** What earlier runs finished; the scratch org's username once the first step is done. */
export interface SetupState {
    version: 1;
    alias: string;
    username?: string;
    steps: Partial<Record<SetupStep, StepRecord>>;
}

export function readState(file: string, alias: string): SetupState {
    if (!existsSync(file)) {
        return { version: 1, alias, steps: {} };
    }
    let parsed: SetupState;
    try {
        parsed = JSON.parse(readFileSync(file, 'utf8')) as SetupState;
    } catch (error) {
        throw messages.createError('error.stateFile', [file, (error as Error).message]);
    }
    if (parsed.version !== 1 || typeof parsed.steps !== 'object' || parsed.steps === null) {
        throw messages.createError('error.stateFile', [file, 'unknown version']);
    }
    if (parsed.alias !== alias) {
        throw messages.createError('error.otherOrg', [parsed.alias, alias]);
    }
    return parsed;
}

export function writeState(file: string, state: SetupState): void {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `${JSON.stringify(state, null, 4)}\n`);
}

export function clearState(file: string): void {
    rmSync(file, { force: true });
}

/** One step's work: resolves to the line that says what it did. `username` is the scratch org's once created. */
export type StepRunner = (state: SetupState) => Promise<{ detail: string; username?: string }>;

export interface SetupRun {
    stateFile: string;
    state: SetupState;
    runners: Record<SetupStep, StepRunner>;
    /** A step starts (its spinner). */
    started: (step: SetupStep) => void;
    finished: (step: SetupStep, detail: string) => void;
    skipped: (step: SetupStep, record: StepRecord) => void;
    now?: () => Date;
}

/**
 * Runs the steps not finished before, in order, writing the state file after each one, so a run that fails (an
 * expired Dev Hub session, a deploy error) resumes at the failed step. A failure names the step and says so.
 */
export async function runSetup(run: SetupRun): Promise<SetupState> {
    const now = run.now ?? (() => new Date());
    const state = run.state;
    for (const step of SETUP_STEPS) {
        const record = state.steps[step];
        if (record) {
            run.skipped(step, record);
            continue;
        }
        run.started(step);
        let outcome: { detail: string; username?: string };
        try {
            outcome = await run.runners[step](state);
        } catch (error) {
            throw messages.createError('error.step', [step, (error as Error).message], [], error as Error);
        }
        if (outcome.username) {
            state.username = outcome.username;
        }
        state.steps[step] = { finishedAt: now().toISOString(), detail: outcome.detail };
        writeState(run.stateFile, state);
        run.finished(step, outcome.detail);
    }
    return state;
}
