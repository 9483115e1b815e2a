import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { ShowToastEventInit } from 'lightning/platformShowToastEvent';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';
import getRecordSyncStatus from '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus';
import getRecordActions from '@salesforce/apex/IntegrationStatusController.getRecordActions';
import syncNow from '@salesforce/apex/IntegrationStatusController.syncNow';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import type { RecordActions, RecordSyncStatus as StatusEntry, SyncNowResult } from 'relay/apex-types';
import { formatDuration, formatRelative, readErrorMessage, statusBadge, toEpochMs } from 'c/relayFormat';
import {
    errorConcernsChannel,
    eventNamesRecord,
    happenedSince,
    isUnfinished,
    liveModeOf,
    nextPoll,
    signatureOf,
    STALL_AFTER_MS,
    transitionsOf
} from './syncWatch';
import type { LiveMode, Transition } from './syncWatch';

interface Wired<T> {
    data?: T;
    error?: unknown;
}

/** The platform event the dispatcher publishes once per transaction and integration. */
export const STATUS_CHANNEL = '/event/Integration_Status__e';
/** The sentence every UI API method answers when the rep cannot read the record (docs/ui-api.md). */
export const NO_ACCESS_MESSAGE = 'You do not have access to this record.';
/** Countdowns ("Next attempt in 4 min") are recomputed this often while one is shown. */
export const TICK_MS = 30000;

const PAUSED_BADGE = { label: 'Paused', badgeClass: 'slds-badge slds-theme_warning', iconName: 'utility:pause' };

/** Said when polling stopped after STALL_AFTER_MS without any change; the Refresh button beside it starts again. */
export const STALLED_MESSAGE = 'Still waiting — no change for 15 min, so this page stopped checking.';

/** An element of the template found by one of its data-* values (server values never go into a selector). */
interface DataTarget {
    /** The dataset key: `sync`, `compare`, `correlationId`, `id`. */
    key: string;
    value: string;
}

const REFRESH_BUTTON: DataTarget = { key: 'id', value: 'refresh' };

/**
 * empApi keeps one onError list for the whole page, and a callback cannot be removed: the module registers once and
 * passes each error to the cards that are streaming at that moment (added when they start, removed when they stop).
 */
const streamingCards = new Set<RecordSyncStatus>();
let empErrorHandlerRegistered = false;

interface StatusPayload {
    Integration__c?: string;
    Record_Ids__c?: string;
}

export interface StatusRow {
    integration: string;
    badgeLabel: string;
    badgeClass: string;
    iconName: string;
    /** White icons on the dark badges (success, error, inverse). */
    iconVariant?: string;
    detail: string;
    attemptsLine: string;
    errorLine?: string;
    correlationId?: string;
    copyLabel: string;
    canSync: boolean;
    syncLabel: string;
    isSyncing: boolean;
    canCompare: boolean;
    compareLabel: string;
    isComparing: boolean;
    /** aria-expanded of the compare button. */
    compareExpanded: string;
}

let dateFormat: Intl.DateTimeFormat | undefined;

/** "Nov 20, 2026, 10:00 AM" in the user's locale and time zone (joined into sentences, so not a base component). */
export function formatDateTime(iso: string | undefined): string {
    const ms = toEpochMs(iso);
    if (ms === undefined) {
        return '';
    }
    if (!dateFormat) {
        const options: Intl.DateTimeFormatOptions = {
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: 'numeric',
            minute: '2-digit'
        };
        try {
            dateFormat = new Intl.DateTimeFormat(LOCALE, { ...options, timeZone: TIME_ZONE });
        } catch (ignored) {
            dateFormat = new Intl.DateTimeFormat(undefined, options);
        }
    }
    // ICU puts a narrow no-break space before AM/PM; a plain space reads the same and matches everywhere.
    return dateFormat.format(ms).replace(/\u202f/g, ' ');
}

/** "1 attempt · last Nov 20, 2026, 10:00 AM", "3 attempts", "Not sent yet" (attempts count once they end). */
export function attemptsLine(entry: StatusEntry): string {
    if (!entry.attempts) {
        if (entry.status === 'In Progress') {
            return 'First attempt under way';
        }
        return isUnfinished(entry) ? 'Not sent yet' : 'Never sent';
    }
    const count = entry.attempts === 1 ? '1 attempt' : `${entry.attempts} attempts`;
    const last = formatDateTime(entry.lastAttemptAt);
    return last ? `${count} · last ${last}` : count;
}

