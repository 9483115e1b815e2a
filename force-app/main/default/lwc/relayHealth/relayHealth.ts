import { LightningElement, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import LightningConfirm from 'lightning/confirm';
import locale from '@salesforce/i18n/locale';
import timeZone from '@salesforce/i18n/timeZone';
import getIntegrationHealth from '@salesforce/apex/RelayConsoleController.getIntegrationHealth';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import resetCircuit from '@salesforce/apex/RelayConsoleController.resetCircuit';
import type { AlertEntry, HealthPoint, IntegrationHealth, LatencyBucket } from 'relay/apex-types';
import type { ChartSeries } from 'c/relayChart';
import {
    formatDuration,
    readErrorMessage,
    toEpochMs,
    isConsoleRefusal,
    ALL_INTEGRATIONS,
    integrationPickerOptions
} from 'c/relayFormat';

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

export const WINDOW_OPTIONS = [
    { label: 'Last hour', value: '1' },
    { label: 'Last 24 hours', value: '24' },
    { label: 'Last 7 days', value: '168' },
    { label: 'Last 31 days', value: '744' }
];

/** RelayUiAccess.NO_CONSOLE_ACCESS begins with these words: the refusal gets a designed message, not an error. */

export const NO_INTEGRATIONS =
    'No integration is configured yet. Add an Integration Setting record (Setup → Custom Metadata Types).';
export const CHOOSE_ONE = 'Choose one integration to see its hourly chart.';

/** Success-rate thresholds: at or above 99 % healthy, at or above 95 % degraded, below failing. */
export const HEALTHY_RATE = 0.99;
export const DEGRADED_RATE = 0.95;

const HOUR_MS = 3_600_000;
/** Figures older than this are read again when the tab becomes visible. */
export const STALE_MS = 5 * 60_000;

interface Tone {
    word: string;
    textClass: string;
    badgeClass: string;
}

const TONES: Record<'healthy' | 'degraded' | 'failing' | 'idle', Tone> = {
    healthy: {
        word: 'Healthy',
        textClass: 'relay-rate relay-rate_success',
        badgeClass: 'slds-badge slds-theme_success'
    },
    degraded: {
        word: 'Degraded',
        textClass: 'relay-rate relay-rate_warning',
        badgeClass: 'slds-badge slds-theme_warning'
    },
    failing: { word: 'Failing', textClass: 'relay-rate relay-rate_error', badgeClass: 'slds-badge slds-theme_error' },
    idle: { word: 'No traffic', textClass: 'relay-rate', badgeClass: 'slds-badge slds-badge_lightest' }
};

/** The tone of a success rate (a fraction 0–1); undefined when nothing finished in the window. */
export function rateTone(successRate: number | undefined): Tone {
    if (successRate === undefined || successRate === null) {
        return TONES.idle;
    }
    if (successRate >= HEALTHY_RATE) {
        return TONES.healthy;
    }
    return successRate >= DEGRADED_RATE ? TONES.degraded : TONES.failing;
}

/** Circuit states as IntegrationCircuitBreaker writes them (CircuitState: Closed, Open, Half Open). */
const CIRCUITS: Record<string, { label: string; badgeClass: string }> = {
    Closed: { label: 'Circuit closed', badgeClass: 'slds-badge slds-theme_success' },
    Open: { label: 'Circuit open', badgeClass: 'slds-badge slds-theme_error' },
    'Half Open': { label: 'Circuit half open (probing)', badgeClass: 'slds-badge slds-theme_warning' }
};

export function circuitBadge(state: string): { label: string; badgeClass: string } {
    return CIRCUITS[state] ?? { label: `Circuit ${state}`, badgeClass: 'slds-badge' };
}

const numberFormat = new Intl.NumberFormat(locale);
const rateFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

export function formatCount(value: number, capped = false): string {
    return capped ? `${numberFormat.format(value)}+` : numberFormat.format(value);
}

/** A success rate fraction as "99.8 %". */
export function formatRate(successRate: number | undefined): string {
    return successRate === undefined || successRate === null ? '—' : `${rateFormat.format(successRate * 100)} %`;
}

/** A latency histogram bucket: "≤ 1 s", "≤ 2 min", … and "> 1 d" above the last bound. */
export function bucketLabel(bucket: LatencyBucket, lastBoundSeconds: number): string {
    return bucket.upToSeconds === undefined || bucket.upToSeconds === null
        ? `> ${formatDuration(lastBoundSeconds * 1000)}`
        : `≤ ${formatDuration(bucket.upToSeconds * 1000)}`;
}

/** A latency in seconds (a bucket's upper bound) as "2 s", "1 h"; "—" when nothing was delivered. */
export function latencyLabel(seconds: number | undefined): string {
    return seconds === undefined || seconds === null ? '—' : formatDuration(seconds * 1000);
}

export function latencySeries(histogram: LatencyBucket[]): ChartSeries {
    const bounds = histogram.map((bucket) => bucket.upToSeconds).filter((bound): bound is number => bound != null);
    const lastBound = bounds.length > 0 ? bounds[bounds.length - 1] : 0;
    return {
        categoryLabel: 'Latency',
        labels: histogram.map((bucket) => bucketLabel(bucket, lastBound)),
        datasets: [{ label: 'Deliveries', values: histogram.map((bucket) => bucket.count), color: 'brand' }]
    };
}

/** Hours per bar: hourly up to 48 hours, then 6-hour bars (7 days: 28 bars), then days (31 days: 31 bars). */
export function hoursPerBar(windowHours: number): number {
    if (windowHours <= 48) {
        return 1;
    }
    return windowHours <= 168 ? 6 : 24;
}

const hourFormat = new Intl.DateTimeFormat(locale, { hour: 'numeric', timeZone });
const dayHourFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: 'numeric', timeZone });
const dayFormat = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone });
const asOfFormat = new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone
});

