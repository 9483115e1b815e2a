import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getLogDetail from '@salesforce/apex/RelayConsoleController.getLogDetail';
import { readErrorMessage, statusBadge } from 'c/relayFormat';
import type { LogDetail } from 'relay/apex-types';

/** RelayConsoleController.getLogDetail's refusal for an admin without read on the snapshot and response fields. */
export const NO_FIELD_ACCESS = 'You cannot read the request snapshot and response fields of Integration Logs.';
export const NO_SNAPSHOT =
    'No snapshot: the row was never sent, or its snapshot was cleared by retention after delivery.';
export const NO_RESPONSE = 'No response excerpt: the receiver has not answered this row yet, or answered with no body.';

interface WiredDetail {
    data?: LogDetail;
    error?: unknown;
}

/** Pretty-printed JSON when the text is JSON; otherwise the text as it is. */
export function prettyJson(text: string): string {
    try {
        return JSON.stringify(JSON.parse(text), null, 2);
    } catch (ignored) {
        return text;
    }
}

/** How long a download's object URL lives after its click: the browser reads the Blob after the click returns. */
export const DOWNLOAD_URL_LIFETIME_MS = 10_000;

/**
 * Saves text as a file. Lightning Web Security blocks data: URIs in links, so the text becomes a Blob behind an
 * object URL that a temporary link downloads. LWS accepts a plain MIME type only (no `;charset=` parameter).
 */
export function downloadText(text: string, type: 'application/json' | 'text/plain', fileName: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.click();
    // Revoked once the download has had time to start (revoking at once can cancel it in some browsers).
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_LIFETIME_MS);
}

/**
 * One log row in full, under the console's table: its keys, acknowledgement, request snapshot and response excerpt,
 * each copyable and downloadable.
 */
export default class RelayLogDetail extends LightningElement {
    private shownLogId?: string;

    /** The row shown. Another row: the panel loads it (the previous row's detail is not shown meanwhile). */
    @api
    get logId(): string | undefined {
        return this.shownLogId;
    }
    set logId(value: string | undefined) {
        if (value !== this.shownLogId) {
            this.shownLogId = value;
            this.wiredDetail = undefined;
            this.refreshWhenRead = false;
        }
    }

    wiredDetail?: WiredDetail;
    /** refresh() was asked for before the row was read: the first answer (maybe cached) is read again. */
    private refreshWhenRead = false;

    @wire(getLogDetail, { logId: '$logId' })
    receiveDetail(value: WiredDetail): void {
        this.wiredDetail = value;
        if (this.refreshWhenRead && (value.data !== undefined || value.error !== undefined)) {
            this.refreshWhenRead = false;
            refreshApex(value).catch(() => undefined);
        }
    }

    /**
     * Reads the row again (getLogDetail is cacheable: after a replay or cancel, or when a row is opened again, the
     * cached answer would show the old status).
     */
    @api
    refresh(): Promise<void> {
        if (!this.wiredDetail || this.isLoading) {
            this.refreshWhenRead = true;
            return Promise.resolve();
        }
        return refreshApex(this.wiredDetail);
    }

    /** Moves focus to the panel's heading (the console calls it after "View details"). */
    @api
    focus(): void {
        this.template?.querySelector<HTMLElement>('[data-id="heading"]')?.focus();
    }

    get detail(): LogDetail | undefined {
        return this.wiredDetail?.data;
    }

    get isLoading(): boolean {
        return !this.wiredDetail || (!this.wiredDetail.data && this.wiredDetail.error === undefined);
    }

    get errorText(): string | undefined {
        const error = this.wiredDetail?.error;
        return error === undefined ? undefined : readErrorMessage(error, 'The log row could not be loaded.');
    }

    get noFieldAccess(): boolean {
        return this.errorText === NO_FIELD_ACCESS;
    }

    get errorMessage(): string | undefined {
        return this.noFieldAccess ? undefined : this.errorText;
    }

    get heading(): string {
        return this.detail ? `Log row ${this.detail.row.name}` : 'Log row';
    }

    get statusLabel(): string {
        return this.detail ? statusBadge(this.detail.row.status).label : '';
    }

    get statusClass(): string {
        return this.detail ? statusBadge(this.detail.row.status).badgeClass : 'slds-badge';
    }

    get summary(): string {
        const row = this.detail?.row;
        if (!row) {
            return '';
        }
        const parts = [row.integration];
        if (row.sourceObject || row.operation) {
            parts.push([row.sourceObject, row.operation].filter(Boolean).join(' '));
        }
        parts.push(row.attempts === 1 ? '1 attempt' : `${row.attempts} attempts`);
        if (row.httpStatus !== undefined) {
            parts.push(`HTTP ${row.httpStatus}`);
        }
        if (row.errorCategory) {
            parts.push(row.errorCategory);
        }
        return parts.join(' · ');
    }

    get fields(): Array<{ label: string; value: string; key: string }> {
        const detail = this.detail;
        if (!detail) {
            return [];
        }
        const entries: Array<[string, string | undefined]> = [
            ['Record', detail.row.recordId],
            ['Idempotency key', detail.idempotencyKey],
            ['Correlation id', detail.row.correlationId],
            ['External record id', detail.externalRecordId],
            ['Error', detail.row.errorMessage]
        ];
        return entries.map(([label, value]) => ({ key: label, label, value: value ?? '—' }));
    }

    get acknowledgement(): string {
        const detail = this.detail;
        if (!detail?.acknowledgedAt) {
            return 'Not acknowledged by the receiver yet.';
        }
        return detail.acknowledgementMessage
            ? `Acknowledged: ${detail.acknowledgementMessage}`
            : 'Acknowledged by the receiver.';
    }

    get acknowledgedAt(): string | undefined {
        return this.detail?.acknowledgedAt;
    }

    get snapshotText(): string | undefined {
        const snapshot = this.detail?.requestSnapshot;
        return snapshot ? prettyJson(snapshot) : undefined;
    }

    get responseText(): string | undefined {
        return this.detail?.responseExcerpt || undefined;
    }

    get snapshotFileName(): string {
        return `${this.detail?.row.name ?? 'log'}-request.json`;
    }

    get responseFileName(): string {
        return `${this.detail?.row.name ?? 'log'}-response.txt`;
    }

    readonly noSnapshot = NO_SNAPSHOT;
    readonly noResponse = NO_RESPONSE;
    readonly noFieldAccessMessage = NO_FIELD_ACCESS;

    handleCopySnapshot(): Promise<void> {
        return this.copy(this.snapshotText, 'Request snapshot');
    }

    handleCopyResponse(): Promise<void> {
        return this.copy(this.responseText, 'Response excerpt');
    }

    handleDownloadSnapshot(): void {
        downloadText(this.snapshotText ?? '', 'application/json', this.snapshotFileName);
    }

    handleDownloadResponse(): void {
        downloadText(this.responseText ?? '', 'text/plain', this.responseFileName);
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    private async copy(text: string | undefined, what: string): Promise<void> {
        if (!text) {
            return;
        }
        try {
            await navigator.clipboard.writeText(text);
            this.dispatchEvent(
                new ShowToastEvent({
                    title: `${what} copied`,
                    message: 'Paste it where you need it.',
                    variant: 'success'
                })
            );
        } catch (ignored) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: `${what} not copied`,
                    message: 'The browser did not allow copying: select the text and copy it, or download it.',
                    variant: 'error'
                })
            );
        }
    }
}
