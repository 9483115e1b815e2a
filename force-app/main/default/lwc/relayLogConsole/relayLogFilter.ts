import type { SyncStatus } from 'relay/apex-types';

// The console's filter, its URL state (CurrentPageReference `state`) and its IntegrationLogFilter JSON, kept apart from
// the component so that each translation is one function. Not a bundle of its own: relayLogConsole imports it.

/** The time ranges offered; `custom` reads c__from / c__to. */
export type RangeKey = '1h' | '24h' | '7d' | 'custom';

export const DEFAULT_RANGE: RangeKey = '24h';

export const RANGE_OPTIONS: ReadonlyArray<{ label: string; value: RangeKey; hours?: number }> = [
    { label: 'Last hour', value: '1h', hours: 1 },
    { label: 'Last 24 hours', value: '24h', hours: 24 },
    { label: 'Last 7 days', value: '7d', hours: 168 },
    { label: 'Custom range', value: 'custom' }
];

/** The Status__c picklist, in the order a row goes through it. */
export const ALL_STATUSES: readonly SyncStatus[] = [
    'Queued',
    'In Progress',
    'Retry Scheduled',
    'Delivered',
    'Dead Letter',
    'Cancelled'
];

/** The Error_Category__c picklist (objects/Integration_Log__c/fields/Error_Category__c.field-meta.xml). */
export const ERROR_CATEGORIES: readonly string[] = [
    'Authentication',
    'Client Error',
    'Server Error',
    'Throttled',
    'Timeout',
    'Malformed Response',
    'Configuration',
    'Payload Too Large',
    'Job Failure',
    'Record Rejected',
    'Reported Failure'
];

/** What Record_Id__c holds (IntegrationLogFilter.RECORD_ID). */
export const RECORD_ID_PATTERN = /^[A-Za-z0-9]{15}([A-Za-z0-9]{3})?$/;

/** The URL state keys the console owns. */
export const STATE_KEYS = {
    integration: 'c__integration',
    status: 'c__status',
    errorCategory: 'c__errorCategory',
    range: 'c__range',
    from: 'c__from',
    to: 'c__to',
    recordId: 'c__recordId'
} as const;

const OWNED_KEYS: ReadonlySet<string> = new Set(Object.values(STATE_KEYS));

export interface LogFilter {
    integration?: string;
    statuses: SyncStatus[];
    errorCategory?: string;
    range: RangeKey;
    /** ISO 8601, custom range only. */
    from?: string;
    /** ISO 8601, custom range only. */
    to?: string;
    recordId?: string;
}

/** IntegrationLogFilter as JSON members (force-app/main/outbox/classes/IntegrationLogFilter.cls). */
export interface LogFilterJson {
    integration?: string;
    statuses?: SyncStatus[];
    errorCategory?: string;
    from?: string;
    to?: string;
    recordId?: string;
}

export type PageState = Record<string, string | undefined>;

export function defaultFilter(): LogFilter {
    return { statuses: [], range: DEFAULT_RANGE };
}

function text(value: string | undefined): string | undefined {
    const trimmed = value?.trim();
    return trimmed ? trimmed : undefined;
}

