import { describe, expect, it } from '@jest/globals';
import { answerFor, apexError, cleanParams, missingFixtureAnswer } from './fixtures.ts';

describe('answerFor', () => {
    it('answers data, errors and pending fixtures the same on every call', () => {
        expect(answerFor({ data: [1] }, 3, 'C.m')).toEqual({ kind: 'data', data: [1], delayMs: 0 });
        expect(answerFor({ error: 'No access.', delayMs: 20 }, 0, 'C.m')).toEqual({
            kind: 'error',
            message: 'No access.',
            delayMs: 20
        });
        expect(answerFor({ pending: true }, 5, 'C.m')).toEqual({ kind: 'pending' });
    });

    it('answers a sequence call by call and repeats its last entry', () => {
        const fixture = { sequence: [{ data: 'first' }, { error: 'second' }, { data: 'last', delayMs: 5 }] };

        expect(answerFor(fixture, 0, 'C.m')).toEqual({ kind: 'data', data: 'first', delayMs: 0 });
        expect(answerFor(fixture, 1, 'C.m')).toEqual({ kind: 'error', message: 'second', delayMs: 0 });
        expect(answerFor(fixture, 2, 'C.m')).toEqual({ kind: 'data', data: 'last', delayMs: 5 });
        expect(answerFor(fixture, 9, 'C.m')).toEqual({ kind: 'data', data: 'last', delayMs: 5 });
    });

    it('treats an empty sequence as pending and a nested sequence as its first entry', () => {
        expect(answerFor({ sequence: [] }, 0, 'C.m')).toEqual({ kind: 'pending' });
        expect(answerFor({ sequence: [{ sequence: [{ data: 1 }, { data: 2 }] }] }, 4, 'C.m')).toEqual({
            kind: 'data',
            data: 1,
            delayMs: 0
        });
        expect(answerFor({ sequence: [{ sequence: [] }] }, 0, 'C.m')).toEqual({ kind: 'pending' });
    });

    it('answers a method without a fixture with an error naming the missing fixture', () => {
        expect(answerFor(undefined, 0, 'C.m')).toEqual(missingFixtureAnswer('C.m'));
        expect(missingFixtureAnswer('C.m')).toMatchObject({
            kind: 'error',
            message: expect.stringContaining("apex['C.m']")
        });
    });
});

describe('apexError and cleanParams', () => {
    it('shapes errors as the platform delivers them', () => {
        expect(apexError('Refused.')).toEqual({
            body: { message: 'Refused.' },
            status: 500,
            statusText: 'Server Error'
        });
    });

    it('drops undefined parameters and non-objects', () => {
        expect(cleanParams({ recordId: '001', integration: undefined })).toEqual({ recordId: '001' });
        expect(cleanParams(undefined)).toEqual({});
        expect(cleanParams('x')).toEqual({});
    });
});
