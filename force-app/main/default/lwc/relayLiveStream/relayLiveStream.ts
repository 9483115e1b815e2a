import { LightningElement } from 'lwc';
import { isEmpEnabled, onError, subscribe, unsubscribe } from 'lightning/empApi';
import type { EmpMessage, EmpSubscription } from 'lightning/empApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import { statusBadge } from 'c/relayFormat';

/** The channel Relay publishes one event per dispatcher transaction and integration on (IntegrationStatusPublisher). */
export const CHANNEL = '/event/Integration_Status__e';
/** New events only: the console shows what happens from now on; the log table is the history. */
const NEW_EVENTS_ONLY = -1;
/** Rows kept on screen (and events kept while paused); older ones are dropped and counted. */
export const MAX_ROWS = 200;
/** Record ids shown before "Show all". */
export const PREVIEW_IDS = 3;

/** Events are collected and shown together at most this often: a burst re-renders the list once, not per event. */
export const FLUSH_MS = 250;
/** A tab hidden this long stops its subscription (docs/console.md, "Delivery allocation"). */
export const HIDDEN_STOP_MS = 5 * 60_000;
/** A page nobody clicked, typed in or scrolled this long stops its subscription. */
export const IDLE_STOP_MS = 30 * 60_000;
/** What counts as someone using the page. */
const INTERACTIONS = ['pointerdown', 'keydown', 'wheel'];

export const UNAVAILABLE_MESSAGE = 'Live events need Lightning Experience on desktop; use the log table instead.';

/** Integration_Status__e as empApi delivers it. */
export interface IntegrationStatusPayload {
    Integration__c?: string | null;
    Record_Ids__c?: string | null;
    Summary__c?: string | null;
}

type ConnectionState = 'connecting' | 'connected' | 'error' | 'unavailable' | 'stopped';

/** Why the page stopped its subscription by itself. */
type StopReason = 'hidden' | 'idle';

export const AUTO_STOP_MESSAGES: Record<StopReason, string> = {
    hidden: 'Stopped to save event deliveries: this tab was hidden for 5 minutes.',
    idle: 'Stopped to save event deliveries: nobody used this page for 30 minutes.'
};

export interface SummaryBadge {
    key: string;
    label: string;
    badgeClass: string;
}

export interface LiveRow {
    key: string;
    receivedAt: number;
    integration: string;
    badges: SummaryBadge[];
    recordIds: string[];
    recordCountLabel: string;
}

interface DisplayRow extends LiveRow {
    shownIds: string;
    hasMoreIds: boolean;
    expanded: boolean;
    /** aria-expanded wants "true"/"false", not a boolean attribute. */
    ariaExpanded: string;
    toggleLabel: string;
    copyLabel: string;
}

/** "Delivered:48,Retry Scheduled:2" as one badge per status, in the order Relay wrote them. */
export function parseSummary(summary: string | null | undefined): SummaryBadge[] {
    return (summary ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0)
        .map((part) => {
            const separator = part.lastIndexOf(':');
            const status = separator > 0 ? part.slice(0, separator).trim() : part;
            const count = separator > 0 ? part.slice(separator + 1).trim() : '';
            const badge = statusBadge(status);
            return {
                key: status,
                label: count ? `${badge.label} ${count}` : badge.label,
                badgeClass: badge.badgeClass
            };
        });
}

/** Comma-separated source record ids, blanks dropped. */
export function parseRecordIds(recordIds: string | null | undefined): string[] {
    return (recordIds ?? '')
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id.length > 0);
}

/** The text of an empApi error: CometD reports `{ error }`, subscribe failures `{ ext: { sfdc: { failureReason } } }`. */
export function readEmpError(error: unknown): string {
    if (typeof error === 'string' && error) {
        return error;
    }
    if (typeof error === 'object' && error !== null) {
        const failureReason = (error as { ext?: { sfdc?: { failureReason?: unknown } } }).ext?.sfdc?.failureReason;
        if (typeof failureReason === 'string' && failureReason) {
            return failureReason;
        }
        const text = (error as { error?: unknown }).error;
        if (typeof text === 'string' && text) {
            return text;
        }
        const message = (error as { message?: unknown }).message;
        if (typeof message === 'string' && message) {
            return message;
        }
    }
    return 'The streaming connection failed.';
}

