import { createElement } from 'lwc';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import getDeadLetterSummary from '@salesforce/apex/RelayConsoleController.getDeadLetterSummary';
import RelayDeadLetters from 'c/relayDeadLetters';
import summaryAll from './data/summaryAll.json';

jest.mock(
    '@salesforce/apex/RelayConsoleController.getDeadLetterSummary',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/customPermission/Relay_Replay_Logs', () => ({ __esModule: true, default: false }), {
    virtual: true
});

const summaryAdapter = getDeadLetterSummary as unknown as ReturnType<typeof createApexTestWireAdapter>;

describe('c-relay-dead-letters without Relay_Replay_Logs', () => {
    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
    });

    it('shows the groups and their logs, with no replay button', async () => {
        const element = createElement('c-relay-dead-letters', { is: RelayDeadLetters });
        document.body.appendChild(element);
        summaryAdapter.emit(summaryAll);
        await Promise.resolve();

        expect(element.shadowRoot?.querySelectorAll('[data-id="view-logs"]')).toHaveLength(4);
        expect(element.shadowRoot?.querySelector('[data-id="replay-all"]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