/** The sentence under the badge: what happens next, or when it happened. */
export function detailOf(entry: StatusEntry, nowMs: number): string {
    if (entry.paused) {
        const reason = entry.pausedReason ?? 'The receiving system is unavailable.';
        const resumeMs = toEpochMs(entry.resumeAt);
        if (resumeMs === undefined) {
            return `${reason} Relay resumes sending when it recovers.`;
        }
        const when = resumeMs > nowMs ? `in ${formatDuration(resumeMs - nowMs)}` : 'now';
        return `${reason} Relay resumes sending ${when} (${formatDateTime(entry.resumeAt)}).`;
    }
    switch (entry.status) {
        case 'Queued':
            return 'Waiting to be sent.';
        case 'In Progress':
            return 'Being sent now.';
        case 'Retry Scheduled': {
            const nextMs = toEpochMs(entry.nextAttemptAt);
            if (nextMs === undefined) {
                return 'Sending failed; Relay will retry.';
            }
            const when = nextMs > nowMs ? `Next attempt in ${formatDuration(nextMs - nowMs)}` : 'Next attempt due now';
            return `${when} · ${formatDateTime(entry.nextAttemptAt)}`;
        }
        case 'Delivered': {
            const deliveredMs = toEpochMs(entry.deliveredAt);
            if (deliveredMs === undefined) {
                return 'Accepted by the receiving system.';
            }
            // A server clock a little ahead of the browser's must not read "Delivered in 3 s".
            const when = deliveredMs > nowMs - 1000 ? 'just now' : formatRelative(deliveredMs, nowMs);
            return `Delivered ${when} · ${formatDateTime(entry.deliveredAt)}`;
        }
        case 'Dead Letter':
            return 'Not delivered after the last attempt. An admin can replay it from the Relay console.';
        case 'Cancelled':
            return 'Cancelled; nothing will be sent.';
        default:
            return '';
    }
}

/**
 * Record page card: where this record stands in each outbound integration, live while a change is on its way.
 * Live updates poll by default (no event deliveries); docs/record-page.md gives the numbers and the design.
 */
export default class RecordSyncStatus extends LightningElement {
    @api recordId?: string;
    /** DeveloperName of one integration; blank shows every integration of the record's object. */
    @api integration?: string;
    /** A datasource label of the js-meta: polling (default), streaming (empApi) or off. */
    @api liveUpdates?: string;

    wiredStatuses?: Wired<StatusEntry[]>;
    actions?: RecordActions;
    nowMs = Date.now();
    isRefreshing = false;
    /** The integration being synced, '*' for the card's "Sync now", undefined when none runs. */
    syncingTarget?: string;
    comparing: string[] = [];
    announcement = '';
    isHidden = false;
    streamingFailed = false;
    /** Polling stopped after STALL_AFTER_MS without any change ("Still waiting — Refresh"). */
    isStalled = false;

    private connected = false;
    /** Changes older than this (less CLOCK_SKEW_MS) are shown, not toasted. */
    private connectedAtMs = Date.now();
    /** Since when the rows in view have not changed (or a due time passed, or the rep asked): the stall clock. */
    private quietSinceMs = Date.now();
    private lastSignature?: string;
    private previousEntries?: StatusEntry[];
    private pollTimer?: ReturnType<typeof setTimeout>;
    private pollKind: 'due' | 'backoff' = 'backoff';
    private pollStep = 0;
    private tickTimer?: ReturnType<typeof setInterval>;
    private subscription?: EmpSubscription;
    private subscribing = false;
    private focusAfterRender?: DataTarget;
    private readonly visibilityHandler = (): void => this.handleVisibilityChange();