/**
 * The hourly series as bars over the whole window: Apex sends only the hours that have a rollup row, so the hours
 * without traffic are filled with zeros; long windows are summed into 6-hour or daily bars.
 */
export function hourlySeries(
    points: HealthPoint[],
    windowStart: string,
    windowEnd: string,
    windowHours: number
): ChartSeries {
    const start = Math.floor((toEpochMs(windowStart) ?? 0) / HOUR_MS) * HOUR_MS;
    const end = toEpochMs(windowEnd) ?? start + windowHours * HOUR_MS;
    const barMs = hoursPerBar(windowHours) * HOUR_MS;
    const bars = Math.max(1, Math.ceil((end - start) / barMs));
    const delivered = new Array<number>(bars).fill(0);
    const deadLetters = new Array<number>(bars).fill(0);
    const retries = new Array<number>(bars).fill(0);
    for (const point of points) {
        const at = toEpochMs(point.hourStart);
        if (at === undefined) {
            continue;
        }
        const index = Math.min(bars - 1, Math.max(0, Math.floor((at - start) / barMs)));
        delivered[index] += point.delivered;
        deadLetters[index] += point.deadLetters;
        retries[index] += point.retries;
    }
    const format = barMs === HOUR_MS ? hourFormat : barMs < 24 * HOUR_MS ? dayHourFormat : dayFormat;
    return {
        categoryLabel: barMs === HOUR_MS ? 'Hour' : 'Period starting',
        labels: delivered.map((_, index) => format.format(new Date(start + index * barMs))),
        datasets: [
            { label: 'Delivered', values: delivered, color: 'success' },
            { label: 'Dead letters', values: deadLetters, color: 'error' },
            { label: 'Retries', values: retries, color: 'warning' }
        ]
    };
}

export interface AlertView extends AlertEntry {
    key: string;
    heading: string;
}

export interface HealthView {
    key: string;
    integration: string;
    headingId: string;
    rateLabel: string;
    rateClass: string;
    toneWord: string;
    toneBadgeClass: string;
    outcomesLine: string;
    /** "p50 / p95", for example "2 s / 10 s". */
    latencyLabel: string;
    meanLine: string;
    throughputLabel: string;
    deliveredLabel: string;
    deadLettersLabel: string;
    retriesLabel: string;
    backlogDueLabel: string;
    backlogLaterLabel: string;
    backlogNote?: string;
    oldestWaitingLabel: string;
    oldestWaitingQueuedAt?: string;
    circuitLabel: string;
    circuitBadgeClass: string;
    circuitOpen: boolean;
    circuitReason?: string;
    circuitCategory?: string;
    circuitOpenedAt?: string;
    resumeAt?: string;
    consecutiveFailuresLabel: string;
    showReset: boolean;
    resetting: boolean;
    resetLabel: string;
    alerts: AlertView[];
    hasAlerts: boolean;
    alertsLabel: string;
    showHourly: boolean;
    hourly?: ChartSeries;
    hourlyTitle: string;
    latency: ChartSeries;
    latencyTitle: string;
}

/**
 * Health panel of the Relay console: per integration its success rate, latency, throughput, backlog, circuit (with
 * reset) and open alerts over a chosen window, with an hourly chart (one integration) and the latency histogram.
 */