/**
 * Whether an empApi error concerns `channel`: CometD names the subscription of a failed (un)subscribe, and the channel
 * of a message; errors of /meta/connect or /meta/handshake (the connection itself) and errors naming nothing concern
 * every subscriber.
 */
export function concernsChannel(error: unknown, channel: string): boolean {
    if (typeof error !== 'object' || error === null) {
        return true;
    }
    const { subscription, channel: errorChannel } = error as { subscription?: unknown; channel?: unknown };
    if (typeof subscription === 'string' && subscription) {
        return subscription === channel;
    }
    if (typeof errorChannel === 'string' && errorChannel && !errorChannel.startsWith('/meta/')) {
        return errorChannel === channel;
    }
    return true;
}

const NUMBER_FORMAT = new Intl.NumberFormat(locale);

function plural(count: number, one: string, many: string): string {
    return count === 1 ? `1 ${one}` : `${NUMBER_FORMAT.format(count)} ${many}`;
}

/** The user's Salesforce locale and time zone, like lightning-formatted-date-time in the rows. */
const TIME_FORMAT = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone
});

/**
 * empApi keeps one list of error listeners per page and cannot remove one: the module registers a single listener and
 * hands each error to the instances on the page, which keep the ones about their channel.
 */
const liveInstances = new Set<RelayLiveStream>();
let errorListenerRegistered = false;

function listenToEmpErrors(): void {
    if (errorListenerRegistered) {
        return;
    }
    errorListenerRegistered = true;
    onError((error: unknown) => {
        for (const instance of liveInstances) {
            instance.handleEmpError(error);
        }
    });
}

/**
 * Console tab: Relay's status changes as they happen, from Integration_Status__e through lightning/empApi.
 * Pause keeps the subscription (events are still delivered and counted, and shown on resume); Stop unsubscribes, so
 * this page no longer uses the org's event delivery allocation (docs/console.md, "Live stream"). The page stops by
 * itself when its tab is hidden for 5 minutes or nobody used it for 30.
 */
export default class RelayLiveStream extends LightningElement {
    connection: ConnectionState = 'connecting';
    connectedSince?: number;
    errorText?: string;
    rows: LiveRow[] = [];
    droppedCount = 0;
    paused = false;
    pausedRows: LiveRow[] = [];
    pausedCount = 0;
    integrationFilter = '';
    expandedKeys: string[] = [];
    stopReason?: StopReason;

    private subscription?: EmpSubscription;
    private connected = false;
    private sequence = 0;
    private pendingFocus?: string;
    /** Events received since the last flush, oldest first. */
    private pending: LiveRow[] = [];
    private flushTimer?: ReturnType<typeof setTimeout>;
    private idleTimer?: ReturnType<typeof setTimeout>;
    private hiddenTimer?: ReturnType<typeof setTimeout>;
    private lastInteractionAt = 0;

    private readonly interactionListener = (): void => {
        this.lastInteractionAt = Date.now();
    };

    private readonly visibilityListener = (): void => this.watchVisibility();

    override connectedCallback(): void {
        this.connected = true;
        liveInstances.add(this);
        this.lastInteractionAt = Date.now();
        for (const type of INTERACTIONS) {
            this.template?.addEventListener(type, this.interactionListener);
        }
        document.addEventListener('visibilitychange', this.visibilityListener);
        this.start().catch((error: unknown) => this.handleStreamError(error));
    }

    override disconnectedCallback(): void {
        this.connected = false;
        liveInstances.delete(this);
        for (const type of INTERACTIONS) {
            this.template?.removeEventListener(type, this.interactionListener);
        }
        document.removeEventListener('visibilitychange', this.visibilityListener);
        this.clearWatchers();
        this.flushPending();
        this.release().catch(() => undefined);
    }

    // ---- connection -------------------------------------------------------------------------------------------

    private async start(): Promise<void> {
        this.connection = 'connecting';
        this.errorText = undefined;
        let enabled: boolean;
        try {
            enabled = await isEmpEnabled();
        } catch (ignored) {
            enabled = false;
        }
        if (!this.connected) {
            return;
        }
        if (!enabled) {
            this.connection = 'unavailable';
            return;
        }
        listenToEmpErrors();
        this.armWatchers();
        try {
            const subscription = await subscribe<IntegrationStatusPayload>(CHANNEL, NEW_EVENTS_ONLY, (message) =>
                this.receive(message)
            );
            if (!this.connected) {
                // Removed from the page while subscribing: give the subscription back at once.
                await unsubscribe(subscription);
                return;
            }
            this.subscription = subscription;
            this.connection = 'connected';
            this.connectedSince = Date.now();
        } catch (error) {
            this.handleStreamError(error);
        }
    }