    @wire(getRecordSyncStatus, { recordId: '$recordId' })
    receiveStatuses(value: Wired<StatusEntry[]>): void {
        this.wiredStatuses = value;
        if (value.data) {
            const entries = this.inView(value.data);
            if (this.previousEntries) {
                transitionsOf(this.previousEntries, entries)
                    .filter((transition) => happenedSince(transition, this.connectedAtMs))
                    .forEach((transition) => this.tell(transition));
            }
            this.previousEntries = entries;
            const signature = signatureOf(entries);
            if (signature !== this.lastSignature) {
                this.lastSignature = signature;
                this.quietSinceMs = Date.now();
            }
            // A new answer re-plans the next poll: a retry may now be scheduled minutes away.
            this.stopPolling();
        }
        this.nowMs = Date.now();
        this.updateTicker();
        this.updateWatch();
    }

    @wire(getRecordActions, { recordId: '$recordId' })
    receiveActions(value: Wired<RecordActions>): void {
        // Without actions (an error, or still loading) the card offers none: hidden, not disabled.
        this.actions = value.data;
    }

    override connectedCallback(): void {
        this.connected = true;
        this.connectedAtMs = Date.now();
        this.quietSinceMs = this.connectedAtMs;
        this.isHidden = document.visibilityState === 'hidden';
        document.addEventListener('visibilitychange', this.visibilityHandler);
        this.updateWatch();
    }

    override disconnectedCallback(): void {
        this.connected = false;
        document.removeEventListener('visibilitychange', this.visibilityHandler);
        this.stopPolling();
        this.stopTicker();
        this.stopStreaming();
    }

    override renderedCallback(): void {
        if (this.focusAfterRender) {
            this.focusOn(this.focusAfterRender);
            this.focusAfterRender = undefined;
        }
    }

    // ----- what the template shows -----

    get liveMode(): LiveMode {
        const mode = liveModeOf(this.liveUpdates);
        return mode === 'streaming' && this.streamingFailed ? 'polling' : mode;
    }

    get isLoading(): boolean {
        return !this.wiredStatuses || (this.wiredStatuses.data === undefined && this.wiredStatuses.error === undefined);
    }

    get loadError(): string | undefined {
        const error = this.wiredStatuses?.error;
        return error === undefined ? undefined : readErrorMessage(error, 'The sync status could not be loaded.');
    }

    get isNoAccess(): boolean {
        return this.loadError === NO_ACCESS_MESSAGE;
    }

    get errorMessage(): string | undefined {
        return this.isNoAccess ? undefined : this.loadError;
    }

    get entries(): StatusEntry[] {
        return this.inView(this.wiredStatuses?.data ?? []);
    }

    get isEmpty(): boolean {
        return !this.isLoading && this.loadError === undefined && this.entries.length === 0;
    }

    get emptyMessage(): string {
        const sentence = this.integration
            ? `This record has not been sent to ${this.integration} yet.`
            : 'This record has not been sent to any integration yet.';
        return this.canSyncAll ? `${sentence} Use Sync now to send it.` : sentence;
    }

    get hasRows(): boolean {
        return this.entries.length > 0;
    }

    get rows(): StatusRow[] {
        const entries = this.entries;
        const single = entries.length === 1;
        return entries.map((entry) => {
            const badge = entry.paused && isUnfinished(entry) ? PAUSED_BADGE : statusBadge(entry.status);
            const name = entry.integration;
            return {
                integration: name,
                badgeLabel: badge.label,
                badgeClass: badge.badgeClass,
                iconName: badge.iconName,
                iconVariant: /slds-theme_(success|error)|slds-badge_inverse/.test(badge.badgeClass)
                    ? 'inverse'
                    : undefined,
                detail: detailOf(entry, this.nowMs),
                attemptsLine: attemptsLine(entry),
                errorLine: entry.errorSummary ? `Last error: ${entry.errorSummary}` : undefined,
                correlationId: entry.correlationId,
                copyLabel: single ? 'Copy correlation id' : `Copy correlation id of ${name}`,
                canSync: !single && this.canSyncIntegration(name),
                syncLabel: `Sync ${name} now`,
                isSyncing: this.syncingTarget === name,
                canCompare: this.canCompareIntegration(name),
                compareLabel: single ? 'Compare with the external system' : `Compare ${name} with the external system`,
                isComparing: this.comparing.includes(name),
                compareExpanded: String(this.comparing.includes(name))
            };
        });
    }

    /** The card's "Sync now": every integration in view (or the configured one) that the rep may sync. */
    get canSyncAll(): boolean {
        if (!this.actions?.canSyncNow || this.loadError !== undefined || this.isLoading) {
            return false;
        }
        return this.actions.integrations.some((action) => action.active && this.isInView(action.integration));
    }

