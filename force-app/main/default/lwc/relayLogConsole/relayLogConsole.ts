import { LightningElement, wire } from 'lwc';
import { CurrentPageReference, NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import LightningConfirm from 'lightning/confirm';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { ShowToastEventInit } from 'lightning/platformShowToastEvent';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import queryLogs from '@salesforce/apex/RelayConsoleController.queryLogs';
import replayLogs from '@salesforce/apex/RelayConsoleController.replayLogs';
import cancelLogs from '@salesforce/apex/RelayConsoleController.cancelLogs';
import replayMatching from '@salesforce/apex/RelayConsoleController.replayMatching';
import cancelMatching from '@salesforce/apex/RelayConsoleController.cancelMatching';
import getOperation from '@salesforce/apex/RelayConsoleController.getOperation';
import hasReplayPermission from '@salesforce/customPermission/Relay_Replay_Logs';
import hasCancelPermission from '@salesforce/customPermission/Relay_Cancel_Logs';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import { readErrorMessage, statusBadge, isConsoleRefusal } from 'c/relayFormat';
import type { LogPage, LogRow, OperationProgress, OperationResult, SyncStatus } from 'relay/apex-types';
import {
    ALL_STATUSES,
    ERROR_CATEGORIES,
    RANGE_OPTIONS,
    RECORD_ID_PATTERN,
    bulkFilterJsonOf,
    bulkWindowOf,
    defaultFilter,
    describeFilter,
    filterFromState,
    filterJsonOf,
    isNarrow,
    normalizeIso,
    sameFilter,
    stateFromFilter
} from './relayLogFilter';
import type { LogFilter, RangeKey } from './relayLogFilter';

export const PAGE_SIZE = 50;
/** IntegrationLogOperations.MAX_IDS: the most rows replayLogs / cancelLogs take at once. */
export const MAX_SELECTED_ROWS = 200;
/** RelayConsoleController.MAX_PAGE_SIZE: the most rows one queryLogs call returns. */
export const MAX_PAGE_SIZE = 200;
export const POLL_INTERVAL_MS = 3000;
/** After a failed progress read the next one waits twice as long (3 s, 6 s, 12 s, 24 s), at most this long. */
export const POLL_MAX_BACKOFF_MS = 30_000;
/** Consecutive failed progress reads after which the console stops reading and says so. */
export const POLL_MAX_FAILURES = 5;
export const TEXT_DEBOUNCE_MS = 300;

/** RelayUiAccess.NO_CONSOLE_ACCESS: shown as a designed message instead of the table. */
export const NO_CONSOLE_ACCESS =
    'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';
/** The start of RelayConsoleController.boundedFilter's refusal: shown beside the filters. */
const BROAD_WINDOW_REFUSAL = 'Name an integration, a status or a record';
export const RECORD_ID_MESSAGE = 'Enter a 15- or 18-character Salesforce record id, such as 001Hs00000Q7mA1AAA.';
export const WINDOW_ORDER_MESSAGE = 'The end of the range must be after its start.';

const REPLAY_EFFECT = 'It is queued again and sent by the next dispatch.';
const REPLAYABLE: ReadonlySet<SyncStatus> = new Set<SyncStatus>(['Dead Letter', 'Cancelled']);
const CANCELLABLE: ReadonlySet<SyncStatus> = new Set<SyncStatus>(['Queued', 'Retry Scheduled']);

/**
 * How a status reads in its cell: the words and icon of its badge (relayFormat) and an SLDS text colour (the cell is
 * inside the datatable's shadow tree, so only global SLDS classes reach it; SLDS has no warning text colour).
 */
const STATUS_CELL_CLASS: Partial<Record<SyncStatus, string>> = {
    Delivered: 'slds-text-color_success',
    'Dead Letter': 'slds-text-color_error',
    Cancelled: 'slds-text-color_weak'
};

export interface LogTableRow extends LogRow {
    statusLabel: string;
    statusIcon: string;
    statusClass: string;
}

interface RowAction {
    label: string;
    name: 'details' | 'replay' | 'replayCurrent' | 'cancel';
}

/** c-relay-log-detail's public surface. */
type DetailElement = HTMLElement & { logId?: string; focus(): void; refresh(): Promise<void> };

interface ConfirmOptions {
    message: string;
    label: string;
    theme?: 'default' | 'warning' | 'error' | 'info' | 'success';
    variant?: 'header' | 'headerless';
}

/** lightning/confirm's static open(), which @salesforce/lightning-types does not declare. */
const confirmDialog = LightningConfirm as unknown as { open(options: ConfirmOptions): Promise<boolean> };

/** Log rows of a console window are days old at most: the year would only take room (the detail shows it). */
const DATE_COLUMN_ATTRIBUTES = { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' };

// Fits a 1280 px wide console without scrolling sideways, so the row actions stay in view: the Error column takes the
// width left; the HTTP status (already in the error text) and the last attempt are in the row's detail.
const COLUMNS = [
    { label: 'Name', fieldName: 'name', type: 'text', initialWidth: 110 },
    { label: 'Integration', fieldName: 'integration', type: 'text', initialWidth: 120 },
    { label: 'Record', fieldName: 'recordId', type: 'text', initialWidth: 160 },
    {
        label: 'Status',
        fieldName: 'statusLabel',
        type: 'text',
        initialWidth: 135,
        cellAttributes: {
            class: { fieldName: 'statusClass' },
            iconName: { fieldName: 'statusIcon' }
        }
    },
    { label: 'Attempts', fieldName: 'attempts', type: 'number', initialWidth: 90 },
    { label: 'Error category', fieldName: 'errorCategory', type: 'text', initialWidth: 125 },
    { label: 'Error', fieldName: 'errorMessage', type: 'text', wrapText: true },
    {
        label: 'Created',
        fieldName: 'createdAt',
        type: 'date',
        typeAttributes: DATE_COLUMN_ATTRIBUTES,
        initialWidth: 125
    },
    {
        label: 'Next attempt',
        fieldName: 'nextAttemptAt',
        type: 'date',
        typeAttributes: DATE_COLUMN_ATTRIBUTES,
        initialWidth: 125
    }
];

/** The row actions that apply to a row's status and that the admin may take. */
export function rowActionsFor(row: Pick<LogRow, 'status'>, canReplay: boolean, canCancel: boolean): RowAction[] {
    const actions: RowAction[] = [{ label: 'View details', name: 'details' }];
    if (canReplay && REPLAYABLE.has(row.status)) {
        actions.push({ label: 'Replay', name: 'replay' }, { label: 'Replay with current data', name: 'replayCurrent' });
    }
    if (canCancel && CANCELLABLE.has(row.status)) {
        actions.push({ label: 'Cancel', name: 'cancel' });
    }
    return actions;
}

function tableRowOf(row: LogRow): LogTableRow {
    const badge = statusBadge(row.status);
    return {
        ...row,
        statusLabel: badge.label,
        statusIcon: badge.iconName,
        statusClass: STATUS_CELL_CLASS[row.status] ?? ''
    };
}

function plural(count: number, one: string, many: string): string {
    return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}

/**
 * The admin console's log table ("Relay Logs" tab): filters kept in the URL, keyset pages of log rows, a row's detail,
 * and replay / cancel of chosen rows or of every row the filter matches, with the progress of a bulk operation.
 */
export default class RelayLogConsole extends NavigationMixin(LightningElement) {
    readonly columns = [
        ...COLUMNS,
        {
            type: 'action',
            typeAttributes: {
                rowActions: (row: LogTableRow, done: (actions: RowAction[]) => void): void =>
                    done(rowActionsFor(row, hasReplayPermission, hasCancelPermission))
            }
        }
    ];
    readonly maxRowSelection = MAX_SELECTED_ROWS;
    readonly rangeOptions = RANGE_OPTIONS.map(({ label, value }) => ({ label, value }));
    readonly categoryOptions = [
        { label: 'Any error category', value: '' },
        ...ERROR_CATEGORIES.map((category) => ({ label: category, value: category }))
    ];

    filter: LogFilter = defaultFilter();
    /** What the record id box shows while it is being typed (the filter keeps only a valid id). */
    recordIdText = '';
    integrationNames: string[] = [];

    rows: LogTableRow[] = [];
    hasMore = false;
    nextCursor?: string;
    isLoading = true;
    isLoadingMore = false;
    /** The rows shown are read again after an action: "Load more" waits for their new cursor. */
    isReloading = false;
    errorMessage?: string;
    filterErrorMessage?: string;
    noAccessMessage?: string;

    selectedIds: string[] = [];
    detailLogId?: string;
    isActing = false;
    operation?: OperationProgress;
    operationError?: string;

    private pageReference?: PageReference;
    /** The filter JSON of the rows shown: "Load more" asks for the next page of exactly this query. */
    private queryFilterJson?: string;
    private requestSequence = 0;
    /** One debounce timer per input: an edit of one is not lost when another changes within the pause. */
    private readonly textTimers = new Map<string, ReturnType<typeof setTimeout>>();
    private pollTimer?: ReturnType<typeof setTimeout>;
    private pollFailures = 0;
    private connected = false;
    private focusDetail = false;
    private refreshDetailOnRender = false;
    /**
     * Rows whose detail may be stale in the cacheable getLogDetail's cache: opened before, or replayed / cancelled.
     * Their detail is read again when opened.
     */
    private readonly staleDetailIds = new Set<string>();

    @wire(getIntegrationNames, {})
    receiveIntegrationNames({ data }: { data?: string[]; error?: unknown }): void {
        // A refusal here is the same as queryLogs' (console access), which the table shows.
        if (data) {
            this.integrationNames = data;
        }
    }

    @wire(CurrentPageReference)
    receivePageReference(pageReference: PageReference | undefined): void {
        if (!pageReference) {
            return;
        }
        const firstPage = this.pageReference === undefined;
        this.pageReference = pageReference;
        const wanted = filterFromState(pageReference.state);
        // The console's own navigation comes back here with the filter it already shows: nothing to do then. A
        // reference from elsewhere (a dead-letter group's "View logs", a bookmark) replaces the filter.
        if (firstPage || !sameFilter(wanted, this.filter)) {
            this.filter = wanted;
            this.recordIdText = wanted.recordId ?? '';
            this.loadFirstPage();
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        // Attached again (back to the tab) while a bulk operation was unfinished: follow it again.
        if (this.operation && !this.operation.finished && this.pollTimer === undefined) {
            this.pollFailures = 0;
            this.operationError = undefined;
            this.schedulePoll(0);
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        for (const timer of this.textTimers.values()) {
            clearTimeout(timer);
        }
        this.textTimers.clear();
        this.stopPolling();
    }

    override renderedCallback(): void {
        const detail = this.detailElement();
        if (detail && detail.logId === this.detailLogId) {
            this.serviceDetail(detail);
        }
    }

    // ---- filters ----

    get integrationOptions(): Array<{ label: string; value: string }> {
        const names = [...this.integrationNames];
        if (this.filter.integration && !names.includes(this.filter.integration)) {
            names.push(this.filter.integration);
        }
        return [{ label: 'All integrations', value: '' }, ...names.map((name) => ({ label: name, value: name }))];
    }

    get integrationValue(): string {
        return this.filter.integration ?? '';
    }

    get categoryValue(): string {
        return this.filter.errorCategory ?? '';
    }

    /** One checkbox per status, in a row: six choices seen at once, combined with one click each. */
    get statusChoices(): Array<{ label: string; value: SyncStatus; checked: boolean }> {
        return ALL_STATUSES.map((status) => ({
            label: statusBadge(status).label,
            value: status,
            checked: this.filter.statuses.includes(status)
        }));
    }

    get isCustomRange(): boolean {
        return this.filter.range === 'custom';
    }

    get fromValue(): string {
        return this.filter.from ?? '';
    }

    get toValue(): string {
        return this.filter.to ?? '';
    }

    handleIntegrationChange(event: CustomEvent<{ value: string }>): void {
        this.applyFilter({ ...this.filter, integration: event.detail.value || undefined });
    }

    handleStatusChange(event: CustomEvent<{ checked: boolean }>): void {
        const status = (event.target as HTMLElement).dataset.status as SyncStatus;
        const chosen = new Set(this.filter.statuses);
        if (event.detail.checked) {
            chosen.add(status);
        } else {
            chosen.delete(status);
        }
        this.applyFilter({ ...this.filter, statuses: ALL_STATUSES.filter((known) => chosen.has(known)) });
    }

    handleCategoryChange(event: CustomEvent<{ value: string }>): void {
        this.applyFilter({ ...this.filter, errorCategory: event.detail.value || undefined });
    }

    handleRangeChange(event: CustomEvent<{ value: string }>): void {
        const range = event.detail.value as RangeKey;
        const next: LogFilter = { ...this.filter, range };
        if (range === 'custom' && !next.from && !next.to) {
            // Start a custom range from the last 24 hours, which the admin then narrows.
            const now = Date.now();
            next.from = new Date(now - 24 * 3_600_000).toISOString();
            next.to = new Date(now).toISOString();
        } else if (range !== 'custom') {
            next.from = undefined;
            next.to = undefined;
        }
        this.applyFilter(next);
    }

    handleRecordIdChange(event: CustomEvent<{ value: string }>): void {
        const input = event.target as HTMLInputElement;
        const value = (event.detail.value ?? '').trim();
        this.recordIdText = value;
        this.debounce('recordId', () => {
            const valid = value === '' || RECORD_ID_PATTERN.test(value);
            input.setCustomValidity(valid ? '' : RECORD_ID_MESSAGE);
            input.reportValidity();
            if (valid) {
                this.applyFilter({ ...this.filter, recordId: value || undefined });
            }
        });
    }

    handleFromChange(event: CustomEvent<{ value: string }>): void {
        this.changeWindow(event, 'from');
    }

    handleToChange(event: CustomEvent<{ value: string }>): void {
        this.changeWindow(event, 'to');
    }

    private changeWindow(event: CustomEvent<{ value: string }>, end: 'from' | 'to'): void {
        const value = normalizeIso(event.detail.value);
        this.debounce(end, () => {
            const next: LogFilter = { ...this.filter, [end]: value };
            const toInput = this.template?.querySelector<HTMLInputElement>('lightning-input[data-id="to"]');
            const ordered = !next.from || !next.to || Date.parse(next.from) <= Date.parse(next.to);
            toInput?.setCustomValidity(ordered ? '' : WINDOW_ORDER_MESSAGE);
            toInput?.reportValidity();
            if (ordered) {
                this.applyFilter(next);
            }
        });
    }

    private debounce(input: string, action: () => void): void {
        clearTimeout(this.textTimers.get(input));
        // Typing debounced: one URL change and one query per pause, not per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        const timer = setTimeout(() => {
            this.textTimers.delete(input);
            action();
        }, TEXT_DEBOUNCE_MS);
        this.textTimers.set(input, timer);
    }

    /** A new filter: shown at once, written to the URL (replacing the history entry) and read from page one. */
    private applyFilter(next: LogFilter): void {
        if (sameFilter(next, this.filter)) {
            return;
        }
        this.filter = next;
        const reference: PageReference = this.pageReference ?? {
            type: 'standard__navItemPage',
            attributes: { apiName: 'Relay_Logs' }
        };
        this.pageReference = { ...reference, state: stateFromFilter(next, reference.state) };
        this[NavigationMixin.Navigate](this.pageReference, true);
        this.loadFirstPage();
    }

    handleClearFilters(): void {
        this.recordIdText = '';
        this.applyFilter(defaultFilter());
    }

    // ---- data ----

    private loadFirstPage(): void {
        this.rows = [];
        this.selectedIds = [];
        this.hasMore = false;
        this.nextCursor = undefined;
        this.isLoading = true;
        this.isReloading = false;
        // A fresh window for every first page: a relative range ends now.
        this.queryFilterJson = JSON.stringify(filterJsonOf(this.filter, Date.now()));
        this.read(PAGE_SIZE, undefined, false).catch(() => undefined);
    }

    /**
     * After an action: as many rows as were shown read again from page one with a fresh window (in pages of at most
     * MAX_PAGE_SIZE), replacing the rows shown at once; "Load more" waits for the new cursor.
     */
    private reloadShown(): void {
        const wanted = Math.max(PAGE_SIZE, this.rows.length);
        this.queryFilterJson = JSON.stringify(filterJsonOf(this.filter, Date.now()));
        this.selectedIds = [];
        this.isReloading = true;
        this.isLoadingMore = false;
        this.read(wanted, undefined, false).catch(() => undefined);
    }

    handleLoadMore(): void {
        if (!this.hasMore || this.isLoadingMore || this.isReloading || !this.nextCursor) {
            return;
        }
        this.isLoadingMore = true;
        this.read(PAGE_SIZE, this.nextCursor, true).catch(() => undefined);
    }

    handleRefresh(): void {
        this.loadFirstPage();
    }

    /** Reads `wanted` rows of the query shown from `cursor` on, then shows them (appended, or in place of the rows). */
    private async read(wanted: number, cursor: string | undefined, append: boolean): Promise<void> {
        const sequence = ++this.requestSequence;
        const filterJson = this.queryFilterJson;
        const rows: LogTableRow[] = [];
        let next = cursor;
        let page: LogPage;
        let full: boolean;
        try {
            do {
                const pageSize = Math.min(MAX_PAGE_SIZE, wanted - rows.length);
                const params: { filterJson?: string; cursor?: string; pageSize: number } = { filterJson, pageSize };
                if (next) {
                    params.cursor = next;
                }
                // Sequential by design: each page starts at the cursor the previous one returned.
                // eslint-disable-next-line no-await-in-loop
                page = await queryLogs(params);
                if (sequence !== this.requestSequence) {
                    return;
                }
                const read = page.rows ?? [];
                rows.push(...read.map(tableRowOf));
                next = page.nextCursor;
                // A short page is the server's whole answer for now, whatever hasMore says.
                full = read.length >= pageSize;
            } while (page.hasMore && next && full && rows.length < wanted);
            this.rows = append ? [...this.rows, ...rows] : rows;
            this.hasMore = page.hasMore;
            this.nextCursor = page.nextCursor;
            this.errorMessage = undefined;
            this.filterErrorMessage = undefined;
            this.noAccessMessage = undefined;
        } catch (error) {
            if (sequence !== this.requestSequence) {
                return;
            }
            this.showReadError(error, append);
        } finally {
            if (sequence === this.requestSequence) {
                this.isLoading = false;
                this.isLoadingMore = false;
                this.isReloading = false;
            }
        }
    }

    private showReadError(error: unknown, append: boolean): void {
        const message = readErrorMessage(error, 'The log rows could not be loaded.');
        this.noAccessMessage = undefined;
        this.filterErrorMessage = undefined;
        this.errorMessage = undefined;
        if (isConsoleRefusal(message)) {
            this.noAccessMessage = message;
        } else if (message.startsWith(BROAD_WINDOW_REFUSAL)) {
            this.filterErrorMessage = message;
            this.rows = [];
            this.hasMore = false;
        } else if (append) {
            // The rows shown stay; the failed page can be asked for again.
            this.errorMessage = message;
        } else {
            this.rows = [];
            this.hasMore = false;
            this.errorMessage = message;
        }
    }

    // ---- states ----

    get showConsole(): boolean {
        return !this.noAccessMessage;
    }

    get showTable(): boolean {
        return !this.isLoading && this.rows.length > 0;
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.errorMessage && !this.filterErrorMessage && this.rows.length === 0;
    }

    get emptyHint(): string {
        return this.filter.range === '7d'
            ? 'Clear a filter, or choose a custom range further back.'
            : 'Widen the time range (Last 7 days) or clear a filter.';
    }

    get countLabel(): string {
        if (this.isLoading) {
            return 'Loading log rows…';
        }
        if (this.filterErrorMessage || (this.errorMessage && this.rows.length === 0)) {
            // Nothing was read: a count of 0 would say that nothing matched.
            return '';
        }
        const shown = plural(this.rows.length, 'row shown', 'rows shown');
        const selected = this.selectedIds.length > 0 ? ` · ${this.selectedIds.length} selected` : '';
        return `${shown}${this.hasMore ? ' · more available' : ''}${selected}`;
    }

    get showLoadMore(): boolean {
        return !this.isLoading && this.hasMore;
    }

    get loadMoreLabel(): string {
        return this.isLoadingMore ? 'Loading…' : 'Load more';
    }

    get loadMoreDisabled(): boolean {
        return this.isLoadingMore || this.isReloading;
    }

    /** The table area is busy while rows are read in place of, or after, the rows shown. */
    get tableBusy(): string {
        return String(this.isLoading || this.isReloading || this.isLoadingMore);
    }

    // ---- selection and actions ----

    get canReplay(): boolean {
        return hasReplayPermission;
    }

    get canCancel(): boolean {
        return hasCancelPermission;
    }

    get hasSelection(): boolean {
        return this.selectedIds.length > 0;
    }

    get replaySelectedLabel(): string {
        return `Replay selected (${this.selectedIds.length})`;
    }

    get cancelSelectedLabel(): string {
        return `Cancel selected (${this.selectedIds.length})`;
    }

    get filterIsNarrow(): boolean {
        return isNarrow(this.filter);
    }

    get showBulkHint(): boolean {
        return (this.canReplay || this.canCancel) && !this.hasSelection && !this.filterIsNarrow;
    }

    get matchingDisabled(): boolean {
        return this.isActing || !this.filterIsNarrow || this.operationRunning;
    }

    get selectionDisabled(): boolean {
        return this.isActing;
    }

    get operationRunning(): boolean {
        return Boolean(this.operation && !this.operation.finished);
    }

    handleRowSelection(event: CustomEvent<{ selectedRows: LogTableRow[] }>): void {
        this.selectedIds = event.detail.selectedRows.map((row) => row.id);
    }

    handleRowAction(event: CustomEvent<{ action: RowAction; row: LogTableRow }>): Promise<void> {
        const { action, row } = event.detail;
        if (action.name === 'details') {
            this.refreshDetailOnRender = this.staleDetailIds.has(row.id);
            this.staleDetailIds.add(row.id);
            this.detailLogId = row.id;
            this.focusDetail = true;
            // The same row again: the panel does not re-render, so it is served here.
            const detail = this.detailElement();
            if (detail && detail.logId === row.id) {
                this.serviceDetail(detail);
            }
            return Promise.resolve();
        }
        const replay = action.name !== 'cancel';
        const withCurrentData = action.name === 'replayCurrent';
        return this.actOnRows([row.id], replay, withCurrentData, row.name);
    }

    handleReplaySelected(): Promise<void> {
        return this.actOnRows([...this.selectedIds], true, false);
    }

    handleCancelSelected(): Promise<void> {
        return this.actOnRows([...this.selectedIds], false, false);
    }

    handleReplayMatching(): Promise<void> {
        return this.actOnMatching(true);
    }

    handleCancelMatching(): Promise<void> {
        return this.actOnMatching(false);
    }

    private detailElement(): DetailElement | null {
        return this.template?.querySelector<DetailElement>('c-relay-log-detail') ?? null;
    }

    /** Focus and a fresh read the panel was asked for since it last rendered. */
    private serviceDetail(detail: DetailElement): void {
        if (this.refreshDetailOnRender) {
            this.refreshDetailOnRender = false;
            detail.refresh().catch(() => undefined);
        }
        if (this.focusDetail) {
            this.focusDetail = false;
            detail.focus();
        }
    }

    /** After an action: the detail shown is read again (its status may have changed). */
    private refreshShownDetail(): void {
        this.detailElement()
            ?.refresh()
            .catch(() => undefined);
    }

    handleDetailClose(): void {
        this.detailLogId = undefined;
        // Back to where the admin was: the table.
        this.template?.querySelector<HTMLElement>('lightning-datatable')?.focus();
    }

    private async actOnRows(ids: string[], replay: boolean, withCurrentData: boolean, name?: string): Promise<void> {
        const what = name ?? plural(ids.length, 'selected row', 'selected rows');
        const message = replay
            ? `Replay ${what}${withCurrentData ? " with the record's current data under a new idempotency key" : ' with its stored request'}? ${REPLAY_EFFECT}`
            : `Cancel ${what}? Rows that are waiting to be sent will not be sent. This cannot be undone; a cancelled row can be replayed later.`;
        const confirmed = await confirmDialog.open({
            message,
            label: replay ? 'Replay log rows' : 'Cancel log rows',
            theme: replay ? 'warning' : 'error'
        });
        if (!confirmed || !this.connected) {
            return;
        }
        this.isActing = true;
        for (const id of ids) {
            this.staleDetailIds.add(id);
        }
        try {
            const result: OperationResult = replay
                ? await replayLogs({ logIds: ids, withCurrentData })
                : await cancelLogs({ logIds: ids });
            if (!this.connected) {
                return;
            }
            const incomplete = (result.skipped ?? 0) + (result.failed ?? 0) > 0;
            this.toast({
                title: replay ? 'Replay done' : 'Cancel done',
                message: result.message,
                variant: incomplete ? 'warning' : 'success'
            });
            this.reloadShown();
            this.refreshShownDetail();
        } catch (error) {
            if (!this.connected) {
                return;
            }
            this.toast({
                title: replay ? 'Replay failed' : 'Cancel failed',
                message: readErrorMessage(error),
                variant: 'error',
                mode: 'sticky'
            });
        } finally {
            this.isActing = false;
        }
    }

    private async actOnMatching(replay: boolean): Promise<void> {
        // One moment for the words and the filter sent: what the admin confirms is what runs.
        const nowMs = Date.now();
        const words = describeFilter(this.filter, nowMs, { locale, timeZone });
        const earlier = bulkWindowOf(this.filter, nowMs).to ? '' : ' Rows created before then are not included.';
        const message = replay
            ? `Replay every Dead Letter or Cancelled row matching: ${words}?${earlier} A batch job replays them with their stored requests; progress is shown here.`
            : `Cancel every Queued or Retry Scheduled row matching: ${words}?${earlier} A batch job cancels them; progress is shown here.`;
        const confirmed = await confirmDialog.open({
            message,
            label: replay ? 'Replay all matching rows' : 'Cancel all matching rows',
            theme: replay ? 'warning' : 'error'
        });
        if (!confirmed || !this.connected) {
            return;
        }
        this.isActing = true;
        this.operationError = undefined;
        const filterJson = JSON.stringify(bulkFilterJsonOf(this.filter, nowMs));
        try {
            const result: OperationResult = replay
                ? await replayMatching({ filterJson, withCurrentData: false })
                : await cancelMatching({ filterJson });
            if (result.operationId) {
                this.operation = {
                    operationId: result.operationId,
                    operationType: replay ? 'Replay' : 'Cancel',
                    status: 'Queued',
                    finished: false,
                    matched: result.requested
                };
                this.pollFailures = 0;
            }
            if (!this.connected) {
                // Gone meanwhile: the operation is kept, and followed again if the console comes back.
                return;
            }
            this.toast({
                title: replay ? 'Replay started' : 'Cancel started',
                message: result.message,
                variant: 'info'
            });
            if (result.operationId) {
                this.schedulePoll(0);
            }
        } catch (error) {
            if (!this.connected) {
                return;
            }
            this.toast({
                title: replay ? 'Replay not started' : 'Cancel not started',
                message: readErrorMessage(error),
                variant: 'error',
                mode: 'sticky'
            });
        } finally {
            this.isActing = false;
        }
    }

    private schedulePoll(delayMs: number): void {
        clearTimeout(this.pollTimer);
        // Polling is the point here: the batch runs server-side and reports only through its operation row.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.pollTimer = setTimeout(() => {
            this.pollTimer = undefined;
            this.poll().catch(() => undefined);
        }, delayMs);
    }

    private stopPolling(): void {
        clearTimeout(this.pollTimer);
        this.pollTimer = undefined;
    }

    private async poll(): Promise<void> {
        const operationId = this.operation?.operationId;
        if (!operationId || !this.connected) {
            return;
        }
        try {
            const progress = await getOperation({ operationId });
            if (!this.connected || this.operation?.operationId !== operationId) {
                return;
            }
            this.pollFailures = 0;
            this.operation = progress;
            this.operationError = undefined;
            if (progress.finished) {
                this.finishOperation(progress);
            } else {
                this.schedulePoll(POLL_INTERVAL_MS);
            }
        } catch (error) {
            if (!this.connected || this.operation?.operationId !== operationId) {
                return;
            }
            this.pollFailures += 1;
            const reason = readErrorMessage(error);
            if (this.pollFailures >= POLL_MAX_FAILURES) {
                // Not forever: the operation runs on without the console; its row has the outcome.
                this.operationError = `Progress could not be read ${POLL_MAX_FAILURES} times in a row: ${reason} The operation goes on; check its progress again later.`;
                return;
            }
            // A failed read does not end the operation: say so and keep following it, less often each time.
            const delayMs = Math.min(POLL_MAX_BACKOFF_MS, POLL_INTERVAL_MS * 2 ** (this.pollFailures - 1));
            this.operationError = `Progress could not be read: ${reason} Trying again in ${delayMs / 1000} seconds.`;
            this.schedulePoll(delayMs);
        }
    }

    /** The check again after polling gave up: follows the operation again from one read. */
    handleCheckOperation(): void {
        this.pollFailures = 0;
        this.operationError = undefined;
        this.schedulePoll(0);
    }

    get showCheckOperation(): boolean {
        return this.operationRunning && this.pollFailures >= POLL_MAX_FAILURES;
    }

    private finishOperation(progress: OperationProgress): void {
        const failed = progress.status === 'Failed' || progress.status === 'Stopped';
        const incomplete = (progress.skipped ?? 0) + (progress.failed ?? 0) > 0;
        this.toast({
            title: `${progress.operationType} ${progress.status.toLowerCase()}`,
            message: progress.details ?? this.operationSummary,
            variant: failed ? 'error' : incomplete ? 'warning' : 'success'
        });
        this.reloadShown();
        this.refreshShownDetail();
    }

    get showOperation(): boolean {
        return this.operation !== undefined;
    }

    /**
     * Whether the bar can say how far the operation is: not when it has handled as many rows as were counted and still
     * runs (the count stops at IntegrationLogOperations.MATCH_COUNT_CAP, so more rows matched than were counted).
     */
    get operationPercentKnown(): boolean {
        const operation = this.operation;
        if (!operation || operation.finished) {
            return true;
        }
        const matched = operation.matched ?? 0;
        return matched <= 0 || this.operationDone < matched;
    }

    private get operationDone(): number {
        const operation = this.operation;
        return operation ? (operation.processed ?? 0) + (operation.skipped ?? 0) + (operation.failed ?? 0) : 0;
    }

    get operationPercent(): number {
        const matched = this.operation?.matched ?? 0;
        if (!this.operation || matched <= 0) {
            return this.operation?.finished ? 100 : 0;
        }
        return Math.min(100, Math.round((this.operationDone / matched) * 100));
    }

    get operationTitle(): string {
        const operation = this.operation;
        return operation ? `${operation.operationType}: ${operation.status}` : '';
    }

    get operationSummary(): string {
        const operation = this.operation;
        if (!operation) {
            return '';
        }
        const done = this.operationDone.toLocaleString('en-US');
        const counts = `${operation.processed ?? 0} done, ${operation.skipped ?? 0} skipped, ${operation.failed ?? 0} failed`;
        if (!this.operationPercentKnown) {
            return `${done} rows handled so far; more rows matched than the ${(operation.matched ?? 0).toLocaleString('en-US')} counted · ${counts}`;
        }
        const matched =
            operation.matched === undefined ? 'the matching rows' : operation.matched.toLocaleString('en-US');
        return `${done} of ${matched} rows handled · ${counts}`;
    }

    get operationDetails(): string | undefined {
        return this.operation?.finished ? this.operation.details : undefined;
    }

    handleDismissOperation(): void {
        this.stopPolling();
        this.operation = undefined;
        this.operationError = undefined;
    }

    /** Finished, or no longer followed after failed reads: the panel can be put away. */
    get showDismissOperation(): boolean {
        return Boolean(this.operation?.finished) || this.showCheckOperation;
    }

    get showDetail(): boolean {
        return this.detailLogId !== undefined;
    }

    private toast(init: ShowToastEventInit): void {
        this.dispatchEvent(new ShowToastEvent(init));
    }
}