    private async release(): Promise<void> {
        const subscription = this.subscription;
        this.subscription = undefined;
        if (subscription) {
            try {
                await unsubscribe(subscription);
            } catch (ignored) {
                // The connection is gone already: nothing is delivered to this page any more.
            }
        }
    }

    /** An error from empApi's page-wide listener: only the ones about this page's channel (or connection) count. */
    handleEmpError(error: unknown): void {
        if (concernsChannel(error, CHANNEL)) {
            this.handleStreamError(error);
        }
    }

    private handleStreamError(error: unknown): void {
        if (this.connection === 'stopped' || this.connection === 'unavailable') {
            return;
        }
        this.connection = 'error';
        this.errorText = readEmpError(error);
    }

    async handleRetry(): Promise<void> {
        await this.release();
        await this.start();
        this.focusControl('[data-id="stop"]');
    }

    async handleStop(): Promise<void> {
        this.stopReason = undefined;
        await this.stopStream();
        this.focusControl('[data-id="start"]');
    }

    async handleStart(): Promise<void> {
        this.stopReason = undefined;
        this.lastInteractionAt = Date.now();
        await this.start();
        this.focusControl('[data-id="stop"]');
    }

    private async stopStream(): Promise<void> {
        // What arrived before the stop is shown; nothing arrives after it.
        this.flushPending();
        this.clearWatchers();
        this.connection = 'stopped';
        this.connectedSince = undefined;
        this.errorText = undefined;
        await this.release();
    }

    // ---- automatic stop ---------------------------------------------------------------------------------------

    /** Whether the page holds (or is making) a subscription the org pays deliveries for. */
    private get streaming(): boolean {
        return this.connected && this.connection !== 'stopped' && this.connection !== 'unavailable';
    }

    private armWatchers(): void {
        this.clearWatchers();
        this.scheduleIdleCheck(IDLE_STOP_MS - (Date.now() - this.lastInteractionAt));
        this.watchVisibility();
    }

    private clearWatchers(): void {
        clearTimeout(this.idleTimer);
        clearTimeout(this.hiddenTimer);
        this.idleTimer = undefined;
        this.hiddenTimer = undefined;
    }

    private scheduleIdleCheck(delayMs: number): void {
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- stops a subscription nobody looks at
        this.idleTimer = setTimeout(() => this.checkIdle(), Math.max(0, delayMs));
    }

    private checkIdle(): void {
        this.idleTimer = undefined;
        if (!this.streaming) {
            return;
        }
        const idleMs = Date.now() - this.lastInteractionAt;
        if (idleMs >= IDLE_STOP_MS) {
            this.autoStop('idle');
        } else {
            this.scheduleIdleCheck(IDLE_STOP_MS - idleMs);
        }
    }

    private watchVisibility(): void {
        if (document.visibilityState === 'hidden') {
            if (this.hiddenTimer === undefined && this.streaming) {
                // eslint-disable-next-line @lwc/lwc/no-async-operation -- stops the subscription of a hidden tab
                this.hiddenTimer = setTimeout(() => {
                    this.hiddenTimer = undefined;
                    if (this.streaming) {
                        this.autoStop('hidden');
                    }
                }, HIDDEN_STOP_MS);
            }
        } else {
            clearTimeout(this.hiddenTimer);
            this.hiddenTimer = undefined;
        }
    }

    /** No focus move: nobody is looking; the status line (aria-live) says why and offers Start. */
    private autoStop(reason: StopReason): void {
        this.stopReason = reason;
        this.stopStream().catch(() => undefined);
    }

    // ---- events -----------------------------------------------------------------------------------------------