export default class RelayHealth extends LightningElement {
    windowValue = '24';
    integrationValue = ALL_INTEGRATIONS;
    wiredHealth?: Wired<IntegrationHealth[]>;
    wiredNames?: Wired<string[]>;
    /** True from a filter change until the wire answers for the new filter. */
    awaitingAnswer = true;
    resettingIntegration?: string;
    /** When the shown figures were read (the server's windowEnd; the arrival time if it has none). */
    figuresAt?: number;

    readonly windowOptions = WINDOW_OPTIONS;

    private readonly visibilityListener = (): void => this.refreshIfStale();

    override connectedCallback(): void {
        document.addEventListener('visibilitychange', this.visibilityListener);
    }

    override disconnectedCallback(): void {
        document.removeEventListener('visibilitychange', this.visibilityListener);
    }

    /** A console left open all day: the figures are read again when the tab is looked at and they are old. */
    private refreshIfStale(): void {
        if (document.visibilityState !== 'visible' || this.isLoading || this.wiredHealth?.data === undefined) {
            return;
        }
        if (this.figuresAt === undefined || Date.now() - this.figuresAt >= STALE_MS) {
            refreshApex(this.wiredHealth).catch(() => undefined);
        }
    }

    get windowHours(): number {
        return Number(this.windowValue);
    }

    /** The integration Apex is asked about; null for all of them. */
    get integrationParam(): string | null {
        return this.integrationValue === ALL_INTEGRATIONS ? null : this.integrationValue;
    }

    @wire(getIntegrationNames)
    receiveNames(value: Wired<string[]>): void {
        this.wiredNames = value;
    }

    @wire(getIntegrationHealth, { integration: '$integrationParam', windowHours: '$windowHours' })
    receiveHealth(value: Wired<IntegrationHealth[]>): void {
        this.wiredHealth = value;
        if (value.data !== undefined || value.error !== undefined) {
            this.awaitingAnswer = false;
        }
        if (value.data !== undefined) {
            const ends = value.data.map((health) => toEpochMs(health.windowEnd)).filter((at) => at !== undefined);
            this.figuresAt = ends.length > 0 ? Math.min(...ends) : Date.now();
        }
    }

    get integrationOptions(): { label: string; value: string }[] {
        return integrationPickerOptions(this.wiredNames?.data);
    }

    get isLoading(): boolean {
        return this.awaitingAnswer;
    }

