import { createElement } from 'lwc';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { TestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { CurrentPageReference } from 'lightning/navigation';
import queryLogs from '@salesforce/apex/RelayConsoleController.queryLogs';
import RelayLogConsole from 'c/relayLogConsole';
import page1 from './data/logPage1.json';

// An admin with console access but neither Relay_Replay_Logs nor Relay_Cancel_Logs: the table without actions.
jest.mock('lightning/navigation', () => {
    const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
    const Navigate = Symbol('Navigate');
    const NavigationMixin = Object.assign(
        (Base: new () => object) =>
            class extends Base {
                [Navigate](): void {}
            },
        { Navigate, GenerateUrl: Symbol('GenerateUrl') }
    );
    return { CurrentPageReference: lwcJest.createTestWireAdapter(jest.fn()), NavigationMixin };
});
jest.mock(
    '@salesforce/apex/RelayConsoleController.getIntegrationNames',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex/RelayConsoleController.queryLogs', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/customPermission/Relay_Replay_Logs', () => ({ default: false }), { virtual: true });
jest.mock('@salesforce/customPermission/Relay_Cancel_Logs', () => ({ default: false }), { virtual: true });

const pageReferenceAdapter = CurrentPageReference as unknown as TestWireAdapter;
const queryLogsMock = queryLogs as unknown as jest.Mock<(...args: unknown[]) => Promise<unknown>>;

async function settle(ticks = 10): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) {
        await settle(ticks - 1);
    }
}

describe('c-relay-log-console without the replay and cancel permissions', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('hides the bulk buttons and the replay and cancel row actions', async () => {
        queryLogsMock.mockResolvedValueOnce(page1);
        const element = createElement('c-relay-log-console', { is: RelayLogConsole });
        document.body.appendChild(element);
        pageReferenceAdapter.emit({
            type: 'standard__navItemPage',
            attributes: {},
            state: { c__status: 'Dead Letter' }
        });
        await settle();
        const root = element.shadowRoot as ShadowRoot;
        const datatable = root.querySelector('lightning-datatable') as unknown as {
            columns: Array<{
                type?: string;
                typeAttributes?: { rowActions: (row: unknown, done: (a: unknown[]) => void) => void };
            }>;
        };
        datatable.columns
            .find((column) => column.type === 'action')
            ?.typeAttributes?.rowActions(page1.rows[1], (actions) => {
                expect(actions).toEqual([{ label: 'View details', name: 'details' }]);
            });
        (root.querySelector('lightning-datatable') as HTMLElement).dispatchEvent(
            new CustomEvent('rowselection', { detail: { selectedRows: [page1.rows[1]] } })
        );
        await Promise.resolve();

        expect(root.querySelector('[data-id="replay-selected"]')).toBeNull();
        expect(root.querySelector('[data-id="cancel-selected"]')).toBeNull();
        expect(root.querySelector('[data-id="replay-matching"]')).toBeNull();
        expect(root.querySelector('[data-id="bulk-hint"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
