import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import RelayLiveStream, {
    CHANNEL,
    MAX_ROWS,
    UNAVAILABLE_MESSAGE,
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

/** The error listener the component registered with empApi's onError. */
function errorListener(): (error: unknown) => void {
    const calls = onError.mock.calls;
    return calls[calls.length - 1][0] as (error: unknown) => void;
}

describe('c-relay-live-stream', () => {
    beforeEach(() => {
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
        focusSpy.mockRestore();
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
        await expect(element).toBeAccessible();
    });

    it('shows each event as a row at the top: integration, colored count badges, record count and ids', async () => {
        const element = await mount();
        publishForTest(CHANNEL, events.erpDelivered);
        publishForTest(CHANNEL, events.billingDeadLetter);
        await flush();

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
        await expect(element).toBeAccessible();
    });

    it('shows the first three record ids and the full list on expand', async () => {
        const element = await mount();
        publishForTest(CHANNEL, events.erpDelivered);
        await flush();

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
        publishForTest(CHANNEL, { Summary__c: 'Cancelled:1' });
        await flush();

        expect(rows(element)[0].dataset.integration).toBe('Unknown integration');
        expect(rows(element)[0].querySelector('[data-id="record-count"]')?.textContent).toBe('0 records');
    });

    it('offers no expand button when every id is shown', async () => {
        const element = await mount();
        publishForTest(CHANNEL, events.erpSending);
        await flush();

        expect(rows(element)[0].querySelector('[data-id="toggle-ids"]')).toBeNull();
        expect(rows(element)[0].querySelector('[data-id="record-ids"]')?.textContent).toBe(
            '001000000000007AAA, 001000000000008AAA'
        );
    });

    it('copies all record ids of a row and says so in a toast', async () => {
        const element = await mount();
        const toasts: unknown[] = [];
        element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent).detail));
        publishForTest(CHANNEL, events.erpDelivered);
        await flush();

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
        publishForTest(CHANNEL, events.billingDeadLetter);
        await flush();

        rows(element)[0].querySelector('[data-id="copy"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(toasts.map((toast) => toast.variant)).toEqual(['error']);
    });

    it(`keeps the newest ${MAX_ROWS} rows and says how many older ones were dropped`, async () => {
        const element = await mount();
        for (let index = 0; index < MAX_ROWS + 5; index += 1) {
            publishForTest(CHANNEL, { ...events.billingDelivered, Summary__c: `Delivered:${index + 1}` });
        }
        await flush();

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
        publishForTest(CHANNEL, events.erpDelivered);
        await flush();

        click(element, '[data-id="pause"]');
        await flush();
        publishForTest(CHANNEL, events.billingDeadLetter);
        publishForTest(CHANNEL, events.erpSending);
        await flush();

        expect(rows(element)).toHaveLength(1);
        expect($(element, '[data-id="paused"]')?.textContent?.trim()).toBe(
            'Paused: 2 events while paused. Resume to show them.'
        );
        expect(unsubscribe).not.toHaveBeenCalled();
        expect(focusedElements()).toContain($(element, '[data-id="resume"]'));
        await expect(element).toBeAccessible();

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
        await flush();
        expect($(element, '[data-id="paused"]')?.textContent).toContain(`${MAX_ROWS + 3} events while paused`);

        click(element, '[data-id="resume"]');
        await flush();

        expect(rows(element)).toHaveLength(MAX_ROWS);
        expect($(element, '[data-id="dropped"]')?.textContent).toContain('3 older rows dropped');
    });

    it('clears the rows, the paused events and the dropped count', async () => {
        const element = await mount();
        expect(($(element, '[data-id="clear"]') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        publishForTest(CHANNEL, events.erpDelivered);
        publishForTest(CHANNEL, events.billingDeadLetter);
        await flush();
        click(element, '[data-id="pause"]');
        await flush();
        publishForTest(CHANNEL, events.erpSending);
        await flush();

        click(element, '[data-id="clear"]');
        await flush();

        expect(rows(element)).toHaveLength(0);
        expect($(element, '[data-id="paused"]')?.textContent).toContain('0 events while paused');
        expect($(element, '[data-id="empty"]')?.textContent).toContain('Waiting for status changes');
        expect($(element, '[data-id="count"]')?.textContent).toBe('0 events');
    });

    it('filters the rows by integration on the client', async () => {
        const element = await mount();
        publishForTest(CHANNEL, events.erpDelivered);
        publishForTest(CHANNEL, events.billingDeadLetter);
        publishForTest(CHANNEL, events.billingDelivered);
        await flush();

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
        errorListener()({ channel: '/meta/connect', error: '403::Unknown client' });
        await flush();

        expect(connectionText(element)).toBe('Connection lost: 403::Unknown client');
        expect($(element, '[data-id="connection"]')?.className).toContain('slds-theme_error');
        await expect(element).toBeAccessible();

        click(element, '[data-id="retry"]');
        await flush();

        expect(unsubscribe).toHaveBeenCalledTimes(1);
        expect(subscribe).toHaveBeenCalledTimes(2);
        expect(onError).toHaveBeenCalledTimes(1);
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
        await expect(element).toBeAccessible();
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
        errorListener()({ error: 'late error' });
        await flush();
        expect(connectionText(element)).toContain('Stopped');
        await expect(element).toBeAccessible();

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

    it('reads empApi errors of every shape', () => {
        expect(readEmpError('handshake denied')).toBe('handshake denied');
        expect(readEmpError({ ext: { sfdc: { failureReason: 'limit' } } })).toBe('limit');
        expect(readEmpError({ error: '403::Unknown client' })).toBe('403::Unknown client');
        expect(readEmpError(new Error('network'))).toBe('network');
        expect(readEmpError({})).toBe('The streaming connection failed.');
        expect(readEmpError(undefined)).toBe('The streaming connection failed.');
    });
});