    get errorText(): string | undefined {
        const error = this.wiredHealth?.error;
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

    get healths(): IntegrationHealth[] {
        return this.isLoading || this.errorText ? [] : (this.wiredHealth?.data ?? []);
    }

    get isEmpty(): boolean {
        return !this.isLoading && !this.errorText && this.wiredHealth?.data !== undefined && this.healths.length === 0;
    }

    get hasHealths(): boolean {
        return this.healths.length > 0;
    }

    get noIntegrationsMessage(): string {
        return NO_INTEGRATIONS;
    }

    get chooseOneMessage(): string {
        return CHOOSE_ONE;
    }

    /** "As of Nov 20, 4:00 AM", in the user's locale and time zone. */
    get asOfLabel(): string {
        return this.figuresAt === undefined ? '' : `As of ${asOfFormat.format(this.figuresAt)}`;
    }

    get windowLabel(): string {
        return (WINDOW_OPTIONS.find((option) => option.value === this.windowValue) ?? WINDOW_OPTIONS[1]).label;
    }

    get views(): HealthView[] {
        const single = this.integrationParam !== null;
        return this.healths.map((health) => {
            const tone = rateTone(health.successRate);
            const circuit = circuitBadge(health.circuitState);
            const open = health.circuitState !== 'Closed';
            const resetting = this.resettingIntegration === health.integration;
            const finished = health.delivered + health.deadLetters;
            const showHourly = single || health.series.length > 0;
            return {
                key: health.integration,
                integration: health.integration,
                headingId: `health-${health.integration}`,
                rateLabel: formatRate(health.successRate),
                rateClass: tone.textClass,
                toneWord: tone.word,
                toneBadgeClass: tone.badgeClass,
                outcomesLine:
                    finished === 0
                        ? 'Nothing was delivered or dead-lettered in this window.'
                        : `${formatCount(health.delivered)} of ${formatCount(finished)} finished changes delivered`,
                latencyLabel: `${latencyLabel(health.p50LatencySeconds)} / ${latencyLabel(health.p95LatencySeconds)}`,
                meanLine:
                    health.meanLatencySeconds === undefined || health.meanLatencySeconds === null
                        ? 'No deliveries to measure.'
                        : `Mean ${formatDuration(health.meanLatencySeconds * 1000)}`,
                throughputLabel: `${rateFormat.format(health.throughputPerHour ?? 0)} per hour`,
                deliveredLabel: formatCount(health.delivered),
                deadLettersLabel: formatCount(health.deadLetters),
                retriesLabel: formatCount(health.retries),
                backlogDueLabel: formatCount(
                    health.backlogDue,
                    health.backlogCapped && health.backlogDue >= health.backlogCap
                ),
                backlogLaterLabel: formatCount(
                    health.backlogLater,
                    health.backlogCapped && health.backlogLater >= health.backlogCap
                ),
                backlogNote: health.backlogCapped
                    ? `Counted up to ${formatCount(health.backlogCap)}: counting further would cost the page its query limits.`
                    : undefined,
                oldestWaitingLabel:
                    health.oldestWaitingAgeMinutes === undefined || health.oldestWaitingAgeMinutes === null
                        ? 'Nothing waiting'
                        : formatDuration(health.oldestWaitingAgeMinutes * 60_000),
                oldestWaitingQueuedAt: health.oldestWaitingQueuedAt,
                circuitLabel: circuit.label,
                circuitBadgeClass: circuit.badgeClass,
                circuitOpen: open,
                circuitReason: health.circuitReason,
                circuitCategory: health.circuitCategory,
                circuitOpenedAt: health.circuitOpenedAt,
                resumeAt: health.resumeAt,
                consecutiveFailuresLabel: formatCount(health.consecutiveFailures),
                showReset: open && health.canResetCircuit,
                resetting,
                resetLabel: resetting ? 'Resetting…' : 'Reset circuit',
                alerts: health.openAlerts.map((alert, index) => ({
                    ...alert,
                    key: alert.alertKey ?? `${health.integration}-${index}`,
                    heading: alert.cause ?? 'Alert'
                })),
                hasAlerts: health.openAlerts.length > 0,
                alertsLabel: `Open alerts of ${health.integration}`,
                showHourly,
                hourly: showHourly
                    ? hourlySeries(health.series, health.windowStart, health.windowEnd, health.windowHours)
                    : undefined,
                hourlyTitle: `Delivered, dead letters and retries of ${health.integration}, ${this.windowLabel.toLowerCase()}`,
                latency: latencySeries(health.latencyHistogram),
                latencyTitle: `Delivery latency of ${health.integration}, ${this.windowLabel.toLowerCase()}`
            };
        });
    }

    handleWindowChange(event: CustomEvent<{ value: string }>): void {
        if (event.detail.value !== this.windowValue) {
            this.windowValue = event.detail.value;
            this.awaitingAnswer = true;
        }
    }

    handleIntegrationChange(event: CustomEvent<{ value: string }>): void {
        if (event.detail.value !== this.integrationValue) {
            this.integrationValue = event.detail.value;
            this.awaitingAnswer = true;
        }
    }

    async handleRefresh(): Promise<void> {
        await refreshApex(this.wiredHealth);
    }

    async handleReset(event: Event): Promise<void> {
        const integration = (event.currentTarget as HTMLElement).dataset.integration ?? '';
        const confirmed = await confirmDialog.open({
            label: 'Reset circuit',
            message: `Close the circuit of ${integration} now? Its waiting changes become due at once and Relay starts sending to the receiver again.`,
            theme: 'warning'
        });
        if (!confirmed) {
            return;
        }
        this.resettingIntegration = integration;
        try {
            const result = await resetCircuit({ integration });
            this.dispatchEvent(
                new ShowToastEvent({
                    title: `Circuit of ${integration} reset`,
                    message: result.message,
                    variant: 'success'
                })
            );
            await refreshApex(this.wiredHealth);
        } catch (error) {
            this.dispatchEvent(
                new ShowToastEvent({
                    title: `The circuit of ${integration} was not reset`,
                    message: readErrorMessage(error),
                    variant: 'error',
                    mode: 'sticky'
                })
            );
        } finally {
            this.resettingIntegration = undefined;
            this.focusHeading(integration);
        }
    }

    /**
     * After a reset the button is gone (or re-enabled): focus stays in the integration's section. The name is compared,
     * not put into a selector, where a quote or bracket in it would break the query.
     */
    focusHeading(integration: string): void {
        const headings = this.template?.querySelectorAll<HTMLElement>('[data-heading]') ?? [];
        Array.from(headings)
            .find((heading) => heading.dataset.heading === integration)
            ?.focus();
    }
}
