import type { RecordSyncStatus } from 'relay/apex-types';
import { toEpochMs, UNFINISHED_STATUSES } from 'c/relayFormat';

/**
 * When the record page asks again while a change of the record is on its way, and what changed between two answers.
 * Pure functions: the component owns the timers, these decide. docs/record-page.md explains the numbers.
 */

/** How the page follows a change on its way (the liveUpdates property of the Lightning App Builder). */
export type LiveMode = 'polling' | 'streaming' | 'off';

export const LIVE_MODE_LABELS: Record<LiveMode, string> = {
    polling: 'Polling while a change is on its way',
    streaming: 'Streaming (empApi)',
    off: 'Off'
};

/** The property value (a datasource label) as a mode; anything unknown or blank polls, the safe default. */
export function liveModeOf(value: string | undefined): LiveMode {
    const text = (value ?? '').trim().toLowerCase();
    if (text.startsWith('streaming')) {
        return 'streaming';
    }
    return text === 'off' ? 'off' : 'polling';
}

/** Waits between polls of an unfinished row: quick at first (most deliveries take seconds), then once a minute. */
export const POLL_BACKOFF_MS: readonly number[] = [3000, 5000, 10000, 20000, 30000, 60000];
/** Asked again this long after a retry or a paused circuit is due, so the answer holds the outcome. */
export const DUE_GRACE_MS = 2000;
/** Never waits longer than this for a due time: a change made elsewhere (a replay, a cancel) still shows. */
export const MAX_DUE_WAIT_MS = 30 * 60 * 1000;

/** A row with work ahead of it: Queued, In Progress, Retry Scheduled, or held by a paused circuit. */
export function isUnfinished(entry: RecordSyncStatus): boolean {
    return UNFINISHED_STATUSES.has(entry.status) || entry.paused === true;
}

/** When a waiting row will next be worked on, or undefined when it may move any moment. */
function dueAt(entry: RecordSyncStatus, nowMs: number): number | undefined {
    const at = entry.paused
        ? toEpochMs(entry.resumeAt)
        : entry.status === 'Retry Scheduled'
          ? toEpochMs(entry.nextAttemptAt)
          : undefined;
    return at !== undefined && at > nowMs ? at : undefined;
}

export interface PollPlan {
    delayMs: number;
    /** `due`: waiting for a retry or resume time (the backoff starts again after it); `backoff`: the next step. */
    kind: 'due' | 'backoff';
}

/**
 * The wait before the next poll, or undefined when nothing is on its way (stop). When every unfinished row waits for
 * a known time (a scheduled retry, a paused circuit's resume), the page sleeps until the earliest of them plus
 * DUE_GRACE_MS; otherwise it backs off along POLL_BACKOFF_MS from `step`.
 */
export function nextPoll(entries: readonly RecordSyncStatus[], step: number, nowMs: number): PollPlan | undefined {
    const unfinished = entries.filter(isUnfinished);
    if (unfinished.length === 0) {
        return undefined;
    }
    const backoff = POLL_BACKOFF_MS[Math.min(Math.max(step, 0), POLL_BACKOFF_MS.length - 1)];
    const dueTimes = unfinished.map((entry) => dueAt(entry, nowMs));
    if (dueTimes.every((at): at is number => at !== undefined)) {
        const wait = Math.min(...dueTimes) + DUE_GRACE_MS - nowMs;
        return { delayMs: Math.min(Math.max(wait, POLL_BACKOFF_MS[0]), MAX_DUE_WAIT_MS), kind: 'due' };
    }
    return { delayMs: backoff, kind: 'backoff' };
}

/** What a rep is told when a row moves on. */
export type TransitionKind = 'delivered' | 'deadLetter' | 'retry';

export interface Transition {
    kind: TransitionKind;
    entry: RecordSyncStatus;
}

/**
 * Rows that moved on since the previous answer: delivered or dead-lettered after being on their way, or scheduled
 * for a retry after a failed attempt (attempts rose). A newer delivery than the one shown before also counts (a
 * Sync now delivered between two answers). Nothing on the first answer: the caller passes no previous one.
 */
export function transitionsOf(
    previous: readonly RecordSyncStatus[],
    current: readonly RecordSyncStatus[]
): Transition[] {
    const before = new Map(previous.map((entry) => [entry.integration, entry]));
    const transitions: Transition[] = [];
    for (const entry of current) {
        const old = before.get(entry.integration);
        if (!old) {
            continue;
        }
        const wasUnfinished = isUnfinished(old);
        if (entry.status === 'Delivered') {
            const newerDelivery = old.status === 'Delivered' && old.deliveredAt !== entry.deliveredAt;
            if (wasUnfinished || newerDelivery) {
                transitions.push({ kind: 'delivered', entry });
            }
        } else if (entry.status === 'Dead Letter' && wasUnfinished) {
            transitions.push({ kind: 'deadLetter', entry });
        } else if (entry.status === 'Retry Scheduled' && wasUnfinished && entry.attempts > old.attempts) {
            transitions.push({ kind: 'retry', entry });
        }
    }
    return transitions;
}

/** Whether an Integration_Status__e's Record_Ids__c (comma-separated Ids) names this record (15- or 18-char Id). */
export function eventNamesRecord(recordIds: unknown, recordId: string | undefined): boolean {
    if (typeof recordIds !== 'string' || !recordId) {
        return false;
    }
    const mine = recordId.slice(0, 15);
    return recordIds.split(',').some((id) => id.trim().slice(0, 15) === mine);
}
