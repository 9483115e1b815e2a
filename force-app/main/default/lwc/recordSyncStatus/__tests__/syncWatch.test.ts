import { describe, expect, it } from '@jest/globals';
import type { RecordSyncStatus } from 'relay/apex-types';
import {
    DUE_GRACE_MS,
    eventNamesRecord,
    isUnfinished,
    LIVE_MODE_LABELS,
    liveModeOf,
    MAX_DUE_WAIT_MS,
    nextPoll,
    POLL_BACKOFF_MS,
    transitionsOf
} from '../syncWatch';

const NOW = Date.UTC(2026, 10, 20, 12);
const at = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();

function entry(overrides: Partial<RecordSyncStatus>): RecordSyncStatus {
    return { integration: 'ERP_Customer', status: 'Queued', attempts: 0, paused: false, ...overrides };
}

describe('syncWatch', () => {
    it('reads the liveUpdates property, polling by default', () => {
        expect(liveModeOf(LIVE_MODE_LABELS.polling)).toBe('polling');
        expect(liveModeOf(LIVE_MODE_LABELS.streaming)).toBe('streaming');
        expect(liveModeOf(LIVE_MODE_LABELS.off)).toBe('off');
        expect(liveModeOf(' OFF ')).toBe('off');
        expect(liveModeOf(undefined)).toBe('polling');
        expect(liveModeOf('something else')).toBe('polling');
    });

    it('counts waiting, sending, retrying and paused rows as unfinished', () => {
        expect(isUnfinished(entry({ status: 'Queued' }))).toBe(true);
        expect(isUnfinished(entry({ status: 'In Progress' }))).toBe(true);
        expect(isUnfinished(entry({ status: 'Retry Scheduled' }))).toBe(true);
        expect(isUnfinished(entry({ status: 'Delivered' }))).toBe(false);
        expect(isUnfinished(entry({ status: 'Dead Letter' }))).toBe(false);
        expect(isUnfinished(entry({ status: 'Cancelled' }))).toBe(false);
        expect(isUnfinished(entry({ status: 'Queued', paused: true }))).toBe(true);
    });

    describe('nextPoll', () => {
        it('stops when nothing is on its way', () => {
            expect(nextPoll([], 0, NOW)).toBeUndefined();
            expect(nextPoll([entry({ status: 'Delivered' })], 0, NOW)).toBeUndefined();
        });

        it('backs off 3, 5, 10, 20, 30 s, then once a minute', () => {
            const queued = [entry({ status: 'Queued' })];
            const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((step) => nextPoll(queued, step, NOW)?.delayMs);
            expect(delays).toEqual([3000, 5000, 10000, 20000, 30000, 60000, 60000, 60000]);
            expect(nextPoll(queued, -1, NOW)).toEqual({ delayMs: POLL_BACKOFF_MS[0], kind: 'backoff' });
        });

        it('sleeps until a scheduled retry is due, plus a grace', () => {
            const retry = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(4 * 60_000) })];
            expect(nextPoll(retry, 3, NOW)).toEqual({ delayMs: 4 * 60_000 + DUE_GRACE_MS, kind: 'due' });
        });

        it('waits for the earliest due time, never less than the first backoff nor more than the cap', () => {
            const two = [
                entry({ status: 'Retry Scheduled', nextAttemptAt: at(10 * 60_000) }),
                entry({ integration: 'B', status: 'Queued', paused: true, resumeAt: at(60_000) })
            ];
            expect(nextPoll(two, 0, NOW)?.delayMs).toBe(60_000 + DUE_GRACE_MS);
            const soon = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(100) })];
            expect(nextPoll(soon, 0, NOW)?.delayMs).toBe(POLL_BACKOFF_MS[0]);
            const far = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(6 * 3_600_000) })];
            expect(nextPoll(far, 0, NOW)?.delayMs).toBe(MAX_DUE_WAIT_MS);
        });

        it('backs off when a row may move any moment or its due time has passed', () => {
            const mixed = [
                entry({ status: 'Retry Scheduled', nextAttemptAt: at(10 * 60_000) }),
                entry({ integration: 'B', status: 'In Progress' })
            ];
            expect(nextPoll(mixed, 1, NOW)).toEqual({ delayMs: 5000, kind: 'backoff' });
            const overdue = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(-1000) })];
            expect(nextPoll(overdue, 0, NOW)?.kind).toBe('backoff');
        });
    });

    describe('transitionsOf', () => {
        it('reports deliveries, dead letters and failed attempts of rows that were on their way', () => {
            const before = [
                entry({ integration: 'A', status: 'In Progress' }),
                entry({ integration: 'B', status: 'Retry Scheduled', attempts: 4 }),
                entry({ integration: 'C', status: 'In Progress', attempts: 0 }),
                entry({ integration: 'D', status: 'Delivered', deliveredAt: at(-60_000) })
            ];
            const after = [
                entry({ integration: 'A', status: 'Delivered', attempts: 1 }),
                entry({ integration: 'B', status: 'Dead Letter', attempts: 5 }),
                entry({ integration: 'C', status: 'Retry Scheduled', attempts: 1 }),
                entry({ integration: 'D', status: 'Delivered', deliveredAt: at(-60_000) }),
                entry({ integration: 'E', status: 'Delivered' })
            ];
            expect(transitionsOf(before, after).map((t) => [t.entry.integration, t.kind])).toEqual([
                ['A', 'delivered'],
                ['B', 'deadLetter'],
                ['C', 'retry']
            ]);
        });

        it('reports a newer delivery of a row that was delivered before', () => {
            const before = [entry({ status: 'Delivered', deliveredAt: at(-3_600_000) })];
            const after = [entry({ status: 'Delivered', deliveredAt: at(-1000) })];
            expect(transitionsOf(before, after)).toHaveLength(1);
        });

        it('stays quiet about a retry that did not follow a new attempt, and about finished rows', () => {
            const before = [
                entry({ integration: 'A', status: 'Retry Scheduled', attempts: 2 }),
                entry({ integration: 'B', status: 'Dead Letter', attempts: 5 })
            ];
            const after = [
                entry({ integration: 'A', status: 'Retry Scheduled', attempts: 2 }),
                entry({ integration: 'B', status: 'Dead Letter', attempts: 5 })
            ];
            expect(transitionsOf(before, after)).toEqual([]);
        });
    });

    it('finds this record among the Record_Ids__c of an event, 15 or 18 characters', () => {
        expect(eventNamesRecord('001000000000002AAA, 001000000000001AAA', '001000000000001AAA')).toBe(true);
        expect(eventNamesRecord('001000000000001', '001000000000001AAA')).toBe(true);
        expect(eventNamesRecord('001000000000002AAA', '001000000000001AAA')).toBe(false);
        expect(eventNamesRecord(undefined, '001000000000001AAA')).toBe(false);
        expect(eventNamesRecord('001000000000001AAA', undefined)).toBe(false);
    });
});