    private receive(message: EmpMessage<IntegrationStatusPayload>): void {
        if (!this.connected || this.connection === 'stopped') {
            return;
        }
        if (this.connection === 'error') {
            // Events arrive again: CometD reconnected by itself after the error it reported.
            this.connection = 'connected';
            this.errorText = undefined;
            this.connectedSince = Date.now();
        }
        const payload = message.data?.payload ?? {};
        const recordIds = parseRecordIds(payload.Record_Ids__c);
        this.sequence += 1;
        const row: LiveRow = {
            key: `event-${this.sequence}`,
            receivedAt: Date.now(),
            integration: payload.Integration__c || 'Unknown integration',
            badges: parseSummary(payload.Summary__c),
            recordIds,
            recordCountLabel: plural(recordIds.length, 'record', 'records')
        };
        this.pending.push(row);
        if (this.flushTimer === undefined) {
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- one re-render per burst of events
            this.flushTimer = setTimeout(() => this.flushPending(), FLUSH_MS);
        }
    }

    /** Shows (or, while paused, keeps) the events received since the last flush, in one re-render. */
    private flushPending(): void {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        if (this.pending.length === 0) {
            return;
        }
        const newestFirst = this.pending.reverse();
        this.pending = [];
        if (this.paused) {
            this.pausedCount += newestFirst.length;
            this.pausedRows = [...newestFirst, ...this.pausedRows].slice(0, MAX_ROWS);
            return;
        }
        this.addRows(newestFirst);
    }

    private addRows(newestFirst: LiveRow[]): void {
        const rows = [...newestFirst, ...this.rows];
        if (rows.length > MAX_ROWS) {
            this.droppedCount += rows.length - MAX_ROWS;
            this.expandedKeys = this.expandedKeys.filter((key) => rows.slice(0, MAX_ROWS).some((r) => r.key === key));
        }
        this.rows = rows.slice(0, MAX_ROWS);
    }

    handlePause(): void {
        // What arrived before the click is on screen; what arrives after it waits.
        this.flushPending();
        this.paused = true;
        this.focusControl('[data-id="resume"]');
    }

    /** Resume shows what arrived while paused: it was delivered (and paid for) anyway, and hiding it would leave a gap. */
    handleResume(): void {
        this.flushPending();
        this.paused = false;
        // Events beyond what the buffer kept were dropped while paused.
        this.droppedCount += Math.max(0, this.pausedCount - this.pausedRows.length);
        this.addRows(this.pausedRows);
        this.pausedRows = [];
        this.pausedCount = 0;
        this.focusControl('[data-id="pause"]');
    }

    handleClear(): void {
        clearTimeout(this.flushTimer);
        this.flushTimer = undefined;
        this.pending = [];
        this.rows = [];
        this.pausedRows = [];
        this.pausedCount = 0;
        this.droppedCount = 0;
        this.expandedKeys = [];
        this.integrationFilter = '';
    }

    handleFilterChange(event: CustomEvent<{ value: string }>): void {
        this.integrationFilter = event.detail.value;
    }

    handleToggleIds(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key ?? '';
        this.expandedKeys = this.expandedKeys.includes(key)
            ? this.expandedKeys.filter((expanded) => expanded !== key)
            : [...this.expandedKeys, key];
    }

