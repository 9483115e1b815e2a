import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import getRecordSyncStatus from '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus';
import type { SyncStatusEntry, SyncStatus } from 'relay/apex-types';

interface WiredStatuses {
    data?: SyncStatusEntry[];
    error?: unknown;
}

/** How each status reads to a rep: a badge style and a sentence that says what happens next. */
const STATUS_PRESENTATION: Record<SyncStatus, { badgeClass: string; summary: string }> = {
    Queued: { badgeClass: 'slds-badge', summary: 'Waiting to be sent.' },
    'In Progress': { badgeClass: 'slds-badge slds-badge_inverse', summary: 'Being sent now.' },
    'Retry Scheduled': { badgeClass: 'slds-badge slds-theme_warning', summary: 'Sending failed; Relay will retry.' },
    Delivered: { badgeClass: 'slds-badge slds-theme_success', summary: 'Accepted by the receiving system.' },
    'Dead Letter': {
        badgeClass: 'slds-badge slds-theme_error',
        summary: 'Not delivered after the last retry. An admin can replay it.'
    },
    Cancelled: { badgeClass: 'slds-badge slds-badge_lightest', summary: 'Cancelled; nothing will be sent.' }
};

export interface SyncStatusRow extends SyncStatusEntry {
    badgeClass: string;
    summary: string;
    attemptsLabel: string;
    hasError: boolean;
}

/**
 * Record page card: where this record stands in each outbound integration.
 */
export default class RecordSyncStatus extends LightningElement {
    @api recordId?: string;

    wiredStatuses?: WiredStatuses;
    isRefreshing = false;

    @wire(getRecordSyncStatus, { recordId: '$recordId' })
    receiveStatuses(value: WiredStatuses): void {
        this.wiredStatuses = value;
    }

    get isLoading(): boolean {
        return this.wiredStatuses === undefined || (!this.wiredStatuses.data && !this.wiredStatuses.error);
    }

    get errorMessage(): string | undefined {
        const error = this.wiredStatuses?.error;
        return error === undefined ? undefined : readErrorMessage(error);
    }

    get rows(): SyncStatusRow[] {
        return (this.wiredStatuses?.data ?? []).map((status) => {
            const presentation = STATUS_PRESENTATION[status.status] ?? {
                badgeClass: 'slds-badge',
                summary: ''
            };
            return {
                ...status,
                ...presentation,
                attemptsLabel: status.attempts === 1 ? '1 attempt' : `${status.attempts} attempts`,
                hasError: Boolean(status.errorCategory)
            };
        });
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.errorMessage && this.rows.length === 0;
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    async handleRefresh(): Promise<void> {
        this.isRefreshing = true;
        try {
            await refreshApex(this.wiredStatuses);
        } finally {
            this.isRefreshing = false;
        }
    }
}

/** Apex errors arrive as `{ body: { message } }`; network and script errors as `Error`. */
export function readErrorMessage(error: unknown): string {
    if (typeof error === 'object' && error !== null) {
        const body = (error as { body?: unknown }).body;
        if (typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string') {
            return (body as { message: string }).message;
        }
        if (error instanceof Error && error.message) {
            return error.message;
        }
    }
    return 'The sync status could not be loaded.';
}
