import { LightningElement } from 'lwc';
import LOCALE from '@salesforce/i18n/locale';
import TIME_ZONE from '@salesforce/i18n/timeZone';
import getSetupCheck from '@salesforce/apex/RelayConsoleController.getSetupCheck';
import getSetupCheckNames from '@salesforce/apex/RelayConsoleController.getSetupCheckNames';
import type { SetupCheckResult } from 'relay/apex-types';
import { readErrorMessage } from 'c/relayFormat';

export interface CheckRow extends SetupCheckResult {
    key: string;
    iconName: string;
    iconVariant: string;
    iconText: string;
}

/**
 * The controller's refusals name what the user lacks (RelayUiAccess: console access, then Relay_Manage_Operations;
 * RelaySetupCheck.run repeats the second): "… needs … permission …".
 */
export function isPermissionRefusal(message: string): boolean {
    return /Relay_Manage_Operations|\bneeds\b.*\bpermission\b/i.test(message);
}

/** "7 of 9 checks pass", "All 9 checks pass", "The one check passes". */
export function summarize(results: SetupCheckResult[]): string {
    const passing = results.filter((result) => result.ok).length;
    if (results.length === 1) {
        return passing === 1 ? 'The one check passes' : 'The one check fails';
    }
    if (passing === results.length) {
        return `All ${results.length} checks pass`;
    }
    return `${passing} of ${results.length} checks pass`;
}

/** Failing checks first (what to fix), each group in the order Relay runs them. */
export function toRows(results: SetupCheckResult[]): CheckRow[] {
    return results
        .map((result, index) => ({ result, index }))
        .sort((a, b) => Number(a.result.ok) - Number(b.result.ok) || a.index - b.index)
        .map(({ result, index }) => ({
            ...result,
            key: `${index}-${result.name}`,
            iconName: result.ok ? 'utility:success' : 'utility:error',
            iconVariant: result.ok ? 'success' : 'error',
            iconText: result.ok ? 'Passes' : 'Fails'
        }));
}

// The user's Salesforce locale and time zone, as the base components show times (not the browser's own).
const TIME_FORMAT = new Intl.DateTimeFormat(LOCALE, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    timeZone: TIME_ZONE
});

/**
 * Console tab: what a Relay org is missing (RelaySetupCheck through RelayConsoleController.getSetupCheck), one row
 * per check with the fix, failing checks first. Needs Relay_Manage_Operations; without it the Apex refusal is shown
 * as what to ask for, not as an error.
 */
export default class RelaySetupCheck extends LightningElement {
    isLoading = true;
    results?: SetupCheckResult[];
    errorMessage?: string;
    refusal?: string;
    checkedAt?: number;

    private focusSummary = false;

    override connectedCallback(): void {
        this.run().catch(() => undefined);
    }

    override renderedCallback(): void {
        if (this.focusSummary && !this.isLoading) {
            const summary = this.template?.querySelector<HTMLElement>(
                '[data-id="summary"], [data-id="outcome"], [data-id="no-permission"]'
            );
            if (summary) {
                this.focusSummary = false;
                summary.focus();
            }
        }
    }

    async handleRunAgain(): Promise<void> {
        this.focusSummary = true;
        await this.run();
    }

    private async run(): Promise<void> {
        this.isLoading = true;
        try {
            // One call per check (docs/ui-api.md): Lightning sends the parallel calls in one request; results keep
            // the checks' order.
            const names = await getSetupCheckNames({});
            const perCheck = await Promise.all(names.map((check) => getSetupCheck({ check })));
            this.results = perCheck.flat();
            this.errorMessage = undefined;
            this.refusal = undefined;
            this.checkedAt = Date.now();
        } catch (error) {
            const message = readErrorMessage(error, 'The setup check could not be run. Try again.');
            this.results = undefined;
            this.refusal = isPermissionRefusal(message) ? message : undefined;
            this.errorMessage = this.refusal ? undefined : message;
        } finally {
            this.isLoading = false;
        }
    }

    get rows(): CheckRow[] {
        return toRows(this.results ?? []);
    }

    get hasRows(): boolean {
        return !this.isLoading && this.rows.length > 0;
    }

    get isEmpty(): boolean {
        return !this.isLoading && this.results !== undefined && this.results.length === 0;
    }

    get showError(): boolean {
        return !this.isLoading && this.errorMessage !== undefined;
    }

    get showRefusal(): boolean {
        return !this.isLoading && this.refusal !== undefined;
    }

    get allPass(): boolean {
        return this.rows.length > 0 && this.rows.every((row) => row.ok);
    }

    get summary(): string {
        return summarize(this.results ?? []);
    }

    get summaryIcon(): string {
        return this.allPass ? 'utility:success' : 'utility:warning';
    }

    get summaryIconVariant(): string {
        return this.allPass ? 'success' : 'warning';
    }

    get summaryDetail(): string {
        const checked = this.checkedAt === undefined ? '' : `Checked at ${TIME_FORMAT.format(this.checkedAt)}.`;
        return this.allPass
            ? `${checked} Relay is set up.`.trim()
            : `${checked} Fix the failing checks first: each says how.`.trim();
    }

    get runDisabled(): boolean {
        return this.isLoading;
    }
}
