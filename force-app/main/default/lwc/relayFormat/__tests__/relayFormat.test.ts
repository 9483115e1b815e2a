import { describe, expect, it } from '@jest/globals';
import {
    ALL_INTEGRATIONS,
    integrationPickerOptions,
    isConsoleRefusal,
    formatDuration,
    formatRelative,
    readErrorMessage,
    STATUS_BADGES,
    statusBadge,
    toEpochMs,
    UNFINISHED_STATUSES
} from 'c/relayFormat';

describe('c/relayFormat', () => {
    describe('statusBadge', () => {
        it('gives each status its words, theme and icon', () => {
            expect(statusBadge('Queued')).toEqual(STATUS_BADGES.Queued);
            expect(statusBadge('In Progress').label).toBe('Sending');
            expect(statusBadge('Retry Scheduled').badgeClass).toContain('slds-theme_warning');
            expect(statusBadge('Delivered').badgeClass).toContain('slds-theme_success');
            expect(statusBadge('Dead Letter')).toEqual({
                label: 'Dead letter',
                badgeClass: 'slds-badge slds-theme_error',
                iconName: 'utility:error'
            });
            expect(statusBadge('Cancelled').iconName).toBe('utility:close');
        });

        it('reads a status it does not know as the value itself', () => {
            expect(statusBadge('Archived')).toEqual({
                label: 'Archived',
                badgeClass: 'slds-badge',
                iconName: 'utility:info'
            });
        });
    });

    it('lists the statuses with work ahead of them', () => {
        expect([...UNFINISHED_STATUSES].sort()).toEqual(['In Progress', 'Queued', 'Retry Scheduled']);
        expect(UNFINISHED_STATUSES.has('Delivered')).toBe(false);
    });

    describe('readErrorMessage', () => {
        it('reads an Apex refusal', () => {
            expect(readErrorMessage({ body: { message: 'You do not have access to this record.' } })).toBe(
                'You do not have access to this record.'
            );
        });

        it('joins a list of page errors', () => {
            expect(
                readErrorMessage({ body: [{ message: 'First.' }, { message: '' }, null, { message: 'Second.' }] })
            ).toBe('First. Second.');
        });

        it('falls through an empty list and an empty body message to the error message', () => {
            expect(readErrorMessage({ body: [], message: 'Network down' })).toBe('Network down');
            expect(readErrorMessage({ body: { message: '' }, message: 'Timed out' })).toBe('Timed out');
        });

        it('reads script errors, strings and anything else', () => {
            expect(readErrorMessage(new Error('Failed to fetch'))).toBe('Failed to fetch');
            expect(readErrorMessage('Plain words.')).toBe('Plain words.');
            expect(readErrorMessage('')).toBe('Something went wrong. Try again.');
            expect(readErrorMessage(undefined)).toBe('Something went wrong. Try again.');
            expect(readErrorMessage(null, 'Could not load.')).toBe('Could not load.');
            expect(readErrorMessage({ body: null }, 'Could not load.')).toBe('Could not load.');
            expect(readErrorMessage(42)).toBe('Something went wrong. Try again.');
        });
    });

    describe('toEpochMs', () => {
        it('reads ISO timestamps and refuses the rest', () => {
            expect(toEpochMs('2026-11-20T12:00:00.000Z')).toBe(Date.UTC(2026, 10, 20, 12));
            expect(toEpochMs(undefined)).toBeUndefined();
            expect(toEpochMs('')).toBeUndefined();
            expect(toEpochMs('yesterday')).toBeUndefined();
        });
    });

    describe('formatDuration', () => {
        it('uses the largest readable unit', () => {
            expect(formatDuration(-5000)).toBe('0 s');
            expect(formatDuration(45_000)).toBe('45 s');
            expect(formatDuration(59_499)).toBe('59 s');
            expect(formatDuration(4 * 60_000)).toBe('4 min');
            expect(formatDuration(3 * 3_600_000)).toBe('3 h');
            expect(formatDuration(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
            expect(formatDuration(2 * 86_400_000)).toBe('2 d');
            expect(formatDuration(2 * 86_400_000 + 4 * 3_600_000)).toBe('2 d 4 h');
        });
    });

    describe('formatRelative', () => {
        const now = Date.UTC(2026, 10, 20, 12);

        it('says in, ago or now', () => {
            expect(formatRelative(now + 4 * 60_000, now)).toBe('in 4 min');
            expect(formatRelative(now - 2 * 3_600_000, now)).toBe('2 h ago');
            expect(formatRelative(now + 400, now)).toBe('now');
        });
    });
});

describe('isConsoleRefusal', () => {
    it('knows the Apex refusal of a user without the console, and nothing else', () => {
        expect(
            isConsoleRefusal('The Relay console needs View All on Integration Logs (the Relay Admin permission set).')
        ).toBe(true);
        expect(isConsoleRefusal('Replaying log rows needs the Relay Replay Logs permission.')).toBe(false);
        expect(isConsoleRefusal(undefined)).toBe(false);
    });
});

describe('integrationPickerOptions', () => {
    it('offers "All integrations" first, then each name', () => {
        expect(integrationPickerOptions(['Billing_Account', 'ERP_Customer'])).toEqual([
            { label: 'All integrations', value: ALL_INTEGRATIONS },
            { label: 'Billing_Account', value: 'Billing_Account' },
            { label: 'ERP_Customer', value: 'ERP_Customer' }
        ]);
        expect(integrationPickerOptions(undefined)).toEqual([{ label: 'All integrations', value: ALL_INTEGRATIONS }]);
    });
});
