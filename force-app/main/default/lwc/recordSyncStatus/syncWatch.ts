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
/**
 * Every wait is spread by this fraction, so pages that started together (a paused circuit seen on many pages) do not
 * all ask at the same moment: backoff steps ±20 %; a due time up to 20 % later, never earlier (a look before it would
 * only find the same row and cost a second call); the 30-minute cap up to 20 % sooner, never longer.
 */
export const POLL_JITTER = 0.2;
/** Polling stops after this long without any change of the rows in view (the page says "Still waiting"). */
export const STALL_AFTER_MS = 15 * 60 * 1000;
/** A change is toasted only when it happened after the page connected, less this allowance for the server's clock. */
export const CLOCK_SKEW_MS = 5000;

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
 * DUE_GRACE_MS; otherwise it backs off along POLL_BACKOFF_MS from `step`. `random` (0 ≤ r < 1) spreads the wait by
 * POLL_JITTER; 0.5 leaves a backoff step as it is, 0 leaves a due time as it is.
 */
export function nextPoll(
    entries: readonly RecordSyncStatus[],
    step: number,
    nowMs: number,
    random: () => number = Math.random
): PollPlan | undefined {
    const unfinished = entries.filter(isUnfinished);
    if (unfinished.length === 0) {
        return undefined;
    }
    const dueTimes = unfinished.map((entry) => dueAt(entry, nowMs));
    if (dueTimes.every((at): at is number => at !== undefined)) {
        const wait = Math.max(Math.min(...dueTimes) + DUE_GRACE_MS - nowMs, POLL_BACKOFF_MS[0]);
        const delayMs =
            wait >= MAX_DUE_WAIT_MS
                ? MAX_DUE_WAIT_MS * (1 - POLL_JITTER * random())
                : wait * (1 + POLL_JITTER * random());
        return { delayMs: Math.round(delayMs), kind: 'due' };
    }
    const backoff = POLL_BACKOFF_MS[Math.min(Math.max(step, 0), POLL_BACKOFF_MS.length - 1)];
    return { delayMs: Math.round(backoff * (1 - POLL_JITTER + 2 * POLL_JITTER * random())), kind: 'backoff' };
}

/** What the rows in view look like, to tell whether an answer changed anything (any field counts). */
export function signatureOf(entries: readonly RecordSyncStatus[]): string {
    return JSON.stringify(entries);
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

/** When the change a transition reports happened: the delivery, or the failed attempt; else the row's last update. */
export function changedAtMs(transition: Transition): number | undefined {
    const { entry } = transition;
    const at = transition.kind === 'delivered' ? entry.deliveredAt : entry.lastAttemptAt;
    return toEpochMs(at) ?? toEpochMs(entry.updatedAt);
}

/**
 * Whether a transition is news to a page connected at `sinceMs`: the wire can first answer from its cache (a row
 * still Queued) and then with the fresh value, delivered hours ago; that delivery is shown, not toasted. A row
 * without any time is toasted (this page saw it move).
 */
export function happenedSince(transition: Transition, sinceMs: number): boolean {
    const at = changedAtMs(transition);
    return at === undefined || at >= sinceMs - CLOCK_SKEW_MS;
}

/**
 * Whether an error empApi reports to onError concerns `channel`. empApi has one CometD connection for the page and
 * one onError list for every component on it: an error that names another subscription (a failed /meta/subscribe of
 * another channel) or another channel is not ours; a connection-wide one (/meta/handshake, /meta/connect, or no
 * channel at all) is everyone's.
 */
export function errorConcernsChannel(error: unknown, channel: string): boolean {
    if (typeof error !== 'object' || error === null) {
        return true;
    }
    const { subscription, channel: errorChannel } = error as { subscription?: unknown; channel?: unknown };
    if (typeof subscription === 'string' && subscription !== '') {
        return subscription === channel;
    }
    if (typeof errorChannel === 'string' && errorChannel !== '' && !errorChannel.startsWith('/meta/')) {
        return errorChannel === channel;
    }
    return true;
}

/** Whether an Integration_Status__e's Record_Ids__c (comma-separated Ids) names this record (15- or 18-char Id). */
export function eventNamesRecord(recordIds: unknown, recordId: string | undefined): boolean {
    if (typeof recordIds !== 'string' || !recordId) {
        return false;
    }
    const mine = recordId.slice(0, 15);
    return recordIds.split(',').some((id) => id.trim().slice(0, 15) === mine);
}
