// What a stubbed Apex method answers, call by call (types/lwc-test/preview.d.ts, ApexFixture). Pure: the browser
// stubs (scripts/preview/stubs) and the Node unit tests both use it.
import type { ApexFixture } from 'relay/preview';

/** One answer of a stubbed Apex method. */
export type ApexAnswer =
    | { kind: 'data'; data: unknown; delayMs: number }
    | { kind: 'error'; message: string; delayMs: number }
    | { kind: 'pending' };

/** The answer when a scenario gives no fixture for a method the component calls. */
export function missingFixtureAnswer(method: string): ApexAnswer {
    return {
        kind: 'error',
        message: `The preview scenario has no fixture for ${method}: add apex['${method}'] to the scenario.`,
        delayMs: 0
    };
}

/** The answer of a plain (non-sequence) fixture; a nested sequence answers with its first entry. */
function answerOf(fixture: ApexFixture): ApexAnswer {
    if ('sequence' in fixture) {
        const first = fixture.sequence[0];
        return first === undefined ? { kind: 'pending' } : answerOf(first);
    }
    if ('pending' in fixture) {
        return { kind: 'pending' };
    }
    if ('error' in fixture) {
        return { kind: 'error', message: fixture.error, delayMs: fixture.delayMs ?? 0 };
    }
    return { kind: 'data', data: fixture.data, delayMs: fixture.delayMs ?? 0 };
}

/**
 * The answer to the call number `callIndex` (0-based) of a method: a `sequence` answers call by call and repeats
 * its last entry; any other fixture answers every call the same.
 */
export function answerFor(fixture: ApexFixture | undefined, callIndex: number, method: string): ApexAnswer {
    if (fixture === undefined) {
        return missingFixtureAnswer(method);
    }
    if ('sequence' in fixture) {
        const { sequence } = fixture;
        if (sequence.length === 0) {
            return { kind: 'pending' };
        }
        return answerOf(sequence[Math.min(callIndex, sequence.length - 1)]);
    }
    return answerOf(fixture);
}

/** Apex errors reach components as `{ body: { message } }`, as the platform delivers an AuraHandledException. */
export function apexError(message: string): { body: { message: string }; status: number; statusText: string } {
    return { body: { message }, status: 500, statusText: 'Server Error' };
}

/** The parameter keys of a wire config or an imperative call, with `undefined` values left out (as the platform does). */
export function cleanParams(params: unknown): Record<string, unknown> {
    if (typeof params !== 'object' || params === null) {
        return {};
    }
    return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
}
