import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import getSetupCheck from '@salesforce/apex/RelayConsoleController.getSetupCheck';
import getSetupCheckNames from '@salesforce/apex/RelayConsoleController.getSetupCheckNames';
import RelaySetupCheck, { isPermissionRefusal, summarize, toRows } from 'c/relaySetupCheck';
import type { SetupCheckResult } from 'relay/apex-types';
import fixtures from './data/setupCheck.json';

jest.mock('@salesforce/apex/RelayConsoleController.getSetupCheck', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/RelayConsoleController.getSetupCheckNames', () => ({ default: jest.fn() }), {
    virtual: true
});

const runCheck = getSetupCheck as unknown as jest.Mock<(params: { check: string }) => Promise<SetupCheckResult[]>>;
const checkNames = getSetupCheckNames as unknown as jest.Mock<(params: Record<string, never>) => Promise<string[]>>;

function flush(): Promise<void> {
    let settled = Promise.resolve();
    for (let turn = 0; turn < 5; turn += 1) {
        settled = settled.then(() => undefined);
    }
    return settled;
}

function apexError(message: string): Error & { body: { message: string } } {
    return Object.assign(new Error(message), { body: { message } });
}

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-relay-setup-check', { is: RelaySetupCheck });
    document.body.appendChild(element);
    await flush();
    return element;
}

function $(element: HTMLElement, selector: string): HTMLElement | null {
    return element.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
}

function checks(element: HTMLElement): HTMLElement[] {
    return Array.from(element.shadowRoot?.querySelectorAll<HTMLElement>('li[data-name]') ?? []);
}

