import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { refreshApex } from '@salesforce/apex';
import { isEmpEnabled, subscribe, unsubscribe, onError } from 'lightning/empApi';
// The same module instance as lightning/empApi (jest.config.js maps it there), for its test helper.
import { publishForTest } from '../../../../../../jest/mocks/lightning/empApi';
import getRecordSyncStatus from '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus';
import getRecordActions from '@salesforce/apex/IntegrationStatusController.getRecordActions';
import syncNow from '@salesforce/apex/IntegrationStatusController.syncNow';
import compareRecord from '@salesforce/apexContinuation/IntegrationStatusController.compareRecord';
import RecordSyncStatus, { attemptsLine, detailOf, formatDateTime, STALLED_MESSAGE } from 'c/recordSyncStatus';
import statuses from './data/statuses.json';
import live from './data/live.json';
import actions from './data/actions.json';
import syncResults from './data/syncNow.json';
import compareResults from '../../recordCompare/__tests__/data/compare.json';
import type { RecordSyncStatus as StatusEntry } from 'relay/apex-types';

jest.mock(
    '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/IntegrationStatusController.getRecordActions',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/IntegrationStatusController.syncNow', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apexContinuation/IntegrationStatusController.compareRecord', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type WireAdapter = ReturnType<typeof createApexTestWireAdapter>;
const statusAdapter = getRecordSyncStatus as unknown as WireAdapter;
const actionsAdapter = getRecordActions as unknown as WireAdapter;
const syncNowMock = syncNow as unknown as jest.Mock<(params: unknown) => Promise<unknown>>;
const compareMock = compareRecord as unknown as jest.Mock<(params: unknown) => Promise<unknown>>;
const refreshMock = refreshApex as unknown as jest.Mock<(value: unknown) => Promise<void>>;
const isEmpEnabledMock = isEmpEnabled as unknown as jest.Mock<() => Promise<boolean>>;
const subscribeMock = subscribe as unknown as jest.Mock<(...args: unknown[]) => Promise<unknown>>;
const onErrorMock = onError as unknown as jest.Mock<(callback: (error: unknown) => void) => void>;

/** Every callback handed to empApi's onError while this file runs (clearAllMocks forgets the calls, not this list). */
const empErrorCallbacks: ((error: unknown) => void)[] = [];
onErrorMock.mockImplementation((callback) => {
    empErrorCallbacks.push(callback);
});

/** empApi reporting an error: it calls every onError callback of the page. */
function reportEmpError(error: unknown): void {
    empErrorCallbacks.forEach((callback) => callback(error));
}

const RECORD_ID = '001000000000001AAA';
const CHANNEL = '/event/Integration_Status__e';
const NOW = new Date('2026-11-20T12:00:00.000Z');

type Card = HTMLElement & { recordId?: string; integration?: string; liveUpdates?: string };

interface Toast {
    title?: string;
    message: string;
    variant?: string;
}

let toasts: Toast[] = [];
let focusSpy: jest.SpiedFunction<HTMLElement['focus']> | undefined;

/** The elements focus() is called on, in order (base components are stubs: their hosts take no real focus). */
function recordFocus(): Element[] {
    const focused: Element[] = [];
    focusSpy = jest.spyOn(HTMLElement.prototype, 'focus').mockImplementation(function (this: HTMLElement) {
        focused.push(this);
    });
    return focused;
}

/** Math.random for the poll jitter: 0.5 leaves backoff steps as they are (3 s, 5 s...); 0 leaves due times as they are. */
let randomSpy: jest.SpiedFunction<typeof Math.random>;

function mount(props: Partial<Card> = {}): Card {
    const element = createElement('c-record-sync-status', { is: RecordSyncStatus }) as Card;
    element.recordId = RECORD_ID;
    Object.assign(element, props);
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
    document.body.appendChild(element);
    return element;
}

/** Lets the component's promise chains and re-render settle (a few microtask turns). */
async function flush(): Promise<void> {
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
}

function $(element: Element, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function $$(element: Element, selector: string): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []);
}

function row(element: Element, integration: string): HTMLElement {
    const found = $(element, `li[data-integration="${integration}"]`);
    if (!found) {
        throw new Error(`no row for ${integration}`);
    }
    return found;
}

function text(node: Element | null, selector: string): string | undefined {
    return node?.querySelector(selector)?.textContent?.trim();
}

function buttonLabelled(element: Element, label: string): HTMLElement | undefined {
    return $$(element, 'lightning-button').find(
        (button) => (button as HTMLElement & { label?: string }).label === label
    );
}

function click(node: Element | null | undefined): void {
    node?.dispatchEvent(new CustomEvent('click'));
}

