import { createElement } from 'lwc';
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { createApexTestWireAdapter } from '@salesforce/sfdx-lwc-jest';
import { refreshApex } from '@salesforce/apex';
import getLogDetail from '@salesforce/apex/RelayConsoleController.getLogDetail';
import RelayLogDetail, {
    DOWNLOAD_URL_LIFETIME_MS,
    NO_FIELD_ACCESS,
    NO_RESPONSE,
    NO_SNAPSHOT,
    prettyJson
} from 'c/relayLogDetail';
import detailWithSnapshot from './data/logDetail.json';
import detailWithoutSnapshot from './data/logDetailNoSnapshot.json';

jest.mock(
    '@salesforce/apex/RelayConsoleController.getLogDetail',
    () => {
        const lwcJest = jest.requireActual<typeof import('@salesforce/sfdx-lwc-jest')>('@salesforce/sfdx-lwc-jest');
        return { default: lwcJest.createApexTestWireAdapter(jest.fn()) };
    },
    { virtual: true }
);
jest.mock('@salesforce/apex', () => ({ refreshApex: jest.fn(() => Promise.resolve()) }), { virtual: true });

const refreshMock = refreshApex as unknown as jest.Mock<(value: unknown) => Promise<void>>;
const detailAdapter = getLogDetail as unknown as ReturnType<typeof createApexTestWireAdapter>;

interface Toast {
    title?: string;
    message: string;
    variant?: string;
}

let toasts: Toast[] = [];
let writeText: jest.Mock<(text: string) => Promise<void>>;

function mount(): HTMLElement & { logId?: string; focus(): void } {
    const element = createElement('c-relay-log-detail', { is: RelayLogDetail }) as HTMLElement & {
        logId?: string;
        focus(): void;
    };
    element.logId = detailWithSnapshot.row.id;
    element.addEventListener('lightning__showtoast', (event) => toasts.push((event as CustomEvent<Toast>).detail));
    document.body.appendChild(element);
    return element;
}

function byId<T extends Element = HTMLElement>(element: HTMLElement, id: string): T | null {
    return element.shadowRoot?.querySelector<T>(`[data-id="${id}"]`) ?? null;
}

async function flush(ticks = 5): Promise<void> {
    await Promise.resolve();
    if (ticks > 1) {
        await flush(ticks - 1);
    }
}

/** jsdom's Blob has no text(): read it as the browser would. */
function blobText(blob: Blob): Promise<string> {
    return new Promise((resolve) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.readAsText(blob);
    });
}

