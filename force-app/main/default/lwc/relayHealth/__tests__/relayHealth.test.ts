import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { refreshApex } from '@salesforce/apex';
import LightningConfirm from 'lightning/confirm';
import getIntegrationHealth from '@salesforce/apex/RelayConsoleController.getIntegrationHealth';
import getIntegrationNames from '@salesforce/apex/RelayConsoleController.getIntegrationNames';
import resetCircuit from '@salesforce/apex/RelayConsoleController.resetCircuit';
import type { IntegrationHealth } from 'relay/apex-types';
import RelayHealth, {
    CHOOSE_ONE,
    NO_INTEGRATIONS,
    STALE_MS,
    bucketLabel,
    circuitBadge,
    hourlySeries,
    hoursPerBar,
    rateTone
} from 'c/relayHealth';
import healthAll from './data/healthAll.json';
import healthOne from './data/healthOne.json';
import healthDegraded from './data/healthDegraded.json';
import healthNoTraffic from './data/healthNoTraffic.json';
import integrationNames from './data/integrationNames.json';

jest.mock(
    '@salesforce/apex/RelayConsoleController.getIntegrationHealth',
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
jest.mock('@salesforce/apex/RelayConsoleController.resetCircuit', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });
jest.mock('lightning/confirm', () => ({ __esModule: true, default: { open: jest.fn() } }));

type WireAdapter = ReturnType<typeof createApexTestWireAdapter>;
const healthAdapter = getIntegrationHealth as unknown as WireAdapter;
const namesAdapter = getIntegrationNames as unknown as WireAdapter;
const resetMock = resetCircuit as unknown as jest.Mock<(params: { integration: string }) => Promise<unknown>>;
const confirmOpen = (LightningConfirm as unknown as { open: jest.Mock<(options: unknown) => Promise<boolean>> }).open;

const all = healthAll as IntegrationHealth[];
const NO_CONSOLE = 'The Relay console needs View All on Integration Logs (the Relay Admin permission set).';

function mount(): HTMLElement {
    const element = createElement('c-relay-health', { is: RelayHealth });
    document.body.appendChild(element);
    return element;
}

/** Lets the wire, the confirm dialog, the Apex call and the re-render settle (a macrotask runs after them all). */
// eslint-disable-next-line @lwc/lwc/no-async-operation -- a test helper, not component code
const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function q<T extends Element = HTMLElement>(root: Element | null | undefined, selector: string): T | null {
    return (root?.shadowRoot ?? root)?.querySelector<T>(selector) ?? null;
}

function section(element: HTMLElement, integration: string): HTMLElement | null {
    return q(element, `article[data-integration="${integration}"]`);
}

function text(root: Element | null, selector: string): string | undefined {
    return root?.querySelector(selector)?.textContent?.trim();
}

