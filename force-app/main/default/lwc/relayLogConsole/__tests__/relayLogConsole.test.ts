import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { createApexTestWireAdapter, TestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { CurrentPageReference } from 'lightning/navigation';
import LightningConfirm from 'lightning/confirm';
import { refreshApex } from '@salesforce/apex';
import getLogDetail from '@salesforce/apex/RelayConsoleController.getLogDetail';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import queryLogs from '@salesforce/apex/RelayConsoleController.queryLogs';
import replayLogs from '@salesforce/apex/RelayConsoleController.replayLogs';
import cancelLogs from '@salesforce/apex/RelayConsoleController.cancelLogs';
import replayMatching from '@salesforce/apex/RelayConsoleController.replayMatching';
import cancelMatching from '@salesforce/apex/RelayConsoleController.cancelMatching';
import getOperation from '@salesforce/apex/RelayConsoleController.getOperation';
import RelayLogConsole, {
    MAX_PAGE_SIZE,
    NO_CONSOLE_ACCESS,
    POLL_MAX_FAILURES,
    RECORD_ID_MESSAGE,
    WINDOW_ORDER_MESSAGE,
    rowActionsFor
} from 'c/relayLogConsole';
import page1 from './data/logPage1.json';
import page2 from './data/logPage2.json';
import emptyPage from './data/emptyPage.json';
import billingDeadLetters from './data/billingDeadLettersPage.json';
import integrationNames from './data/integrationNames.json';
import replayStarted from './data/replayStarted.json';
import operationRunning from './data/operationRunning.json';
import operationCompleted from './data/operationCompleted.json';
import replayResult from './data/replayResult.json';
import cancelResultSkipped from './data/cancelResultSkipped.json';
import logDetail from '../../relayLogDetail/__tests__/data/logDetail.json';

jest.mock('lightning/navigation', () => {
    const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](reference: unknown, replace?: boolean): void {
                    navigate(reference, replace);
                }
                [GenerateUrl](): Promise<string> {
                    return Promise.resolve('/lightning/n/Relay_Logs');
                }
            },
        { Navigate, GenerateUrl }
    );
    return { CurrentPageReference: lwcJest.createTestWireAdapter(jest.fn()), NavigationMixin, navigate };
});
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));
jest.mock(
    '@salesforce/apex/RelayConsoleController.getIntegrationNames',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/RelayConsoleController.getLogDetail',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.queryLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.replayLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.cancelLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.replayMatching', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.cancelMatching', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.getOperation', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/customPermission/Relay_Replay_Logs', () => ({ default: true }), { virtual: true });
jest.mock('@salesforce/customPermission/Relay_Cancel_Logs', () => ({ default: true }), { virtual: true });

type AnyMock = jest.Mock<(...args: unknown[]) => Promise<unknown>>;
const pageReferenceAdapter = CurrentPageReference as unknown as TestWireAdapter;
const namesAdapter = getIntegrationNames as unknown as ReturnType<typeof createApexTestWireAdapter>;
const navigate = jest.requireMock<{ navigate: jest.Mock<(reference: unknown, replace?: boolean) => void> }>(
    'lightning/navigation'
).navigate;
const confirmOpen = (LightningConfirm as unknown as { open: AnyMock }).open;
const queryLogsMock = queryLogs as unknown as AnyMock;
const replayLogsMock = replayLogs as unknown as AnyMock;
const cancelLogsMock = cancelLogs as unknown as AnyMock;
const replayMatchingMock = replayMatching as unknown as AnyMock;
const cancelMatchingMock = cancelMatching as unknown as AnyMock;
const getOperationMock = getOperation as unknown as AnyMock;
const refreshMock = refreshApex as unknown as jest.Mock<(value: unknown) => Promise<void>>;
const detailAdapter = getLogDetail as unknown as ReturnType<typeof createApexTestWireAdapter>;

const NOW = Date.parse('2026-11-20T12:00:00Z');
const LOGS_PAGE = { type: 'standard__navItemPage', attributes: { apiName: 'Relay_Logs' } };

interface Toast {
    title?: string;
    message: string;
    variant?: string;
}

let toasts: Toast[] = [];

function mount(): HTMLElement {
    const element = createElement('c-relay-log-console', { is: RelayLogConsole });
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
    document.body.appendChild(element);
    return element;
}

/** Timers under test control (debounce, polling); sa11y needs real timers back before it runs. */
function useFakeClock(): void {
    jest.useFakeTimers({ now: NOW, doNotFake: ['queueMicrotask', 'nextTick'] });
}

/** Lets promise chains (Apex answers, confirm, re-render) settle, with real or fake timers. */
async function settle(ticks = 12): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) {
        await settle(ticks - 1);
    }
}

function shadow(element: HTMLElement): ShadowRoot {
    const root = element.shadowRoot;
    if (!root) {
        throw new Error('no shadow root');
    }
    return root;
}

function byId<T extends Element = HTMLElement>(element: HTMLElement, id: string): T | null {
    return shadow(element).querySelector<T>(`[data-id="${id}"]`);
}

function table(element: HTMLElement): (HTMLElement & { data: Array<{ id: string }>; columns: unknown[] }) | null {
    return shadow(element).querySelector('lightning-datatable');
}

function change(target: Element | null, detail: unknown): void {
    target?.dispatchEvent(new CustomEvent('change', { detail }));
}

function click(target: Element | null): void {
    target?.dispatchEvent(new CustomEvent('click'));
}

function toggleStatus(element: HTMLElement, status: string, checked = true): void {
    const box = shadow(element).querySelector(`lightning-input[data-status="${status}"]`);
    box?.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
}

function checkedStatuses(element: HTMLElement): string[] {
    return Array.from(shadow(element).querySelectorAll('lightning-input[data-status]'))
        .filter((box) => (box as unknown as { checked: boolean }).checked)
        .map((box) => (box as HTMLElement).dataset.status ?? '');
}

function lastQuery(): { filterJson: string; cursor?: string; pageSize: number } {
    const call = queryLogsMock.mock.calls.at(-1);
    return call?.[0] as { filterJson: string; cursor?: string; pageSize: number };
}

