import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ReferenceReceiver } from '../receiver/server.ts';
import { ReceiverStore } from '../receiver/store.ts';
import type { IndexChanges } from '../receiver/store.ts';
import { sendHttp } from '../receiver/test-requests.ts';
import type { HttpAnswer } from '../receiver/test-requests.ts';
import { checkReceiver, formatReport, statusOf } from './kit.ts';
import type { ConformanceReport } from './kit.ts';

const TOKEN = 'kit-token';
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function reference(options: ConstructorParameters<typeof ReferenceReceiver>[0] = {}): Promise<string> {
    const receiver = new ReferenceReceiver({ token: TOKEN, ...options });
    cleanups.push(() => receiver.stop());
    return receiver.start();
}

interface Exchange {
    request: IncomingMessage;
    body: string;
    answer: HttpAnswer;
}

/** A receiver with a planted fault: the reference receiver behind a proxy that may rewrite each answer. */
async function planted(
    rewrite: (exchange: Exchange) => { status: number; body: string } | undefined,
    options = {}
): Promise<string> {
    const upstream = await reference(options);
    const proxy: Server = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
            const body = Buffer.concat(chunks).toString('utf8');
            const headers = Object.fromEntries(
                Object.entries(request.headers).filter(
                    ([name]) => name !== 'host' && name !== 'content-length' && name !== 'connection'
                )
            ) as Record<string, string>;
            sendHttp(`${upstream}${request.url ?? '/'}`, {
                method: request.method,
                headers,
                body: body === '' ? undefined : body
            })
                .then((answer) => {
                    const rewritten = rewrite({ request, body, answer }) ?? {
                        status: answer.status,
                        body: answer.text
                    };
                    const passHeaders = Object.fromEntries(
                        Object.entries(answer.headers).filter(
                            ([name]) =>
                                !['content-length', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)
                        )
                    ) as Record<string, string>;
                    response.writeHead(rewritten.status, passHeaders).end(rewritten.body);
                })
                .catch(() => response.destroy());
        });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(
        () =>
            new Promise((resolve) => {
                proxy.closeAllConnections();
                proxy.close(resolve);
            })
    );
    return `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}

function failedItems(report: ConformanceReport): number[] {
    return report.items.filter((item) => item.verdict === 'fail').map((item) => item.item);
}

describe('conformance kit against the reference receiver', () => {
    it('passes every item it can observe, CloudEvents included', async () => {
        const base = await reference();

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([]);
        expect(report.passed).toBe(true);
        expect(report.cloudEvents).toBe(true);
        expect(report.stateObservable).toBe(true);
        expect(Object.fromEntries(report.items.map((item) => [item.item, item.verdict]))).toEqual({
            1: 'pass',
            2: 'pass',
            3: 'pass',
            4: 'pass',
            5: 'pass',
            6: 'pass',
            7: 'pass',
            8: 'skip',
            10: 'pass'
        });
        expect(formatReport(report)).toMatch(/Conforms: no item failed\./);
    });

    it('skips credentials without a token and CloudEvents when the receiver does not offer them', async () => {
        const base = await reference({ token: undefined, cloudEvents: false });

        const report = await checkReceiver({ url: `${base}/customers/batch` });

        expect(failedItems(report)).toEqual([]);
        expect(report.cloudEvents).toBe(false);
        expect(report.items.find((item) => item.item === 10)?.verdict).toBe('skip');
        expect(report.items.find((item) => item.item === 1)?.checks.map((check) => check.ok)).toEqual([true, null]);
    });

    it('judges answers only when the receiver does not serve one record (§9)', async () => {
        const base = await planted(({ request }) => (request.method === 'GET' ? { status: 404, body: '' } : undefined));

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(report.stateObservable).toBe(false);
        expect(failedItems(report)).toEqual([]);
        expect(formatReport(report)).toMatch(/not observable/);
    });
});

describe('conformance kit against receivers with a planted fault', () => {
    it('fails item 4 only when the receiver does not deduplicate', async () => {
        class NoDedupe extends ReceiverStore {
            protected override claimKey(idempotencyKey: string, changes: IndexChanges): boolean {
                super.claimKey(idempotencyKey, changes);
                return true;
            }
        }
        const base = await reference({ store: new NoDedupe({ file: ':memory:' }) });

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([4]);
        expect(formatReport(report)).toMatch(/✗ a known key changes nothing/);
    });

    it('fails item 2 only when the receiver accepts another schema version', async () => {
        const base = await planted(({ request }) =>
            request.headers['x-relay-schema'] === 'relay.v2' ? { status: 200, body: '{}' } : undefined
        );

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([2]);
    });

    it('fails item 1 only when the receiver answers wrong credentials with 500', async () => {
        const base = await planted(({ answer }) =>
            answer.status === 401 ? { status: 500, body: '{"error":"boom"}' } : undefined
        );

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([1]);
    });

    it('fails item 3 only when the receiver answers a schema violation with 200', async () => {
        const base = await planted(({ answer }) =>
            answer.status === 400 && /does not match relay.v1|not JSON/.test(answer.text)
                ? { status: 200, body: '' }
                : undefined
        );

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([3]);
    });

    it('fails item 6 only when results miss a record', async () => {
        const base = await planted(({ answer }) => {
            const body = answer.json as { results?: unknown[] } | undefined;
            if (answer.status !== 200 || !Array.isArray(body?.results) || body.results.length < 2) {
                return undefined;
            }
            return { status: 200, body: JSON.stringify({ results: body.results.slice(0, -1) }) };
        });

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([6]);
        expect(formatReport(report)).toMatch(/no entry for 1 of 3 records/);
    });

    it('fails item 5 only when the receiver applies an older change over a newer one', async () => {
        class NoOrder extends ReceiverStore {
            override apply(batch: Parameters<ReceiverStore['apply']>[0]): ReturnType<ReceiverStore['apply']> {
                // Every change looks newer than what is stored: the receiver applies in arrival order.
                const now = new Date().toISOString();
                return super.apply({
                    ...batch,
                    records: batch.records.map((record) => ({ ...record, changedAt: now }))
                });
            }
        }
        const base = await reference({ store: new NoOrder({ file: ':memory:' }) });

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([5]);
    });

    it('fails item 7 only when the receiver throttles without Retry-After', async () => {
        const base = await planted(({ request }) =>
            request.method === 'OPTIONS' ? { status: 429, body: '' } : undefined
        );

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([7]);
        expect(formatReport(report)).toMatch(/OPTIONS: 429/);
    });

    it('fails item 10 only when the receiver mishandles CloudEvents', async () => {
        const base = await planted(({ request }) =>
            request.headers['x-relay-schema'] === 'relay.cloudevents.v1'
                ? { status: 400, body: '{"error":"no"}' }
                : undefined
        );

        const report = await checkReceiver({ url: `${base}/customers/batch`, token: TOKEN });

        expect(failedItems(report)).toEqual([10]);
    });

    it('reports an unreachable receiver as failing, not as a crash', async () => {
        const report = await checkReceiver({
            url: 'http://127.0.0.1:9/customers/batch',
            timeoutMs: 500,
            cloudEvents: false
        });

        expect(report.passed).toBe(false);
        expect(failedItems(report)).toContain(1);
    });
});

describe('statusOf', () => {
    const answer = (status: number, text: string): HttpAnswer => ({
        status,
        headers: {},
        text,
        json: text ? (JSON.parse(text) as unknown) : undefined
    });

    it('reads an entry, an implicit acceptance, a missing entry and a body of another shape', () => {
        expect(statusOf(answer(200, '{"results":[{"idempotencyKey":"k","status":"retry"}]}'), 'k')).toBe('retry');
        expect(statusOf(answer(204, ''), 'k')).toBe('accepted');
        expect(statusOf(answer(200, '{"ok":true}'), 'k')).toBe('accepted');
        expect(statusOf(answer(200, '{"results":[]}'), 'k')).toBe('missing');
        expect(statusOf(answer(200, '{"results":{}}'), 'k')).toBe('other');
        expect(statusOf(answer(200, '{"results":[{"idempotencyKey":"k","status":"ok"}]}'), 'k')).toBe('other');
        expect(statusOf(answer(500, ''), 'k')).toBe('no-2xx');
    });
});
