import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import RelayLiveStream, {
    AUTO_STOP_MESSAGES,
    CHANNEL,
    FLUSH_MS,
    HIDDEN_STOP_MS,
    IDLE_STOP_MS,
    MAX_ROWS,
    UNAVAILABLE_MESSAGE,
    concernsChannel,
    parseRecordIds,
    parseSummary,
    readEmpError
} from 'c/relayLiveStream';
import {
    isEmpEnabled,
    onError,
    publishForTest,
    subscribe,
    unsubscribe
} from '../../../../../../jest/mocks/lightning/empApi';
import events from './data/integrationStatusEvents.json';

// The user's Salesforce locale and time zone, not the browser's (Jest runs in UTC with en-US).
jest.mock('@salesforce/i18n/locale', () => ({ __esModule: true, default: 'de-DE' }), { virtual: true });
jest.mock('@salesforce/i18n/timeZone', () => ({ __esModule: true, default: 'Asia/Tokyo' }), { virtual: true });

/** Every listener the component gave empApi's onError (the mock keeps them across jest.clearAllMocks). */
const empErrorListeners: ((error: unknown) => void)[] = [];
onError.mockImplementation((listener: unknown) => {
    empErrorListeners.push(listener as (error: unknown) => void);
});

const NOW = new Date('2026-11-20T12:00:00.000Z');

/** Lets the component's promise chains (availability check, subscribe, clipboard) settle and the template re-render. */
function flush(): Promise<void> {
    let settled = Promise.resolve();
    for (let turn = 0; turn < 10; turn += 1) {
        settled = settled.then(() => undefined);
    }
    return settled;
}

let focusSpy: jest.SpiedFunction<HTMLElement['focus']>;

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-relay-live-stream', { is: RelayLiveStream });
    document.body.appendChild(element);
    await flush();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function rows(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('li[data-key]') ?? []);
}

function click(element: HTMLElement, selector: string): void {
    const target = $(element, selector);
    if (!target) {
        throw new Error(`nothing matches ${selector}`);
    }
    target.dispatchEvent(new CustomEvent('click'));
}

/** The elements focus() was called on (the base-component stubs cannot take the focus themselves). */
function focusedElements(): unknown[] {
    return focusSpy.mock.contexts;
}

function connectionText(element: HTMLElement): string {
    return $(element, '[data-id="connection-label"]')?.textContent ?? '';
}

/** empApi reports an error to every onError listener of the page. */
function empError(error: unknown): void {
    for (const listener of empErrorListeners) {
        listener(error);
    }
}

/** Delivers events as empApi does, then lets the component's batch (FLUSH_MS) be shown. */
async function deliver(...payloads: unknown[]): Promise<void> {
    for (const payload of payloads) {
        publishForTest(CHANNEL, payload);
    }
    await jest.advanceTimersByTimeAsync(FLUSH_MS);
    await flush();
}

/** sa11y refuses to run under fake timers. */
async function expectAccessible(element: HTMLElement): Promise<void> {
    jest.useRealTimers();
    await expect(element).toBeAccessible();
}

function setVisibility(state: 'visible' | 'hidden'): void {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    document.dispatchEvent(new CustomEvent('visibilitychange'));
}

