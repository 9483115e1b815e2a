import { createElement } from 'lwc';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { refreshApex } from '@salesforce/apex';
import getRecordSyncStatus from '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus';
import RecordSyncStatus, { readErrorMessage } from 'c/recordSyncStatus';
import statuses from './data/recordSyncStatus.json';

jest.mock(
    '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

type WireAdapter = ReturnType<typeof createApexTestWireAdapter>;
const statusAdapter = getRecordSyncStatus as unknown as WireAdapter;

function mount(): HTMLElement & { recordId?: string } {
    const element = createElement('c-record-sync-status', { is: RecordSyncStatus }) as HTMLElement & {
        recordId?: string;
    };
    element.recordId = '001000000000001AAA';
    document.body.appendChild(element);
    return element;
}

const flush = (): Promise<void> => Promise.resolve();

describe('c-record-sync-status', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner until the status arrives', () => {
        const element = mount();

        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
    });

    it('asks Apex for the status of the page record', async () => {
        mount();
        await flush();

        expect(statusAdapter.getLastConfig()).toEqual({ recordId: '001000000000001AAA' });
    });

    it('lists one row per integration with its status badge and summary', async () => {
        const element = mount();
        statusAdapter.emit(statuses);
        await flush();

        const rows = element.shadowRoot?.querySelectorAll('li[data-integration]') ?? [];
        expect(rows).toHaveLength(2);
        const deadLetter = element.shadowRoot?.querySelector('li[data-integration="Billing_Account"]');
        expect(deadLetter?.querySelector('[data-id="status"]')?.textContent).toBe('Dead Letter');
        expect(deadLetter?.querySelector('[data-id="status"]')?.className).toContain('slds-theme_error');
        expect(deadLetter?.textContent).toContain('An admin can replay it.');
        expect(deadLetter?.textContent).toContain('5 attempts');
        expect(deadLetter?.querySelector('[data-id="error-category"]')?.textContent?.trim()).toBe('Server Error');
        const delivered = element.shadowRoot?.querySelector('li[data-integration="ERP_Customer"]');
        expect(delivered?.textContent).toContain('1 attempt');
        expect(delivered?.querySelector('[data-id="error-category"]')).toBeNull();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
    });

    it('says so when the record was never sent', async () => {
        const element = mount();
        statusAdapter.emit([]);
        await flush();

        expect(element.shadowRoot?.querySelector('[data-id="empty"]')?.textContent).toContain('has not been sent');
        expect(element.shadowRoot?.querySelector('li')).toBeNull();
    });

    it('shows the Apex error message in an alert', async () => {
        const element = mount();
        statusAdapter.error({ message: 'You do not have access to this record.' });
        await flush();

        const alert = element.shadowRoot?.querySelector('[role="alert"]');
        expect(alert?.textContent).toBe('You do not have access to this record.');
    });

    it('re-provisions the wire when the rep refreshes', async () => {
        const element = mount();
        statusAdapter.emit(statuses);
        await flush();

        element.shadowRoot?.querySelector('lightning-button-icon')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(refreshApex).toHaveBeenCalledTimes(1);
    });

    it('is accessible in every state', async () => {
        const element = mount();
        await expect(element).toBeAccessible();
        statusAdapter.emit(statuses);
        await flush();
        await expect(element).toBeAccessible();
    });
});

describe('readErrorMessage', () => {
    it('reads Apex, script and unknown errors', () => {
        expect(readErrorMessage({ body: { message: 'Apex said no' } })).toBe('Apex said no');
        expect(readErrorMessage(new Error('network down'))).toBe('network down');
        expect(readErrorMessage('???')).toBe('The sync status could not be loaded.');
    });
});
