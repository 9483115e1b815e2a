import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { NavigationMixin } from 'lightning/navigation';
import type { PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import type { ShowToastEventInit } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import locale from '@salesforce/i18n/locale';
import hasReplayPermission from '@salesforce/customPermission/Relay_Replay_Logs';
import getDeadLetterSummary from '@salesforce/apex/RelayConsoleController.getDeadLetterSummary';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import getOperation from '@salesforce/apex/RelayConsoleController.getOperation';
import replayMatching from '@salesforce/apex/RelayConsoleController.replayMatching';
import type { DeadLetterGroup, DeadLetterSummary, OperationProgress } from 'relay/apex-types';
import { readErrorMessage, isConsoleRefusal, ALL_INTEGRATIONS, integrationPickerOptions } from 'c/relayFormat';

interface Wired<T> {
    data?: T;
    error?: unknown;
}

interface ConfirmOptions {
    message: string;
    label: string;
    theme?: 'default' | 'warning' | 'error' | 'info' | 'success';
}

/** lightning/confirm's static open(), which @salesforce/lightning-types does not declare. */
const confirmDialog = LightningConfirm as unknown as { open(options: ConfirmOptions): Promise<boolean> };

/** How often a running replay is read again (getOperation). */
export const POLL_MS = 3000;
/** After a failed read the next one waits twice as long (6 s, 12 s, 24 s), at most this long. */
export const MAX_POLL_MS = 30_000;
/** Consecutive failed reads before the panel stops following the batch and says so. */
export const MAX_READ_FAILURES = 5;

/** The wait before the next read after `failures` consecutive failed reads: 3 s, 6 s, 12 s, 24 s, 30 s. */
export function pollDelay(failures: number): number {
    return Math.min(MAX_POLL_MS, POLL_MS * 2 ** failures);
}
/** RelayUiAccess.NO_CONSOLE_ACCESS begins with these words: the refusal gets a designed message, not an error. */
export const NO_DEAD_LETTERS = 'No dead letters. Every change reached its receiver or is still being retried.';
const UNCATEGORIZED = 'Uncategorized';

const numberFormat = new Intl.NumberFormat(locale);

export function formatCount(value: number, capped = false): string {
    return capped ? `${numberFormat.format(value)}+` : numberFormat.format(value);
}

function plural(count: number, one: string, many: string): string {
    return count === 1 ? one : many;
}

export interface GroupView {
    key: string;
    category: string;
    errorCategory?: string;
    count: number;
    countLabel: string;
    barStyle: string;
    latestAt?: string;
    /** Assistive text after "View logs": " of Timeout dead letters". */
    nameSuffix: string;
    /** Assistive text after "Replay all": " 812 Timeout dead letters". */
    replaySuffix: string;
    canReplay: boolean;
}

interface RunningReplay {
    title: string;
    integration?: string;
    category: string;
    /** The batch being followed (kept while the tab is away, so that its progress is read again on return). */
    operationId?: string;
    progress?: OperationProgress;
    /** Why the last read failed while reads are retried. */
    readProblem?: string;
    /** The sentence shown once the batch finished or could not be followed. */
    outcome?: string;
    variant?: ShowToastEventInit['variant'];
}

/** The toast and the sentence for a finished replay batch. */
export function replayOutcome(progress: OperationProgress): ShowToastEventInit {
    const processed = progress.processed ?? 0;
    const skipped = progress.skipped ?? 0;
    const failed = progress.failed ?? 0;
    const parts = [`${formatCount(processed)} queued again`];
    if (skipped > 0) {
        parts.push(`${formatCount(skipped)} skipped`);
    }
    if (failed > 0) {
        parts.push(`${formatCount(failed)} failed`);
    }
    const counts = `${parts.join(', ')}.`;
    if (progress.status === 'Failed' || progress.status === 'Stopped') {
        return {
            title: `Replay ${progress.status.toLowerCase()}`,
            message: progress.details ? `${counts} ${progress.details}` : counts,
            variant: 'error',
            mode: 'sticky'
        };
    }
    return {
        title: 'Replay finished',
        message: progress.details && (skipped > 0 || failed > 0) ? `${counts} ${progress.details}` : counts,
        variant: skipped > 0 || failed > 0 ? 'warning' : 'success'
    };
}

/**
 * Dead letters of the Relay console, grouped by error category (largest first, with a bar each), with "View logs"
 * (the Relay Logs tab, filtered) and "Replay all…" (a confirmed replayMatching batch whose progress is followed).
 */
export default class RelayDeadLetters extends NavigationMixin(LightningElement) {
    integrationValue = ALL_INTEGRATIONS;
    wiredSummary?: Wired<DeadLetterSummary>;
    wiredNames?: Wired<string[]>;
    awaitingAnswer = true;
    replay?: RunningReplay;
    pollTimer?: ReturnType<typeof setTimeout>;
    /** Consecutive failed reads of the batch's progress. */
    readFailures = 0;
    private connected = false;

    readonly hasReplayPermission = hasReplayPermission === true;

    get integrationParam(): string | null {
        return this.integrationValue === ALL_INTEGRATIONS ? null : this.integrationValue;
    }

    @wire(getIntegrationNames)
    receiveNames(value: Wired<string[]>): void {
        this.wiredNames = value;
    }

    @wire(getDeadLetterSummary, { integration: '$integrationParam' })
    receiveSummary(value: Wired<DeadLetterSummary>): void {
        this.wiredSummary = value;
        if (value.data !== undefined || value.error !== undefined) {
            this.awaitingAnswer = false;
        }
    }

    override connectedCallback(): void {
        this.connected = true;
        // Back on the tab (or re-attached) while a batch was followed: read its progress now and follow it again.
        const replay = this.replay;
        if (replay?.operationId && replay.outcome === undefined && this.pollTimer === undefined) {
            this.poll(replay.operationId).catch(() => undefined);
        }
    }

    override disconnectedCallback(): void {
        this.connected = false;
        this.stopPolling();
    }

    get integrationOptions(): { label: string; value: string }[] {
        return integrationPickerOptions(this.wiredNames?.data);
    }

    get isLoading(): boolean {
        return this.awaitingAnswer;
    }

    get errorText(): string | undefined {
        const error = this.wiredSummary?.error;
        return error === undefined || this.isLoading ? undefined : readErrorMessage(error);
    }

    get isNoAccess(): boolean {
        return isConsoleRefusal(this.errorText);
    }

    /** Without console access there is nothing to filter. */
    get showFilters(): boolean {
        return !this.isNoAccess;
    }

    get errorMessage(): string | undefined {
        return this.isNoAccess ? undefined : this.errorText;
    }

    get summary(): DeadLetterSummary | undefined {
        return this.isLoading || this.errorText ? undefined : this.wiredSummary?.data;
    }

    get isEmpty(): boolean {
        const summary = this.summary;
        return summary !== undefined && (summary.total === 0 || summary.groups.length === 0);
    }

    get hasGroups(): boolean {
        return this.summary !== undefined && !this.isEmpty;
    }

    get noDeadLettersMessage(): string {
        return NO_DEAD_LETTERS;
    }

    get scopeLabel(): string {
        return this.integrationParam === null ? 'across all integrations' : `of ${this.integrationParam}`;
    }

    get totalLabel(): string {
        const summary = this.summary;
        if (!summary) {
            return '';
        }
        if (summary.capped) {
            return `${formatCount(summary.cap, true)} dead letters ${this.scopeLabel}`;
        }
        return `${formatCount(summary.total)} ${plural(summary.total, 'dead letter', 'dead letters')} ${this.scopeLabel}`;
    }

    get cappedNote(): string | undefined {
        const summary = this.summary;
        if (!summary?.capped) {
            return undefined;
        }
        return (
            `Counts stop at ${formatCount(summary.cap)} (and at 3,000 per category, shown with +) to stay within ` +
            'the query limits of one request: a receiver that was down for a day can leave far more. Replay a ' +
            'category, then refresh to count the rest.'
        );
    }

    get tableCaption(): string {
        return `Dead letters ${this.scopeLabel} by error category, largest first`;
    }

    get replayRunning(): boolean {
        return this.replay !== undefined && this.replay.outcome === undefined;
    }

    get groups(): GroupView[] {
        const groups = [...(this.summary?.groups ?? [])].sort((a, b) => b.count - a.count);
        const largest = Math.max(1, ...groups.map((group) => group.count));
        return groups.map((group: DeadLetterGroup) => {
            const category = group.errorCategory ?? UNCATEGORIZED;
            const countLabel = formatCount(group.count, group.capped);
            return {
                key: category,
                category,
                errorCategory: group.errorCategory,
                count: group.count,
                countLabel,
                barStyle: `width: ${Math.max(1, Math.round((group.count / largest) * 100))}%`,
                latestAt: group.latestAt,
                nameSuffix: ` of ${category} dead letters`,
                replaySuffix: ` ${countLabel} ${category} dead letters`,
                // An uncategorized group cannot be replayed by filter: without a category it would replay them all.
                canReplay: this.hasReplayPermission && group.errorCategory !== undefined && group.errorCategory !== null
            };
        });
    }

    get showReplayColumn(): boolean {
        return this.hasReplayPermission;
    }

    get replayTitle(): string {
        return this.replay?.title ?? '';
    }

    get progressPercent(): number {
        const progress = this.replay?.progress;
        if (!progress?.matched) {
            return progress?.finished ? 100 : 0;
        }
        const done = (progress.processed ?? 0) + (progress.skipped ?? 0) + (progress.failed ?? 0);
        return Math.min(100, Math.round((done / progress.matched) * 100));
    }

    get progressLine(): string {
        const progress = this.replay?.progress;
        if (!progress) {
            return 'Starting the replay…';
        }
        if (progress.matched === undefined || progress.matched === null) {
            return `${progress.status}: counting the dead letters to replay…`;
        }
        const done = (progress.processed ?? 0) + (progress.skipped ?? 0) + (progress.failed ?? 0);
        return `${progress.status}: ${formatCount(done)} of ${formatCount(progress.matched)} done`;
    }

    /** While reads fail and are retried: what failed and when the next read is. */
    get readProblem(): string | undefined {
        return this.replay?.outcome === undefined ? this.replay?.readProblem : undefined;
    }

    get replayOutcomeText(): string | undefined {
        return this.replay?.outcome;
    }

    /** Green only for a clean replay; a warning (rows skipped or failed) reads as plain text, an error in red. */
    get replayOutcomeClass(): string {
        switch (this.replay?.variant) {
            case 'error':
                return 'slds-text-color_error';
            case 'success':
                return 'slds-text-color_success';
            default:
                return 'slds-text-color_default';
        }
    }

    handleIntegrationChange(event: CustomEvent<{ value: string }>): void {
        if (event.detail.value !== this.integrationValue) {
            this.integrationValue = event.detail.value;
            this.awaitingAnswer = true;
        }
    }

    async handleRefresh(): Promise<void> {
        await refreshApex(this.wiredSummary);
    }

    handleViewLogs(event: Event): void {
        const category = (event.currentTarget as HTMLElement).dataset.category;
        const state: Record<string, string> = { c__status: 'Dead Letter', c__range: '7d' };
        if (category) {
            state.c__errorCategory = category;
        }
        if (this.integrationParam !== null) {
            state.c__integration = this.integrationParam;
        }
        const pageReference: PageReference = {
            type: 'standard__navItemPage',
            attributes: { apiName: 'Relay_Logs' },
            state
        };
        this[NavigationMixin.Navigate](pageReference);
    }

    async handleReplay(event: Event): Promise<void> {
        const category = (event.currentTarget as HTMLElement).dataset.category ?? '';
        const group = this.groups.find((candidate) => candidate.errorCategory === category);
        if (!group || this.replayRunning) {
            return;
        }
        const integration = this.integrationParam ?? undefined;
        const where = integration ? `of ${integration}` : 'of every integration';
        const confirmed = await confirmDialog.open({
            label: 'Replay dead letters',
            message:
                `Replay all ${group.countLabel} ${category} dead letters ${where}? Each is sent again with the ` +
                'payload stored when it was captured. Fix the cause first, or they fail again.',
            theme: 'warning'
        });
        if (!confirmed || !this.connected || this.replayRunning) {
            return;
        }
        this.replay = { title: `Replay of the ${category} dead letters ${where}`, integration, category };
        this.readFailures = 0;
        try {
            const result = await replayMatching({
                filterJson: JSON.stringify({ integration, statuses: ['Dead Letter'], errorCategory: category }),
                withCurrentData: false
            });
            if (result.operationId) {
                this.replay = { ...this.replay, operationId: result.operationId };
                if (this.connected) {
                    this.focusProgress();
                    this.schedulePoll(result.operationId);
                }
                // Removed meanwhile: connectedCallback follows the batch when the tab is back.
            } else {
                this.finish(result.message, { title: 'Replay', message: result.message, variant: 'success' });
            }
        } catch (error) {
            const message = readErrorMessage(error);
            this.finish(message, { title: 'Replay not started', message, variant: 'error', mode: 'sticky' });
        }
    }

    schedulePoll(operationId: string, delayMs = POLL_MS): void {
        this.stopPolling();
        if (!this.connected) {
            return;
        }
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- polling a batch's progress row every 3 s
        this.pollTimer = setTimeout(() => {
            this.poll(operationId).catch(() => undefined);
        }, delayMs);
    }

    async poll(operationId: string): Promise<void> {
        this.pollTimer = undefined;
        if (!this.replay || !this.connected) {
            return;
        }
        let progress: OperationProgress;
        try {
            progress = await getOperation({ operationId });
        } catch (error) {
            if (this.connected && this.replay?.operationId === operationId) {
                this.readFailed(operationId, readErrorMessage(error));
            }
            return;
        }
        // Left the tab (or dismissed, or another batch) while reading: nothing to show; the return reads again.
        if (!this.connected || this.replay?.operationId !== operationId) {
            return;
        }
        this.readFailures = 0;
        this.replay = { ...this.replay, progress, readProblem: undefined };
        if (progress.finished) {
            const toast = replayOutcome(progress);
            this.finish(`${toast.title}: ${toast.message}`, toast);
        } else {
            this.schedulePoll(operationId);
        }
    }

    /** A read failed: try again later (6 s, 12 s, 24 s, 30 s), and give up, saying so, after 5 failures in a row. */
    private readFailed(operationId: string, reason: string): void {
        this.readFailures += 1;
        if (this.readFailures >= MAX_READ_FAILURES) {
            const message =
                `The replay's progress could not be read ${this.readFailures} times in a row (${reason}). ` +
                'The batch may still be running: refresh the counts later, or look at the operation in Relay Logs.';
            this.finish(message, { title: 'Replay', message, variant: 'error', mode: 'sticky' });
            return;
        }
        const delayMs = pollDelay(this.readFailures);
        if (this.replay) {
            this.replay = {
                ...this.replay,
                readProblem: `The progress could not be read (${reason}). Trying again in ${delayMs / 1000} s.`
            };
        }
        this.schedulePoll(operationId, delayMs);
    }

    finish(outcome: string, toast: ShowToastEventInit): void {
        if (this.replay) {
            this.replay = { ...this.replay, outcome, variant: toast.variant, readProblem: undefined };
        }
        if (!this.connected) {
            // The panel keeps the outcome for the return; no toast from a page that is not shown.
            return;
        }
        this.dispatchEvent(new ShowToastEvent(toast));
        refreshApex(this.wiredSummary).catch(() => undefined);
        this.focusProgress();
    }

    stopPolling(): void {
        if (this.pollTimer !== undefined) {
            clearTimeout(this.pollTimer);
            this.pollTimer = undefined;
        }
    }

    handleDismiss(): void {
        this.stopPolling();
        this.replay = undefined;
        this.template?.querySelector<HTMLElement>('[data-id="total"]')?.focus();
    }

    /** Moves focus to the replay's status region once it has rendered (the confirm dialog took focus away). */
    focusProgress(): void {
        // The region rendered when `replay` was set, before the awaited Apex call answered.
        this.template?.querySelector<HTMLElement>('[data-id="replay"]')?.focus();
    }
}
