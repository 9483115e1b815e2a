import { createElement } from 'lwc';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import compareRecord from '@salesforce/apexContinuation/IntegrationStatusController.compareRecord';
import RecordCompare, { displayValue, STATE_LOOKS } from 'c/recordCompare';
import results from './data/compare.json';

jest.mock('@salesforce/apexContinuation/IntegrationStatusController.compareRecord', () => ({ default: jest.fn() }), {
    virtual: true
});

const compareMock = compareRecord as unknown as jest.Mock<(params: unknown) => Promise<unknown>>;
const RECORD_ID = '001000000000001AAA';

type Panel = HTMLElement & { recordId?: string; integration?: string };

function mount(integration = 'ERP_Customer'): Panel {
    const element = createElement('c-record-compare', { is: RecordCompare }) as Panel;
    element.recordId = RECORD_ID;
    element.integration = integration;
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

/** The `value` property a base component stub received. */
function valueOf(node: HTMLElement | null): unknown {
    return node ? (node as unknown as Record<string, unknown>).value : undefined;
}

function buttonLabelled(element: Element, label: string): HTMLElement | undefined {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('lightning-button') ?? []).find(
        (button) => (button as HTMLElement & { label?: string }).label === label
    );
}

const FAILURE_STATES = [
    'notOffered',
    'notFound',
    'timeout',
    'unreachable',
    'refused',
    'serverError',
    'malformed',
    'failed',
    'noCredentialAccess'
] as const;

describe('c-record-compare', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('calls the continuation for its integration and shows a spinner in its own box meanwhile', async () => {
        compareMock.mockReturnValue(new Promise(() => undefined));
        const element = mount();
        await flush();

        expect(compareMock).toHaveBeenCalledWith({ recordId: RECORD_ID, integration: 'ERP_Customer' });
        const box = $(element, '[data-id="loading"]');
        expect(box?.className).toContain('slds-is-relative');
        expect(box?.querySelector('lightning-spinner')).not.toBeNull();
        expect($(element, 'h3')?.textContent).toBe('ERP_Customer compared with Salesforce');
        await expect(element).toBeAccessible();
    });

    it('does nothing without an integration', async () => {
        mount('');
        await flush();

        expect(compareMock).not.toHaveBeenCalled();
    });

    it('lays the two views side by side and marks the differing rows in words', async () => {
        compareMock.mockResolvedValue(results.differences);
        const element = mount();
        await flush();

        expect($(element, '[data-id="summary"]')?.textContent).toBe('2 of 5 fields differ.');
        const rows = Array.from(element.shadowRoot?.querySelectorAll('tbody tr') ?? []);
        expect(rows.map((row) => row.getAttribute('data-key'))).toEqual([
            'name',
            'accountNumber',
            'annualRevenue',
            'billingCity',
            'phone'
        ]);
        const name = $(element, 'tr[data-key="name"]');
        expect(name?.className).toContain('differs');
        expect(name?.querySelector('[data-id="differs"]')?.textContent).toBe('Differs');
        expect(name?.querySelector('[data-id="salesforce"]')?.textContent).toBe('Acme Corporation');
        expect(name?.querySelector('[data-id="external"]')?.textContent).toBe('Acme Corp');
        const same = $(element, 'tr[data-key="accountNumber"]');
        expect(same?.className).not.toContain('differs');
        expect(same?.querySelector('[data-id="differs"]')).toBeNull();
        expect($(element, 'tr[data-key="annualRevenue"] [data-id="external"]')?.textContent).toBe('2500000');
        expect($(element, 'tr[data-key="phone"] [data-id="external"]')?.textContent).toBe('(no value)');
        expect($(element, '[data-id="external-only"]')?.textContent).toContain('creditLimit');
        expect($(element, '[data-id="external-only"]')?.textContent).toContain('segment');
        expect(valueOf($(element, '[data-id="checked-at"] lightning-formatted-date-time'))).toBe(
            '2026-11-20T12:00:00.000Z'
        );
        expect(valueOf($(element, '[data-id="external-changed-at"] lightning-formatted-date-time'))).toBe(
            '2026-11-20T11:58:00.000Z'
        );
        await expect(element).toBeAccessible();
    });

    it('says when both sides agree', async () => {
        compareMock.mockResolvedValue(results.agree);
        const element = mount();
        await flush();

        expect($(element, '[data-id="summary"]')?.textContent).toBe(
            'Salesforce and the receiving system agree on every field Relay sends.'
        );
        expect(element.shadowRoot?.querySelector('[data-id="differs"]')).toBeNull();
        expect($(element, '[data-id="external-only"]')).toBeNull();
    });

    it.each(FAILURE_STATES)('shows the %s state as its own designed sentence', async (state) => {
        compareMock.mockResolvedValue(results[state]);
        const element = mount();
        await flush();

        const notice = $(element, '[data-id="state"]');
        expect(notice?.dataset.state).toBe(state);
        expect(notice?.getAttribute('role')).toBe('status');
        expect(notice?.textContent).toContain(STATE_LOOKS[state].title);
        expect(notice?.textContent).toContain(results[state].message);
        expect($(element, 'table')).toBeNull();
        expect(buttonLabelled(element, 'Compare again') !== undefined).toBe(STATE_LOOKS[state].retry);
        await expect(element).toBeAccessible();
    });

    it('gives an unknown state a generic look and a default sentence', async () => {
        compareMock.mockResolvedValue({ ...results.failed, state: 'somethingNew', message: undefined });
        const element = mount();
        await flush();

        expect($(element, '[data-id="state"]')?.textContent).toContain('The comparison could not be made.');
    });

    it('shows an Apex refusal in an alert and compares again on request', async () => {
        compareMock.mockRejectedValueOnce({
            body: { message: 'You cannot read every field this integration sends, so Relay cannot compare them.' }
        });
        const element = mount();
        await flush();

        expect($(element, '[role="alert"]')?.textContent).toBe(
            'You cannot read every field this integration sends, so Relay cannot compare them.'
        );
        await expect(element).toBeAccessible();

        compareMock.mockResolvedValueOnce(results.differences);
        buttonLabelled(element, 'Compare again')?.dispatchEvent(new CustomEvent('click'));
        await flush();
        expect(compareMock).toHaveBeenCalledTimes(2);
        expect($(element, '[role="alert"]')).toBeNull();
        expect($(element, 'table')).not.toBeNull();
    });

    it('moves the focus to its heading once the answer is shown', async () => {
        compareMock.mockResolvedValue(results.differences);
        const element = mount();
        await flush();

        expect(element.shadowRoot?.activeElement).toBe($(element, '[data-id="heading"]'));
    });

    it('asks its parent to close it', async () => {
        compareMock.mockResolvedValue(results.agree);
        const element = mount();
        const close = jest.fn();
        element.addEventListener('close', close);
        await flush();

        buttonLabelled(element, 'Close comparison')?.dispatchEvent(new CustomEvent('click'));
        expect(close).toHaveBeenCalledTimes(1);
    });

    it('reads JSON values as a person would', () => {
        expect(displayValue(undefined)).toBe('(no value)');
        expect(displayValue('')).toBe('(no value)');
        expect(displayValue('null')).toBe('(no value)');
        expect(displayValue('"Lyon"')).toBe('Lyon');
        expect(displayValue('true')).toBe('true');
        expect(displayValue('{"a":1}')).toBe('{"a":1}');
        expect(displayValue('not json')).toBe('not json');
    });
});