describe('c-relay-setup-check', () => {
    let focusSpy: jest.SpiedFunction<HTMLElement['focus']>;

    beforeEach(() => {
        focusSpy = jest.spyOn(HTMLElement.prototype, 'focus');
        // One name: each test's fixture is the whole check's answer.
        checkNames.mockResolvedValue(['all']);
    });

    it('runs every check by name in parallel and shows the results in the names order', async () => {
        checkNames.mockResolvedValue(['subscription', 'schedules']);
        const [subscription, schedules] = [fixtures.someFail[0], fixtures.someFail[1]];
        runCheck.mockImplementation(({ check }) =>
            Promise.resolve(check === 'subscription' ? [subscription] : [schedules])
        );

        const element = await mount();

        expect(runCheck.mock.calls.map(([params]) => params)).toEqual([
            { check: 'subscription' },
            { check: 'schedules' }
        ]);
        expect(
            checks(element)
                .map((item) => item.dataset.name)
                .sort()
        ).toEqual([subscription.name, schedules.name].sort());
        await expect(element).toBeAccessible();
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
        focusSpy.mockRestore();
    });

    it('shows a spinner in a sized container while the check runs', async () => {
        runCheck.mockReturnValue(new Promise(() => undefined));
        const element = await mount();

        const loading = $(element, '[data-id="loading"]');
        expect(loading?.className).toContain('slds-is-relative');
        expect(loading?.querySelector('lightning-spinner')).not.toBeNull();
        expect(($(element, '[data-id="run"]') as HTMLElement & { disabled: boolean }).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('runs each check once on load, by its name', async () => {
        runCheck.mockResolvedValue(fixtures.allPass);
        await mount();

        expect(checkNames).toHaveBeenCalledTimes(1);
        expect(runCheck).toHaveBeenCalledTimes(1);
        expect(runCheck).toHaveBeenCalledWith({ check: 'all' });
    });

    it('lists failing checks first, with an icon, the name and the fix, under "7 of 9 checks pass"', async () => {
        runCheck.mockResolvedValue(fixtures.someFail);
        const element = await mount();

        expect($(element, '[data-id="summary"]')?.textContent).toBe('7 of 9 checks pass');
        expect($(element, '[data-id="summary-detail"]')?.textContent).toMatch(
            /^Checked at .+ Fix the failing checks first/
        );
        const rows = checks(element);
        expect(rows.map((row) => row.dataset.name)).toEqual([
            'Schedules',
            'Log keys',
            'Dispatch trigger subscription',
            'Subscriber user',
            'Permission set Relay_Admin',
            'Permission set Relay_Integration_User',
            'Principal access',
            'Settings ERP_Customer',
            'Log owner queue'
        ]);
        const failing = rows[0].querySelector('lightning-icon') as HTMLElement & {
            iconName: string;
            alternativeText: string;
            variant: string;
        };
        expect(failing.iconName).toBe('utility:error');
        expect(failing.alternativeText).toBe('Fails');
        expect(failing.variant).toBe('error');
        expect(rows[0].querySelector('[data-id="message"]')?.textContent).toContain('RelaySchedules.startAll()');
        const passing = rows[2].querySelector('lightning-icon') as HTMLElement & {
            iconName: string;
            alternativeText: string;
        };
        expect(passing.iconName).toBe('utility:success');
        expect(passing.alternativeText).toBe('Passes');
        expect($(element, '[data-id="loading"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says all checks pass when they do', async () => {
        runCheck.mockResolvedValue(fixtures.allPass);
        const element = await mount();

        expect($(element, '[data-id="summary"]')?.textContent).toBe('All 5 checks pass');
        expect($(element, '[data-id="summary-detail"]')?.textContent).toContain('Relay is set up.');
        expect(checks(element).every((row) => row.dataset.ok === 'true')).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('runs again on "Run again" and moves the focus to the new summary', async () => {
        runCheck.mockResolvedValueOnce(fixtures.someFail).mockResolvedValueOnce(fixtures.allPass);
        const element = await mount();

        $(element, '[data-id="run"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(runCheck).toHaveBeenCalledTimes(2);
        expect($(element, '[data-id="summary"]')?.textContent).toBe('All 5 checks pass');
        expect(focusSpy.mock.contexts).toContain($(element, '[data-id="summary"]'));
    });

    it('shows the Apex refusal as a designed no-permission message, not as an error', async () => {
        runCheck.mockRejectedValue(apexError(fixtures.noPermission));
        const element = await mount();

        expect($(element, '[data-id="no-permission"]')?.textContent).toContain('You cannot run the setup check');
        expect($(element, '[data-id="refusal"]')?.textContent).toBe(fixtures.noPermission);
        expect($(element, '[role="alert"]')).toBeNull();
        expect(checks(element)).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('shows the missing Relay Manage Operations permission the same way', async () => {
        runCheck.mockRejectedValue(apexError(fixtures.noManageOperations));
        const element = await mount();

        expect($(element, '[data-id="refusal"]')?.textContent).toBe(fixtures.noManageOperations);
        expect($(element, '[role="alert"]')).toBeNull();
    });

    it('shows any other failure in an alert and recovers on "Run again"', async () => {
        runCheck.mockRejectedValueOnce(apexError(fixtures.serverError)).mockResolvedValueOnce(fixtures.someFail);
        const element = await mount();

        expect($(element, '[role="alert"]')?.textContent).toBe(fixtures.serverError);
        await expect(element).toBeAccessible();

        $(element, '[data-id="run"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect($(element, '[role="alert"]')).toBeNull();
        expect(checks(element)).toHaveLength(9);
    });

    it('says so when the check returns nothing', async () => {
        runCheck.mockResolvedValue([]);
        const element = await mount();

        expect($(element, '[data-id="empty"]')?.textContent).toContain('returned no checks');
        expect($(element, '[data-id="summary"]')).toBeNull();
    });

    it('moves the focus to the alert when a rerun fails', async () => {
        runCheck.mockResolvedValueOnce(fixtures.allPass).mockRejectedValueOnce(new Error('Network down'));
        const element = await mount();

        $(element, '[data-id="run"]')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect($(element, '[role="alert"]')?.textContent).toBe('Network down');
        expect(focusSpy.mock.contexts).toContain($(element, '[data-id="outcome"]'));
    });
});

describe('helpers', () => {
    it('recognises the permission refusal', () => {
        expect(isPermissionRefusal(fixtures.noPermission)).toBe(true);
        expect(isPermissionRefusal(fixtures.noManageOperations)).toBe(true);
        expect(
            isPermissionRefusal(
                'The Relay setup check needs the Relay_Manage_Operations custom permission (Relay Admin permission set).'
            )
        ).toBe(true);
        expect(isPermissionRefusal('Resetting a circuit needs the Relay Manage Operations permission.')).toBe(true);
        expect(isPermissionRefusal(fixtures.serverError)).toBe(false);
    });

    it('summarises one, all and some passing checks', () => {
        expect(summarize([{ name: 'a', ok: true, message: '' }])).toBe('The one check passes');
        expect(summarize([{ name: 'a', ok: false, message: '' }])).toBe('The one check fails');
        expect(summarize(fixtures.allPass)).toBe('All 5 checks pass');
        expect(summarize(fixtures.someFail)).toBe('7 of 9 checks pass');
    });

    it('orders failing checks first and keeps the run order within each group', () => {
        const rows = toRows([
            { name: 'a', ok: true, message: '' },
            { name: 'b', ok: false, message: '' },
            { name: 'c', ok: true, message: '' },
            { name: 'd', ok: false, message: '' }
        ]);
        expect(rows.map((row) => row.name)).toEqual(['b', 'd', 'a', 'c']);
    });
});