function lastFilter(): Record<string, unknown> {
    return JSON.parse(lastQuery().filterJson) as Record<string, unknown>;
}

async function mountWithRows(state: Record<string, string> = {}, page: unknown = page1): Promise<HTMLElement> {
    queryLogsMock.mockResolvedValueOnce(page);
    const element = mount();
    namesAdapter.emit(integrationNames);
    pageReferenceAdapter.emit({ ...LOGS_PAGE, state });
    await settle();
    return element;
}

describe('c-relay-log-console', () => {
    let now: jest.SpiedFunction<typeof Date.now>;

    beforeEach(() => {
        now = jest.spyOn(Date, 'now').mockReturnValue(NOW);
        refreshMock.mockResolvedValue(undefined);
        toasts = [];
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.useRealTimers();
        jest.resetAllMocks();
        jest.restoreAllMocks();
    });

    describe('loading and data', () => {
        it('shows a spinner in the table area until the first page arrives', async () => {
            queryLogsMock.mockReturnValue(new Promise(() => undefined));
            const element = mount();
            pageReferenceAdapter.emit({ ...LOGS_PAGE, state: {} });
            await settle();

            const spinner = shadow(element).querySelector('lightning-spinner');
            expect(spinner).not.toBeNull();
            expect(spinner?.closest('[data-id="table-area"]')?.className).toContain('slds-is-relative');
            expect(byId(element, 'count')?.textContent).toContain('Loading log rows');
            await expect(element).toBeAccessible();
        });

        it('asks for the last 24 hours, 50 rows, by default and lists them with their status words', async () => {
            const element = await mountWithRows();

            expect(queryLogsMock).toHaveBeenCalledTimes(1);
            expect(lastQuery().pageSize).toBe(50);
            expect(lastQuery().cursor).toBeUndefined();
            expect(lastFilter()).toEqual({ from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' });
            const rows = table(element)?.data as unknown as Array<Record<string, unknown>>;
            expect(rows).toHaveLength(12);
            const deadLetter = rows.find((row) => row.status === 'Dead Letter');
            expect(deadLetter).toMatchObject({
                statusLabel: 'Dead letter',
                statusIcon: 'utility:error',
                statusClass: 'slds-text-color_error'
            });
            expect(rows.find((row) => row.status === 'In Progress')?.statusLabel).toBe('Sending');
            expect(byId(element, 'count')?.textContent).toBe('12 rows shown · more available');
            expect(shadow(element).querySelector('lightning-spinner')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('offers the integrations from Apex plus "All integrations"', async () => {
            const element = await mountWithRows();

            const options = (byId(element, 'integration') as unknown as { options: Array<{ value: string }> }).options;
            expect(options.map((option) => option.value)).toEqual(['', 'Billing_Account', 'ERP_Customer']);
        });

        it('sets the table up for selection of at most 200 rows by id', async () => {
            const element = await mountWithRows();

            const datatable = table(element) as unknown as { keyField: string; maxRowSelection: number };
            expect(datatable.keyField).toBe('id');
            expect(datatable.maxRowSelection).toBe(200);
        });

        it('says what to do when no row matches', async () => {
            const element = await mountWithRows({}, emptyPage);

            expect(byId(element, 'empty')?.textContent).toContain('No log rows match these filters.');
            expect(byId(element, 'empty')?.textContent).toContain('Widen the time range');
            expect(table(element)).toBeNull();
            expect(byId(element, 'count')?.textContent).toBe('0 rows shown');
            await expect(element).toBeAccessible();
        });

        it('suggests a custom range when 7 days matched nothing', async () => {
            const element = await mountWithRows({ c__range: '7d' }, emptyPage);

            expect(byId(element, 'empty')?.textContent).toContain('custom range further back');
        });

        it('shows a failed query as an alert', async () => {
            queryLogsMock.mockRejectedValueOnce({
                body: { message: 'The page cursor is not one this console gave out.' }
            });
            const element = mount();
            pageReferenceAdapter.emit({ ...LOGS_PAGE, state: {} });
            await settle();

            expect(byId(element, 'error')?.getAttribute('role')).toBe('alert');
            expect(byId(element, 'error')?.textContent).toContain('The page cursor is not one this console gave out.');
            expect(byId(element, 'empty')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows the console refusal as a designed message instead of the table', async () => {
            queryLogsMock.mockRejectedValueOnce({ body: { message: NO_CONSOLE_ACCESS } });
            const element = mount();
            pageReferenceAdapter.emit({ ...LOGS_PAGE, state: {} });
            await settle();

            expect(byId(element, 'no-access')?.textContent).toContain(NO_CONSOLE_ACCESS);
            expect(byId(element, 'no-access')?.textContent).toContain('Relay Admin permission set');
            expect(byId(element, 'filters')).toBeNull();
            expect(table(element)).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows the broad-window refusal beside the filters', async () => {
            const refusal =
                'Name an integration, a status or a record, or choose a window of at most 7 days (from and to).';
            queryLogsMock.mockRejectedValueOnce({ body: { message: refusal } });
            const element = mount();
            pageReferenceAdapter.emit({
                ...LOGS_PAGE,
                state: { c__range: 'custom', c__from: '2026-10-01T00:00:00Z', c__to: '2026-11-20T00:00:00Z' }
            });
            await settle();

            const alert = byId(element, 'filter-error');
            expect(alert?.textContent).toContain(refusal);
            expect(alert?.closest('[data-id="filters"]')).not.toBeNull();
            expect(byId(element, 'error')).toBeNull();
            expect(byId(element, 'empty')).toBeNull();
            expect(byId(element, 'count')?.textContent).toBe('');
            await expect(element).toBeAccessible();
        });

        it('refreshes the first page with a fresh window', async () => {
            const element = await mountWithRows();
            now.mockReturnValue(NOW + 60_000);
            queryLogsMock.mockResolvedValueOnce(page1);

            click(shadow(element).querySelector('lightning-button-icon'));
            await settle();

            expect(queryLogsMock).toHaveBeenCalledTimes(2);
            expect(lastFilter().to).toBe('2026-11-20T12:01:00.000Z');
        });
    });

    describe('URL state', () => {
        it('reads every filter from the page state on load', async () => {
            await mountWithRows({
                c__integration: 'ERP_Customer',
                c__status: 'Dead Letter,Retry Scheduled',
                c__errorCategory: 'Timeout',
                c__range: '7d',
                c__recordId: '001Hs00000Q7mA10AA'
            });

            expect(lastFilter()).toEqual({
                integration: 'ERP_Customer',
                statuses: ['Retry Scheduled', 'Dead Letter'],
                errorCategory: 'Timeout',
                from: '2026-11-13T12:00:00.000Z',
                to: '2026-11-20T12:00:00.000Z',
                recordId: '001Hs00000Q7mA10AA'
            });
        });

        it('shows the state in the filter inputs', async () => {
            const element = await mountWithRows({
                c__integration: 'Old_Integration',
                c__status: 'Dead Letter',
                c__errorCategory: 'Timeout',
                c__range: 'custom',
                c__from: '2026-11-20T08:00:00Z',
                c__to: '2026-11-20T10:00:00Z'
            });

            const integration = byId(element, 'integration') as unknown as {
                value: string;
                options: Array<{ value: string }>;
            };
            expect(integration.value).toBe('Old_Integration');
            expect(integration.options.map((option) => option.value)).toContain('Old_Integration');
            expect(checkedStatuses(element)).toEqual(['Dead Letter']);
            expect((byId(element, 'errorCategory') as unknown as { value: string }).value).toBe('Timeout');
            expect((byId(element, 'from') as unknown as { value: string }).value).toBe('2026-11-20T08:00:00.000Z');
            expect((byId(element, 'to') as unknown as { value: string }).value).toBe('2026-11-20T10:00:00.000Z');
            expect(lastFilter()).toMatchObject({ from: '2026-11-20T08:00:00.000Z', to: '2026-11-20T10:00:00.000Z' });
        });

        it('lists the dead letters of one integration with "Replay all matching…" ready', async () => {
            const element = await mountWithRows(
                { c__integration: 'Billing_Account', c__status: 'Dead Letter' },
                billingDeadLetters
            );

            expect(table(element)?.data.map((row) => row.id)).toEqual(billingDeadLetters.rows.map((row) => row.id));
            expect(byId(element, 'count')?.textContent).toBe('3 rows shown');
            expect((byId(element, 'replay-matching') as unknown as { disabled: boolean }).disabled).toBe(false);
            expect(byId(element, 'bulk-hint')).toBeNull();
        });

        it('drops state values the console cannot send', async () => {
            await mountWithRows({
                c__status: 'Dead Letter,Lost',
                c__errorCategory: 'Gremlins',
                c__range: 'forever',
                c__recordId: 'not-an-id'
            });

            expect(lastFilter()).toEqual({
                statuses: ['Dead Letter'],
                from: '2026-11-19T12:00:00.000Z',
                to: '2026-11-20T12:00:00.000Z'
            });
        });

        it('writes a changed filter to the URL, replacing the history entry, and reads from page one', async () => {
            const element = await mountWithRows({ c__other: 'kept' });
            queryLogsMock.mockResolvedValueOnce(page1);

            change(byId(element, 'integration'), { value: 'Billing_Account' });
            await settle();

            expect(navigate).toHaveBeenCalledTimes(1);
            expect(navigate).toHaveBeenCalledWith(
                { ...LOGS_PAGE, state: { c__other: 'kept', c__integration: 'Billing_Account', c__range: '24h' } },
                true
            );
            expect(lastFilter().integration).toBe('Billing_Account');
            expect(lastQuery().cursor).toBeUndefined();
        });

        it('writes statuses comma-separated and the error category', async () => {
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValue(page1);

            toggleStatus(element, 'Dead Letter');
            await settle();
            toggleStatus(element, 'Queued');
            toggleStatus(element, 'Cancelled');
            await settle();
            toggleStatus(element, 'Cancelled', false);
            await settle();
            change(byId(element, 'errorCategory'), { value: 'Timeout' });
            await settle();

            expect(navigate).toHaveBeenLastCalledWith(
                {
                    ...LOGS_PAGE,
                    state: { c__status: 'Queued,Dead Letter', c__errorCategory: 'Timeout', c__range: '24h' }
                },
                true
            );
            expect(lastFilter()).toMatchObject({ statuses: ['Queued', 'Dead Letter'], errorCategory: 'Timeout' });
        });

        it('does not reload when the page reference comes back with the filter it shows', async () => {
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValue(page1);
            change(byId(element, 'range'), { value: '1h' });
            await settle();
            expect(queryLogsMock).toHaveBeenCalledTimes(2);
            expect(lastFilter()).toEqual({ from: '2026-11-20T11:00:00.000Z', to: '2026-11-20T12:00:00.000Z' });

            pageReferenceAdapter.emit(navigate.mock.calls[0][0]);
            await settle();

            expect(queryLogsMock).toHaveBeenCalledTimes(2);
        });

        it('applies state arriving later from another tab (dead letters → View logs)', async () => {
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValueOnce(page1);

            pageReferenceAdapter.emit({
                ...LOGS_PAGE,
                state: { c__status: 'Dead Letter', c__errorCategory: 'Timeout', c__range: '7d' }
            });
            await settle();

            expect(queryLogsMock).toHaveBeenCalledTimes(2);
            expect(lastFilter()).toEqual({
                statuses: ['Dead Letter'],
                errorCategory: 'Timeout',
                from: '2026-11-13T12:00:00.000Z',
                to: '2026-11-20T12:00:00.000Z'
            });
            expect(checkedStatuses(element)).toEqual(['Dead Letter']);
            expect(navigate).not.toHaveBeenCalled();
        });

        it('debounces the record id and validates its shape', async () => {
            useFakeClock();
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValue(page1);
            const input = byId(element, 'recordId') as HTMLElement & {
                setCustomValidity: (message: string) => void;
            };
            const validity = jest.spyOn(input, 'setCustomValidity');

            change(input, { value: '001Hs' });
            jest.advanceTimersByTime(100);
            change(input, { value: '001Hs00000Q7mA' });
            jest.advanceTimersByTime(300);
            await settle();

            expect(validity).toHaveBeenLastCalledWith(RECORD_ID_MESSAGE);
            expect(navigate).not.toHaveBeenCalled();
            expect(queryLogsMock).toHaveBeenCalledTimes(1);

            change(input, { value: '001Hs00000Q7mA10AA' });
            jest.advanceTimersByTime(299);
            expect(navigate).not.toHaveBeenCalled();
            jest.advanceTimersByTime(1);
            await settle();

            expect(validity).toHaveBeenLastCalledWith('');
            expect(navigate).toHaveBeenCalledWith(
                { ...LOGS_PAGE, state: { c__range: '24h', c__recordId: '001Hs00000Q7mA10AA' } },
                true
            );
            expect(lastFilter().recordId).toBe('001Hs00000Q7mA10AA');
        });

        it('keeps an edit of the record id and one of a date made within the same pause', async () => {
            useFakeClock();
            const element = await mountWithRows({
                c__range: 'custom',
                c__from: '2026-11-19T12:00:00.000Z',
                c__to: '2026-11-20T12:00:00.000Z'
            });
            queryLogsMock.mockResolvedValue(page1);

            change(byId(element, 'recordId'), { value: '001Hs00000Q7mA10AA' });
            jest.advanceTimersByTime(100);
            change(byId(element, 'from'), { value: '2026-11-20T06:00:00.000Z' });
            jest.advanceTimersByTime(300);
            await settle();

            expect(lastFilter()).toEqual({
                from: '2026-11-20T06:00:00.000Z',
                to: '2026-11-20T12:00:00.000Z',
                recordId: '001Hs00000Q7mA10AA'
            });
        });

        it('opens a custom range at the last 24 hours and narrows it from the datetime inputs', async () => {
            useFakeClock();
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValue(page1);

            change(byId(element, 'range'), { value: 'custom' });
            await settle();
            expect(navigate).toHaveBeenLastCalledWith(
                {
                    ...LOGS_PAGE,
                    state: {
                        c__range: 'custom',
                        c__from: '2026-11-19T12:00:00.000Z',
                        c__to: '2026-11-20T12:00:00.000Z'
                    }
                },
                true
            );

            change(byId(element, 'from'), { value: '2026-11-20T06:00:00.000Z' });
            jest.advanceTimersByTime(300);
            await settle();
            expect(lastFilter()).toEqual({ from: '2026-11-20T06:00:00.000Z', to: '2026-11-20T12:00:00.000Z' });

            const to = byId(element, 'to') as HTMLElement & { setCustomValidity: (message: string) => void };
            const validity = jest.spyOn(to, 'setCustomValidity');
            const calls = queryLogsMock.mock.calls.length;
            change(to, { value: '2026-11-20T05:00:00.000Z' });
            jest.advanceTimersByTime(300);
            await settle();
            expect(validity).toHaveBeenLastCalledWith(WINDOW_ORDER_MESSAGE);
            expect(queryLogsMock.mock.calls.length).toBe(calls);

            change(byId(element, 'range'), { value: '7d' });
            await settle();
            expect(navigate).toHaveBeenLastCalledWith({ ...LOGS_PAGE, state: { c__range: '7d' } }, true);
            expect(byId(element, 'from')).toBeNull();
        });

        it('clears every filter', async () => {
            const element = await mountWithRows({ c__integration: 'ERP_Customer', c__status: 'Queued' });
            queryLogsMock.mockResolvedValue(page1);

            click(byId(element, 'clear-filters'));
            await settle();

            expect(navigate).toHaveBeenCalledWith({ ...LOGS_PAGE, state: { c__range: '24h' } }, true);
            expect(lastFilter()).toEqual({ from: '2026-11-19T12:00:00.000Z', to: '2026-11-20T12:00:00.000Z' });
        });
    });

    describe('pagination', () => {
        it('appends the next page with the cursor and the same filter', async () => {
            const element = await mountWithRows({ c__integration: 'ERP_Customer' });
            const firstFilter = lastQuery().filterJson;
            now.mockReturnValue(NOW + 30_000);
            queryLogsMock.mockResolvedValueOnce(page2);

            click(byId(element, 'load-more'));
            await settle();

            expect(lastQuery()).toEqual({ filterJson: firstFilter, cursor: page1.nextCursor, pageSize: 50 });
            expect(table(element)?.data).toHaveLength(20);
            expect(table(element)?.data[12].id).toBe(page2.rows[0].id);
            expect(byId(element, 'count')?.textContent).toBe('20 rows shown');
            expect(byId(element, 'load-more')).toBeNull();
        });

        it('keeps the rows shown when the next page fails', async () => {
            const element = await mountWithRows();
            queryLogsMock.mockRejectedValueOnce(new Error('Network down'));

            click(byId(element, 'load-more'));
            await settle();

            expect(table(element)?.data).toHaveLength(12);
            expect(byId(element, 'error')?.textContent).toContain('Network down');
            expect(byId(element, 'load-more')).not.toBeNull();
        });

        it('reads as many rows as were shown after an action, in pages of 200, with Load more held meanwhile', async () => {
            const rowsOf = (from: number, count: number): unknown[] =>
                Array.from({ length: count }, (_, index) => ({
                    ...page1.rows[0],
                    id: `a07Hs00000Lg${String(from + index).padStart(3, '0')}AAA`
                }));
            const element = await mountWithRows({}, { rows: rowsOf(0, 50), hasMore: true, nextCursor: 'c50' });
            queryLogsMock.mockResolvedValueOnce({ rows: rowsOf(50, 50), hasMore: true, nextCursor: 'c100' });
            click(byId(element, 'load-more'));
            await settle();
            queryLogsMock.mockResolvedValueOnce({ rows: rowsOf(100, 50), hasMore: true, nextCursor: 'c150' });
            click(byId(element, 'load-more'));
            await settle();
            queryLogsMock.mockResolvedValueOnce({ rows: rowsOf(150, 50), hasMore: true, nextCursor: 'c200' });
            click(byId(element, 'load-more'));
            await settle();
            queryLogsMock.mockResolvedValueOnce({ rows: rowsOf(200, 50), hasMore: true, nextCursor: 'c250' });
            click(byId(element, 'load-more'));
            await settle();
            expect(table(element)?.data).toHaveLength(250);
            const before = queryLogsMock.mock.calls.length;

            let answerFirst: (page: unknown) => void = () => undefined;
            queryLogsMock.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
            confirmOpen.mockResolvedValueOnce(true);
            cancelLogsMock.mockResolvedValueOnce(cancelResultSkipped);
            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', {
                    detail: { action: { name: 'cancel' }, row: { id: 'a07Hs00000Lg010AAA' } }
                })
            );
            await settle();

            // The pre-action rows stay in view, but their cursor is not used for another page meanwhile.
            const loadMore = byId(element, 'load-more') as unknown as { disabled: boolean };
            expect(loadMore.disabled).toBe(true);
            expect(byId(element, 'table-area')?.getAttribute('aria-busy')).toBe('true');
            click(byId(element, 'load-more'));
            await settle();
            expect(queryLogsMock.mock.calls.length).toBe(before + 1);

            queryLogsMock.mockResolvedValueOnce({ rows: rowsOf(200, 50), hasMore: true, nextCursor: 'n250' });
            answerFirst({ rows: rowsOf(0, MAX_PAGE_SIZE), hasMore: true, nextCursor: 'n200' });
            await settle();

            const reads = queryLogsMock.mock.calls.slice(before).map((call) => call[0] as Record<string, unknown>);
            expect(reads.map(({ cursor, pageSize }) => ({ cursor, pageSize }))).toEqual([
                { cursor: undefined, pageSize: 200 },
                { cursor: 'n200', pageSize: 50 }
            ]);
            expect(table(element)?.data).toHaveLength(250);
            expect((byId(element, 'load-more') as unknown as { disabled: boolean }).disabled).toBe(false);
            expect(byId(element, 'table-area')?.getAttribute('aria-busy')).toBe('false');

            queryLogsMock.mockResolvedValueOnce(page2);
            click(byId(element, 'load-more'));
            await settle();
            expect(lastQuery().cursor).toBe('n250');
        });

        it('starts again from page one when a filter changes', async () => {
            const element = await mountWithRows();
            queryLogsMock.mockResolvedValueOnce(page2);
            click(byId(element, 'load-more'));
            await settle();
            queryLogsMock.mockResolvedValueOnce(page1);

            toggleStatus(element, 'Dead Letter');
            await settle();

            expect(lastQuery().cursor).toBeUndefined();
            expect(table(element)?.data).toHaveLength(12);
            expect(table(element)?.data[0].id).toBe(page1.rows[0].id);
        });

        it('ignores an answer overtaken by a newer query', async () => {
            let answerFirst: (page: unknown) => void = () => undefined;
            queryLogsMock.mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)));
            const element = mount();
            pageReferenceAdapter.emit({ ...LOGS_PAGE, state: {} });
            await settle();
            queryLogsMock.mockResolvedValueOnce(emptyPage);
            toggleStatus(element, 'Queued');
            await settle();

            answerFirst(page1);
            await settle();

            expect(table(element)).toBeNull();
            expect(byId(element, 'empty')).not.toBeNull();
        });
    });

    describe('row actions', () => {
        it('offers only the actions that apply to the status and the permissions', () => {
            const names = (status: string, replay = true, cancel = true): string[] =>
                rowActionsFor({ status: status as 'Queued' }, replay, cancel).map((action) => action.name);

            expect(names('Dead Letter')).toEqual(['details', 'replay', 'replayCurrent']);
            expect(names('Cancelled')).toEqual(['details', 'replay', 'replayCurrent']);
            expect(names('Queued')).toEqual(['details', 'cancel']);
            expect(names('Retry Scheduled')).toEqual(['details', 'cancel']);
            expect(names('Delivered')).toEqual(['details']);
            expect(names('In Progress')).toEqual(['details']);
            expect(names('Dead Letter', false)).toEqual(['details']);
            expect(names('Queued', true, false)).toEqual(['details']);
        });

        it('gives the datatable those actions per row', async () => {
            const element = await mountWithRows();
            const actionColumn = (table(element)?.columns as Array<{ type?: string; typeAttributes?: unknown }>).find(
                (column) => column.type === 'action'
            ) as { typeAttributes: { rowActions: (row: unknown, done: (actions: unknown[]) => void) => void } };
            const done = jest.fn();

            actionColumn.typeAttributes.rowActions(page1.rows[1], done);

            expect(done).toHaveBeenCalledWith([
                { label: 'View details', name: 'details' },
                { label: 'Replay', name: 'replay' },
                { label: 'Replay with current data', name: 'replayCurrent' }
            ]);
        });

        it('replays a row after confirmation, toasts the result and reloads the rows shown', async () => {
            const element = await mountWithRows();
            confirmOpen.mockResolvedValueOnce(true);
            replayLogsMock.mockResolvedValueOnce(replayResult);
            queryLogsMock.mockResolvedValueOnce(page1);

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'replay' }, row: page1.rows[1] } })
            );
            await settle();

            const options = confirmOpen.mock.calls[0][0] as { message: string; label: string; theme: string };
            expect(options.label).toBe('Replay log rows');
            expect(options.message).toContain(page1.rows[1].name);
            expect(options.theme).toBe('warning');
            expect(replayLogsMock).toHaveBeenCalledWith({ logIds: [page1.rows[1].id], withCurrentData: false });
            expect(toasts).toEqual([{ title: 'Replay done', message: '1 of 1 rows replayed.', variant: 'success' }]);
            expect(queryLogsMock).toHaveBeenCalledTimes(2);
            expect(lastQuery().cursor).toBeUndefined();
        });

        it('replays with current data', async () => {
            const element = await mountWithRows();
            confirmOpen.mockResolvedValueOnce(true);
            replayLogsMock.mockResolvedValueOnce(replayResult);
            queryLogsMock.mockResolvedValueOnce(page1);

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'replayCurrent' }, row: page1.rows[5] } })
            );
            await settle();

            expect((confirmOpen.mock.calls[0][0] as { message: string }).message).toContain('current data');
            expect(replayLogsMock).toHaveBeenCalledWith({ logIds: [page1.rows[5].id], withCurrentData: true });
        });

        it('does nothing when the confirmation is declined', async () => {
            const element = await mountWithRows();
            confirmOpen.mockResolvedValueOnce(false);

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'cancel' }, row: page1.rows[3] } })
            );
            await settle();

            expect(confirmOpen).toHaveBeenCalledTimes(1);
            expect(cancelLogsMock).not.toHaveBeenCalled();
            expect(toasts).toEqual([]);
            expect(queryLogsMock).toHaveBeenCalledTimes(1);
        });

        it('cancels a row and warns when rows were skipped', async () => {
            const element = await mountWithRows();
            confirmOpen.mockResolvedValueOnce(true);
            cancelLogsMock.mockResolvedValueOnce(cancelResultSkipped);
            queryLogsMock.mockResolvedValueOnce(page1);

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'cancel' }, row: page1.rows[3] } })
            );
            await settle();

            expect((confirmOpen.mock.calls[0][0] as { theme: string }).theme).toBe('error');
            expect(cancelLogsMock).toHaveBeenCalledWith({ logIds: [page1.rows[3].id] });
            expect(toasts[0]).toMatchObject({ variant: 'warning', message: cancelResultSkipped.message });
        });

        it('toasts a refused replay as an error and keeps the rows', async () => {
            const element = await mountWithRows();
            confirmOpen.mockResolvedValueOnce(true);
            replayLogsMock.mockRejectedValueOnce({
                body: { message: 'Some of these rows are being sent or saved right now; nothing was changed.' }
            });

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'replay' }, row: page1.rows[1] } })
            );
            await settle();

            expect(toasts[0]).toMatchObject({
                title: 'Replay failed',
                variant: 'error',
                message: 'Some of these rows are being sent or saved right now; nothing was changed.'
            });
            expect(queryLogsMock).toHaveBeenCalledTimes(1);
            expect(table(element)?.data).toHaveLength(12);
        });
    });

    describe('bulk actions', () => {
        it('replays and cancels the selected rows', async () => {
            const element = await mountWithRows();
            table(element)?.dispatchEvent(
                new CustomEvent('rowselection', { detail: { selectedRows: [page1.rows[1], page1.rows[5]] } })
            );
            await settle();

            expect(byId(element, 'replay-selected')?.getAttribute('data-id')).toBe('replay-selected');
            expect((byId(element, 'replay-selected') as unknown as { label: string }).label).toBe(
                'Replay selected (2)'
            );
            expect((byId(element, 'cancel-selected') as unknown as { label: string }).label).toBe(
                'Cancel selected (2)'
            );
            expect(byId(element, 'replay-matching')).toBeNull();
            expect(byId(element, 'count')?.textContent).toBe('12 rows shown · more available · 2 selected');

            confirmOpen.mockResolvedValue(true);
            replayLogsMock.mockResolvedValueOnce(replayResult);
            queryLogsMock.mockResolvedValue(page1);
            click(byId(element, 'replay-selected'));
            await settle();
            expect((confirmOpen.mock.calls[0][0] as { message: string }).message).toContain('2 selected rows');
            expect(replayLogsMock).toHaveBeenCalledWith({
                logIds: [page1.rows[1].id, page1.rows[5].id],
                withCurrentData: false
            });

            table(element)?.dispatchEvent(
                new CustomEvent('rowselection', { detail: { selectedRows: [page1.rows[3]] } })
            );
            await settle();
            cancelLogsMock.mockResolvedValueOnce(cancelResultSkipped);
            click(byId(element, 'cancel-selected'));
            await settle();
            expect(cancelLogsMock).toHaveBeenCalledWith({ logIds: [page1.rows[3].id] });
            await expect(element).toBeAccessible();
        });

        it('asks for a narrower filter before offering "all matching"', async () => {
            const element = await mountWithRows();

            expect((byId(element, 'replay-matching') as unknown as { disabled: boolean }).disabled).toBe(true);
            expect(byId(element, 'bulk-hint')?.textContent).toContain('choose an integration, a status or a record id');
        });

        it('replays every matching row after a confirmation stating the filter, and follows its progress', async () => {
            useFakeClock();
            const element = await mountWithRows({
                c__integration: 'ERP_Customer',
                c__status: 'Dead Letter',
                c__errorCategory: 'Timeout',
                c__range: '7d'
            });
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            getOperationMock.mockResolvedValueOnce(operationRunning).mockResolvedValueOnce(operationCompleted);
            queryLogsMock.mockResolvedValue(page1);

            expect(byId(element, 'bulk-hint')).toBeNull();
            click(byId(element, 'replay-matching'));
            await settle();

            const message = (confirmOpen.mock.calls[0][0] as { message: string }).message;
            // The user's time zone (@salesforce/i18n/timeZone: America/Los_Angeles under Jest), as in the table.
            expect(message).toContain(
                'integration ERP_Customer, status Dead Letter, error category Timeout, created since Nov 13, 2026, 4:00 AM PST? Rows created before then are not included.'
            );
            expect(replayMatchingMock).toHaveBeenCalledWith({
                filterJson: JSON.stringify({
                    integration: 'ERP_Customer',
                    statuses: ['Dead Letter'],
                    errorCategory: 'Timeout',
                    from: '2026-11-13T12:00:00.000Z'
                }),
                withCurrentData: false
            });
            expect(toasts[0]).toMatchObject({ title: 'Replay started', variant: 'info' });
            expect(byId(element, 'operation')?.textContent).toContain('Replay: Queued');

            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledWith({ operationId: replayStarted.operationId });
            expect(byId(element, 'operation')?.textContent).toContain('Replay: Running');
            expect(byId(element, 'operation-summary')?.textContent).toBe(
                '2 of 4 rows handled · 2 done, 0 skipped, 0 failed'
            );
            expect(
                (shadow(element).querySelector('lightning-progress-bar') as unknown as { value: number }).value
            ).toBe(50);
            expect((byId(element, 'replay-matching') as unknown as { disabled: boolean }).disabled).toBe(true);

            jest.advanceTimersByTime(2999);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);
            jest.advanceTimersByTime(1);
            await settle();

            expect(getOperationMock).toHaveBeenCalledTimes(2);
            expect(
                (shadow(element).querySelector('lightning-progress-bar') as unknown as { value: number }).value
            ).toBe(100);
            expect(byId(element, 'operation-details')?.textContent).toContain('1 skipped');
            expect(toasts[1]).toMatchObject({ title: 'Replay completed', variant: 'warning' });
            expect(queryLogsMock).toHaveBeenCalledTimes(2);

            jest.advanceTimersByTime(10_000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(2);

            jest.useRealTimers();
            await expect(element).toBeAccessible();
            click(shadow(element).querySelector('[data-id="operation"] lightning-button-icon'));
            await settle();
            expect(byId(element, 'operation')).toBeNull();
        });

        it('cancels every matching row and ends with a success toast', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Queued' });
            confirmOpen.mockResolvedValueOnce(true);
            cancelMatchingMock.mockResolvedValueOnce({ ...replayStarted, message: 'Cancel started.' });
            getOperationMock.mockResolvedValueOnce({
                ...operationCompleted,
                operationType: 'Cancel',
                processed: 4,
                skipped: 0,
                details: undefined
            });
            queryLogsMock.mockResolvedValue(page1);

            click(byId(element, 'cancel-matching'));
            await settle();
            jest.advanceTimersByTime(0);
            await settle();

            expect((confirmOpen.mock.calls[0][0] as { label: string }).label).toBe('Cancel all matching rows');
            expect(cancelMatchingMock).toHaveBeenCalledWith({
                filterJson: expect.stringContaining('"statuses":["Queued"]')
            });
            expect(toasts[1]).toMatchObject({
                title: 'Cancel completed',
                variant: 'success',
                message: '4 of 4 rows handled · 4 done, 0 skipped, 0 failed'
            });
        });

        it('says when an operation failed', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            getOperationMock.mockResolvedValueOnce({
                ...operationCompleted,
                status: 'Failed',
                processed: 0,
                skipped: 0
            });
            queryLogsMock.mockResolvedValue(page1);

            click(byId(element, 'replay-matching'));
            await settle();
            jest.advanceTimersByTime(0);
            await settle();

            expect(toasts[1]).toMatchObject({ title: 'Replay failed', variant: 'error' });
        });

        it('keeps polling through a failed progress read', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            getOperationMock
                .mockRejectedValueOnce({ body: { message: 'Unable to reach the server.' } })
                .mockResolvedValueOnce(operationCompleted);
            queryLogsMock.mockResolvedValue(page1);

            click(byId(element, 'replay-matching'));
            await settle();
            jest.advanceTimersByTime(0);
            await settle();
            expect(byId(element, 'operation')?.textContent).toContain(
                'Progress could not be read: Unable to reach the server.'
            );

            jest.advanceTimersByTime(3000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(2);
            expect(byId(element, 'operation')?.textContent).not.toContain('Progress could not be read');
        });

        it('toasts a refused bulk start', async () => {
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockRejectedValueOnce({
                body: { message: 'Replay is already running: follow its progress on operation a0B.' }
            });

            click(byId(element, 'replay-matching'));
            await settle();

            expect(toasts[0]).toMatchObject({ title: 'Replay not started', variant: 'error' });
            expect(byId(element, 'operation')).toBeNull();
        });

        it('does not start a bulk operation when declined', async () => {
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            confirmOpen.mockResolvedValueOnce(false);

            click(byId(element, 'replay-matching'));
            await settle();

            expect(replayMatchingMock).not.toHaveBeenCalled();
        });

        it('stops polling when the console is closed', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            getOperationMock.mockResolvedValue(operationRunning);

            click(byId(element, 'replay-matching'));
            await settle();
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);

            document.body.removeChild(element);
            jest.advanceTimersByTime(30_000);
            await settle();

            expect(getOperationMock).toHaveBeenCalledTimes(1);
        });
        async function startOperation(element: HTMLElement): Promise<void> {
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            click(byId(element, 'replay-matching'));
            await settle();
        }

        it('follows an unfinished operation again when the console is attached again', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            getOperationMock.mockResolvedValue(operationRunning);
            await startOperation(element);
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);

            document.body.removeChild(element);
            jest.advanceTimersByTime(30_000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);

            document.body.appendChild(element);
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(2);
            jest.advanceTimersByTime(3000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(3);
        });

        it('does not follow a finished operation again when attached again', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            getOperationMock.mockResolvedValue(operationCompleted);
            queryLogsMock.mockResolvedValue(page1);
            await startOperation(element);
            jest.advanceTimersByTime(0);
            await settle();

            document.body.removeChild(element);
            document.body.appendChild(element);
            jest.advanceTimersByTime(10_000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);
        });

        it('neither toasts nor reloads nor polls when detached while a progress read was under way', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            let answer: (progress: unknown) => void = () => undefined;
            getOperationMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
            await startOperation(element);
            jest.advanceTimersByTime(0);
            await settle();
            const queries = queryLogsMock.mock.calls.length;
            toasts = [];

            document.body.removeChild(element);
            answer(operationCompleted);
            await settle();
            jest.advanceTimersByTime(30_000);
            await settle();

            expect(toasts).toEqual([]);
            expect(queryLogsMock.mock.calls.length).toBe(queries);
            expect(getOperationMock).toHaveBeenCalledTimes(1);
        });

        it('keeps a bulk operation started while detached and follows it once attached again', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            let answer: (result: unknown) => void = () => undefined;
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
            getOperationMock.mockResolvedValue(operationRunning);
            click(byId(element, 'replay-matching'));
            await settle();

            document.body.removeChild(element);
            answer(replayStarted);
            await settle();
            jest.advanceTimersByTime(10_000);
            await settle();
            expect(toasts).toEqual([]);
            expect(getOperationMock).not.toHaveBeenCalled();

            document.body.appendChild(element);
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledWith({ operationId: replayStarted.operationId });
        });

        it('reads progress again less often after each failure and stops after five, with a way to check again', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            getOperationMock.mockRejectedValue({ body: { message: 'Unable to reach the server.' } });
            await startOperation(element);
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);
            expect(byId(element, 'operation-error')?.textContent).toContain('Trying again in 3 seconds.');

            // 3 s, 6 s, 12 s, 24 s between the reads (doubling, at most 30 s).
            for (const [wait, calls, next] of [
                [3000, 2, 6],
                [6000, 3, 12],
                [12_000, 4, 24]
            ] as const) {
                jest.advanceTimersByTime(wait - 1);
                // Step by step: each wait follows the previous read's answer.
                // eslint-disable-next-line no-await-in-loop
                await settle();
                expect(getOperationMock).toHaveBeenCalledTimes(calls - 1);
                jest.advanceTimersByTime(1);
                // Step by step: each wait follows the previous read's answer.
                // eslint-disable-next-line no-await-in-loop
                await settle();
                expect(getOperationMock).toHaveBeenCalledTimes(calls);
                expect(byId(element, 'operation-error')?.textContent).toContain(`Trying again in ${next} seconds.`);
            }
            expect(byId(element, 'check-operation')).toBeNull();
            jest.advanceTimersByTime(24_000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(POLL_MAX_FAILURES);

            jest.advanceTimersByTime(120_000);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(POLL_MAX_FAILURES);
            expect(byId(element, 'operation-error')?.textContent).toContain(
                'Progress could not be read 5 times in a row: Unable to reach the server. The operation goes on'
            );
            expect(byId(element, 'check-operation')).not.toBeNull();
            expect(shadow(element).querySelector('[data-id="operation"] lightning-button-icon')).not.toBeNull();

            getOperationMock.mockReset();
            getOperationMock.mockResolvedValue(operationRunning);
            click(byId(element, 'check-operation'));
            jest.advanceTimersByTime(0);
            await settle();
            expect(getOperationMock).toHaveBeenCalledTimes(1);
            expect(byId(element, 'operation-error')).toBeNull();
            expect(byId(element, 'check-operation')).toBeNull();

            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });

        it('shows no percentage once the rows counted are handled and the operation still runs', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            // The count stopped at the cap: more rows matched than the 4 counted here.
            getOperationMock.mockResolvedValue({ ...operationRunning, processed: 4 });
            await startOperation(element);
            jest.advanceTimersByTime(0);
            await settle();

            expect(byId(element, 'operation-bar')).toBeNull();
            expect(byId(element, 'operation-summary')?.textContent).toBe(
                '4 rows handled so far; more rows matched than the 4 counted · 4 done, 0 skipped, 0 failed'
            );
            jest.useRealTimers();
            await expect(element).toBeAccessible();
        });
    });

    describe('detail', () => {
        it('opens the row detail below the table and closes it', async () => {
            const element = await mountWithRows();

            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'details' }, row: page1.rows[1] } })
            );
            await settle();

            const detail = shadow(element).querySelector<HTMLElement & { logId: string }>('c-relay-log-detail');
            expect(detail?.logId).toBe(page1.rows[1].id);
            expect(confirmOpen).not.toHaveBeenCalled();

            detail?.dispatchEvent(new CustomEvent('close'));
            await settle();
            expect(shadow(element).querySelector('c-relay-log-detail')).toBeNull();
        });

        function openDetail(element: HTMLElement, row: { id: string }): void {
            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'details' }, row } })
            );
        }

        it('reads the shown detail again after a replay (its cached answer has the old status)', async () => {
            const element = await mountWithRows();
            openDetail(element, page1.rows[1]);
            await settle();
            detailAdapter.emit(logDetail);
            await settle();
            expect(refreshMock).not.toHaveBeenCalled();

            confirmOpen.mockResolvedValueOnce(true);
            replayLogsMock.mockResolvedValueOnce(replayResult);
            queryLogsMock.mockResolvedValueOnce(page1);
            table(element)?.dispatchEvent(
                new CustomEvent('rowaction', { detail: { action: { name: 'replay' }, row: page1.rows[1] } })
            );
            await settle();

            expect(refreshMock).toHaveBeenCalledTimes(1);
            expect((refreshMock.mock.calls[0][0] as { data: unknown }).data).toEqual(logDetail);
        });

        it('reads the shown detail again when a bulk operation finishes', async () => {
            useFakeClock();
            const element = await mountWithRows({ c__status: 'Dead Letter' });
            openDetail(element, page1.rows[1]);
            await settle();
            detailAdapter.emit(logDetail);
            await settle();
            confirmOpen.mockResolvedValueOnce(true);
            replayMatchingMock.mockResolvedValueOnce(replayStarted);
            getOperationMock.mockResolvedValueOnce(operationCompleted);
            queryLogsMock.mockResolvedValue(page1);
            click(byId(element, 'replay-matching'));
            await settle();
            jest.advanceTimersByTime(0);
            await settle();

            expect(refreshMock).toHaveBeenCalledTimes(1);
        });

        it('reads a row opened again afresh, and a row opened the first time from the wire only', async () => {
            const element = await mountWithRows();
            openDetail(element, page1.rows[1]);
            await settle();
            detailAdapter.emit(logDetail);
            await settle();
            shadow(element).querySelector('c-relay-log-detail')?.dispatchEvent(new CustomEvent('close'));
            await settle();

            openDetail(element, page1.rows[1]);
            await settle();
            detailAdapter.emit(logDetail);
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(1);

            // Asked again while it is open: read again at once, and the panel takes focus.
            openDetail(element, page1.rows[1]);
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(2);
            const detail = shadow(element).querySelector('c-relay-log-detail');
            expect(detail?.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('heading');

            openDetail(element, page1.rows[2]);
            await settle();
            detailAdapter.emit({ ...logDetail, row: { ...logDetail.row, id: page1.rows[2].id } });
            await settle();
            expect(refreshMock).toHaveBeenCalledTimes(2);
            expect((shadow(element).querySelector('c-relay-log-detail') as unknown as { logId: string }).logId).toBe(
                page1.rows[2].id
            );
        });
    });
});