/** An ISO time as Apex reads it (IntegrationLogFilter.ISO_TIME), or undefined when unreadable. */
export function normalizeIso(value: string | undefined): string | undefined {
    const given = text(value);
    if (!given) {
        return undefined;
    }
    const ms = Date.parse(given);
    return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * The filter a URL state asks for. Values the console cannot send (an unknown status or category, a malformed id or
 * time) are dropped rather than sent to Apex to be refused: a stale bookmark still opens a working console.
 */
export function filterFromState(state: PageState | undefined): LogFilter {
    const given = state ?? {};
    const statuses = (given[STATE_KEYS.status] ?? '')
        .split(',')
        .map((status) => status.trim())
        .filter((status): status is SyncStatus => (ALL_STATUSES as readonly string[]).includes(status));
    const category = text(given[STATE_KEYS.errorCategory]);
    const rangeValue = text(given[STATE_KEYS.range]);
    const range = RANGE_OPTIONS.some((option) => option.value === rangeValue)
        ? (rangeValue as RangeKey)
        : DEFAULT_RANGE;
    const recordId = text(given[STATE_KEYS.recordId]);
    const filter: LogFilter = {
        integration: text(given[STATE_KEYS.integration]),
        statuses: ALL_STATUSES.filter((status) => statuses.includes(status)),
        errorCategory: category && ERROR_CATEGORIES.includes(category) ? category : undefined,
        range,
        recordId: recordId && RECORD_ID_PATTERN.test(recordId) ? recordId : undefined
    };
    if (range === 'custom') {
        filter.from = normalizeIso(given[STATE_KEYS.from]);
        filter.to = normalizeIso(given[STATE_KEYS.to]);
    }
    return filter;
}

/** The URL state of a filter: the state's other keys kept, the console's own keys set or removed. */
export function stateFromFilter(filter: LogFilter, current: PageState | undefined): PageState {
    const state: PageState = {};
    for (const [key, value] of Object.entries(current ?? {})) {
        if (!OWNED_KEYS.has(key) && value !== undefined) {
            state[key] = value;
        }
    }
    const put = (key: string, value: string | undefined): void => {
        if (value) {
            state[key] = value;
        }
    };
    put(STATE_KEYS.integration, filter.integration);
    put(STATE_KEYS.status, filter.statuses.join(','));
    put(STATE_KEYS.errorCategory, filter.errorCategory);
    put(STATE_KEYS.range, filter.range);
    if (filter.range === 'custom') {
        put(STATE_KEYS.from, filter.from);
        put(STATE_KEYS.to, filter.to);
    }
    put(STATE_KEYS.recordId, filter.recordId);
    return state;
}

export function sameFilter(a: LogFilter, b: LogFilter): boolean {
    return JSON.stringify(stateFromFilter(a, {})) === JSON.stringify(stateFromFilter(b, {}));
}

type Window = { from?: string; to?: string };

const HOUR_MS = 3_600_000;

function hoursOf(range: RangeKey): number {
    return RANGE_OPTIONS.find((option) => option.value === range)?.hours ?? 24;
}

/** The CreatedDate window of a filter at `nowMs`: a relative range ends now; a custom one is what was chosen. */
export function windowOf(filter: LogFilter, nowMs: number): Window {
    if (filter.range === 'custom') {
        return { from: filter.from, to: filter.to };
    }
    return { from: new Date(nowMs - hoursOf(filter.range) * HOUR_MS).toISOString(), to: new Date(nowMs).toISOString() };
}

/**
 * The CreatedDate window of a bulk replay / cancel at `nowMs`. A relative range starts at the start of the hour of
 * now − range and has no end (rows up to now): the same request within the hour sends the same filter, so Apex finds
 * the operation already running for it (IntegrationLogOperations twinOf compares filter JSON) instead of starting an
 * overlapping batch. An open end is safe because a bulk filter is narrow (an integration, statuses or a record).
 * A custom range is what was chosen.
 */
export function bulkWindowOf(filter: LogFilter, nowMs: number): Window {
    if (filter.range === 'custom') {
        return { from: filter.from, to: filter.to };
    }
    const start = nowMs - hoursOf(filter.range) * HOUR_MS;
    return { from: new Date(Math.floor(start / HOUR_MS) * HOUR_MS).toISOString() };
}

function jsonOf(filter: LogFilter, window: Window): LogFilterJson {
    const json: LogFilterJson = {};
    if (filter.integration) {
        json.integration = filter.integration;
    }
    if (filter.statuses.length > 0) {
        json.statuses = [...filter.statuses];
    }
    if (filter.errorCategory) {
        json.errorCategory = filter.errorCategory;
    }
    if (window.from) {
        json.from = window.from;
    }
    if (window.to) {
        json.to = window.to;
    }
    if (filter.recordId) {
        json.recordId = filter.recordId;
    }
    return json;
}

/** The IntegrationLogFilter members of the table's query at `nowMs`: always the window of the chosen range. */
export function filterJsonOf(filter: LogFilter, nowMs: number): LogFilterJson {
    return jsonOf(filter, windowOf(filter, nowMs));
}

/** The IntegrationLogFilter members of "Replay / Cancel all matching" at `nowMs` (bulkWindowOf's window). */
export function bulkFilterJsonOf(filter: LogFilter, nowMs: number): LogFilterJson {
    return jsonOf(filter, bulkWindowOf(filter, nowMs));
}

/** Whether a bulk operation may use the filter: Apex requires an integration, statuses or a record. */
export function isNarrow(filter: LogFilter): boolean {
    return Boolean(filter.integration) || filter.statuses.length > 0 || Boolean(filter.recordId);
}

/** The running user's locale and time zone (@salesforce/i18n/locale and /timeZone), as the table's dates use them. */
export interface UserClock {
    locale: string;
    timeZone: string;
}

function dateTimeFormat(clock: UserClock): Intl.DateTimeFormat {
    const options: Intl.DateTimeFormatOptions = {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone: clock.timeZone
    };
    try {
        return new Intl.DateTimeFormat(clock.locale, options);
    } catch (ignored) {
        // An identifier this browser does not know: the time stays right, in UTC, and says so.
        return new Intl.DateTimeFormat(clock.locale, { ...options, timeZone: 'UTC' });
    }
}

/**
 * The filter of a bulk operation in words, for its confirmation ("integration ERP_Customer, status Dead Letter,
 * created since Nov 13, 2026, 4:00 AM PST"), with bulkWindowOf's window in the user's locale and time zone.
 */
export function describeFilter(filter: LogFilter, nowMs: number, clock: UserClock): string {
    const parts: string[] = [];
    parts.push(filter.integration ? `integration ${filter.integration}` : 'every integration');
    if (filter.statuses.length === 1) {
        parts.push(`status ${filter.statuses[0]}`);
    } else if (filter.statuses.length > 1) {
        parts.push(`status ${filter.statuses.join(' or ')}`);
    }
    if (filter.errorCategory) {
        parts.push(`error category ${filter.errorCategory}`);
    }
    if (filter.recordId) {
        parts.push(`record ${filter.recordId}`);
    }
    const format = dateTimeFormat(clock);
    const time = (iso: string): string => format.format(new Date(iso));
    const window = bulkWindowOf(filter, nowMs);
    if (window.from && window.to) {
        parts.push(`created between ${time(window.from)} and ${time(window.to)}`);
    } else if (window.from) {
        parts.push(`created since ${time(window.from)}`);
    } else if (window.to) {
        parts.push(`created before ${time(window.to)}`);
    }
    return parts.join(', ');
}