describe('c-relay-live-stream', () => {
    beforeEach(() => {
        jest.useFakeTimers({ now: NOW });
        focusSpy = jest.spyOn(HTMLElement.prototype, 'focus');
        Object.defineProperty(navigator, 'clipboard', {
            configurable: true,
            value: { writeText: jest.fn(() => Promise.resolve()) }
        });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        jest.useRealTimers();
        focusSpy.mockRestore();
        setVisibility('visible');
    });

    it('says Connecting… until the subscription is made', () => {
        const element = createElement('c-relay-live-stream', { is: RelayLiveStream });
        document.body.appendChild(element);

        expect(connectionText(element)).toBe('Connecting…');
        expect($(element, '[data-id="connection"]')?.getAttribute('aria-live')).toBe('polite');
    });

    it('subscribes to new Integration_Status__e events and says since when it is connected', async () => {
        const element = await mount();

        expect(subscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
        expect(connectionText(element)).toMatch(/^Connected since \d/);
        expect($(element, '[data-id="empty"]')?.textContent).toContain('Waiting for status changes');
        await expectAccessible(element);
    });

    it('shows each event as a row at the top: integration, colored count badges, record count and ids', async () => {
        const element = await mount();
        await deliver(events.erpDelivered, events.billingDeadLetter);

        const [newest, older] = rows(element);
        expect(newest.dataset.integration).toBe('Billing_Account');
        expect(older.dataset.integration).toBe('ERP_Customer');
        const delivered = older.querySelector('[data-status="Delivered"]');
        expect(delivered?.textContent).toBe('Delivered 4');
        expect(delivered?.className).toContain('slds-theme_success');
        expect(older.querySelector('[data-status="Retry Scheduled"]')?.textContent).toBe('Retry scheduled 1');
        expect(newest.querySelector('[data-status="Dead Letter"]')?.className).toContain('slds-theme_error');
        expect(older.querySelector('[data-id="record-count"]')?.textContent).toBe('5 records');
        expect(newest.querySelector('[data-id="record-count"]')?.textContent).toBe('1 record');
        expect(older.querySelector('lightning-formatted-date-time')).not.toBeNull();
        expect($(element, '[data-id="count"]')?.textContent).toBe('2 events');
        expect($(element, '[data-id="empty"]')).toBeNull();
        await expectAccessible(element);
    });

    it('shows the first three record ids and the full list on expand', async () => {
        const element = await mount();
        await deliver(events.erpDelivered);

        const [row] = rows(element);
        expect(row.querySelector('[data-id="record-ids"]')?.textContent).toBe(
            '001000000000001AAA, 001000000000002AAA, 001000000000003AAA, …'
        );
        const toggle = row.querySelector<HTMLElement>('[data-id="toggle-ids"]');
        expect(toggle?.textContent?.trim()).toBe('Show all 5');
        expect(toggle?.getAttribute('aria-expanded')).toBe('false');

        toggle?.click();
        await flush();
        expect(rows(element)[0].querySelector('[data-id="record-ids"]')?.textContent).toContain('001000000000005AAA');
        expect(rows(element)[0].querySelector('[data-id="toggle-ids"]')?.getAttribute('aria-expanded')).toBe('true');

        rows(element)[0].querySelector<HTMLElement>('[data-id="toggle-ids"]')?.click();
        await flush();
        expect(rows(element)[0].querySelector('[data-id="record-ids"]')?.textContent).not.toContain(
            '001000000000005AAA'
        );
    });

    it('names an event without an integration and without ids plainly', async () => {
        const element = await mount();
        await deliver({ Summary__c: 'Cancelled:1' });

        expect(rows(element)[0].dataset.integration).toBe('Unknown integration');
        expect(rows(element)[0].querySelector('[data-id="record-count"]')?.textContent).toBe('0 records');
    });

    it('offers no expand button when every id is shown', async () => {
        const element = await mount();
        await deliver(events.erpSending);

        expect(rows(element)[0].querySelector('[data-id="toggle-ids"]')).toBeNull();
        expect(rows(element)[0].querySelector('[data-id="record-ids"]')?.textContent).toBe(
            '001000000000007AAA, 001000000000008AAA'
        );
    });

    it('copies all record ids of a row and says so in a toast', async () => {
        const element = await mount();
        const toasts: unknown[] = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        await deliver(events.erpDelivered);

        rows(element)[0].querySelector('[data-id="copy"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(navigator.clipboard.writeText).toHaveBeenCalledWith(
            parseRecordIds(events.erpDelivered.Record_Ids__c).join('\n')
        );
        expect(toasts).toEqual([expect.objectContaining({ variant: 'success', message: '5 record ids copied.' })]);
    });

    it('says so when the browser refuses to copy', async () => {
        (navigator.clipboard.writeText as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('denied')));
        const element = await mount();
        const toasts: { variant?: string }[] = [];
        element.addEventListener('lightning__showtoast', (event) =>
            toasts.push((event as CustomEvent<{ variant?: string }>).detail)
        );
        await deliver(events.billingDeadLetter);

        rows(element)[0].querySelector('[data-id="copy"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(toasts.map((toast) => toast.variant)).toEqual(['error']);
    });

    it(`keeps the newest ${MAX_ROWS} rows and says how many older ones were dropped`, async () => {
        const element = await mount();
        for (let index = 0; index < MAX_ROWS + 5; index += 1) {
            publishForTest(CHANNEL, { ...events.billingDelivered, Summary__c: `Delivered:${index + 1}` });
        }
        await deliver();

        expect(rows(element)).toHaveLength(MAX_ROWS);
        expect(rows(element)[0].querySelector('[data-status="Delivered"]')?.textContent).toBe(
            `Delivered ${MAX_ROWS + 5}`
        );
        expect($(element, '[data-id="dropped"]')?.textContent).toBe(
            `Showing the newest ${MAX_ROWS} events; 5 older rows dropped.`
        );
    });

    it('pauses: counts events while paused and shows them on top when resumed', async () => {
        const element = await mount();
        await deliver(events.erpDelivered);

        click(element, '[data-id="pause"]');
        await flush();
        publishForTest(CHANNEL, events.billingDeadLetter);
        await deliver(events.erpSending);

        expect(rows(element)).toHaveLength(1);
        expect($(element, '[data-id="paused"]')?.textContent?.trim()).toBe(
            'Paused: 2 events while paused. Resume to show them.'
        );
        expect(unsubscribe).not.toHaveBeenCalled();
        expect(focusedElements()).toContain($(element, '[data-id="resume"]'));
        await expectAccessible(element);

        click(element, '[data-id="resume"]');
        await flush();

        expect(rows(element).map((row) => row.dataset.integration)).toEqual([
            'ERP_Customer',
            'Billing_Account',
            'ERP_Customer'
        ]);
        expect(rows(element)[0].querySelector('[data-status="In Progress"]')?.textContent).toBe('Sending 2');
        expect($(element, '[data-id="paused"]')).toBeNull();
        expect(focusedElements()).toContain($(element, '[data-id="pause"]'));
    });

    it(`keeps at most ${MAX_ROWS} events while paused and counts the rest as dropped`, async () => {
        const element = await mount();
        click(element, '[data-id="pause"]');
        await flush();
        for (let index = 0; index < MAX_ROWS + 3; index += 1) {
            publishForTest(CHANNEL, events.billingDelivered);
        }
        await deliver();
        expect($(element, '[data-id="paused"]')?.textContent).toContain(`${MAX_ROWS + 3} events while paused`);

        click(element, '[data-id="resume"]');
        await flush();

        expect(rows(element)).toHaveLength(MAX_ROWS);
        expect($(element, '[data-id="dropped"]')?.textContent).toContain('3 older rows dropped');
    });

    it('clears the rows, the paused events and the dropped count', async () => {
        const element = await mount();
        expect(($(element, '[data-id="clear"]') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await deliver(events.erpDelivered, events.billingDeadLetter);
        click(element, '[data-id="pause"]');
        await flush();
        await deliver(events.erpSending);

        click(element, '[data-id="clear"]');
        await flush();

        expect(rows(element)).toHaveLength(0);
        expect($(element, '[data-id="paused"]')?.textContent).toContain('0 events while paused');
        expect($(element, '[data-id="empty"]')?.textContent).toContain('Waiting for status changes');
        expect($(element, '[data-id="count"]')?.textContent).toBe('0 events');
    });

    it('filters the rows by integration on the client', async () => {
        const element = await mount();
        await deliver(events.erpDelivered, events.billingDeadLetter, events.billingDelivered);

        const filter = $(element, '[data-id="filter"]') as HTMLElement & { options: { value: string }[] };
        expect(filter.options.map((option) => option.value)).toEqual(['', 'Billing_Account', 'ERP_Customer']);

        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'Billing_Account' } }));
        await flush();
        expect(rows(element).map((row) => row.dataset.integration)).toEqual(['Billing_Account', 'Billing_Account']);
        expect(subscribe).toHaveBeenCalledTimes(1);

        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'Unknown_One' } }));
        await flush();
        expect(rows(element)).toHaveLength(0);
        expect($(element, '[data-id="empty"]')?.textContent).toContain('No events from Unknown_One');
        expect(filter.options.map((option) => option.value)).toContain('Unknown_One');

        filter.dispatchEvent(new CustomEvent('change', { detail: { value: '' } }));
        await flush();
        expect(rows(element)).toHaveLength(3);
    });

    it('shows an empApi error with its text and resubscribes on Retry', async () => {
        const element = await mount();
        empError({ channel: '/meta/connect', error: '403::Unknown client' });
        await flush();

        expect(connectionText(element)).toBe('Connection lost: 403::Unknown client');
        expect($(element, '[data-id="connection"]')?.className).toContain('slds-theme_error');
        await expectAccessible(element);

        click(element, '[data-id="retry"]');
        await flush();

        expect(unsubscribe).toHaveBeenCalledTimes(1);
        expect(subscribe).toHaveBeenCalledTimes(2);
        expect(empErrorListeners).toHaveLength(1);
        expect(connectionText(element)).toMatch(/^Connected since/);
        expect($(element, '[data-id="retry"]')).toBeNull();
    });

    it('shows a failed subscription as an error', async () => {
        (subscribe as jest.Mock).mockImplementationOnce(() =>
            Promise.reject(
                Object.assign(new Error('subscribe failed'), {
                    ext: { sfdc: { failureReason: '403::Organization total events daily limit exceeded' } }
                })
            )
        );
        const element = await mount();

        expect(connectionText(element)).toBe('Connection lost: 403::Organization total events daily limit exceeded');
        expect($(element, '[data-id="retry"]')).not.toBeNull();
    });

    it('tells the admin to use the log table when empApi is not available', async () => {
        (isEmpEnabled as jest.Mock).mockImplementationOnce(() => Promise.resolve(false));
        const element = await mount();

        expect($(element, '[data-id="unavailable"]')?.textContent).toContain(UNAVAILABLE_MESSAGE);
        expect(subscribe).not.toHaveBeenCalled();
        expect($(element, '[data-id="pause"]')).toBeNull();
        await expectAccessible(element);
    });

    it('treats a failing availability check as unavailable', async () => {
        (isEmpEnabled as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('no cometd')));
        const element = await mount();

        expect($(element, '[data-id="unavailable"]')).not.toBeNull();
        expect(subscribe).not.toHaveBeenCalled();
    });

    it('stops (unsubscribes) and starts again', async () => {
        const element = await mount();
        click(element, '[data-id="stop"]');
        await flush();

        expect(unsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
        expect(connectionText(element)).toContain('Stopped');
        expect($(element, '[data-id="empty"]')?.textContent).toContain('Start the stream');
        expect(focusedElements()).toContain($(element, '[data-id="start"]'));
        empError({ error: 'late error' });
        await flush();
        expect(connectionText(element)).toContain('Stopped');
        await expectAccessible(element);

        click(element, '[data-id="start"]');
        await flush();

        expect(subscribe).toHaveBeenCalledTimes(2);
        expect(connectionText(element)).toMatch(/^Connected since/);
    });

    it('unsubscribes when removed from the page', async () => {
        const element = await mount();
        document.body.removeChild(element);
        await flush();

        expect(unsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
    });

    it('gives the subscription back when removed while subscribing', async () => {
        const element = createElement('c-relay-live-stream', { is: RelayLiveStream });
        document.body.appendChild(element);
        document.body.removeChild(element);
        await flush();

        expect(subscribe).not.toHaveBeenCalled();
    });

    it('gives a subscription back that arrives after removal', async () => {
        let resolveSubscribe: (value: { channel: string }) => void = () => undefined;
        (subscribe as jest.Mock).mockImplementationOnce(
            () => new Promise((resolve) => (resolveSubscribe = resolve as (value: { channel: string }) => void))
        );
        const element = createElement('c-relay-live-stream', { is: RelayLiveStream });
        document.body.appendChild(element);
        await flush();
        document.body.removeChild(element);
        resolveSubscribe({ channel: CHANNEL });
        await flush();

        expect(unsubscribe).toHaveBeenCalledWith({ channel: CHANNEL });
    });

    it('survives an unsubscribe that fails', async () => {
        (unsubscribe as jest.Mock).mockImplementationOnce(() => Promise.reject(new Error('gone')));
        const element = await mount();
        click(element, '[data-id="stop"]');
        await flush();

        expect(connectionText(element)).toContain('Stopped');
    });

    describe('batching (finding 17)', () => {
        it('shows a burst of events in one re-render after FLUSH_MS, not one re-render per event', async () => {
            const element = await mount();
            // One batch of DOM changes per re-render.
            let renders = 0;
            const observer = new MutationObserver(() => {
                renders += 1;
            });
            observer.observe(element.shadowRoot as ShadowRoot, {
                childList: true,
                subtree: true,
                characterData: true
            });
            // empApi hands each event over in its own task.
            for (let index = 0; index < 20; index += 1) {
                publishForTest(CHANNEL, { ...events.billingDelivered, Summary__c: `Delivered:${index + 1}` });
                // eslint-disable-next-line no-await-in-loop -- each event in its own task, as empApi delivers them
                await flush();
            }
            expect(rows(element)).toHaveLength(0);
            expect(renders).toBe(0);

            await jest.advanceTimersByTimeAsync(FLUSH_MS);
            await flush();

            expect(rows(element)).toHaveLength(20);
            expect(rows(element)[0].querySelector('[data-status="Delivered"]')?.textContent).toBe('Delivered 20');
            expect(renders).toBe(1);
            observer.disconnect();
        });

        it('shows what arrived before Pause, Stop or removal, and drops what Clear clears', async () => {
            const element = await mount();
            publishForTest(CHANNEL, events.erpDelivered);
            click(element, '[data-id="pause"]');
            await flush();
            expect(rows(element)).toHaveLength(1);

            click(element, '[data-id="resume"]');
            await flush();
            publishForTest(CHANNEL, events.billingDeadLetter);
            click(element, '[data-id="clear"]');
            await jest.advanceTimersByTimeAsync(FLUSH_MS);
            await flush();
            expect(rows(element)).toHaveLength(0);

            publishForTest(CHANNEL, events.erpSending);
            click(element, '[data-id="stop"]');
            await flush();
            expect(rows(element).map((row) => row.dataset.integration)).toEqual(['ERP_Customer']);
        });
    });

    describe('automatic stop (finding 6)', () => {
        it(`stops after ${IDLE_STOP_MS / 60_000} minutes without an interaction and offers Start`, async () => {
            const element = await mount();
            await jest.advanceTimersByTimeAsync(IDLE_STOP_MS - 1000);
            expect(unsubscribe).not.toHaveBeenCalled();

            await jest.advanceTimersByTimeAsync(1000);
            await flush();

            expect(unsubscribe).toHaveBeenCalledWith(expect.objectContaining({ channel: CHANNEL }));
            expect(connectionText(element)).toBe(AUTO_STOP_MESSAGES.idle);
            const box = $(element, '[data-id="connection"]');
            expect(box?.querySelector('[data-id="start"]')).not.toBeNull();
            // One Start button: the one in the status line.
            expect(element.shadowRoot?.querySelectorAll('[data-id="start"]')).toHaveLength(1);
            expect($(element, '[data-id="stop"]')).toBeNull();
            // Nobody is looking: the focus stays where it was.
            expect(focusSpy).not.toHaveBeenCalled();
            // Events no longer arrive; one that was on its way is not shown.
            publishForTest(CHANNEL, events.erpDelivered);
            await jest.advanceTimersByTimeAsync(FLUSH_MS);
            expect(rows(element)).toHaveLength(0);
            await expectAccessible(element);
            jest.useFakeTimers({ now: NOW });

            click(element, '[data-id="start"]');
            await flush();

            expect(subscribe).toHaveBeenCalledTimes(2);
            expect(connectionText(element)).toMatch(/^Connected since/);
            expect(focusedElements()).toContain($(element, '[data-id="stop"]'));
            // Start counts as an interaction: the next idle stop is 30 minutes away again.
            await jest.advanceTimersByTimeAsync(IDLE_STOP_MS - 1000);
            expect(connectionText(element)).toMatch(/^Connected since/);
        });

        it('keeps streaming while someone clicks, types or scrolls in the page', async () => {
            const element = await mount();
            await deliver(events.erpDelivered);
            const list = $(element, '[data-id="rows"]');

            await jest.advanceTimersByTimeAsync(20 * 60_000);
            list?.dispatchEvent(new CustomEvent('wheel', { bubbles: true, composed: true }));
            await jest.advanceTimersByTimeAsync(20 * 60_000);
            $(element, '[data-id="connection"]')?.dispatchEvent(
                new CustomEvent('keydown', { bubbles: true, composed: true })
            );
            await jest.advanceTimersByTimeAsync(20 * 60_000);
            list?.dispatchEvent(new CustomEvent('pointerdown', { bubbles: true, composed: true }));
            await jest.advanceTimersByTimeAsync(IDLE_STOP_MS - 1000);
            expect(unsubscribe).not.toHaveBeenCalled();
            expect(connectionText(element)).toMatch(/^Connected since/);

            await jest.advanceTimersByTimeAsync(1000);
            await flush();
            expect(connectionText(element)).toBe(AUTO_STOP_MESSAGES.idle);
            // The rows received stay on screen.
            expect(rows(element)).toHaveLength(1);
        });

        it(`stops after the tab was hidden for ${HIDDEN_STOP_MS / 60_000} minutes`, async () => {
            const element = await mount();
            setVisibility('hidden');
            await jest.advanceTimersByTimeAsync(HIDDEN_STOP_MS - 1000);
            setVisibility('visible');
            await jest.advanceTimersByTimeAsync(HIDDEN_STOP_MS);
            expect(unsubscribe).not.toHaveBeenCalled();

            setVisibility('hidden');
            setVisibility('hidden');
            await jest.advanceTimersByTimeAsync(HIDDEN_STOP_MS);
            await flush();

            expect(unsubscribe).toHaveBeenCalledTimes(1);
            expect(connectionText(element)).toBe(AUTO_STOP_MESSAGES.hidden);
            expect($(element, '[data-id="connection"]')?.querySelector('[data-id="start"]')).not.toBeNull();
        });

        it('starts the hidden-tab countdown when the stream starts in a hidden tab', async () => {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
            const element = await mount();
            await jest.advanceTimersByTimeAsync(HIDDEN_STOP_MS);
            await flush();

            expect(connectionText(element)).toBe(AUTO_STOP_MESSAGES.hidden);
        });

        it('has nothing to stop once stopped by hand, or once removed from the page', async () => {
            const element = await mount();
            click(element, '[data-id="stop"]');
            await flush();
            setVisibility('hidden');
            await jest.advanceTimersByTimeAsync(IDLE_STOP_MS + HIDDEN_STOP_MS);
            await flush();

            expect(unsubscribe).toHaveBeenCalledTimes(1);
            expect(connectionText(element)).toBe('Stopped: this page receives no events. Start to receive them again.');
            expect($(element, '[data-id="connection"]')?.querySelector('[data-id="start"]')).toBeNull();

            const other = await mount();
            document.body.removeChild(other);
            await jest.advanceTimersByTimeAsync(IDLE_STOP_MS + HIDDEN_STOP_MS);
            expect(unsubscribe).toHaveBeenCalledTimes(2);
        });
    });

    describe('empApi errors (finding 8)', () => {
        it('registers one error listener per page, however many instances come and go', async () => {
            const first = await mount();
            document.body.removeChild(first);
            await flush();
            const second = await mount();
            const third = await mount();
            empError({ channel: '/meta/connect', error: '402::Unknown client' });
            await flush();

            expect(empErrorListeners).toHaveLength(1);
            expect(connectionText(second)).toBe('Connection lost: 402::Unknown client');
            expect(connectionText(third)).toBe('Connection lost: 402::Unknown client');
        });

        it('ignores errors about another channel or subscription', async () => {
            const element = await mount();
            empError({
                channel: '/meta/subscribe',
                subscription: '/event/Other_Event__e',
                error: '403::Not allowed'
            });
            empError({ channel: '/event/Other_Event__e', error: 'bad payload' });
            await flush();
            expect(connectionText(element)).toMatch(/^Connected since/);

            empError({ channel: '/meta/subscribe', subscription: CHANNEL, error: '403::Not allowed' });
            await flush();
            expect(connectionText(element)).toBe('Connection lost: 403::Not allowed');
        });

        it('reads as connected again when events arrive after an error', async () => {
            const element = await mount();
            empError({ channel: '/meta/connect', error: 'timeout' });
            await flush();
            expect(connectionText(element)).toBe('Connection lost: timeout');

            await jest.advanceTimersByTimeAsync(60_000);
            await deliver(events.erpDelivered);

            // 12:01 UTC in Tokyo, in the user's locale.
            expect(connectionText(element)).toBe('Connected since 21:01:00');
            expect($(element, '[data-id="retry"]')).toBeNull();
            expect(rows(element)).toHaveLength(1);
        });
    });

    it("says since when it is connected in the user's Salesforce locale and time zone (finding 14)", async () => {
        const element = await mount();

        // 12:00 UTC is 21:00 in Tokyo; de-DE writes 24-hour times.
        expect(connectionText(element)).toBe('Connected since 21:00:00');
    });
});

