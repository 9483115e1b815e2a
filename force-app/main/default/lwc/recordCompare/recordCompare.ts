import { LightningElement, api } from 'lwc';
import compareRecord from '@salesforce/apexContinuation/IntegrationStatusController.compareRecord';
import type { CompareResult, CompareState } from 'relay/apex-types';
import { readErrorMessage } from 'c/relayFormat';

/** How a comparison that could not be made looks: a title, an icon and the SLDS theme of its notification. */
interface StateLook {
    title: string;
    iconName: string;
    theme: 'info' | 'warning' | 'error';
    /** Whether trying again can help (the receiving system was slow, down or failed). */
    retry: boolean;
}

/** One look per CompareResult state that is not `compared`; the sentence itself is the result's message. */
export const STATE_LOOKS: Record<Exclude<CompareState, 'compared'>, StateLook> = {
    notOffered: { title: 'Comparison not offered', iconName: 'utility:info', theme: 'info', retry: false },
    notFound: { title: 'Not in the external system', iconName: 'utility:search', theme: 'warning', retry: true },
    timeout: { title: 'No answer in time', iconName: 'utility:clock', theme: 'warning', retry: true },
    unreachable: { title: 'External system unreachable', iconName: 'utility:offline', theme: 'warning', retry: true },
    refused: { title: 'Access refused', iconName: 'utility:lock', theme: 'error', retry: false },
    serverError: { title: 'External system error', iconName: 'utility:error', theme: 'error', retry: true },
    malformed: { title: 'Unreadable answer', iconName: 'utility:warning', theme: 'warning', retry: false },
    failed: { title: 'Comparison failed', iconName: 'utility:error', theme: 'error', retry: true },
    noCredentialAccess: { title: 'No access to the credential', iconName: 'utility:key', theme: 'error', retry: false }
};

const UNKNOWN_LOOK: StateLook = { title: 'Comparison failed', iconName: 'utility:error', theme: 'error', retry: true };

export interface CompareRow {
    key: string;
    salesforce: string;
    external: string;
    differs: boolean;
    rowClass: string;
}

/** A CompareField value (JSON text) as a person reads it: strings unquoted, null and absent as "(no value)". */
export function displayValue(json: string | undefined): string {
    if (json === undefined || json === '' || json === 'null') {
        return '(no value)';
    }
    try {
        const value: unknown = JSON.parse(json);
        if (value === null) {
            return '(no value)';
        }
        return typeof value === 'string' ? value : JSON.stringify(value);
    } catch (ignored) {
        return json;
    }
}

/**
 * "Compare with the external system" for one integration: the receiving system's current view of the record beside
 * Salesforce's (docs/ui-api.md, compareRecord), differences marked in words as well as color.
 */
export default class RecordCompare extends LightningElement {
    @api recordId?: string;
    @api integration?: string;

    result?: CompareResult;
    errorMessage?: string;
    isLoading = false;

    private focusHeading = false;

    override connectedCallback(): void {
        this.loadInBackground();
    }

    override renderedCallback(): void {
        if (this.focusHeading && !this.isLoading) {
            this.focusHeading = false;
            (this.template?.querySelector('[data-id="heading"]') as HTMLElement | null)?.focus();
        }
    }

    get heading(): string {
        return `${this.integration ?? ''} compared with Salesforce`;
    }

    get isCompared(): boolean {
        return this.result?.state === 'compared';
    }

    get look(): StateLook | undefined {
        const state = this.result?.state;
        if (!state || state === 'compared') {
            return undefined;
        }
        return (STATE_LOOKS as Record<string, StateLook | undefined>)[state] ?? UNKNOWN_LOOK;
    }

    get notificationClass(): string {
        const theme = this.look?.theme ?? 'info';
        const variant = theme === 'info' ? 'slds-scoped-notification_light' : `slds-theme_${theme}`;
        return `slds-scoped-notification slds-media slds-media_center ${variant}`;
    }

    get iconVariant(): string | undefined {
        return this.look?.theme === 'info' ? undefined : 'inverse';
    }

    get stateName(): string {
        return this.result?.state ?? '';
    }

    get stateMessage(): string {
        return this.result?.message ?? 'The comparison could not be made.';
    }

    get showRetry(): boolean {
        return !this.isLoading && (this.errorMessage !== undefined || this.look?.retry === true || this.isCompared);
    }

    get summary(): string {
        return this.result?.message ?? '';
    }

    get rows(): CompareRow[] {
        return (this.result?.fields ?? []).map((field) => ({
            key: field.key,
            salesforce: displayValue(field.salesforceValue),
            external: displayValue(field.externalValue),
            differs: field.differs,
            rowClass: field.differs ? 'differs' : ''
        }));
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get externalOnlyKeys(): string[] {
        return this.result?.externalOnlyKeys ?? [];
    }

    get hasExternalOnly(): boolean {
        return this.externalOnlyKeys.length > 0;
    }

    get checkedAt(): string | undefined {
        return this.result?.checkedAt;
    }

    get externalChangedAt(): string | undefined {
        return this.result?.externalChangedAt;
    }

    handleRetry(): void {
        this.loadInBackground();
    }

    handleClose(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    private async load(): Promise<void> {
        if (!this.recordId || !this.integration) {
            return;
        }
        this.isLoading = true;
        this.errorMessage = undefined;
        try {
            this.result = await compareRecord({ recordId: this.recordId, integration: this.integration });
        } catch (error) {
            this.result = undefined;
            this.errorMessage = readErrorMessage(error, 'The comparison could not be made. Try again.');
        } finally {
            this.isLoading = false;
        }
        // The answer replaces the spinner: take the rep's focus to it.
        this.focusHeading = true;
    }

    /** load() never rejects: a failure becomes errorMessage. */
    private loadInBackground(): void {
        this.load().catch(() => undefined);
    }
}