function choose(element: HTMLElement, id: 'window' | 'integration', value: string): void {
    q(element, `lightning-combobox[data-id="${id}"]`)?.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

async function show(data: unknown): Promise<HTMLElement> {
    const element = mount();
    namesAdapter.emit(integrationNames);
    healthAdapter.emit(data);
    await flush();
    return element;
}

describe('c-relay-health', () => {
    beforeEach(() => {
        confirmOpen.mockResolvedValue(true);
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner in a sized container while health loads', async () => {
        const element = mount();

        const loading = q(element, '[data-id="loading"]');
        expect(loading?.className).toContain('slds-is-relative');
        expect(loading?.querySelector('lightning-spinner')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('asks for all integrations over the last 24 hours by default', async () => {
        const element = mount();
        await flush();

        expect(healthAdapter.getLastConfig()).toEqual({ integration: null, windowHours: 24 });
        expect(q<HTMLElement & { value: string }>(element, 'lightning-combobox[data-id="window"]')?.value).toBe('24');
    });

    it('offers every integration and "All integrations" in the picker', async () => {
        const element = await show(all);
        const combobox = q<HTMLElement & { options: { label: string; value: string }[] }>(
            element,
            'lightning-combobox[data-id="integration"]'
        );

        expect(combobox?.options.map((option) => option.label)).toEqual([
            'All integrations',
            'Billing_Account',
            'ERP_Customer'
        ]);
    });

    it('re-wires with windowHours when the window changes, showing the spinner until the answer', async () => {
        const element = await show(all);
        choose(element, 'window', '168');
        await flush();

        expect(healthAdapter.getLastConfig()).toEqual({ integration: null, windowHours: 168 });
        expect(q(element, '[data-id="loading"]')).not.toBeNull();
        healthAdapter.emit(all);
        await flush();
        expect(q(element, '[data-id="loading"]')).toBeNull();
        expect(section(element, 'ERP_Customer')).not.toBeNull();
    });

    it('asks for one integration when one is chosen', async () => {
        const element = await show(all);
        choose(element, 'integration', 'ERP_Customer');
        await flush();

        expect(healthAdapter.getLastConfig()).toEqual({ integration: 'ERP_Customer', windowHours: 24 });
        choose(element, 'integration', 'ERP_Customer');
        choose(element, 'window', '24');
        await flush();
        expect(healthAdapter.getLastConfig()).toEqual({ integration: 'ERP_Customer', windowHours: 24 });
    });

    it('shows a healthy integration with its numbers', async () => {
        const element = await show(all);
        const erp = section(element, 'ERP_Customer');

        expect(text(erp, 'h2')).toBe('ERP_Customer');
        expect(text(erp, '[data-id="rate"]')).toBe('99.8 %');
        expect(erp?.querySelector('[data-id="rate"]')?.className).toContain('relay-rate_success');
        expect(text(erp, '[data-id="tone"]')).toBe('Healthy');
        expect(erp?.textContent).toContain('1,234 of 1,236 finished changes delivered');
        expect(text(erp, '[data-id="latency-value"]')).toBe('2 s / 10 s');
        expect(erp?.textContent).toContain('Mean 3 s');
        expect(text(erp, '[data-id="throughput"] .slds-text-heading_large')).toBe('51.4 per hour');
        expect(text(erp, '[data-id="delivered"]')).toBe('1,234');
        expect(text(erp, '[data-id="dead-letters"]')).toBe('2');
        expect(text(erp, '[data-id="retries"]')).toBe('8');
        expect(text(erp, '[data-id="backlog-due"]')).toBe('3');
        expect(text(erp, '[data-id="backlog-later"]')).toBe('0');
        expect(erp?.querySelector('[data-id="backlog-note"]')).toBeNull();
        expect(text(erp, '[data-id="oldest-age"]')).toBe('2 min');
        expect(text(erp, '[data-id="circuit"]')).toBe('Circuit closed');
        expect(erp?.querySelector('[data-id="circuit"]')?.className).toContain('slds-theme_success');
        expect(erp?.querySelector('[data-id="circuit-details"]')).toBeNull();
        expect(erp?.querySelector('[data-id="reset"]')).toBeNull();
        expect(erp?.querySelector('[data-id="alerts"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows a degraded integration: open circuit with details, alerts and a capped backlog', async () => {
        const element = await show(all);
        const billing = section(element, 'Billing_Account');

        expect(text(billing, '[data-id="rate"]')).toBe('89.5 %');
        expect(billing?.querySelector('[data-id="rate"]')?.className).toContain('relay-rate_error');
        expect(text(billing, '[data-id="tone"]')).toBe('Failing');
        expect(text(billing, '[data-id="circuit"]')).toBe('Circuit open');
        expect(billing?.querySelector('[data-id="circuit"]')?.className).toContain('slds-theme_error');
        const details = billing?.querySelector('[data-id="circuit-details"]');
        expect(details?.textContent).toContain('5 consecutive failures: the receiver answered HTTP 503.');
        expect(details?.textContent).toContain('Server Error');
        expect(text(billing, '[data-id="failures"]')).toBe('5');
        expect(details?.querySelectorAll('lightning-formatted-date-time')).toHaveLength(2);
        expect(text(billing, '[data-id="backlog-due"]')).toBe('5,000+');
        expect(text(billing, '[data-id="backlog-later"]')).toBe('1,200');
        expect(text(billing, '[data-id="backlog-note"]')).toContain('Counted up to 5,000');
        expect(text(billing, '[data-id="oldest-age"]')).toBe('6 h 12 min');
        expect(text(billing, '[data-id="latency-value"]')).toBe('30 s / 1 h');
        const alerts = [...(billing?.querySelectorAll('[data-id="alerts"] li') ?? [])];
        expect(alerts).toHaveLength(3);
        expect(alerts[0].textContent).toContain('Circuit Open');
        expect(alerts[1].textContent).toContain('48 changes became Dead Letter');
        expect(billing?.querySelector('[data-id="alerts"]')?.getAttribute('aria-label')).toBe(
            'Open alerts of Billing_Account'
        );
        expect(billing?.querySelector('[data-id="reset"]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('colours the success rate by threshold, always with a word', async () => {
        const warning = { ...all[0], successRate: 0.97 };
        const edge = { ...all[1], integration: 'Edge', successRate: 0.99, openAlerts: [], circuitState: 'Closed' };
        const element = await show([warning, edge]);

        expect(text(section(element, 'ERP_Customer'), '[data-id="tone"]')).toBe('Degraded');
        expect(section(element, 'ERP_Customer')?.querySelector('[data-id="rate"]')?.className).toContain(
            'relay-rate_warning'
        );
        expect(text(section(element, 'Edge'), '[data-id="tone"]')).toBe('Healthy');
        expect(rateTone(0.95).word).toBe('Degraded');
        expect(rateTone(0.9499).word).toBe('Failing');
        expect(rateTone(undefined).word).toBe('No traffic');
    });

    it('says to choose one integration for the hourly chart, and still draws the latency histogram', async () => {
        const element = await show(all);
        const erp = section(element, 'ERP_Customer');

        expect(text(erp, '[data-id="choose-one"]')).toBe(CHOOSE_ONE);
        const latency = erp?.querySelector('[data-id="latency-chart"] c-relay-chart');
        expect(latency?.shadowRoot?.querySelectorAll('rect')).toHaveLength(6);
        const headers = [...(latency?.shadowRoot?.querySelectorAll('tbody th') ?? [])].map((th) => th.textContent);
        expect(headers[0]).toBe('≤ 1 s');
        expect(headers[5]).toBe('≤ 1 min');
        expect(headers[12]).toBe('≤ 1 d');
        expect(headers[13]).toBe('> 1 d');
        expect(latency?.shadowRoot?.querySelector('svg')?.getAttribute('aria-label')).toBe(
            'Delivery latency of ERP_Customer, last 24 hours'
        );
    });

    it('draws the hourly chart for one integration, hours without a rollup row as zero', async () => {
        const element = mount();
        choose(element, 'integration', 'ERP_Customer');
        healthAdapter.emit(healthOne);
        await flush();

        const chart = section(element, 'ERP_Customer')?.querySelector('[data-id="hourly"] c-relay-chart');
        const rows = chart?.shadowRoot?.querySelectorAll('tbody tr') ?? [];
        expect(rows).toHaveLength(24);
        // The fixture has no rollup rows for its 4th and 5th hours.
        expect([...(rows[3]?.querySelectorAll('td') ?? [])].map((cell) => cell.textContent)).toEqual([
            '0',
            '0',
            '0',
            '0'
        ]);
        expect(chart?.shadowRoot?.querySelector('svg')?.getAttribute('aria-label')).toBe(
            'Delivered, dead letters and retries of ERP_Customer, last 24 hours'
        );
        expect(section(element, 'ERP_Customer')?.querySelector('[data-id="choose-one"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows zeros plainly and empty charts when nothing happened in the window', async () => {
        const element = mount();
        choose(element, 'integration', 'ERP_Customer');
        healthAdapter.emit(healthNoTraffic);
        await flush();
        const erp = section(element, 'ERP_Customer');

        expect(text(erp, '[data-id="rate"]')).toBe('—');
        expect(text(erp, '[data-id="tone"]')).toBe('No traffic');
        expect(erp?.textContent).toContain('Nothing was delivered or dead-lettered in this window.');
        expect(text(erp, '[data-id="latency-value"]')).toBe('— / —');
        expect(erp?.textContent).toContain('No deliveries to measure.');
        expect(text(erp, '[data-id="throughput"] .slds-text-heading_large')).toBe('0 per hour');
        expect(text(erp, '[data-id="delivered"]')).toBe('0');
        expect(text(erp, '[data-id="oldest-age"]')).toBe('Nothing waiting');
        const charts = [...(erp?.querySelectorAll('c-relay-chart') ?? [])];
        expect(
            charts.map((chart) => chart.shadowRoot?.querySelector('[data-id="empty"]')?.textContent?.trim())
        ).toEqual([
            'No deliveries, dead letters or retries in this window.',
            'No deliveries in this window, so no latency to show.'
        ]);
        await expect(element).toBeAccessible();
    });

    it('says how to configure an integration when there is none', async () => {
        const element = await show([]);

        expect(text(element.shadowRoot as unknown as Element, '[data-id="empty"]')).toBe(NO_INTEGRATIONS);
        expect(q(element, 'article')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows an Apex error in an alert', async () => {
        const element = mount();
        healthAdapter.error({ message: 'Choose a window of 1 to 744 hours.' });
        await flush();

        expect(q(element, '[role="alert"]')?.textContent).toBe('Choose a window of 1 to 744 hours.');
        expect(q(element, '[data-id="no-access"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows the console refusal as a designed message', async () => {
        const element = mount();
        namesAdapter.error({ message: NO_CONSOLE });
        healthAdapter.error({ message: NO_CONSOLE });
        await flush();

        const noAccess = q(element, '[data-id="no-access"]');
        expect(noAccess?.getAttribute('role')).toBe('status');
        expect(noAccess?.textContent).toContain('You cannot open the Relay console');
        expect(noAccess?.textContent).toContain(NO_CONSOLE);
        expect(q(element, '[role="alert"]')).toBeNull();
        expect(q(element, 'lightning-combobox')).toBeNull();
        await expect(element).toBeAccessible();
    });

    describe('figures of a console left open (finding 16)', () => {
        const windowEnd = Date.parse(all[0].windowEnd);

        function setVisibility(state: 'visible' | 'hidden'): void {
            Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
            document.dispatchEvent(new CustomEvent('visibilitychange'));
        }

        afterEach(() => {
            jest.useRealTimers();
            setVisibility('visible');
        });

        it("says when the figures were read, in the user's time zone", async () => {
            const element = await show(all);

            // windowEnd 12:00 UTC is 4:00 AM in Los Angeles (the Jest user's time zone).
            expect(text(element.shadowRoot as unknown as Element, '[data-id="as-of"]')).toBe('As of Nov 20, 4:00 AM');
            await expect(element).toBeAccessible();
        });

        it('reads the figures again when the tab becomes visible and they are older than 5 minutes', async () => {
            jest.useFakeTimers({ now: windowEnd + 60_000 });
            const element = mount();
            namesAdapter.emit(integrationNames);
            healthAdapter.emit(all);
            await Promise.resolve();

            setVisibility('hidden');
            setVisibility('visible');
            expect(refreshApex).not.toHaveBeenCalled();

            jest.setSystemTime(windowEnd + STALE_MS);
            setVisibility('hidden');
            expect(refreshApex).not.toHaveBeenCalled();
            setVisibility('visible');
            expect(refreshApex).toHaveBeenCalledTimes(1);

            // The fresh answer is new again: no second read on the next look.
            healthAdapter.emit(
                all.map((health) => ({ ...health, windowEnd: new Date(windowEnd + STALE_MS).toISOString() }))
            );
            await Promise.resolve();
            setVisibility('visible');
            expect(refreshApex).toHaveBeenCalledTimes(1);

            document.body.removeChild(element);
            jest.setSystemTime(windowEnd + 3 * STALE_MS);
            setVisibility('visible');
            expect(refreshApex).toHaveBeenCalledTimes(1);
        });

        it('has nothing to read again while loading or after an error', async () => {
            const element = mount();
            setVisibility('visible');
            healthAdapter.error({ message: 'Health could not be read.' });
            await flush();
            setVisibility('visible');

            expect(refreshApex).not.toHaveBeenCalled();
            expect(q(element, '[data-id="as-of"]')).toBeNull();
        });

        it('uses the arrival time for figures without a window end', async () => {
            jest.useFakeTimers({ now: windowEnd });
            mount();
            healthAdapter.emit([{ ...all[0], windowEnd: undefined }]);
            await Promise.resolve();
            jest.setSystemTime(windowEnd + STALE_MS - 1);
            setVisibility('visible');

            expect(refreshApex).not.toHaveBeenCalled();
        });
    });

    it('refreshes the wired health', async () => {
        const element = await show(all);
        q(element, 'lightning-button-icon')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(refreshApex).toHaveBeenCalledTimes(1);
    });

    describe('reset circuit', () => {
        function clickReset(element: HTMLElement): void {
            section(element, 'Billing_Account')
                ?.querySelector('[data-id="reset"]')
                ?.dispatchEvent(new CustomEvent('click'));
        }

        it('is offered only for a circuit that is not closed and a user who may reset', async () => {
            const noRight = { ...all[1], canResetCircuit: false };
            const halfOpen = { ...all[1], integration: 'Half', circuitState: 'Half Open' };
            const element = await show([all[0], noRight, halfOpen]);

            expect(section(element, 'ERP_Customer')?.querySelector('[data-id="reset"]')).toBeNull();
            expect(section(element, 'Billing_Account')?.querySelector('[data-id="reset"]')).toBeNull();
            expect(text(section(element, 'Billing_Account'), '[data-id="circuit"]')).toBe('Circuit open');
            expect(section(element, 'Half')?.querySelector('[data-id="reset"]')).not.toBeNull();
            expect(text(section(element, 'Half'), '[data-id="circuit"]')).toBe('Circuit half open (probing)');
        });

        it('confirms, resets, toasts the message and refreshes', async () => {
            resetMock.mockResolvedValue({ message: 'Billing_Account resumed: 1,200 waiting changes are due now.' });
            const element = await show(all);
            const toasts: CustomEvent[] = [];
            element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));

            clickReset(element);
            await flush();

            expect(confirmOpen).toHaveBeenCalledTimes(1);
            const options = confirmOpen.mock.calls[0][0] as { message: string; label: string };
            expect(options.label).toBe('Reset circuit');
            expect(options.message).toContain('Close the circuit of Billing_Account now?');
            expect(resetMock).toHaveBeenCalledWith({ integration: 'Billing_Account' });
            expect(toasts).toHaveLength(1);
            expect(toasts[0].detail).toMatchObject({
                variant: 'success',
                message: 'Billing_Account resumed: 1,200 waiting changes are due now.'
            });
            expect(refreshApex).toHaveBeenCalledTimes(1);
            expect(element.shadowRoot?.activeElement?.getAttribute('data-heading')).toBe('Billing_Account');
        });

        it('does nothing when the admin declines', async () => {
            confirmOpen.mockResolvedValue(false);
            const element = await show(all);

            clickReset(element);
            await flush();

            expect(confirmOpen).toHaveBeenCalledTimes(1);
            expect(resetMock).not.toHaveBeenCalled();
            expect(refreshApex).not.toHaveBeenCalled();
        });

        it('disables the button while the reset runs', async () => {
            let finish: (value: unknown) => void = () => undefined;
            resetMock.mockReturnValue(new Promise((resolve) => (finish = resolve)));
            const element = await show(all);

            clickReset(element);
            await flush();

            const button = section(element, 'Billing_Account')?.querySelector<
                HTMLElement & { disabled: boolean; label: string }
            >('[data-id="reset"]');
            expect(button?.disabled).toBe(true);
            expect(button?.label).toBe('Resetting…');
            finish({ message: 'Reset.' });
            await flush();
            expect(button?.disabled).toBe(false);
        });

        it('focuses the heading of an integration whose name would break a selector (finding 13)', async () => {
            resetMock.mockResolvedValue({ message: 'Reset.' });
            const name = 'Billing "EU" [test]';
            const element = await show([all[0], { ...all[1], integration: name }]);
            const article = Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('article') ?? []).find(
                (candidate) => candidate.dataset.integration === name
            );

            article?.querySelector('[data-id="reset"]')?.dispatchEvent(new CustomEvent('click'));
            await flush();

            expect(resetMock).toHaveBeenCalledWith({ integration: name });
            expect((element.shadowRoot?.activeElement as HTMLElement | null)?.dataset.heading).toBe(name);
        });

        it('toasts the Apex sentence when the reset fails', async () => {
            resetMock.mockRejectedValue({
                body: { message: 'Resetting a circuit needs the Relay Manage Operations permission.' }
            });
            const element = await show(all);
            const toasts: CustomEvent[] = [];
            element.addEventListener('lightning__showtoast', (event) => toasts.push(event as CustomEvent));

            clickReset(element);
            await flush();

            expect(toasts).toHaveLength(1);
            expect(toasts[0].detail).toMatchObject({
                variant: 'error',
                message: 'Resetting a circuit needs the Relay Manage Operations permission.'
            });
            expect(refreshApex).not.toHaveBeenCalled();
        });
    });

    it('shows the degraded integration with its hourly chart', async () => {
        const element = mount();
        choose(element, 'integration', 'Billing_Account');
        healthAdapter.emit(healthDegraded);
        await flush();

        const chart = section(element, 'Billing_Account')?.querySelector('[data-id="hourly"] c-relay-chart');
        expect(chart?.shadowRoot?.querySelectorAll('tbody tr')).toHaveLength(24);
        expect(chart?.shadowRoot?.querySelectorAll('.relay-chart__legend li')).toHaveLength(3);
        await expect(element).toBeAccessible();
    });
});

describe('health helpers', () => {
    it('sums long windows into 6-hour and daily bars', () => {
        expect(hoursPerBar(1)).toBe(1);
        expect(hoursPerBar(48)).toBe(1);
        expect(hoursPerBar(168)).toBe(6);
        expect(hoursPerBar(744)).toBe(24);
        const week = hourlySeries(
            [
                { hourStart: '2026-11-13T12:00:00.000Z', delivered: 1, deadLetters: 0, retries: 0 },
                { hourStart: '2026-11-13T17:00:00.000Z', delivered: 2, deadLetters: 1, retries: 3 },
                { hourStart: '2026-11-20T11:00:00.000Z', delivered: 4, deadLetters: 0, retries: 0 },
                { hourStart: 'not a date', delivered: 100, deadLetters: 0, retries: 0 }
            ],
            '2026-11-13T12:00:00.000Z',
            '2026-11-20T12:00:00.000Z',
            168
        );
        expect(week.labels).toHaveLength(28);
        expect(week.categoryLabel).toBe('Period starting');
        expect(week.datasets[0].values[0]).toBe(3);
        expect(week.datasets[1].values[0]).toBe(1);
        expect(week.datasets[2].values[0]).toBe(3);
        expect(week.datasets[0].values[27]).toBe(4);
        const month = hourlySeries([], '2026-10-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z', 744);
        expect(month.labels).toHaveLength(31);
    });

    it('names latency buckets and circuit states', () => {
        expect(bucketLabel({ upToSeconds: 900, count: 0 }, 86400)).toBe('≤ 15 min');
        expect(bucketLabel({ count: 0 }, 86400)).toBe('> 1 d');
        expect(circuitBadge('Closed').label).toBe('Circuit closed');
        expect(circuitBadge('Tripped')).toEqual({ label: 'Circuit Tripped', badgeClass: 'slds-badge' });
    });
});