describe('c-relay-log-detail', () => {
    beforeEach(() => {
        toasts = [];
        writeText = jest.fn(() => Promise.resolve());
        refreshMock.mockResolvedValue(undefined);
        Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    });

    afterEach(() => {
        while (document.body.firstChild) {
            document.body.removeChild(document.body.firstChild);
        }
        jest.clearAllMocks();
    });

    it('shows a spinner while the row loads and asks for the given row', async () => {
        const element = mount();
        await flush();

        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
        expect(detailAdapter.getLastConfig()).toEqual({ logId: detailWithSnapshot.row.id });
        await expect(element).toBeAccessible();
    });

    it('shows the keys, the pretty-printed snapshot and the response excerpt', async () => {
        const element = mount();
        detailAdapter.emit(detailWithSnapshot);
        await flush();

        expect(byId(element, 'heading')?.textContent?.trim()).toBe('Log row LOG-0004229');
        expect(byId(element, 'status')?.textContent).toBe('Dead letter');
        expect(byId(element, 'status')?.className).toContain('slds-theme_error');
        expect(byId(element, 'summary')?.textContent).toBe(
            'Billing_Account · Contract UPDATE · 6 attempts · HTTP 503 · Server Error'
        );
        const fields = byId(element, 'fields')?.textContent ?? '';
        expect(fields).toContain(detailWithSnapshot.idempotencyKey);
        expect(fields).toContain(detailWithSnapshot.row.correlationId);
        expect(fields).toContain('Not acknowledged by the receiver yet.');
        const snapshot = byId(element, 'snapshot')?.textContent ?? '';
        expect(snapshot).toContain('\n  "integration": "Billing_Account"');
        expect(byId(element, 'response')?.textContent).toBe(detailWithSnapshot.responseExcerpt);
        expect(element.shadowRoot?.querySelector('lightning-spinner')).toBeNull();
        await expect(element).toBeAccessible();
    });

    describe('download', () => {
        let created: Blob[];
        let revoked: string[];
        let clicked: Array<{ href: string; download: string }>;

        beforeEach(() => {
            created = [];
            revoked = [];
            clicked = [];
            // jsdom has no object URLs: record what the component asks for.
            Object.defineProperty(URL, 'createObjectURL', {
                configurable: true,
                value: (blob: Blob) => {
                    created.push(blob);
                    return `blob:relay/${created.length}`;
                }
            });
            Object.defineProperty(URL, 'revokeObjectURL', {
                configurable: true,
                value: (url: string) => revoked.push(url)
            });
            jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
                clicked.push({ href: this.getAttribute('href') ?? '', download: this.download });
            });
        });

        afterEach(() => {
            jest.useRealTimers();
            jest.restoreAllMocks();
        });

        it('saves the snapshot and the response as Blobs under the row name, never as data: links', async () => {
            jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick'] });
            const element = mount();
            detailAdapter.emit(detailWithSnapshot);
            await flush();

            // Lightning Web Security blocks data: URIs in links: no link with an href is rendered.
            expect(element.shadowRoot?.querySelector('a[href]')).toBeNull();
            byId(element, 'download-snapshot')?.dispatchEvent(new CustomEvent('click'));
            byId(element, 'download-response')?.dispatchEvent(new CustomEvent('click'));

            expect(clicked).toEqual([
                { href: 'blob:relay/1', download: 'LOG-0004229-request.json' },
                { href: 'blob:relay/2', download: 'LOG-0004229-response.txt' }
            ]);
            // A plain MIME type: LWS refuses Blob types with parameters such as ;charset=utf-8.
            expect(created.map((blob) => blob.type)).toEqual(['application/json', 'text/plain']);
            expect(await blobText(created[0])).toBe(prettyJson(detailWithSnapshot.requestSnapshot));
            expect(await blobText(created[1])).toBe(detailWithSnapshot.responseExcerpt);

            expect(revoked).toEqual([]);
            jest.advanceTimersByTime(DOWNLOAD_URL_LIFETIME_MS);
            expect(revoked).toEqual(['blob:relay/1', 'blob:relay/2']);
        });
    });

    it('reads the row again on request (the wired answer is cached)', async () => {
        const element = mount() as HTMLElement & { refresh(): Promise<void> };
        detailAdapter.emit(detailWithSnapshot);
        await flush();
        await element.refresh();

        expect(refreshMock).toHaveBeenCalledTimes(1);
        expect((refreshMock.mock.calls[0][0] as { data: unknown }).data).toEqual(detailWithSnapshot);
    });

    it('reads the first answer again when asked before the row arrived', async () => {
        const element = mount() as HTMLElement & { refresh(): Promise<void> };
        await element.refresh();
        expect(refreshMock).not.toHaveBeenCalled();

        detailAdapter.emit(detailWithSnapshot);
        await flush();
        expect(refreshMock).toHaveBeenCalledTimes(1);
        detailAdapter.emit(detailWithSnapshot);
        await flush();
        expect(refreshMock).toHaveBeenCalledTimes(1);
    });

    it('loads another row without showing the previous one meanwhile', async () => {
        const element = mount();
        detailAdapter.emit(detailWithSnapshot);
        await flush();

        element.logId = detailWithoutSnapshot.row.id;
        await flush();
        expect(element.shadowRoot?.querySelector('lightning-spinner')).not.toBeNull();
        expect(byId(element, 'summary')).toBeNull();
        expect(detailAdapter.getLastConfig()).toEqual({ logId: detailWithoutSnapshot.row.id });

        element.logId = detailWithoutSnapshot.row.id;
        detailAdapter.emit(detailWithoutSnapshot);
        await flush();
        expect(byId(element, 'heading')?.textContent?.trim()).toBe(`Log row ${detailWithoutSnapshot.row.name}`);
    });

    it('copies the snapshot and the response with a toast', async () => {
        const element = mount();
        detailAdapter.emit(detailWithSnapshot);
        await flush();

        byId(element, 'copy-snapshot')?.dispatchEvent(new CustomEvent('click'));
        await flush();
        byId(element, 'copy-response')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(writeText).toHaveBeenNthCalledWith(1, prettyJson(detailWithSnapshot.requestSnapshot));
        expect(writeText).toHaveBeenNthCalledWith(2, detailWithSnapshot.responseExcerpt);
        expect(toasts.map((toast) => [toast.title, toast.variant])).toEqual([
            ['Request snapshot copied', 'success'],
            ['Response excerpt copied', 'success']
        ]);
    });

    it('says how to copy by hand when the browser refuses the clipboard', async () => {
        writeText.mockRejectedValueOnce(new Error('NotAllowedError'));
        const element = mount();
        detailAdapter.emit(detailWithSnapshot);
        await flush();

        byId(element, 'copy-snapshot')?.dispatchEvent(new CustomEvent('click'));
        await flush();

        expect(toasts[0]).toMatchObject({ title: 'Request snapshot not copied', variant: 'error' });
        expect(toasts[0].message).toContain('select the text');
    });

    it('says why there is no snapshot and shows the acknowledgement', async () => {
        const element = mount();
        detailAdapter.emit(detailWithoutSnapshot);
        await flush();

        expect(byId(element, 'no-snapshot')?.textContent).toBe(NO_SNAPSHOT);
        expect(byId(element, 'no-response')?.textContent).toBe(NO_RESPONSE);
        expect(byId(element, 'copy-snapshot')).toBeNull();
        expect(byId(element, 'download-snapshot')).toBeNull();
        expect(byId(element, 'acknowledgement')?.textContent).toContain('Acknowledged: Customer 118204 updated in ERP');
        expect(byId(element, 'fields')?.textContent).toContain('CUST-118204');
        expect(byId(element, 'summary')?.textContent).toBe('ERP_Customer · Account UPDATE · 1 attempt · HTTP 200');
        await expect(element).toBeAccessible();
    });

    it('reads an acknowledgement without a message plainly', async () => {
        const element = mount();
        detailAdapter.emit({ ...detailWithoutSnapshot, acknowledgementMessage: undefined });
        await flush();

        expect(byId(element, 'acknowledgement')?.textContent).toContain('Acknowledged by the receiver.');
    });

    it('shows the field-access refusal as a designed message', async () => {
        const element = mount();
        detailAdapter.error({ message: NO_FIELD_ACCESS });
        await flush();

        expect(byId(element, 'no-access')?.textContent).toContain(NO_FIELD_ACCESS);
        expect(byId(element, 'no-access')?.textContent).toContain('Ask your Salesforce admin');
        expect(byId(element, 'error')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows other errors as an alert', async () => {
        const element = mount();
        detailAdapter.error({ message: 'This log row no longer exists (it may have been purged).' });
        await flush();

        expect(byId(element, 'error')?.getAttribute('role')).toBe('alert');
        expect(byId(element, 'error')?.textContent).toBe('This log row no longer exists (it may have been purged).');
        await expect(element).toBeAccessible();
    });

    it('tells the console to close it and takes focus on request', async () => {
        const element = mount();
        detailAdapter.emit(detailWithSnapshot);
        await flush();
        const close = jest.fn();
        element.addEventListener('close', close);

        element.shadowRoot?.querySelector('lightning-button-icon')?.dispatchEvent(new CustomEvent('click'));
        element.focus();

        expect(close).toHaveBeenCalledTimes(1);
        expect(element.shadowRoot?.activeElement).toBe(byId(element, 'heading'));
    });

    it('keeps text that is not JSON as it is', () => {
        expect(prettyJson('not json')).toBe('not json');
        expect(prettyJson('{"a":1}')).toBe('{\n  "a": 1\n}');
    });
});
