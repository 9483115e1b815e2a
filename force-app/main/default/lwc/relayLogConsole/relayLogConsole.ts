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
import { readErrorMessage, statusBadge } from 'c/relayFormat';
import type { LogPage, LogRow, OperationProgress, OperationResult, SyncStatus } from 'relay/apex-types';
import {
    ALL_STATUSES,
    ERROR_CATEGORIES,
    RANGE_OPTIONS,
    RECORD_ID_PATTERN,
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
export const POLL_INTERVAL_MS = 3000;
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

interface ConfirmOptions {
    message: string;
    label: string;
    theme?: 'default' | 'warning' | 'error' | 'info' | 'success';
    variant?: 'header' | 'headerless';
}

/** lightning/confirm's static open(), which @salesforce/lightning-types does not declare. */
const confirmDialog = LightningConfirm as unknown as { open(options: ConfirmOptions): Promise<boolean> };

const DATE_COLUMN_ATTRIBUTES = {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit'
};
/** Attempts are near the row's creation: the year would only take room. */
const ATTEMPT_COLUMN_ATTRIBUTES = { month: 'short', day: '2-digit', hour: '2-digit', minute: '2-digit' };

const COLUMNS = [
    { label: 'Name', fieldName: 'name', type: 'text', initialWidth: 115 },
    { label: 'Integration', fieldName: 'integration', type: 'text', initialWidth: 125 },
    { label: 'Record', fieldName: 'recordId', type: 'text', initialWidth: 165 },
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
    { label: 'Attempts', fieldName: 'attempts', type: 'number', initialWidth: 95 },
    { label: 'HTTP', fieldName: 'httpStatus', type: 'number', initialWidth: 75 },
    { label: 'Error category', fieldName: 'errorCategory', type: 'text', initialWidth: 130 },
    { label: 'Error', fieldName: 'errorMessage', type: 'text', wrapText: true, initialWidth: 220 },
    {
        label: 'Created',
        fieldName: 'createdAt',
        type: 'date',
        typeAttributes: DATE_COLUMN_ATTRIBUTES,
        initialWidth: 160
    },
    {
        label: 'Last attempt',
        fieldName: 'lastAttemptAt',
        type: 'date',
        typeAttributes: ATTEMPT_COLUMN_ATTRIBUTES,
        initialWidth: 125
    },
    {
        label: 'Next attempt',
        fieldName: 'nextAttemptAt',
        type: 'date',
        typeAttributes: ATTEMPT_COLUMN_ATTRIBUTES,
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
    private textTimer?: ReturnType<typeof setTimeout>;
    private pollTimer?: ReturnType<typeof setTimeout>;
    private connected = false;
    private focusDetail = false;

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
    }

    override disconnectedCallback(): void {
        this.connected = false;
        clearTimeout(this.textTimer);
        clearTimeout(this.pollTimer);
        this.pollTimer = undefined;
    }

    override renderedCallback(): void {
        if (this.focusDetail) {
            const detail = this.template?.querySelector<HTMLElement & { focus(): void }>('c-relay-log-detail');
            if (detail) {
                this.focusDetail = false;
                detail.focus();
            }
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
        this.debounce(() => {
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
        this.debounce(() => {
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

    private debounce(action: () => void): void {
        clearTimeout(this.textTimer);
        // Typing debounced: one URL change and one query per pause, not per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.textTimer = setTimeout(action, TEXT_DEBOUNCE_MS);
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
        // A fresh window for every first page; it also keeps the cacheable method's answer from being reused stale.
        this.queryFilterJson = JSON.stringify(filterJsonOf(this.filter, Date.now()));
        this.fetch(PAGE_SIZE, undefined, false);
    }

    /** After an action: the rows shown again (as many as were shown, at most one page of 200), a fresh window. */
    private reloadShown(): void {
        const size = Math.min(MAX_SELECTED_ROWS, Math.max(PAGE_SIZE, this.rows.length));
        this.queryFilterJson = JSON.stringify(filterJsonOf(this.filter, Date.now()));
        this.selectedIds = [];
        this.fetch(size, undefined, false);
    }

    handleLoadMore(): void {
        if (!this.hasMore || this.isLoadingMore || !this.nextCursor) {
            return;
        }
        this.isLoadingMore = true;
        this.fetch(PAGE_SIZE, this.nextCursor, true);
    }

    handleRefresh(): void {
        this.loadFirstPage();
    }

    private fetch(pageSize: number, cursor: string | undefined, append: boolean): void {
        const sequence = ++this.requestSequence;
        const params: { filterJson?: string; cursor?: string; pageSize: number } = {
            filterJson: this.queryFilterJson,
            pageSize
        };
        if (cursor) {
            params.cursor = cursor;
        }
        queryLogs(params)
            .then((page: LogPage) => {
                if (sequence !== this.requestSequence) {
                    return;
                }
                const rows = (page.rows ?? []).map(tableRowOf);
                this.rows = append ? [...this.rows, ...rows] : rows;
                this.hasMore = page.hasMore;
                this.nextCursor = page.nextCursor;
                this.errorMessage = undefined;
                this.filterErrorMessage = undefined;
                this.noAccessMessage = undefined;
            })
            .catch((error: unknown) => {
                if (sequence !== this.requestSequence) {
                    return;
                }
                const message = readErrorMessage(error, 'The log rows could not be loaded.');
                this.noAccessMessage = undefined;
                this.filterErrorMessage = undefined;
                this.errorMessage = undefined;
                if (message === NO_CONSOLE_ACCESS || message.includes('Relay Admin permission set')) {
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
            })
            .finally(() => {
                if (sequence === this.requestSequence) {
                    this.isLoading = false;
                    this.isLoadingMore = false;
                }
            });
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
            this.detailLogId = row.id;
            this.focusDetail = true;
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
        if (!confirmed) {
            return;
        }
        this.isActing = true;
        try {
            const result: OperationResult = replay
                ? await replayLogs({ logIds: ids, withCurrentData })
                : await cancelLogs({ logIds: ids });
            const incomplete = (result.skipped ?? 0) + (result.failed ?? 0) > 0;
            this.toast({
                title: replay ? 'Replay done' : 'Cancel done',
                message: result.message,
                variant: incomplete ? 'warning' : 'success'
            });
            this.reloadShown();
        } catch (error) {
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
        const words = describeFilter(this.filter, Date.now());
        const message = replay
            ? `Replay every Dead Letter or Cancelled row matching: ${words}? A batch job replays them with their stored requests; progress is shown here.`
            : `Cancel every Queued or Retry Scheduled row matching: ${words}? A batch job cancels them; progress is shown here.`;
        const confirmed = await confirmDialog.open({
            message,
            label: replay ? 'Replay all matching rows' : 'Cancel all matching rows',
            theme: replay ? 'warning' : 'error'
        });
        if (!confirmed) {
            return;
        }
        this.isActing = true;
        this.operationError = undefined;
        const filterJson = JSON.stringify(filterJsonOf(this.filter, Date.now()));
        try {
            const result: OperationResult = replay
                ? await replayMatching({ filterJson, withCurrentData: false })
                : await cancelMatching({ filterJson });
            this.toast({
                title: replay ? 'Replay started' : 'Cancel started',
                message: result.message,
                variant: 'info'
            });
            if (result.operationId) {
                this.operation = {
                    operationId: result.operationId,
                    operationType: replay ? 'Replay' : 'Cancel',
                    status: 'Queued',
                    finished: false,
                    matched: result.requested
                };
                this.schedulePoll(0);
            }
        } catch (error) {
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
            this.poll().catch(() => undefined);
        }, delayMs);
    }

    private async poll(): Promise<void> {
        const operationId = this.operation?.operationId;
        if (!operationId || !this.connected) {
            return;
        }
        try {
            const progress = await getOperation({ operationId });
            if (!this.connected) {
                return;
            }
            this.operation = progress;
            this.operationError = undefined;
            if (progress.finished) {
                this.finishOperation(progress);
            } else {
                this.schedulePoll(POLL_INTERVAL_MS);
            }
        } catch (error) {
            if (!this.connected) {
                return;
            }
            // One failed read does not end the operation: say so and keep following it.
            this.operationError = `Progress could not be read: ${readErrorMessage(error)} Trying again in 3 seconds.`;
            this.schedulePoll(POLL_INTERVAL_MS);
        }
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
    }

    get showOperation(): boolean {
        return this.operation !== undefined;
    }

    get operationPercent(): number {
        const matched = this.operation?.matched ?? 0;
        if (!this.operation || matched <= 0) {
            return this.operation?.finished ? 100 : 0;
        }
        const done = (this.operation.processed ?? 0) + (this.operation.skipped ?? 0) + (this.operation.failed ?? 0);
        return Math.min(100, Math.round((done / matched) * 100));
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
        const done = (operation.processed ?? 0) + (operation.skipped ?? 0) + (operation.failed ?? 0);
        const matched =
            operation.matched === undefined ? 'the matching rows' : operation.matched.toLocaleString('en-US');
        return `${done.toLocaleString('en-US')} of ${matched} rows handled · ${operation.processed ?? 0} done, ${operation.skipped ?? 0} skipped, ${operation.failed ?? 0} failed`;
    }

    get operationDetails(): string | undefined {
        return this.operation?.finished ? this.operation.details : undefined;
    }

    handleDismissOperation(): void {
        clearTimeout(this.pollTimer);
        this.operation = undefined;
        this.operationError = undefined;
    }

    get showDismissOperation(): boolean {
        return Boolean(this.operation?.finished);
    }

    get showDetail(): boolean {
        return this.detailLogId !== undefined;
    }

    private toast(init: ShowToastEventInit): void {
        this.dispatchEvent(new ShowToastEvent(init));
    }
}