function setVisibility(state: 'visible' | 'hidden'): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new CustomEvent('visibilitychange'));
}

describe('c-record-sync-status', () => {
    beforeEach(() => {
        toasts = [];
        setVisibility('visible');
        randomSpy = jest.spyOn(Math, 'random').mockReturnValue(0.5);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        randomSpy.mockRestore();
        focusSpy?.mockRestore();
        focusSpy = undefined;
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    describe('states', () => {
        it('shows a spinner inside a sized, positioned box of the card body while loading', async () => {
            const element = mount();
            await flush();

            const box = $(element, '[data-id="loading"]');
            expect(box?.className).toContain('slds-is-relative');
            expect(box?.className).toContain('loading');
            expect(box?.querySelector('lightning-spinner')).not.toBeNull();
            expect($$(element, 'lightning-spinner')).toHaveLength(1);
            await expect(element).toBeAccessible();
        });

        it('asks Apex for the status and the actions of the page record', async () => {
            mount();
            await flush();

            expect(statusAdapter.getLastConfig()).toEqual({ recordId: RECORD_ID });
            expect(actionsAdapter.getLastConfig()).toEqual({ recordId: RECORD_ID });
        });

        it('says what to do when the record was never sent, with Sync now when allowed', async () => {
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit([]);
            await flush();

            expect(text(element.shadowRoot as unknown as Element, '[data-id="empty"]')).toBe(
                'This record has not been sent to any integration yet. Use Sync now to send it.'
            );
            expect(buttonLabelled(element, 'Sync now')).toBeDefined();
            await expect(element).toBeAccessible();
        });

        it('names the configured integration when it has no row, and offers no Sync now without permission', async () => {
            const element = mount({ integration: 'Warehouse_Sync' });
            actionsAdapter.emit(actions.readOnly);
            statusAdapter.emit(statuses.delivered);
            await flush();

            expect($(element, '[data-id="empty"]')?.textContent).toBe(
                'This record has not been sent to Warehouse_Sync yet.'
            );
            expect(buttonLabelled(element, 'Sync now')).toBeUndefined();
        });

        it('shows an Apex error in an alert with a way to try again', async () => {
            const element = mount();
            statusAdapter.error({ message: 'Integration settings could not be read.' });
            await flush();

            const alert = $(element, '[role="alert"]');
            expect(alert?.textContent).toContain('Integration settings could not be read.');
            click(buttonLabelled(element, 'Try again'));
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await expect(element).toBeAccessible();
        });

        it('shows the refusal of a rep without record access as a designed message, not an error', async () => {
            const element = mount();
            actionsAdapter.error({ message: 'You do not have access to this record.' });
            statusAdapter.error({ message: 'You do not have access to this record.' });
            await flush();

            expect($(element, '[data-id="no-access"]')?.textContent).toContain(
                'You do not have access to this record.'
            );
            expect($(element, '[role="alert"]')).toBeNull();
            expect(buttonLabelled(element, 'Sync now')).toBeUndefined();
            await expect(element).toBeAccessible();
        });
    });

    describe('each status', () => {
        beforeEach(() => {
            jest.useFakeTimers({ now: NOW });
        });

        it('gives every integration its badge and sentence', async () => {
            const element = mount({ liveUpdates: 'Off' });
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.all);
            await flush();

            const badge = (name: string): string | undefined => text(row(element, name), '[data-id="status"]');
            const detail = (name: string): string | undefined => text(row(element, name), '[data-id="detail"]');
            expect($$(element, 'li[data-integration]')).toHaveLength(6);
            expect(badge('ERP_Customer')).toBe('Delivered');
            expect(row(element, 'ERP_Customer').querySelector('[data-id="status"]')?.className).toContain(
                'slds-theme_success'
            );
            expect(detail('ERP_Customer')).toBe('Delivered 2 h ago · Nov 20, 2026, 2:00 AM');
            expect(badge('Warehouse_Sync')).toBe('Retry scheduled');
            expect(detail('Warehouse_Sync')).toBe('Next attempt in 4 min · Nov 20, 2026, 4:04 AM');
            expect(badge('Billing_Account')).toBe('Dead letter');
            expect(detail('Billing_Account')).toContain('An admin can replay it');
            expect(text(row(element, 'Billing_Account'), '[data-id="error-summary"]')).toBe(
                'Last error: The receiving system had an internal error.'
            );
            expect(badge('Marketing_Leads')).toBe('Queued');
            expect(detail('Marketing_Leads')).toBe('Waiting to be sent.');
            expect(text(row(element, 'Marketing_Leads'), '[data-id="attempts"]')).toBe('Not sent yet');
            expect(text(row(element, 'Support_Tickets'), '[data-id="attempts"]')).toBe('First attempt under way');
            expect(text(row(element, 'Legacy_Archive'), '[data-id="attempts"]')).toBe('Never sent');
            expect(badge('Support_Tickets')).toBe('Sending');
            expect(detail('Support_Tickets')).toBe('Being sent now.');
            expect(badge('Legacy_Archive')).toBe('Cancelled');
            expect(detail('Legacy_Archive')).toBe('Cancelled; nothing will be sent.');
            expect(row(element, 'ERP_Customer').querySelector('[data-id="error-summary"]')).toBeNull();
            await flush();
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('joins the attempts line with its spaces', async () => {
            const element = mount();
            statusAdapter.emit(statuses.delivered);
            await flush();

            expect($(element, '[data-id="attempts"]')?.textContent?.trim()).toBe(
                '1 attempt · last Nov 20, 2026, 2:00 AM'
            );
            expect(attemptsLine({ ...statuses.all[2], status: 'Dead Letter' })).toBe(
                '5 attempts · last Nov 20, 2026, 3:30 AM'
            );
            expect(attemptsLine({ integration: 'X', status: 'Queued', attempts: 2, paused: false })).toBe('2 attempts');
        });

        it('counts down to the next attempt and redraws it every 30 s', async () => {
            const element = mount({ liveUpdates: 'Off' });
            statusAdapter.emit(statuses.all.filter((entry) => entry.integration === 'Warehouse_Sync'));
            await flush();
            expect(text(row(element, 'Warehouse_Sync'), '[data-id="detail"]')).toContain('Next attempt in 4 min');

            await jest.advanceTimersByTimeAsync(60000);
            expect(text(row(element, 'Warehouse_Sync'), '[data-id="detail"]')).toContain('Next attempt in 3 min');
            await jest.advanceTimersByTimeAsync(180000);
            expect(text(row(element, 'Warehouse_Sync'), '[data-id="detail"]')).toContain('Next attempt due now');
        });

        it('shows a paused circuit with its reason and resume time', async () => {
            const element = mount({ liveUpdates: 'Off' });
            statusAdapter.emit(statuses.paused);
            await flush();

            expect(text(row(element, 'ERP_Customer'), '[data-id="status"]')).toBe('Paused');
            expect(text(row(element, 'ERP_Customer'), '[data-id="detail"]')).toBe(
                'The receiving system asked Relay to slow down. Relay resumes sending in 10 min (Nov 20, 2026, 4:10 AM).'
            );
        });

        it('words the edge cases of each sentence', () => {
            const now = NOW.getTime();
            const base: StatusEntry = { integration: 'X', status: 'Queued', attempts: 0, paused: false };
            expect(detailOf({ ...base, paused: true }, now)).toBe(
                'The receiving system is unavailable. Relay resumes sending when it recovers.'
            );
            expect(detailOf({ ...base, paused: true, resumeAt: '2026-11-20T11:00:00Z' }, now)).toContain(
                'resumes sending now'
            );
            expect(detailOf({ ...base, status: 'Retry Scheduled' }, now)).toBe('Sending failed; Relay will retry.');
            expect(detailOf({ ...base, status: 'Delivered' }, now)).toBe('Accepted by the receiving system.');
            expect(detailOf({ ...base, status: 'Unknown' as StatusEntry['status'] }, now)).toBe('');
            expect(formatDateTime(undefined)).toBe('');
            expect(formatDateTime('not a date')).toBe('');
        });
    });

    describe('correlation id', () => {
        it('copies it with the Clipboard API and says so', async () => {
            const writeText = jest.fn(() => Promise.resolve());
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            const element = mount();
            statusAdapter.emit(statuses.delivered);
            await flush();

            const copy = $(element, 'lightning-button-icon[title="Copy correlation id"]');
            expect($(element, '[data-correlation-id]')?.textContent).toBe('7f3c9a52-1d4e-4b8a-9c61-2e5f0a9b8d17');
            click(copy);
            await flush();

            expect(writeText).toHaveBeenCalledWith('7f3c9a52-1d4e-4b8a-9c61-2e5f0a9b8d17');
            expect(toasts).toEqual([expect.objectContaining({ title: 'Correlation id copied', variant: 'success' })]);
        });

        it('falls back to copying the selection when the Clipboard API is refused', async () => {
            const writeText = jest.fn(() => Promise.reject(new Error('denied')));
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
            const execCommand = jest.fn(() => true);
            Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
            const element = mount();
            statusAdapter.emit(statuses.all);
            await flush();

            click($(element, 'lightning-button-icon[title="Copy correlation id of Billing_Account"]'));
            await flush();

            expect(execCommand).toHaveBeenCalledWith('copy');
            expect(window.getSelection()?.toString()).toBe('c2b8f5e0-9a7d-4c3e-b1f6-0d4a8e2c7b93');
            expect(toasts[0]).toEqual(expect.objectContaining({ title: 'Correlation id copied' }));
        });

        it('selects an id with quotes in it (never put into a selector)', async () => {
            // Finding 13: `[data-correlation-id="${id}"]` threw for an id containing ".
            const odd = 'ext-"42"]';
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
            Object.defineProperty(document, 'execCommand', { configurable: true, value: jest.fn(() => false) });
            const element = mount();
            statusAdapter.emit([{ ...statuses.delivered[0], correlationId: odd }]);
            await flush();

            click($(element, 'lightning-button-icon[title="Copy correlation id"]'));
            await flush();

            expect(window.getSelection()?.toString()).toBe(odd);
            expect(toasts[0]).toEqual(expect.objectContaining({ title: 'Copy the correlation id', variant: 'info' }));
        });

        it('leaves the id selected and says how to copy it when nothing can copy', async () => {
            Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });
            Object.defineProperty(document, 'execCommand', {
                configurable: true,
                value: jest.fn(() => {
                    throw new Error('not supported');
                })
            });
            const element = mount();
            statusAdapter.emit(statuses.delivered);
            await flush();

            click($(element, 'lightning-button-icon[title="Copy correlation id"]'));
            await flush();

            expect(toasts[0]).toEqual(expect.objectContaining({ title: 'Copy the correlation id', variant: 'info' }));
        });
    });

    describe('sync now', () => {
        it('syncs every integration, shows a spinner in the button area only, toasts and refreshes', async () => {
            let answer: (value: unknown) => void = () => undefined;
            syncNowMock.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.all);
            await flush();

            click($(element, '[data-sync="all"]'));
            await flush();
            expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: undefined });
            const area = $(element, '[data-id="sync-area"]');
            expect(area?.className).toContain('slds-is-relative');
            expect(area?.querySelector('lightning-spinner')).not.toBeNull();
            expect($$(element, 'lightning-spinner')).toHaveLength(1);
            expect(($(element, '[data-sync="all"]') as HTMLElement & { disabled?: boolean }).disabled).toBe(true);

            answer(syncResults.all);
            await flush();
            expect(toasts).toEqual([expect.objectContaining({ message: syncResults.all.message, variant: 'success' })]);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect($(element, 'lightning-spinner')).toBeNull();
        });

        it('syncs one integration from its row', async () => {
            syncNowMock.mockResolvedValue(syncResults.queued);
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.all);
            await flush();

            const one = buttonLabelled(element, 'Sync ERP_Customer now');
            click(one);
            await flush();

            expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: 'ERP_Customer' });
            expect(toasts[0]).toEqual(expect.objectContaining({ message: 'Queued for ERP_Customer.' }));
            // Inactive integrations have no row button.
            expect(buttonLabelled(element, 'Sync Marketing_Leads now')).toBeUndefined();
        });

        it('gives the focus back to the button after the call, found by its data value', async () => {
            const focused = recordFocus();
            syncNowMock.mockResolvedValue(syncResults.queued);
            const odd = 'Odd "Name"';
            const element = mount();
            actionsAdapter.emit({
                ...actions.allowed,
                integrations: [
                    ...actions.allowed.integrations,
                    { integration: odd, active: true, compareOffered: true }
                ]
            });
            statusAdapter.emit([...statuses.delivered, { ...statuses.delivered[0], integration: odd }]);
            await flush();

            const button = buttonLabelled(element, `Sync ${odd} now`);
            click(button);
            await flush();
            expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: odd });
            expect(focused).toEqual([button]);

            click($(element, '[data-sync="all"]'));
            await flush();
            expect(focused[1]).toBe($(element, '[data-sync="all"]'));

            click(buttonLabelled(element, `Compare ${odd} with the external system`));
            await flush();
            const panel = $$(element, 'c-record-compare').find((node) => node.dataset.integration === odd);
            panel?.dispatchEvent(new CustomEvent('close'));
            await flush();
            // (the panel focused its own heading when it opened)
            expect(focused[focused.length - 1]).toBe(
                buttonLabelled(element, `Compare ${odd} with the external system`)
            );
        });

        it('passes the configured integration from the card button', async () => {
            syncNowMock.mockResolvedValue(syncResults.queued);
            const element = mount({ integration: 'ERP_Customer' });
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.all);
            await flush();

            expect($$(element, 'li[data-integration]')).toHaveLength(1);
            expect(buttonLabelled(element, 'Sync ERP_Customer now')).toBeUndefined();
            click($(element, '[data-sync="all"]'));
            await flush();

            expect(syncNowMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: 'ERP_Customer' });
        });

        it('warns when the change was already waiting and nothing was queued', async () => {
            syncNowMock.mockResolvedValue(syncResults.alreadyWaiting);
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.delivered);
            await flush();

            click($(element, '[data-sync="all"]'));
            await flush();

            expect(toasts).toEqual([
                expect.objectContaining({ message: syncResults.alreadyWaiting.message, variant: 'warning' })
            ]);
        });

        it('shows the Apex refusal as an error toast', async () => {
            syncNowMock.mockRejectedValue({ body: { message: 'This integration is not active.' } });
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.delivered);
            await flush();

            click($(element, '[data-sync="all"]'));
            await flush();

            expect(toasts).toEqual([
                expect.objectContaining({ message: 'This integration is not active.', variant: 'error' })
            ]);
            expect(refreshMock).not.toHaveBeenCalled();
            expect(($(element, '[data-sync="all"]') as HTMLElement & { disabled?: boolean }).disabled).toBe(false);
        });

        it('is hidden, not disabled, without the permission or an active integration', async () => {
            const element = mount();
            actionsAdapter.emit(actions.readOnly);
            statusAdapter.emit(statuses.all);
            await flush();
            expect($(element, '[data-sync]')).toBeNull();
            expect($$(element, 'lightning-button').filter((b) => b.dataset.compare)).toHaveLength(0);
            await expect(element).toBeAccessible();

            const other = mount();
            actionsAdapter.emit(actions.inactive);
            statusAdapter.emit(statuses.delivered);
            await flush();
            expect($(other, '[data-sync]')).toBeNull();
        });
    });

    describe('compare', () => {
        it('opens the comparison under the row and closes it again', async () => {
            compareMock.mockResolvedValue(compareResults.differences);
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.delivered);
            await flush();

            const open = buttonLabelled(element, 'Compare with the external system');
            expect(open?.getAttribute('aria-expanded') ?? (open as { ariaExpanded?: string }).ariaExpanded).toBe(
                'false'
            );
            click(open);
            await flush();

            const panel = $(element, 'c-record-compare');
            expect(panel).not.toBeNull();
            expect(compareMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: 'ERP_Customer' });
            panel?.dispatchEvent(new CustomEvent('close'));
            await flush();
            expect($(element, 'c-record-compare')).toBeNull();

            click(open);
            await flush();
            click(open);
            await flush();
            expect($(element, 'c-record-compare')).toBeNull();
        });

        it('names the integration on each compare button when several are shown', async () => {
            const element = mount();
            actionsAdapter.emit(actions.allowed);
            statusAdapter.emit(statuses.all);
            await flush();

            expect(buttonLabelled(element, 'Compare ERP_Customer with the external system')).toBeDefined();
            expect(buttonLabelled(element, 'Compare Billing_Account with the external system')).toBeDefined();
            expect(buttonLabelled(element, 'Compare Warehouse_Sync with the external system')).toBeUndefined();
        });
    });

    describe('live updates: polling (default)', () => {
        beforeEach(() => {
            jest.useFakeTimers({ now: NOW });
        });

        it('polls while a change is on its way, backing off 3, 5, 10, 20, 30 s then every 60 s', async () => {
            mount();
            statusAdapter.emit(live.queued);
            await flush();

            const waits = [3000, 5000, 10000, 20000, 30000, 60000, 60000];
            for (const [index, wait] of waits.entries()) {
                // Sequential on purpose: each wait starts when the previous poll has answered.
                // eslint-disable-next-line no-await-in-loop
                await jest.advanceTimersByTimeAsync(wait - 1);
                expect(refreshMock).toHaveBeenCalledTimes(index);
                // eslint-disable-next-line no-await-in-loop
                await jest.advanceTimersByTimeAsync(1);
                expect(refreshMock).toHaveBeenCalledTimes(index + 1);
            }
            expect(subscribeMock).not.toHaveBeenCalled();
        });

        it('stops when everything is finished and toasts the delivery', async () => {
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();
            expect(toasts).toEqual([]);

            await jest.advanceTimersByTimeAsync(3000);
            statusAdapter.emit(live.inProgress);
            await flush();
            statusAdapter.emit(live.delivered);
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect(toasts).toEqual([
                expect.objectContaining({ title: 'Delivered to ERP_Customer', variant: 'success' })
            ]);
            expect($(element, '[data-id="announcement"]')?.textContent).toContain('Delivered to ERP_Customer');
        });

        it('does not poll or toast when the record has nothing on its way', async () => {
            mount();
            statusAdapter.emit(statuses.delivered);
            await flush();
            statusAdapter.emit(statuses.delivered);
            await flush();

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();
            expect(toasts).toEqual([]);
        });

        it('shows, without a toast, a change that happened before the page opened', async () => {
            // Finding 9: the wire can answer from its cache first (still Queued), then with the fresh value.
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();
            statusAdapter.emit(live.deliveredBeforeOpen);
            await flush();

            expect(text(row(element, 'ERP_Customer'), '[data-id="status"]')).toBe('Delivered');
            expect(toasts).toEqual([]);
            expect($(element, '[data-id="announcement"]')?.textContent).toBe('');

            statusAdapter.emit(live.inProgress);
            await flush();
            statusAdapter.emit(live.deadLetterBeforeOpen);
            await flush();
            expect(toasts).toEqual([]);
        });

        it('toasts a change from just before the page connected, within the clock-skew allowance', async () => {
            jest.setSystemTime(new Date(NOW.getTime() + 8000));
            mount();
            statusAdapter.emit(live.queued);
            await flush();
            // Delivered at 12:00:03, the page connected at 12:00:08: 5 s of allowance for the server's clock.
            statusAdapter.emit(live.delivered);
            await flush();
            expect(toasts).toEqual([expect.objectContaining({ title: 'Delivered to ERP_Customer' })]);
        });

        it('does not toast a delivery made while the card was detached, once attached again', async () => {
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();
            document.body.removeChild(element);
            jest.setSystemTime(new Date(NOW.getTime() + 60 * 60 * 1000));
            document.body.appendChild(element);
            statusAdapter.emit(live.delivered);
            await flush();

            expect(text(row(element, 'ERP_Customer'), '[data-id="status"]')).toBe('Delivered');
            expect(toasts).toEqual([]);
        });

        it('toasts nothing on the first answer, even for a failure', async () => {
            mount();
            statusAdapter.emit(live.deadLetter);
            await flush();

            expect(toasts).toEqual([]);
        });

        it('warns when an attempt failed and a retry is scheduled, then sleeps until the retry is due', async () => {
            randomSpy.mockReturnValue(0);
            const element = mount();
            statusAdapter.emit(live.inProgress);
            await flush();
            statusAdapter.emit(live.retry);
            await flush();

            expect(toasts).toEqual([
                expect.objectContaining({
                    title: 'Sending to ERP_Customer failed; Relay will retry in 4 min',
                    message: 'The receiving system had an internal error.',
                    variant: 'warning'
                })
            ]);
            expect(text(row(element, 'ERP_Customer'), '[data-id="status"]')).toBe('Retry scheduled');
            // Due at 12:04:00; asked again 2 s later, not before.
            await jest.advanceTimersByTimeAsync(4 * 60 * 1000 + 1999);
            expect(refreshMock).not.toHaveBeenCalled();
            await jest.advanceTimersByTimeAsync(1);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            // Then the backoff starts again at 3 s, less 20 % with this random value (the dispatcher is picking it up).
            await jest.advanceTimersByTimeAsync(2399);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(1);
            expect(refreshMock).toHaveBeenCalledTimes(2);
        });

        it('tells the rep with an error toast when the change ends as a dead letter', async () => {
            mount();
            statusAdapter.emit(live.inProgress);
            await flush();
            statusAdapter.emit(live.deadLetter);
            await flush();

            expect(toasts).toEqual([
                expect.objectContaining({
                    title: 'Not delivered to ERP_Customer',
                    message: 'The receiving system rejected the request as invalid.',
                    variant: 'error'
                })
            ]);
        });

        it('pauses while the tab is hidden and looks again when it comes back', async () => {
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();

            setVisibility('hidden');
            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();
            await flush();
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Updates resume when you return to this tab.'
            );

            setVisibility('visible');
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            await jest.advanceTimersByTimeAsync(3000);
            expect(refreshMock).toHaveBeenCalledTimes(2);
        });

        it('stops on disconnect', async () => {
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();

            document.body.removeChild(element);
            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();
        });

        it('waits for a paused circuit to resume', async () => {
            randomSpy.mockReturnValue(0);
            mount();
            statusAdapter.emit(statuses.paused);
            await flush();

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000 + 1999);
            expect(refreshMock).not.toHaveBeenCalled();
            await jest.advanceTimersByTimeAsync(1);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('spreads the wake after a resume time over the next 20 %, so pages do not all ask at once', async () => {
            // Finding 10: every page showing the paused circuit used to ask at resumeAt + 2 s, together.
            randomSpy.mockReturnValue(0.99);
            mount();
            statusAdapter.emit(statuses.paused);
            await flush();

            const due = 10 * 60 * 1000 + 2000;
            await jest.advanceTimersByTimeAsync(due);
            expect(refreshMock).not.toHaveBeenCalled();
            await jest.advanceTimersByTimeAsync(Math.round(due * 0.198) - 1);
            expect(refreshMock).not.toHaveBeenCalled();
            await jest.advanceTimersByTimeAsync(1);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('gives up after 15 minutes without any change: "Still waiting", and Refresh starts watching again', async () => {
            // Finding 10: a row stuck Queued (schedules stopped during a deploy) was asked about every minute forever.
            const focused = recordFocus();
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();

            await jest.advanceTimersByTimeAsync(16 * 60 * 1000);
            const calls = refreshMock.mock.calls.length;
            // 3, 8, 18, 38, 68 s, then a minute apart up to 15 min: about 19 looks.
            expect(calls).toBeGreaterThan(15);
            expect(calls).toBeLessThan(22);
            await jest.advanceTimersByTimeAsync(60 * 60 * 1000);
            expect(refreshMock).toHaveBeenCalledTimes(calls);
            const stalled = $(element, '[data-id="stalled"]');
            expect(stalled?.textContent).toContain(STALLED_MESSAGE);
            expect($(element, '[data-id="live-status"]')).toBeNull();
            // sa11y refuses fake timers: check with real ones, then go on from the same time.
            const stalledAt = Date.now();
            jest.useRealTimers();
            await expect(element).toBeAccessible();
            jest.useFakeTimers({ now: stalledAt });

            click(buttonLabelled(element, 'Refresh'));
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(calls + 1);
            expect($(element, '[data-id="stalled"]')).toBeNull();
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Checking for updates while a change is on its way.'
            );
            // The Refresh button went away with the message: the focus goes to the card's refresh button.
            expect(focused).toContain($(element, '[data-id="refresh"]'));
            await jest.advanceTimersByTimeAsync(3000);
            expect(refreshMock).toHaveBeenCalledTimes(calls + 2);
        });

        it('counts the 15 minutes from the last change, and the header refresh restarts them too', async () => {
            const element = mount();
            statusAdapter.emit(live.queued);
            await flush();

            await jest.advanceTimersByTimeAsync(14 * 60 * 1000);
            statusAdapter.emit(live.inProgress);
            await flush();
            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect($(element, '[data-id="stalled"]')).toBeNull();
            const calls = refreshMock.mock.calls.length;
            await jest.advanceTimersByTimeAsync(2 * 60 * 1000);
            expect(refreshMock.mock.calls.length).toBeGreaterThan(calls);

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect($(element, '[data-id="stalled"]')).not.toBeNull();
            click($(element, '[data-id="refresh"]'));
            await flush();
            expect($(element, '[data-id="stalled"]')).toBeNull();
        });

        it('still waits for a retry due after more than 15 quiet minutes', async () => {
            randomSpy.mockReturnValue(0);
            mount();
            statusAdapter.emit([{ ...live.retry[0], nextAttemptAt: '2026-11-20T12:25:00.000Z' }]);
            await flush();

            await jest.advanceTimersByTimeAsync(25 * 60 * 1000 + 2000);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            // The due time passed: the row should move now, so the backoff (and its 15 minutes) start again.
            await jest.advanceTimersByTimeAsync(2400);
            expect(refreshMock).toHaveBeenCalledTimes(2);
        });

        it('watches only the configured integration', async () => {
            mount({ integration: 'ERP_Customer' });
            statusAdapter.emit(statuses.all);
            await flush();

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();
        });

        it('only refreshes by hand when live updates are off, but still toasts what it sees', async () => {
            const element = mount({ liveUpdates: 'Off' });
            statusAdapter.emit(live.queued);
            await flush();
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Live updates are off: refresh to see changes.'
            );

            await jest.advanceTimersByTimeAsync(10 * 60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();
            click($(element, 'lightning-button-icon[title="Refresh sync status"]'));
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);
            statusAdapter.emit(live.delivered);
            await flush();
            expect(toasts).toEqual([expect.objectContaining({ title: 'Delivered to ERP_Customer' })]);
            expect(subscribeMock).not.toHaveBeenCalled();
        });
    });

    describe('live updates: streaming (empApi)', () => {
        const STREAMING = 'Streaming (empApi)';

        beforeEach(() => {
            // The fixtures' changes happen at 12:00:0x: the page opens at 12:00, so they are news (finding 9).
            jest.useFakeTimers({ now: NOW });
        });

        it('subscribes only while a change is on its way and refreshes for an event naming this record', async () => {
            const element = mount({ liveUpdates: STREAMING });
            statusAdapter.emit(statuses.delivered);
            await flush();
            expect(subscribeMock).not.toHaveBeenCalled();

            statusAdapter.emit(live.queued);
            await flush();
            expect(subscribeMock).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
            // One look right after subscribing, for a change that landed in between.
            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Updating live while a change is on its way.'
            );

            publishForTest(CHANNEL, live.otherRecordEvent);
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(1);

            publishForTest(CHANNEL, live.thisRecordEvent);
            await flush();
            expect(refreshMock).toHaveBeenCalledTimes(2);
            statusAdapter.emit(live.delivered);
            await flush();

            expect(toasts).toEqual([expect.objectContaining({ title: 'Delivered to ERP_Customer' })]);
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('ignores events of another integration when one is configured', async () => {
            mount({ liveUpdates: STREAMING, integration: 'ERP_Customer' });
            statusAdapter.emit(live.queued);
            await flush();
            refreshMock.mockClear();

            publishForTest(CHANNEL, { ...live.thisRecordEvent, Integration__c: 'Billing_Account' });
            await flush();
            expect(refreshMock).not.toHaveBeenCalled();
        });

        it('unsubscribes on disconnect', async () => {
            const element = mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();

            document.body.removeChild(element);
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('unsubscribes at once when the page was left while subscribing', async () => {
            const element = mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            document.body.removeChild(element);
            await flush();

            expect(subscribeMock).toHaveBeenCalledTimes(1);
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('falls back to polling when empApi is not enabled', async () => {
            isEmpEnabledMock.mockResolvedValueOnce(false);
            mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();

            expect(subscribeMock).not.toHaveBeenCalled();
            await jest.advanceTimersByTimeAsync(3000);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('falls back to polling when the subscription fails', async () => {
            subscribeMock.mockRejectedValueOnce(new Error('handshake failed'));
            mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();

            await jest.advanceTimersByTimeAsync(3000);
            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('falls back to polling when the streaming connection reports an error', async () => {
            const element = mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();
            refreshMock.mockClear();

            reportEmpError({ channel: '/meta/connect', error: 'connection lost', successful: false });
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(1);
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Checking for updates while a change is on its way.'
            );
            await jest.advanceTimersByTimeAsync(3000);
            expect(refreshMock).toHaveBeenCalledTimes(1);
            reportEmpError({ error: 'again' });
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('registers one onError callback for the module, however many cards stream, and tells each of them', async () => {
            // Finding 8: each card added a callback that empApi keeps for good.
            mount({ liveUpdates: STREAMING });
            mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();
            expect(subscribeMock).toHaveBeenCalledTimes(2);
            expect(empErrorCallbacks).toHaveLength(1);

            reportEmpError({ channel: '/meta/handshake', error: '403::Unknown client', successful: false });
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(2);
        });

        it('keeps streaming when the error concerns another channel of the page', async () => {
            const element = mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();
            refreshMock.mockClear();

            reportEmpError({ channel: '/meta/subscribe', subscription: '/event/Other__e', error: '403::denied' });
            reportEmpError({ channel: '/data/AccountChangeEvent', error: 'replay id not available' });
            await flush();
            expect(unsubscribe).not.toHaveBeenCalled();
            expect($(element, '[data-id="live-status"]')?.textContent?.trim()).toBe(
                'Updating live while a change is on its way.'
            );
            await jest.advanceTimersByTimeAsync(60 * 1000);
            expect(refreshMock).not.toHaveBeenCalled();

            reportEmpError({ channel: '/meta/subscribe', subscription: CHANNEL, error: '403::denied' });
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(1);
        });

        it('is not switched to polling by an error that comes while it is not streaming', async () => {
            mount({ liveUpdates: STREAMING });
            statusAdapter.emit(live.queued);
            await flush();
            statusAdapter.emit(live.delivered);
            await flush();
            expect(unsubscribe).toHaveBeenCalledTimes(1);

            reportEmpError({ channel: '/meta/connect', error: 'connection lost' });
            statusAdapter.emit(live.queued);
            await flush();
            expect(subscribeMock).toHaveBeenCalledTimes(2);
        });
    });

    it('is accessible with every status and every action shown', async () => {
        const element = mount({ liveUpdates: 'Off' });
        actionsAdapter.emit(actions.allowed);
        statusAdapter.emit(statuses.all);
        await flush();
        await expect(element).toBeAccessible();
    });
});
