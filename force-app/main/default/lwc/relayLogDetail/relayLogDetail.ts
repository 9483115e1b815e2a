import { LightningElement, api, wire } from 'lwc';
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
    } catch {
        return text;
    }
}

function dataUrl(text: string, type: string): string {
    return `data:${type};charset=utf-8,${encodeURIComponent(text)}`;
}

/**
 * One log row in full, under the console's table: its keys, acknowledgement, request snapshot and response excerpt,
 * each copyable and downloadable.
 */
export default class RelayLogDetail extends LightningElement {
    @api logId?: string;

    wiredDetail?: WiredDetail;

    @wire(getLogDetail, { logId: '$logId' })
    receiveDetail(value: WiredDetail): void {
        this.wiredDetail = value;
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

    get snapshotUrl(): string {
        return dataUrl(this.snapshotText ?? '', 'application/json');
    }

    get responseUrl(): string {
        return dataUrl(this.responseText ?? '', 'text/plain');
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
        } catch {
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