describe('parsing', () => {
    it('reads the summary as badges and unknown statuses as themselves', () => {
        expect(parseSummary('Delivered:48,Retry Scheduled:2')).toEqual([
            { key: 'Delivered', label: 'Delivered 48', badgeClass: 'slds-badge slds-theme_success' },
            { key: 'Retry Scheduled', label: 'Retry scheduled 2', badgeClass: 'slds-badge slds-theme_warning' }
        ]);
        expect(parseSummary('Parked')).toEqual([{ key: 'Parked', label: 'Parked', badgeClass: 'slds-badge' }]);
        expect(parseSummary(null)).toEqual([]);
        expect(parseSummary(' , ')).toEqual([]);
    });

    it('reads record ids without blanks', () => {
        expect(parseRecordIds('a, b,,c ')).toEqual(['a', 'b', 'c']);
        expect(parseRecordIds(undefined)).toEqual([]);
    });

    it('tells which empApi errors concern a channel', () => {
        expect(concernsChannel('handshake denied', CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/meta/handshake' }, CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/meta/subscribe', subscription: CHANNEL }, CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/meta/subscribe', subscription: '/event/X__e' }, CHANNEL)).toBe(false);
        expect(concernsChannel({ channel: CHANNEL }, CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/data/AccountChangeEvent' }, CHANNEL)).toBe(false);
    });

    it('reads empApi errors of every shape', () => {
        expect(readEmpError('handshake denied')).toBe('handshake denied');
        expect(readEmpError({ ext: { sfdc: { failureReason: 'limit' } } })).toBe('limit');
        expect(readEmpError({ error: '403::Unknown client' })).toBe('403::Unknown client');
        expect(readEmpError(new Error('network'))).toBe('network');
        expect(readEmpError({})).toBe('The streaming connection failed.');
        expect(readEmpError(undefined)).toBe('The streaming connection failed.');
    });
});
