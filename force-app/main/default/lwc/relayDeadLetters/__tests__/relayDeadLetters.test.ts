import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import getDeadLetterSummary from '@salesforce/apex/RelayConsoleController.getDeadLetterSummary';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import getOperation from '@salesforce/apex/RelayConsoleController.getOperation';
import replayMatching from '@salesforce/apex/RelayConsoleController.replayMatching';
import RelayDeadLetters, {
    MAX_READ_FAILURES,
    NO_DEAD_LETTERS,
    POLL_MS,
    pollDelay,
    replayOutcome
} from 'c/relayDeadLetters';
import type { OperationProgress } from 'relay/apex-types';
import summaryAll from './data/summaryAll.json';
import summaryCapped from './data/summaryCapped.json';
import summaryNone from './data/summaryNone.json';
import operations from './data/operations.json';
import integrationNames from './data/integrationNames.json';

jest.mock(
    '@salesforce/apex/RelayConsoleController.getDeadLetterSummary',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/RelayConsoleController.getIntegrationNames',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/RelayConsoleController.getOperation', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/RelayConsoleController.replayMatching', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('@salesforce/customPermission/Relay_Replay_Logs', () => ({ __esModule: true, default: true }), {
    virtual: true
});
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const navigate = jest.fn();
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](pageReference: unknown, replace?: boolean): void {
                    navigate(pageReference, replace);
                }
                [GenerateUrl](): Promise<string> {
                    return Promise.resolve('/lightning/n/Relay_Logs');
                }
            },
        { Navigate, GenerateUrl }
    );
    return { __esModule: true, NavigationMixin, navigate };
});

type WireAdapter = ReturnType<typeof createApexTestWireAdapter>;
const summaryAdapter = getDeadLetterSummary as unknown as WireAdapter;
const namesAdapter = getIntegrationNames as unknown as WireAdapter;
const replayMock = replayMatching as unknown as jest.Mock<(params: unknown) => Promise<unknown>>;
const operationMock = getOperation as unknown as jest.Mock<(params: unknown) => Promise<unknown>>;
const confirmOpen = (LightningConfirm as unknown as { open: jest.Mock<(options: unknown) => Promise<boolean>> }).open;
const navigate = jest.requireMock<{ navigate: jest.Mock }>('lightning/navigation').navigate;

const NO_CONSOLE = 'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';

function mount(): HTMLElement {
    const element = createElement('c-relay-dead-letters', { is: RelayDeadLetters });
    document.body.appendChild(element);
    return element;
}

/** Settles promise chains (no timers, so it also works under fake timers). */
const flush = (): Promise<void> =>
    Array.from({ length: 10 }).reduce<Promise<void>>((chain) => chain.then(() => undefined), Promise.resolve());

function q<T extends Element = HTMLElement>(element: HTMLElement, selector: string): T | null {
    return element.shadowRoot?.querySelector<T>(selector) ?? null;
}

function row(element: HTMLElement, category: string): HTMLElement | null {
    return q(element, `tr[data-category="${category}"]`);
}

function click(target: Element | null | undefined): void {
    target?.dispatchEvent(new CustomEvent('click'));
}

async function show(data: unknown): Promise<HTMLElement> {
    const element = mount();
    namesAdapter.emit(integrationNames);
    summaryAdapter.emit(data);
    await flush();
    return element;
}

function toastsOf(element: HTMLElement): CustomEvent[] {
    const toasts: CustomEvent[] = [];
    element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));
    return toasts;
}