    async handleCopyIds(event: Event): Promise<void> {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const row = this.rows.find((candidate) => candidate.key === key);
        if (!row) {
            return;
        }
        try {
            await navigator.clipboard.writeText(row.recordIds.join('\n'));
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Copied',
                    message: `${plural(row.recordIds.length, 'record id', 'record ids')} copied.`,
                    variant: 'success'
                })
            );
        } catch (ignored) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: 'Not copied',
                    message: 'The browser did not allow copying. Select the ids and copy them yourself.',
                    variant: 'error'
                })
            );
        }
    }

    private focusControl(selector: string): void {
        // After the re-render: the control that replaces the one just clicked takes the focus. The re-render may have
        // happened already (while an awaited call ran): then the control is there now.
        this.pendingFocus = selector;
        Promise.resolve()
            .then(() => this.applyPendingFocus())
            .catch(() => undefined);
    }

    private applyPendingFocus(): void {
        if (this.pendingFocus) {
            const target = this.template?.querySelector<HTMLElement>(this.pendingFocus);
            if (target) {
                this.pendingFocus = undefined;
                target.focus();
            }
        }
    }

    override renderedCallback(): void {
        this.applyPendingFocus();
    }

    // ---- view -------------------------------------------------------------------------------------------------

    get isError(): boolean {
        return this.connection === 'error';
    }

    get isUnavailable(): boolean {
        return this.connection === 'unavailable';
    }

    get isStopped(): boolean {
        return this.connection === 'stopped';
    }

    /** Stopped by the page itself: the status line offers Start (the header's Start is not repeated). */
    get isAutoStopped(): boolean {
        return this.isStopped && this.stopReason !== undefined;
    }

    get showHeaderStart(): boolean {
        return this.isStopped && this.stopReason === undefined;
    }

    get canStop(): boolean {
        return this.connection === 'connected' || this.connection === 'connecting';
    }

    get unavailableMessage(): string {
        return UNAVAILABLE_MESSAGE;
    }

    get connectionLabel(): string {
        switch (this.connection) {
            case 'connected':
                return this.connectedSince === undefined
                    ? 'Connected'
                    : `Connected since ${TIME_FORMAT.format(this.connectedSince)}`;
            case 'error':
                return `Connection lost: ${this.errorText ?? 'the streaming connection failed.'}`;
            case 'stopped':
                return this.stopReason
                    ? AUTO_STOP_MESSAGES[this.stopReason]
                    : 'Stopped: this page receives no events. Start to receive them again.';
            case 'unavailable':
                return 'Unavailable';
            default:
                return 'Connecting…';
        }
    }

    get connectionIcon(): string {
        switch (this.connection) {
            case 'connected':
                return 'utility:success';
            case 'error':
                return 'utility:error';
            case 'stopped':
                return 'utility:stop';
            default:
                return 'utility:sync';
        }
    }

    get connectionClass(): string {
        const theme =
            this.connection === 'connected'
                ? 'slds-theme_success'
                : this.connection === 'error'
                  ? 'slds-theme_error'
                  : 'slds-theme_shade';
        return `slds-box slds-box_x-small slds-grid slds-grid_vertical-align-center slds-m-bottom_small ${theme}`;
    }

    get connectionIconVariant(): string | undefined {
        return this.connection === 'connected' || this.connection === 'error' ? 'inverse' : undefined;
    }

    get pausedLabel(): string {
        return `Paused: ${plural(this.pausedCount, 'event', 'events')} while paused. Resume to show them.`;
    }

    get droppedLabel(): string {
        return `Showing the newest ${MAX_ROWS} events; ${plural(this.droppedCount, 'older row', 'older rows')} dropped.`;
    }

    get hasDropped(): boolean {
        return this.droppedCount > 0;
    }

    get filterOptions(): { label: string; value: string }[] {
        const names = new Set<string>();
        for (const row of [...this.rows, ...this.pausedRows]) {
            names.add(row.integration);
        }
        if (this.integrationFilter) {
            names.add(this.integrationFilter);
        }
        return [
            { label: 'All integrations', value: '' },
            ...[...names].sort().map((name) => ({ label: name, value: name }))
        ];
    }

    get visibleRows(): DisplayRow[] {
        return this.rows
            .filter((row) => !this.integrationFilter || row.integration === this.integrationFilter)
            .map((row) => {
                const expanded = this.expandedKeys.includes(row.key);
                const hasMoreIds = row.recordIds.length > PREVIEW_IDS;
                const shown = expanded ? row.recordIds : row.recordIds.slice(0, PREVIEW_IDS);
                return {
                    ...row,
                    expanded,
                    ariaExpanded: String(expanded),
                    hasMoreIds,
                    shownIds: hasMoreIds && !expanded ? `${shown.join(', ')}, …` : shown.join(', '),
                    toggleLabel: expanded ? 'Show fewer' : `Show all ${row.recordIds.length}`,
                    copyLabel: `Copy the ${plural(row.recordIds.length, 'record id', 'record ids')} of this ${row.integration} event`
                };
            });
    }

    get hasRows(): boolean {
        return this.visibleRows.length > 0;
    }

    get showEmpty(): boolean {
        return !this.isUnavailable && !this.hasRows;
    }

    get emptyMessage(): string {
        if (this.rows.length > 0 && this.integrationFilter) {
            return `No events from ${this.integrationFilter} among the ${plural(this.rows.length, 'event', 'events')} received. Choose All integrations to see them.`;
        }
        if (this.isStopped) {
            return 'No events. Start the stream to see status changes as they happen.';
        }
        return 'Waiting for status changes: every delivery, retry and dead letter Relay records appears here as it happens. The log table has the history.';
    }

    get eventCountLabel(): string {
        return plural(this.rows.length, 'event', 'events');
    }

    get clearDisabled(): boolean {
        return this.rows.length === 0 && this.pausedRows.length === 0 && this.droppedCount === 0;
    }
}