    get isSyncingAll(): boolean {
        return this.syncingTarget === '*';
    }

    get isSyncBusy(): boolean {
        return this.syncingTarget !== undefined;
    }

    get refreshDisabled(): boolean {
        return this.isRefreshing || this.isLoading;
    }

    /** "Still waiting — Refresh" instead of the live status line, while polling has given up. */
    get showStalled(): boolean {
        return this.isStalled && this.liveMode === 'polling' && this.entries.some(isUnfinished);
    }

    get stalledMessage(): string {
        return STALLED_MESSAGE;
    }

    get liveStatus(): string {
        if (!this.hasRows) {
            return '';
        }
        const watching = this.entries.some(isUnfinished);
        if (this.liveMode === 'off') {
            return 'Live updates are off: refresh to see changes.';
        }
        if (!watching) {
            return '';
        }
        if (this.liveMode === 'streaming') {
            return 'Updating live while a change is on its way.';
        }
        return this.isHidden
            ? 'Updates resume when you return to this tab.'
            : 'Checking for updates while a change is on its way.';
    }

    // ----- actions -----

    handleRefresh(): Promise<void> {
        return this.refreshByHand(false);
    }

    /** The Refresh beside "Still waiting": the button goes away, so the focus moves to the card's refresh button. */
    handleStalledRefresh(): Promise<void> {
        return this.refreshByHand(true);
    }

    private async refreshByHand(focusRefreshButton: boolean): Promise<void> {
        // Asking by hand starts watching again: 15 more minutes from now, from the first backoff step.
        this.restartWatch();
        this.isRefreshing = true;
        try {
            await this.refresh();
        } finally {
            if (focusRefreshButton) {
                this.focusAfterRender = REFRESH_BUTTON;
            }
            this.isRefreshing = false;
        }
    }

    handleSyncAll(): Promise<void> {
        return this.runSync('*', this.integration || undefined);
    }

    handleSyncOne(event: Event): Promise<void> {
        const name = (event.currentTarget as HTMLElement).dataset.integration ?? '';
        return this.runSync(name, name);
    }

    async handleCopy(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.value ?? '';
        if (await this.copyText(id)) {
            this.toast({ title: 'Correlation id copied', message: id, variant: 'success' });
        } else {
            this.selectCorrelationId(id);
            this.toast({
                title: 'Copy the correlation id',
                message: 'It is selected: press Ctrl+C (Cmd+C on a Mac) to copy it.',
                variant: 'info'
            });
        }
    }

    handleCompare(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.integration ?? '';
        this.comparing = this.comparing.includes(name)
            ? this.comparing.filter((open) => open !== name)
            : [...this.comparing, name];
    }

    handleCompareClose(event: Event): void {
        const name = (event.currentTarget as HTMLElement).dataset.integration ?? '';
        this.comparing = this.comparing.filter((open) => open !== name);
        this.focusAfterRender = { key: 'compare', value: name };
    }

    // ----- sync now -----

    private async runSync(target: string, integration: string | undefined): Promise<void> {
        if (!this.recordId || this.syncingTarget !== undefined) {
            return;
        }
        this.syncingTarget = target;
        try {
            const result: SyncNowResult = await syncNow({ recordId: this.recordId, integration });
            const nothingQueued = result.queued === 0 && result.alreadyWaiting > 0;
            this.toast({
                title: nothingQueued ? 'Already on its way' : 'Sync now',
                message: result.message,
                variant: nothingQueued ? 'warning' : 'success'
            });
            this.restartWatch();
            await this.refresh();
        } catch (error) {
            this.toast({ title: 'Sync now failed', message: readErrorMessage(error), variant: 'error' });
        } finally {
            this.syncingTarget = undefined;
        }
        // The button was disabled while the call ran, which took the focus away: give it back.
        this.focusAfterRender = { key: 'sync', value: target === '*' ? 'all' : target };
    }

    // ----- live updates -----

