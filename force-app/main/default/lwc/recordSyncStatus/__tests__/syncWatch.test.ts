import { describe, expect, it } from '@jest/globals';
import type { RecordSyncStatus } from 'relay/apex-types';
import {
    changedAtMs,
    CLOCK_SKEW_MS,
    DUE_GRACE_MS,
    errorConcernsChannel,
    eventNamesRecord,
    happenedSince,
    isUnfinished,
    LIVE_MODE_LABELS,
    liveModeOf,
    MAX_DUE_WAIT_MS,
    nextPoll,
    POLL_BACKOFF_MS,
    signatureOf,
    transitionsOf
} from '../syncWatch';

const NOW = Date.UTC(2026, 10, 20, 12);
const at = (offsetMs: number): string => new Date(NOW + offsetMs).toISOString();
/** Random values for the jitter: 0.5 leaves a backoff step unchanged, 0 leaves a due time unchanged. */
const middle = (): number => 0.5;
const lowest = (): number => 0;
const highest = (): number => 0.999;

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
            const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((step) => nextPoll(queued, step, NOW, middle)?.delayMs);
            expect(delays).toEqual([3000, 5000, 10000, 20000, 30000, 60000, 60000, 60000]);
            expect(nextPoll(queued, -1, NOW, middle)).toEqual({ delayMs: POLL_BACKOFF_MS[0], kind: 'backoff' });
        });

        it('spreads each backoff step by ±20 %, with Math.random by default', () => {
            const queued = [entry({ status: 'Queued' })];
            expect(nextPoll(queued, 5, NOW, lowest)?.delayMs).toBe(48_000);
            expect(nextPoll(queued, 5, NOW, highest)?.delayMs).toBe(71_976);
            const delay = nextPoll(queued, 0, NOW)?.delayMs ?? 0;
            expect(delay).toBeGreaterThanOrEqual(2400);
            expect(delay).toBeLessThanOrEqual(3600);
        });

        it('sleeps until a scheduled retry is due, plus a grace', () => {
            const retry = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(4 * 60_000) })];
            expect(nextPoll(retry, 3, NOW, lowest)).toEqual({ delayMs: 4 * 60_000 + DUE_GRACE_MS, kind: 'due' });
        });

        it('spreads a due wake over the 20 % after it, never before it', () => {
            // Every page showing the same paused circuit would otherwise ask at resumeAt + 2 s, together.
            const paused = [entry({ status: 'Queued', paused: true, resumeAt: at(10 * 60_000) })];
            const due = 10 * 60_000 + DUE_GRACE_MS;
            expect(nextPoll(paused, 0, NOW, lowest)?.delayMs).toBe(due);
            expect(nextPoll(paused, 0, NOW, middle)?.delayMs).toBe(Math.round(due * 1.1));
            expect(nextPoll(paused, 0, NOW, highest)?.delayMs).toBe(Math.round(due * (1 + 0.2 * 0.999)));
        });

        it('waits for the earliest due time, never less than the first backoff nor more than the cap', () => {
            const two = [
                entry({ status: 'Retry Scheduled', nextAttemptAt: at(10 * 60_000) }),
                entry({ integration: 'B', status: 'Queued', paused: true, resumeAt: at(60_000) })
            ];
            expect(nextPoll(two, 0, NOW, lowest)?.delayMs).toBe(60_000 + DUE_GRACE_MS);
            const soon = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(100) })];
            expect(nextPoll(soon, 0, NOW, lowest)?.delayMs).toBe(POLL_BACKOFF_MS[0]);
            const far = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(6 * 3_600_000) })];
            expect(nextPoll(far, 0, NOW, lowest)?.delayMs).toBe(MAX_DUE_WAIT_MS);
            // The cap is spread the other way: up to 20 % sooner, never longer.
            expect(nextPoll(far, 0, NOW, middle)?.delayMs).toBe(MAX_DUE_WAIT_MS * 0.9);
        });

        it('backs off when a row may move any moment or its due time has passed', () => {
            const mixed = [
                entry({ status: 'Retry Scheduled', nextAttemptAt: at(10 * 60_000) }),
                entry({ integration: 'B', status: 'In Progress' })
            ];
            expect(nextPoll(mixed, 1, NOW, middle)).toEqual({ delayMs: 5000, kind: 'backoff' });
            const overdue = [entry({ status: 'Retry Scheduled', nextAttemptAt: at(-1000) })];
            expect(nextPoll(overdue, 0, NOW, middle)?.kind).toBe('backoff');
        });
    });

    it('tells two answers apart by any field of the rows in view', () => {
        const queued = [entry({ status: 'Queued', updatedAt: at(-1000) })];
        expect(signatureOf(queued)).toBe(signatureOf([entry({ status: 'Queued', updatedAt: at(-1000) })]));
        expect(signatureOf(queued)).not.toBe(signatureOf([entry({ status: 'Queued', updatedAt: at(0) })]));
        expect(signatureOf(queued)).not.toBe(signatureOf([entry({ status: 'In Progress', updatedAt: at(-1000) })]));
    });

    describe('happenedSince', () => {
        const since = NOW;

        it('dates a delivery by deliveredAt and a failure by its last attempt, else by updatedAt', () => {
            const delivered = entry({ status: 'Delivered', deliveredAt: at(-10), updatedAt: at(-5) });
            expect(changedAtMs({ kind: 'delivered', entry: delivered })).toBe(NOW - 10);
            const failed = entry({ status: 'Dead Letter', lastAttemptAt: at(-20), updatedAt: at(-5) });
            expect(changedAtMs({ kind: 'deadLetter', entry: failed })).toBe(NOW - 20);
            expect(changedAtMs({ kind: 'retry', entry: entry({ updatedAt: at(-30) }) })).toBe(NOW - 30);
            expect(changedAtMs({ kind: 'retry', entry: entry({}) })).toBeUndefined();
        });

        it('is news only after the page connected, less the clock-skew allowance', () => {
            const deliveredAt = (offset: number): boolean =>
                happenedSince(
                    { kind: 'delivered', entry: entry({ status: 'Delivered', deliveredAt: at(offset) }) },
                    since
                );
            expect(deliveredAt(3000)).toBe(true);
            expect(deliveredAt(-CLOCK_SKEW_MS)).toBe(true);
            expect(deliveredAt(-CLOCK_SKEW_MS - 1)).toBe(false);
            expect(deliveredAt(-3 * 3_600_000)).toBe(false);
            const deadLetter = entry({ status: 'Dead Letter', lastAttemptAt: at(-3_600_000) });
            expect(happenedSince({ kind: 'deadLetter', entry: deadLetter }, since)).toBe(false);
            // Without any time the page cannot tell: it saw the row move, so it says so.
            expect(happenedSince({ kind: 'delivered', entry: entry({ status: 'Delivered' }) }, since)).toBe(true);
        });
    });

    describe('errorConcernsChannel', () => {
        const CHANNEL = '/event/Integration_Status__e';

        it('takes connection-wide errors as concerning every card', () => {
            expect(errorConcernsChannel({ channel: '/meta/connect', error: '403::Unknown client' }, CHANNEL)).toBe(
                true
            );
            expect(errorConcernsChannel({ channel: '/meta/handshake', successful: false }, CHANNEL)).toBe(true);
            expect(errorConcernsChannel('connection lost', CHANNEL)).toBe(true);
            expect(errorConcernsChannel(null, CHANNEL)).toBe(true);
            expect(errorConcernsChannel({}, CHANNEL)).toBe(true);
        });

        it('keeps an error naming a subscription or channel to that channel', () => {
            const other = { channel: '/meta/subscribe', subscription: '/event/Other__e', error: '403::denied' };
            expect(errorConcernsChannel(other, CHANNEL)).toBe(false);
            expect(errorConcernsChannel({ ...other, subscription: CHANNEL }, CHANNEL)).toBe(true);
            expect(errorConcernsChannel({ channel: '/data/AccountChangeEvent', error: 'x' }, CHANNEL)).toBe(false);
            expect(errorConcernsChannel({ channel: CHANNEL, error: 'x' }, CHANNEL)).toBe(true);
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
