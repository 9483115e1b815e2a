import type { LogFilter } from './operations-client.ts';
import { operationsMessages as messages } from '../cli/messages/operations.ts';

/** The values of Integration_Log__c.Status__c (LogStatus.ALL in Apex; log-values.test.ts keeps them equal). */
export const LOG_STATUSES = ['Queued', 'In Progress', 'Retry Scheduled', 'Delivered', 'Dead Letter', 'Cancelled'];

/** The keys `--filter` takes, with the IntegrationLogFilter JSON field each sets. */
const KEYS: Record<string, keyof LogFilter> = {
    integration: 'integration',
    status: 'statuses',
    statuses: 'statuses',
    category: 'errorCategory',
    errorcategory: 'errorCategory',
    from: 'from',
    to: 'to',
    record: 'recordId',
    recordid: 'recordId'
};

/** A `--filter` that cannot become an IntegrationLogFilter; the message is the one line the user sees. */
export class FilterError extends Error {
    public constructor(message: string) {
        super(message);
        this.name = 'FilterError';
    }
}

const SALESFORCE_ID = /^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/;
const INTEGRATION_NAME = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;

export function isSalesforceId(value: string): boolean {
    return SALESFORCE_ID.test(value);
}

function isoDate(key: string, value: string): string {
    const parsed = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(parsed.getTime())) {
        throw new FilterError(messages.getMessage('filter.notDate', [key, value]));
    }
    return parsed.toISOString();
}

function status(value: string): string {
    const match = LOG_STATUSES.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase());
    if (!match) {
        throw new FilterError(messages.getMessage('filter.notStatus', [value, LOG_STATUSES.join(', ')]));
    }
    return match;
}

function setKey(filter: LogFilter, rawKey: string, value: string): void {
    const field = KEYS[rawKey.trim().toLowerCase()];
    if (!field) {
        throw new FilterError(messages.getMessage('filter.unknownKey', [rawKey]));
    }
    const trimmed = value.trim();
    if (trimmed === '') {
        throw new FilterError(messages.getMessage('filter.noValue', [rawKey]));
    }
    switch (field) {
        case 'statuses':
            filter.statuses = [...(filter.statuses ?? []), ...trimmed.split('|').map(status)];
            break;
        case 'from':
        case 'to':
            filter[field] = isoDate(rawKey, trimmed);
            break;
        case 'recordId':
            if (!isSalesforceId(trimmed)) {
                throw new FilterError(messages.getMessage('filter.notRecordId', [rawKey, trimmed]));
            }
            filter.recordId = trimmed;
            break;
        case 'integration':
            if (!INTEGRATION_NAME.test(trimmed)) {
                throw new FilterError(messages.getMessage('filter.notIntegration', [rawKey, trimmed]));
            }
            filter.integration = trimmed;
            break;
        default:
            filter[field] = trimmed;
    }
}

/**
 * Builds the IntegrationLogFilter from `--filter` values: each is `key=value` (several keys separated by `;`, or
 * the flag repeated; several statuses as `status=Dead Letter|Retry Scheduled`), or one JSON object in the API's own
 * shape. A bulk operation needs an integration, a status or a record id, as the Apex filter does.
 */
export function parseFilter(values: readonly string[]): LogFilter {
    const filter: LogFilter = {};
    for (const value of values) {
        const trimmed = value.trim();
        if (trimmed.startsWith('{')) {
            let parsed: unknown;
            try {
                parsed = JSON.parse(trimmed);
            } catch (error) {
                throw new FilterError(messages.getMessage('filter.notJson', [(error as Error).message]));
            }
            for (const [key, entry] of Object.entries(parsed as Record<string, unknown>)) {
                const entries = Array.isArray(entry) ? entry.map(String) : [String(entry)];
                entries.forEach((item) => setKey(filter, key, item));
            }
            continue;
        }
        for (const pair of trimmed.split(';').filter((part) => part.trim() !== '')) {
            const equals = pair.indexOf('=');
            if (equals < 0) {
                throw new FilterError(messages.getMessage('filter.notPair', [pair.trim()]));
            }
            setKey(filter, pair.slice(0, equals), pair.slice(equals + 1));
        }
    }
    if (!filter.integration && !filter.statuses?.length && !filter.recordId) {
        throw new FilterError(messages.getMessage('filter.tooBroad'));
    }
    if (filter.from && filter.to && filter.from > filter.to) {
        throw new FilterError(messages.getMessage('filter.reversed', [filter.from, filter.to]));
    }
    return filter;
}

/** The filter in one line, for the confirmation and the summary. */
export function describeFilter(filter: LogFilter): string {
    return Object.entries(filter)
        .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('|') : String(value)}`)
        .join('; ');
}