    /** Starts, keeps or stops following the record, after every answer and every change of mode or visibility. */
    private updateWatch(): void {
        const watching = this.connected && this.entries.some(isUnfinished);
        const mode = this.liveMode;
        if (!watching || mode === 'off') {
            this.stopPolling();
            this.stopStreaming();
            this.pollStep = 0;
            this.isStalled = false;
            return;
        }
        if (mode === 'streaming') {
            this.isStalled = false;
            this.stopPolling();
            this.startStreaming().catch(() => this.fallBackToPolling());
            return;
        }
        this.stopStreaming();
        if (this.isHidden) {
            this.stopPolling();
        } else if (this.pollTimer === undefined) {
            this.schedulePoll();
        }
    }

    private schedulePoll(): void {
        const now = Date.now();
        const plan = nextPoll(this.entries, this.pollStep, now);
        // A known due time ahead (a retry, a resume) is always waited for; open-ended backing off is not: rows stuck
        // Queued (schedules stopped during a deploy) would otherwise be asked about once a minute all day.
        this.isStalled = plan?.kind === 'backoff' && now - this.quietSinceMs >= STALL_AFTER_MS;
        if (!plan || this.isStalled) {
            return;
        }
        this.pollKind = plan.kind;
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => this.poll(), plan.delayMs);
    }

    private poll(): void {
        this.pollTimer = undefined;
        // After a due time the outcome is near: start the backoff (and the stall clock) again; otherwise take its next
        // step.
        if (this.pollKind === 'due') {
            this.pollStep = 0;
            this.quietSinceMs = Date.now();
        } else {
            this.pollStep += 1;
        }
        this.refreshInBackground();
    }

    /** From the first backoff step, with 15 minutes before polling gives up again. */
    private restartWatch(): void {
        this.stopPolling();
        this.pollStep = 0;
        this.pollKind = 'backoff';
        this.quietSinceMs = Date.now();
        this.isStalled = false;
    }

    private stopPolling(): void {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    private handleVisibilityChange(): void {
        const hidden = document.visibilityState === 'hidden';
        if (hidden === this.isHidden) {
            return;
        }
        this.isHidden = hidden;
        if (hidden) {
            this.stopPolling();
        } else if (this.liveMode === 'polling' && this.entries.some(isUnfinished)) {
            // Back on the tab: look once now, then back off from the start (hidden time does not count as waiting).
            this.restartWatch();
            this.refreshInBackground();
        }
    }

    private async startStreaming(): Promise<void> {
        if (this.subscription || this.subscribing) {
            return;
        }
        this.subscribing = true;
        streamingCards.add(this);
        try {
            const enabled = await isEmpEnabled();
            if (!enabled) {
                this.fallBackToPolling();
                return;
            }
            if (!empErrorHandlerRegistered) {
                empErrorHandlerRegistered = true;
                onError((error) => RecordSyncStatus.dispatchEmpError(error));
            }
            const subscription = await subscribe<StatusPayload>(STATUS_CHANNEL, -1, (message) =>
                this.handleStatusEvent(message)
            );
            this.subscription = subscription;
            if (!this.connected || this.liveMode !== 'streaming' || !this.entries.some(isUnfinished)) {
                this.stopStreaming();
                return;
            }
            // A change that landed between the first answer and the subscription would otherwise go unseen.
            this.refreshInBackground();
        } catch (ignored) {
            this.fallBackToPolling();
        } finally {
            this.subscribing = false;
        }
    }

    /** One onError callback for every card: the cards streaming now fall back, if the error concerns the channel. */
    private static dispatchEmpError(error: unknown): void {
        if (!errorConcernsChannel(error, STATUS_CHANNEL)) {
            return;
        }
        [...streamingCards].forEach((card) => card.fallBackToPolling());
    }

    private stopStreaming(): void {
        streamingCards.delete(this);
        if (this.subscription) {
            const subscription = this.subscription;
            this.subscription = undefined;
            unsubscribe(subscription).catch(() => undefined);
        }
    }

    private fallBackToPolling(): void {
        if (this.streamingFailed) {
            return;
        }
        this.streamingFailed = true;
        this.stopStreaming();
        this.updateWatch();
    }

    private handleStatusEvent(message: EmpMessage<StatusPayload>): void {
        const payload = message.data?.payload ?? {};
        if (this.integration && payload.Integration__c && payload.Integration__c !== this.integration) {
            return;
        }
        if (eventNamesRecord(payload.Record_Ids__c, this.recordId)) {
            this.refreshInBackground();
        }
    }

    /** refresh() never rejects: its failures show through the wire's error state. */
    private refreshInBackground(): void {
        this.refresh().catch(() => undefined);
    }

    private async refresh(): Promise<void> {
        if (this.wiredStatuses) {
            try {
                await refreshApex(this.wiredStatuses);
            } catch (ignored) {
                // The wire reports its own error state.
            }
        }
        this.nowMs = Date.now();
        this.updateWatch();
    }

    private updateTicker(): void {
        const countdown = this.entries.some(
            (entry) => (entry.paused && entry.resumeAt) || (entry.status === 'Retry Scheduled' && entry.nextAttemptAt)
        );
        if (countdown && this.tickTimer === undefined && this.connected) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            this.tickTimer = setInterval(() => {
                this.nowMs = Date.now();
            }, TICK_MS);
        } else if (!countdown) {
            this.stopTicker();
        }
    }

    private stopTicker(): void {
        if (this.tickTimer !== undefined) {
            clearInterval(this.tickTimer);
            this.tickTimer = undefined;
        }
    }

    // ----- helpers -----

    private tell(transition: Transition): void {
        const { entry } = transition;
        const name = entry.integration;
        let init: ShowToastEventInit;
        if (transition.kind === 'delivered') {
            init = {
                title: `Delivered to ${name}`,
                message: entry.deliveredAt
                    ? `Accepted by the receiving system on ${formatDateTime(entry.deliveredAt)}.`
                    : 'Accepted by the receiving system.',
                variant: 'success'
            };
        } else if (transition.kind === 'deadLetter') {
            init = {
                title: `Not delivered to ${name}`,
                message: entry.errorSummary ?? 'Relay stopped retrying. An admin can replay it.',
                variant: 'error',
                mode: 'sticky'
            };
        } else {
            const nextMs = toEpochMs(entry.nextAttemptAt);
            const when = nextMs === undefined ? 'soon' : formatRelative(nextMs, Date.now());
            init = {
                title: `Sending to ${name} failed; Relay will retry ${when}`,
                message: entry.errorSummary ?? 'Relay will try again by itself.',
                variant: 'warning'
            };
        }
        this.announcement = `${init.title}. ${init.message}`;
        this.toast(init);
    }

    private toast(init: ShowToastEventInit): void {
        this.dispatchEvent(new ShowToastEvent(init));
    }

    private inView(entries: readonly StatusEntry[]): StatusEntry[] {
        return entries.filter((entry) => this.isInView(entry.integration));
    }

    private isInView(name: string): boolean {
        return !this.integration || this.integration.toLowerCase() === name.toLowerCase();
    }

    private actionOf(name: string): RecordActions['integrations'][number] | undefined {
        return this.actions?.integrations.find((action) => action.integration.toLowerCase() === name.toLowerCase());
    }

    private canSyncIntegration(name: string): boolean {
        return Boolean(this.actions?.canSyncNow && this.actionOf(name)?.active);
    }

    private canCompareIntegration(name: string): boolean {
        return Boolean(this.actions?.canCompare && this.actionOf(name)?.compareOffered);
    }

    private async copyText(text: string): Promise<boolean> {
        try {
            if (navigator.clipboard?.writeText) {
                await navigator.clipboard.writeText(text);
                return true;
            }
        } catch (ignored) {
            // Denied (no permission, not a secure context): fall back to a selection below.
        }
        this.selectCorrelationId(text);
        try {
            // The older API still copies a selection where the Clipboard API is refused.
            return document.execCommand('copy');
        } catch (ignored) {
            return false;
        }
    }

    private selectCorrelationId(id: string): void {
        const node = this.findByData({ key: 'correlationId', value: id });
        const selection = window.getSelection();
        if (node && selection) {
            selection.selectAllChildren(node);
        }
    }

    private focusOn(target: DataTarget): void {
        this.findByData(target)?.focus();
    }

    /** Compares dataset values instead of building `[data-x="<value>"]`: a value with a quote would throw. */
    private findByData({ key, value }: DataTarget): HTMLElement | undefined {
        const attribute = `data-${key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
        const nodes = this.template?.querySelectorAll<HTMLElement>(`[${attribute}]`) ?? [];
        return Array.from(nodes).find((node) => node.dataset[key] === value);
    }
}
