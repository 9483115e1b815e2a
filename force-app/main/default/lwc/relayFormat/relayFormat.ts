import type { SyncStatus } from 'relay/apex-types';

/** How a log status reads in a badge: the words, the SLDS badge theme and an icon. */
export interface StatusBadge {
    label: string;
    badgeClass: string;
    iconName: string;
}

/** One place for the look of each status, shared by the record page and the console. */
export const STATUS_BADGES: Record<SyncStatus, StatusBadge> = {
    Queued: { label: 'Queued', badgeClass: 'slds-badge slds-badge_lightest', iconName: 'utility:clock' },
    'In Progress': { label: 'Sending', badgeClass: 'slds-badge slds-badge_inverse', iconName: 'utility:sync' },
    'Retry Scheduled': {
        label: 'Retry scheduled',
        badgeClass: 'slds-badge slds-theme_warning',
        iconName: 'utility:refresh'
    },
    Delivered: { label: 'Delivered', badgeClass: 'slds-badge slds-theme_success', iconName: 'utility:success' },
    'Dead Letter': { label: 'Dead letter', badgeClass: 'slds-badge slds-theme_error', iconName: 'utility:error' },
    Cancelled: { label: 'Cancelled', badgeClass: 'slds-badge', iconName: 'utility:close' }
};

/** Statuses whose row still has work ahead of it: a change on its way. */
export const UNFINISHED_STATUSES: ReadonlySet<SyncStatus> = new Set<SyncStatus>([
    'Queued',
    'In Progress',
    'Retry Scheduled'
]);

/** The badge of a status the component does not know (a picklist value added later) reads as the value itself. */
export function statusBadge(status: string): StatusBadge {
    return (
        (STATUS_BADGES as Record<string, StatusBadge | undefined>)[status] ?? {
            label: status,
            badgeClass: 'slds-badge',
            iconName: 'utility:info'
        }
    );
}

/**
 * The sentence to show for a failed call: Apex refusals arrive as `{ body: { message } }` (one sentence each, see
 * docs/ui-api.md), a list of page errors as `{ body: [{ message }] }`, network and script failures as `Error`.
 */
export function readErrorMessage(error: unknown, fallback = 'Something went wrong. Try again.'): string {
    if (typeof error !== 'object' || error === null) {
        return typeof error === 'string' && error ? error : fallback;
    }
    const body = (error as { body?: unknown }).body;
    if (Array.isArray(body)) {
        const messages = body
            .map((entry) => (entry as { message?: unknown } | null)?.message)
            .filter((message): message is string => typeof message === 'string' && message.length > 0);
        if (messages.length > 0) {
            return messages.join(' ');
        }
    }
    const bodyMessage = (body as { message?: unknown } | null | undefined)?.message;
    if (typeof bodyMessage === 'string' && bodyMessage) {
        return bodyMessage;
    }
    const message = (error as { message?: unknown }).message;
    return typeof message === 'string' && message ? message : fallback;
}

/** An ISO 8601 timestamp as epoch milliseconds; undefined when absent or unreadable. */
export function toEpochMs(iso: string | undefined): number | undefined {
    if (!iso) {
        return undefined;
    }
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? undefined : ms;
}

/** A span of time in the largest unit that keeps it readable: "45 s", "12 min", "3 h 5 min", "2 d 4 h". */
export function formatDuration(milliseconds: number): string {
    const seconds = Math.max(0, Math.round(milliseconds / 1000));
    if (seconds < 60) {
        return `${seconds} s`;
    }
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) {
        return `${minutes} min`;
    }
    const hours = Math.floor(minutes / 60);
    if (hours < 24) {
        const rest = minutes % 60;
        return rest ? `${hours} h ${rest} min` : `${hours} h`;
    }
    const days = Math.floor(hours / 24);
    const restHours = hours % 24;
    return restHours ? `${days} d ${restHours} h` : `${days} d`;
}

/** "in 4 min" / "4 min ago" / "now" for a moment relative to `nowMs`. */
export function formatRelative(targetMs: number, nowMs: number): string {
    const delta = targetMs - nowMs;
    if (Math.abs(delta) < 1000) {
        return 'now';
    }
    return delta > 0 ? `in ${formatDuration(delta)}` : `${formatDuration(-delta)} ago`;
}

/** The start of RelayUiAccess.NO_CONSOLE_ACCESS, the Apex refusal of a user without the console. */
const CONSOLE_REFUSAL_START = 'The Relay console needs';

/** Whether an error sentence is the console refusal: components show it as a designed message, not as an error. */
export function isConsoleRefusal(message: string | undefined): boolean {
    return message?.startsWith(CONSOLE_REFUSAL_START) ?? false;
}

/** The console pickers' value for "All integrations" (a combobox needs a non-empty value to show its label). */
export const ALL_INTEGRATIONS = '__all__';

/** The options of a console's integration picker: "All integrations", then the names getIntegrationNames gives. */
export function integrationPickerOptions(names: readonly string[] | undefined): { label: string; value: string }[] {
    return [
        { label: 'All integrations', value: ALL_INTEGRATIONS },
        ...(names ?? []).map((name) => ({ label: name, value: name }))
    ];
}