describe('c-relay-dead-letters', () => {
    beforeEach(() => {
        confirmOpen.mockResolvedValue(true);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
    });

    it('shows a spinner in a sized container while the summary loads', async () => {
        const element = mount();

        expect(q(element, '[data-id="loading"]')?.className).toContain('slds-is-relative');
        expect(q(element, 'lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for every integration first, then for the one chosen', async () => {
        const element = await show(summaryAll);

        expect(summaryAdapter.getLastConfig()).toEqual({ integration: null });
        const combobox = q<HTMLElement & { options: { label: string }[] }>(element, 'lightning-combobox');
        expect(combobox?.options.map((option) => option.label)).toEqual([
            'All integrations',
            'Billing_Account',
            'ERP_Customer'
        ]);
        combobox?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Billing_Account' } }));
        await flush();
        expect(summaryAdapter.getLastConfig()).toEqual({ integration: 'Billing_Account' });
        expect(q(element, '[data-id="loading"]')).not.toBeNull();
        combobox?.dispatchEvent(new CustomEvent('change', { detail: { value: 'Billing_Account' } }));
        summaryAdapter.emit(summaryCapped);
        await flush();
        expect(q(element, '[data-id="loading"]')).toBeNull();
    });

    it('lists the groups largest first with their count, bar and latest time', async () => {
        const element = await show(summaryAll);

        expect(q(element, '[data-id="total"]')?.textContent?.trim()).toBe('1,234 dead letters across all integrations');
        expect(q(element, '[data-id="capped-note"]')).toBeNull();
        const categories = [...(element.shadowRoot?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent);
        expect(categories).toEqual(['Timeout', 'Server Error', 'Authentication', 'Record Rejected']);
        const timeout = row(element, 'Timeout');
        expect(timeout?.querySelector('[data-id="count"]')?.textContent).toBe('812');
        expect(timeout?.querySelector<HTMLElement>('[data-id="bar"]')?.style.width).toBe('100%');
        expect(row(element, 'Server Error')?.querySelector<HTMLElement>('[data-id="bar"]')?.style.width).toBe('37%');
        expect(row(element, 'Record Rejected')?.querySelector<HTMLElement>('[data-id="bar"]')?.style.width).toBe('3%');
        expect(timeout?.querySelector('lightning-formatted-date-time')?.getAttribute('value') ?? '').toBe('');
        expect(
            (timeout?.querySelector('lightning-formatted-date-time') as (HTMLElement & { value: string }) | null)?.value
        ).toBe('2026-11-20T11:58:00.000Z');
        expect(q(element, 'caption')?.textContent?.trim()).toBe(
            'Dead letters across all integrations by error category, largest first'
        );
        await expect(element).toBeAccessible();
    });

    it('says "1 dead letter" for one', async () => {
        const element = await show({
            ...summaryAll,
            total: 1,
            groups: [{ errorCategory: 'Timeout', count: 1, capped: false }]
        });

        expect(q(element, '[data-id="total"]')?.textContent?.trim()).toBe('1 dead letter across all integrations');
    });

    it('shows capped counts with a + and says why they are capped', async () => {
        const element = mount();
        q(element, 'lightning-combobox')?.dispatchEvent(
            new CustomEvent('change', { detail: { value: 'Billing_Account' } })
        );
        summaryAdapter.emit(summaryCapped);
        await flush();

        expect(q(element, '[data-id="total"]')?.textContent?.trim()).toBe('10,000+ dead letters of Billing_Account');
        expect(q(element, '[data-id="capped-note"]')?.textContent).toContain('Counts stop at 10,000');
        expect(row(element, 'Timeout')?.querySelector('[data-id="count"]')?.textContent).toBe('3,000+');
        expect(row(element, 'Throttled')?.querySelector('[data-id="count"]')?.textContent).toBe('1,840');
        // Without a category the group can be looked at, not replayed by filter (that would replay them all).
        const uncategorized = row(element, 'Uncategorized');
        expect(uncategorized?.querySelector('[data-id="view-logs"]')).not.toBeNull();
        expect(uncategorized?.querySelector('[data-id="replay-all"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says there is nothing to do when there are no dead letters', async () => {
        const element = await show(summaryNone);

        expect(q(element, '[data-id="empty"]')?.textContent).toBe(NO_DEAD_LETTERS);
        expect(q(element, 'table')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows an Apex error in an alert', async () => {
        const element = mount();
        summaryAdapter.error({ message: 'Dead letters could not be counted.' });
        await flush();

        expect(q(element, '[role="alert"]')?.textContent?.trim()).toBe('Dead letters could not be counted.');
        await expect(element).toBeAccessible();
    });

    it('shows the console refusal as a designed message', async () => {
        const element = mount();
        namesAdapter.error({ message: NO_CONSOLE });
        summaryAdapter.error({ message: NO_CONSOLE });
        await flush();

        const noAccess = q(element, '[data-id="no-access"]');
        expect(noAccess?.textContent).toContain('You cannot open the Relay console');
        expect(noAccess?.textContent).toContain(NO_CONSOLE);
        expect(q(element, '[role="alert"]')).toBeNull();
        expect(q(element, 'lightning-combobox')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('refreshes the summary', async () => {
        const element = await show(summaryAll);
        click(q(element, 'lightning-button-icon'));
        await flush();

        expect(refreshApex).toHaveBeenCalledTimes(1);
    });

    describe('view logs', () => {
        it('opens the Relay Logs tab filtered to the category, over 7 days', async () => {
            const element = await show(summaryAll);
            click(row(element, 'Timeout')?.querySelector('[data-id="view-logs"]'));

            expect(navigate).toHaveBeenCalledWith(
                {
                    type: 'standard__navItemPage',
                    attributes: { apiName: 'Relay_Logs' },
                    state: { c__status: 'Dead Letter', c__errorCategory: 'Timeout', c__range: '7d' }
                },
                undefined
            );
        });

        it('adds the chosen integration, and leaves the category out for uncategorized dead letters', async () => {
            const element = mount();
            q(element, 'lightning-combobox')?.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Billing_Account' } })
            );
            summaryAdapter.emit(summaryCapped);
            await flush();
            click(row(element, 'Uncategorized')?.querySelector('[data-id="view-logs"]'));

            expect(navigate).toHaveBeenCalledWith(
                expect.objectContaining({
                    state: { c__status: 'Dead Letter', c__integration: 'Billing_Account', c__range: '7d' }
                }),
                undefined
            );
        });
    });

    describe('replay all', () => {
        it('names integration, category and count in the confirmation; declining changes nothing', async () => {
            confirmOpen.mockResolvedValue(false);
            const element = await show(summaryAll);
            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();

            const options = confirmOpen.mock.calls[0][0] as { message: string; label: string };
            expect(options.label).toBe('Replay dead letters');
            expect(options.message).toContain('Replay all 812 Timeout dead letters of every integration?');
            expect(replayMock).not.toHaveBeenCalled();
            expect(q(element, '[data-id="replay"]')).toBeNull();
        });

        it('starts a batch for the category and follows its progress every 3 s to the end', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            operationMock
                .mockResolvedValueOnce(operations.queued)
                .mockResolvedValueOnce(operations.running)
                .mockResolvedValueOnce(operations.completed);
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();

            expect(replayMock).toHaveBeenCalledWith({
                filterJson: JSON.stringify({ statuses: ['Dead Letter'], errorCategory: 'Timeout' }),
                withCurrentData: false
            });
            const status = q(element, '[data-id="replay"]');
            expect(status?.getAttribute('role')).toBe('status');
            expect(status?.getAttribute('aria-live')).toBe('polite');
            expect(status?.textContent).toContain('Replay of the Timeout dead letters of every integration');
            expect(q(element, '[data-id="replay-progress"]')?.textContent).toBe('Starting the replay…');
            expect(element.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('replay');
            // Another replay waits for this one.
            expect(
                row(element, 'Server Error')?.querySelector<HTMLElement & { disabled: boolean }>(
                    '[data-id="replay-all"]'
                )?.disabled
            ).toBe(true);
            expect(operationMock).not.toHaveBeenCalled();

            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(operationMock).toHaveBeenCalledWith({ operationId: 'a0B000000000001AAA' });
            expect(q(element, '[data-id="replay-progress"]')?.textContent).toBe(
                'Queued: counting the dead letters to replay…'
            );

            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(q(element, '[data-id="replay-progress"]')?.textContent).toBe('Running: 402 of 812 done');
            expect(q<HTMLElement & { value: number }>(element, 'lightning-progress-bar')?.value).toBe(50);

            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(operationMock).toHaveBeenCalledTimes(3);
            expect(q(element, 'lightning-progress-bar')).toBeNull();
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toBe(
                'Replay finished: 809 queued again, 3 skipped. 3 rows were In Progress and were skipped.'
            );
            expect(q(element, '[data-id="replay-outcome"]')?.className).toBe('slds-text-color_default');
            expect(toasts).toHaveLength(1);
            expect(toasts[0].detail).toMatchObject({ variant: 'warning', title: 'Replay finished' });
            expect(refreshApex).toHaveBeenCalledTimes(1);

            await jest.advanceTimersByTimeAsync(POLL_MS * 3);
            expect(operationMock).toHaveBeenCalledTimes(3);

            click(q(element, '[data-id="dismiss"]'));
            await flush();
            expect(q(element, '[data-id="replay"]')).toBeNull();
            expect(element.shadowRoot?.activeElement?.getAttribute('data-id')).toBe('total');
        });

        it('sends the chosen integration in the filter', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            operationMock.mockResolvedValue(operations.clean);
            const element = mount();
            q(element, 'lightning-combobox')?.dispatchEvent(
                new CustomEvent('change', { detail: { value: 'Billing_Account' } })
            );
            summaryAdapter.emit(summaryCapped);
            await flush();
            const toasts = toastsOf(element);

            click(row(element, 'Throttled')?.querySelector('[data-id="replay-all"]'));
            await flush();
            expect((confirmOpen.mock.calls[0][0] as { message: string }).message).toContain(
                'Replay all 1,840 Throttled dead letters of Billing_Account?'
            );
            expect(replayMock).toHaveBeenCalledWith({
                filterJson: JSON.stringify({
                    integration: 'Billing_Account',
                    statuses: ['Dead Letter'],
                    errorCategory: 'Throttled'
                }),
                withCurrentData: false
            });
            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(toasts[0].detail).toMatchObject({ variant: 'success', message: '812 queued again.' });
            expect(q(element, '[data-id="replay-outcome"]')?.className).toBe('slds-text-color_success');
        });

        it('toasts the refusal when the batch cannot start', async () => {
            replayMock.mockRejectedValue({ body: { message: 'Another replay of these rows is running (OP-000040).' } });
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();

            expect(toasts[0].detail).toMatchObject({
                variant: 'error',
                message: 'Another replay of these rows is running (OP-000040).'
            });
            expect(q(element, '[data-id="replay-outcome"]')?.className).toContain('slds-text-color_error');
            expect(operationMock).not.toHaveBeenCalled();
        });

        it('retries a failed read after 6, 12, 24 and 30 s, then gives up and says so (finding 4)', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            operationMock.mockRejectedValue(new Error('Network down'));
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(operationMock).toHaveBeenCalledTimes(1);
            // Still followed, with the problem in view.
            expect(q(element, '[data-id="replay-outcome"]')).toBeNull();
            expect(q(element, '[data-id="read-problem"]')?.textContent?.trim()).toBe(
                'The progress could not be read (Network down). Trying again in 6 s.'
            );
            expect(toasts).toHaveLength(0);

            /** The next read comes exactly `waitMs` after the last one. */
            const nextReadAfter = async (waitMs: number, reads: number): Promise<void> => {
                await jest.advanceTimersByTimeAsync(waitMs - 1);
                expect(operationMock).toHaveBeenCalledTimes(reads - 1);
                await jest.advanceTimersByTimeAsync(1);
                await flush();
                expect(operationMock).toHaveBeenCalledTimes(reads);
            };
            await nextReadAfter(6000, 2);
            await nextReadAfter(12_000, 3);
            await nextReadAfter(24_000, 4);
            expect(q(element, '[data-id="read-problem"]')?.textContent).toContain('Trying again in 30 s.');
            await jest.advanceTimersByTimeAsync(30_000);
            await flush();

            expect(operationMock).toHaveBeenCalledTimes(MAX_READ_FAILURES);
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toBe(
                "The replay's progress could not be read 5 times in a row (Network down). The batch may still be " +
                    'running: refresh the counts later, or look at the operation in Relay Logs.'
            );
            expect(q(element, '[data-id="read-problem"]')).toBeNull();
            expect(toasts).toHaveLength(1);
            expect(toasts[0].detail).toMatchObject({ variant: 'error' });
            await jest.advanceTimersByTimeAsync(MAX_READ_FAILURES * 30_000);
            expect(operationMock).toHaveBeenCalledTimes(MAX_READ_FAILURES);
        });

        it('goes back to every 3 s once a read succeeds again', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            operationMock
                .mockRejectedValueOnce(new Error('Network down'))
                .mockResolvedValueOnce(operations.running)
                .mockRejectedValueOnce(new Error('Network down'))
                .mockResolvedValueOnce(operations.completed);
            const element = await show(summaryAll);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            await jest.advanceTimersByTimeAsync(POLL_MS + 6000);
            await flush();
            expect(q(element, '[data-id="replay-progress"]')?.textContent).toBe('Running: 402 of 812 done');
            expect(q(element, '[data-id="read-problem"]')).toBeNull();

            // The count of failures started again: the next retry is 6 s away, not 12 s.
            await jest.advanceTimersByTimeAsync(POLL_MS + 6000);
            await flush();
            expect(operationMock).toHaveBeenCalledTimes(4);
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toContain('Replay finished');
        });

        it('toasts the message of a replay that finished at once', async () => {
            replayMock.mockResolvedValue({ processed: 4, message: '4 dead letters queued again.' });
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();

            expect(toasts[0].detail).toMatchObject({ variant: 'success', message: '4 dead letters queued again.' });
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('stops polling when the component is removed, and follows the batch again when it is back (finding 4)', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            operationMock.mockResolvedValueOnce(operations.running).mockResolvedValueOnce(operations.completed);
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            document.body.removeChild(element);
            await jest.advanceTimersByTimeAsync(POLL_MS * 2);

            expect(operationMock).not.toHaveBeenCalled();

            document.body.appendChild(element);
            await flush();
            // Read at once on return, then every 3 s again.
            expect(operationMock).toHaveBeenCalledTimes(1);
            expect(q(element, '[data-id="replay-progress"]')?.textContent).toBe('Running: 402 of 812 done');
            await jest.advanceTimersByTimeAsync(POLL_MS);
            await flush();
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toContain('Replay finished');
            expect(toasts).toHaveLength(1);
        });

        it('neither toasts nor polls from a page left while a read was on its way (finding 4)', async () => {
            jest.useFakeTimers();
            replayMock.mockResolvedValue(operations.started);
            let answer: (value: unknown) => void = () => undefined;
            operationMock.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            await jest.advanceTimersByTimeAsync(POLL_MS);
            document.body.removeChild(element);
            answer(operations.completed);
            await flush();
            await jest.advanceTimersByTimeAsync(POLL_MS * 3);

            expect(toasts).toHaveLength(0);
            expect(refreshApex).not.toHaveBeenCalled();
            expect(operationMock).toHaveBeenCalledTimes(1);

            // Back on the tab: the finished batch is read again and its outcome shown.
            operationMock.mockResolvedValueOnce(operations.completed);
            document.body.appendChild(element);
            await flush();
            expect(toasts).toHaveLength(1);
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toContain('Replay finished');
        });

        it('neither toasts nor polls when the page is left before the batch starts (finding 4)', async () => {
            jest.useFakeTimers();
            let started: (value: unknown) => void = () => undefined;
            replayMock.mockReturnValueOnce(new Promise((resolve) => (started = resolve)));
            operationMock.mockResolvedValue(operations.running);
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            document.body.removeChild(element);
            started(operations.started);
            await flush();
            await jest.advanceTimersByTimeAsync(POLL_MS * 3);

            expect(operationMock).not.toHaveBeenCalled();
            expect(toasts).toHaveLength(0);

            document.body.appendChild(element);
            await flush();
            expect(operationMock).toHaveBeenCalledWith({ operationId: 'a0B000000000001AAA' });
        });

        it('keeps the outcome of a refused start for the return, without a toast meanwhile', async () => {
            let refuse: (reason: unknown) => void = () => undefined;
            replayMock.mockReturnValueOnce(new Promise((_resolve, reject) => (refuse = reject)));
            const element = await show(summaryAll);
            const toasts = toastsOf(element);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            document.body.removeChild(element);
            refuse({ body: { message: 'Another replay of these rows is running (OP-000040).' } });
            await flush();
            document.body.appendChild(element);
            await flush();

            expect(toasts).toHaveLength(0);
            expect(q(element, '[data-id="replay-outcome"]')?.textContent).toBe(
                'Another replay of these rows is running (OP-000040).'
            );
            expect(operationMock).not.toHaveBeenCalled();
        });

        it('does not start a batch when the page was left while the confirmation was open', async () => {
            let answer: (value: boolean) => void = () => undefined;
            confirmOpen.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
            const element = await show(summaryAll);

            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();
            document.body.removeChild(element);
            answer(true);
            await flush();

            expect(replayMock).not.toHaveBeenCalled();
        });

        it('is accessible while a replay runs', async () => {
            replayMock.mockResolvedValue(operations.started);
            const element = await show(summaryAll);
            click(row(element, 'Timeout')?.querySelector('[data-id="replay-all"]'));
            await flush();

            await expect(element).toBeAccessible();
        });
    });
});

describe('pollDelay', () => {
    it('doubles the wait after each failed read, up to 30 s', () => {
        expect([0, 1, 2, 3, 4, 5].map(pollDelay)).toEqual([3000, 6000, 12_000, 24_000, 30_000, 30_000]);
    });
});

describe('replayOutcome', () => {
    it('reads a failed or stopped batch as an error', () => {
        expect(replayOutcome(operations.failed as OperationProgress)).toMatchObject({
            title: 'Replay failed',
            variant: 'error',
            message: '100 queued again. The batch job failed: Apex CPU time limit exceeded.'
        });
        expect(
            replayOutcome({
                ...operations.clean,
                status: 'Stopped',
                failed: 2,
                details: undefined
            })
        ).toMatchObject({ title: 'Replay stopped', message: '812 queued again, 2 failed.' });
    });
});
