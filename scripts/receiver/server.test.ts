import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, describe, expect, it } from '@jest/globals';
import { ReferenceReceiver } from './server.ts';
import type { ReceiverOptions } from './server.ts';
import { ReceiverStore } from './store.ts';
import type { IndexChanges } from './store.ts';
import { CLOUDEVENTS_BATCH_MEDIA_TYPE, RELAY_CLOUDEVENTS_V1, eventOfRecord, validators } from './contract.ts';
import type { RelayRecord } from './contract.ts';
import { failStatement, relayHeaders, relayRequest, sendHttp, upsert } from './test-requests.ts';
import type { HttpAnswer } from './test-requests.ts';

const TOKEN = 'test-token';
const running: ReferenceReceiver[] = [];

async function startReceiver(options: ReceiverOptions = {}): Promise<{ receiver: ReferenceReceiver; url: string }> {
    const receiver = new ReferenceReceiver({ token: TOKEN, seed: 1, ...options });
    running.push(receiver);
    const base = await receiver.start();
    return { receiver, url: `${base}/customers/batch` };
}

afterEach(async () => {
    await Promise.all(running.splice(0).map((receiver) => receiver.stop()));
});

function post(
    url: string,
    records: RelayRecord[],
    extra: { headers?: Record<string, string>; timeoutMs?: number } = {}
): Promise<HttpAnswer> {
    const request = relayRequest(records);
    return sendHttp(url, {
        headers: { ...relayHeaders(request, TOKEN), ...extra.headers },
        body: JSON.stringify(request),
        timeoutMs: extra.timeoutMs
    });
}

function statuses(answer: HttpAnswer): string[] {
    return (answer.json as { results: { status: string }[] }).results.map((result) => result.status);
}

describe('reference receiver: changes', () => {
    it('applies a first delivery and answers every record accepted', async () => {
        const { receiver, url } = await startReceiver();
        const records = [upsert(), upsert(), upsert({ operation: 'delete', data: undefined })];

        const answer = await post(url, records);

        expect(answer.status).toBe(200);
        expect((answer.json as { results: unknown[] }).results).toEqual(
            records.map((record) => ({ idempotencyKey: record.idempotencyKey, status: 'accepted' }))
        );
        expect(receiver.store.record(records[0].recordId)).toMatchObject({
            data: records[0].data,
            applications: 1,
            deleted: false
        });
        expect(receiver.store.record(records[2].recordId)).toMatchObject({ deleted: true });
        expect(receiver.store.keyCount()).toBe(3);
    });

    it('applies a repeated key once, whatever its attempt or data', async () => {
        const { receiver, url } = await startReceiver();
        const record = upsert();
        await post(url, [record]);

        const again = await post(url, [{ ...record, attempt: 2, data: { customerName: 'Changed' } }]);

        expect(statuses(again)).toEqual(['accepted']);
        expect(receiver.store.record(record.recordId)).toMatchObject({ data: record.data, applications: 1 });
    });

    it('skips a change older than the last one applied and still accepts it', async () => {
        const { receiver, url } = await startReceiver();
        const newer = upsert({ changedAt: '2026-11-22T19:30:00.000000001Z', data: { customerName: 'Newer' } });
        const older = upsert({
            recordId: newer.recordId,
            changedAt: '2026-11-22T19:30:00Z',
            data: { customerName: 'Older' }
        });
        await post(url, [newer]);

        const answer = await post(url, [older]);

        expect(statuses(answer)).toEqual(['accepted']);
        expect(receiver.store.record(newer.recordId)).toMatchObject({ data: newer.data, applications: 1 });
    });

    it('keeps a deleted record deleted when an older upsert arrives after the delete', async () => {
        const { receiver, url } = await startReceiver();
        const created = upsert({ changedAt: '2026-11-22T10:00:00Z' });
        const recordId = created.recordId;
        await post(url, [created]);
        await post(url, [
            upsert({ recordId, operation: 'delete', data: undefined, changedAt: '2026-11-22T11:00:00Z' })
        ]);

        await post(url, [upsert({ recordId, changedAt: '2026-11-22T10:30:00Z' })]);

        expect(receiver.store.record(recordId)).toMatchObject({ deleted: true, applications: 2 });
    });

    it('rejects one bad record alone and processes the others', async () => {
        const { receiver, url } = await startReceiver();
        const bad = upsert({ data: { nested: { no: 1 } } as unknown as RelayRecord['data'] });
        const good = upsert();

        const answer = await post(url, [bad, good]);

        expect(statuses(answer)).toEqual(['rejected', 'accepted']);
        expect((answer.json as { results: { message?: string }[] }).results[0].message).toMatch(/records\[0\]/);
        expect(receiver.store.record(bad.recordId)).toBeUndefined();

        // A rejected key is not remembered: valid this time, it is applied.
        const fixed = await post(url, [{ ...bad, data: { customerName: 'Fixed' } }]);
        expect(statuses(fixed)).toEqual(['accepted']);
        expect(receiver.store.record(bad.recordId)).toMatchObject({ data: { customerName: 'Fixed' } });
    });

    it.each<[string, (url: string) => Promise<HttpAnswer>, number, RegExp]>([
        [
            'a body without records',
            (url) =>
                sendHttp(url, { headers: relayHeaders({ correlationId: 'c' }, TOKEN), body: '{"schema":"relay.v1"}' }),
            400,
            /does not match relay.v1/
        ],
        [
            'a body that is not JSON',
            (url) => sendHttp(url, { headers: relayHeaders({ correlationId: 'c' }, TOKEN), body: '{' }),
            400,
            /not JSON/
        ],
        [
            'a record without a usable idempotencyKey',
            (url) => post(url, [{ ...upsert(), idempotencyKey: '' }]),
            400,
            /no usable idempotencyKey/
        ],
        [
            'another X-Relay-Schema',
            (url) => post(url, [upsert()], { headers: { 'X-Relay-Schema': 'relay.v2' } }),
            400,
            /X-Relay-Schema must be/
        ],
        [
            'no X-Relay-Schema',
            (url) => sendHttp(url, { headers: { Authorization: `Bearer ${TOKEN}` }, body: '{}' }),
            400,
            /X-Relay-Schema/
        ],
        [
            'another Content-Type',
            (url) => post(url, [upsert()], { headers: { 'Content-Type': 'text/plain' } }),
            415,
            /application\/json/
        ],
        [
            'wrong credentials',
            (url) => post(url, [upsert()], { headers: { Authorization: 'Bearer nope' } }),
            401,
            /credentials/
        ],
        [
            'no credentials',
            (url) =>
                sendHttp(url, {
                    headers: { 'Content-Type': 'application/json', 'X-Relay-Schema': 'relay.v1' },
                    body: '{}'
                }),
            401,
            /credentials/
        ],
        [
            'a GET of the endpoint',
            (url) => sendHttp(url, { method: 'GET', headers: { Authorization: `Bearer ${TOKEN}` } }),
            404,
            /No GET/
        ],
        [
            'a DELETE',
            (url) => sendHttp(url, { method: 'DELETE', headers: { Authorization: `Bearer ${TOKEN}` } }),
            405,
            /No DELETE/
        ]
    ])('answers %s with the status it calls for', async (_case, act, status, message) => {
        const { receiver, url } = await startReceiver();

        const answer = await act(url);

        expect(answer.status).toBe(status);
        expect((answer.json as { error: string }).error).toMatch(message);
        expect(receiver.store.keyCount()).toBe(0);
    });

    it('answers 413 to a body larger than its limit', async () => {
        const { url } = await startReceiver({ maxBodyBytes: 2000 });
        const big = upsert({ data: { customerName: 'x'.repeat(3000) } });

        expect((await post(url, [big])).status).toBe(413);
        const chunked = await sendHttp(url, {
            headers: { ...relayHeaders({ correlationId: 'c' }, TOKEN), 'Transfer-Encoding': 'chunked' },
            body: JSON.stringify(relayRequest([big]))
        });
        expect(chunked.status).toBe(413);
    });

    it('needs no credentials when it has no token', async () => {
        const { url } = await startReceiver({ token: undefined });
        const request = relayRequest([upsert()]);

        const answer = await sendHttp(url, { headers: relayHeaders(request), body: JSON.stringify(request) });

        expect(answer.status).toBe(200);
    });

    it('rolls the whole request back and answers 500 when the database fails', async () => {
        class FailingStore extends ReceiverStore {
            calls = 0;
            protected override claimKey(idempotencyKey: string, changes: IndexChanges): boolean {
                if (++this.calls === 2) {
                    throw new Error('disk full');
                }
                return super.claimKey(idempotencyKey, changes);
            }
        }
        const store = new FailingStore({ file: ':memory:' });
        const { url } = await startReceiver({ store });

        const answer = await post(url, [upsert(), upsert()]);

        expect(answer.status).toBe(500);
        expect(store.keyCount()).toBe(0);
    });

    it('keeps keys across a restart (durable database file)', async () => {
        const directory = mkdtempSync(path.join(tmpdir(), 'relay-receiver-'));
        try {
            const databaseFile = path.join(directory, 'receiver.db');
            const record = upsert();
            const first = await startReceiver({ databaseFile });
            await post(first.url, [record]);
            await first.receiver.stop();

            const second = await startReceiver({ databaseFile });
            const again = await post(second.url, [record]);

            expect(statuses(again)).toEqual(['accepted']);
            expect(second.receiver.store.record(record.recordId)).toMatchObject({ applications: 1 });
            expect(second.receiver.store.synchronous).toBe('FULL');
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});

describe('reference receiver: CloudEvents batch (§10)', () => {
    function postEvents(url: string, body: unknown, contentType = CLOUDEVENTS_BATCH_MEDIA_TYPE): Promise<HttpAnswer> {
        return sendHttp(url, {
            headers: {
                ...relayHeaders({ correlationId: 'c' }, TOKEN),
                'Content-Type': contentType,
                'X-Relay-Schema': RELAY_CLOUDEVENTS_V1
            },
            body: JSON.stringify(body)
        });
    }

    it('accepts the documented example and deduplicates on the event id', async () => {
        const { receiver, url } = await startReceiver();
        const example = JSON.parse(
            readFileSync(path.join(process.cwd(), 'docs', 'schemas', 'examples', 'cloudevents-batch.json'), 'utf8')
        ) as unknown[];

        const first = await postEvents(url, example);
        const again = await postEvents(url, example);

        expect(statuses(first)).toEqual(['accepted', 'accepted', 'accepted']);
        expect(statuses(again)).toEqual(['accepted', 'accepted', 'accepted']);
        expect(receiver.store.record('001Hs00001AbCdEIAZ')).toMatchObject({
            applications: 1,
            sourceObject: 'Account',
            integration: 'ERP_Customer'
        });
        expect(receiver.store.record('001Hs00001QrStUIAZ')).toMatchObject({ deleted: true });
    });

    it('rejects a bad event alone and refuses a batch that is not an array of events', async () => {
        const { url } = await startReceiver();
        const good = eventOfRecord(upsert(), 'ERP_Customer', '3f2c8a1e-9b4d-4c7a-8e21-5d6f0a9b7c13');
        const bad = { ...good, id: 'other', specversion: '0.3' };

        expect(statuses(await postEvents(url, [bad, good]))).toEqual(['rejected', 'accepted']);
        expect((await postEvents(url, { events: [] })).status).toBe(400);
        expect((await postEvents(url, [{ ...good, id: 42 }])).status).toBe(400);
        expect((await postEvents(url, [good], 'application/json')).status).toBe(415);
    });

    it('refuses CloudEvents when turned off', async () => {
        const { url } = await startReceiver({ cloudEvents: false });
        const event = eventOfRecord(upsert(), 'ERP_Customer', '3f2c8a1e-9b4d-4c7a-8e21-5d6f0a9b7c13');

        const answer = await postEvents(url, [event]);

        expect(answer.status).toBe(400);
        const options = await sendHttp(url, { method: 'OPTIONS', headers: { Authorization: `Bearer ${TOKEN}` } });
        expect(options.headers['accept-post']).toBe('application/json');
    });
});

describe('reference receiver: faults', () => {
    it('answers an injected status with its Retry-After and stores nothing', async () => {
        const { receiver, url } = await startReceiver({ faults: 'status=503:retry-after=5@1' });

        const answer = await post(url, [upsert()]);

        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('5');
        expect(receiver.store.keyCount()).toBe(0);
    });

    it('processes, then answers a malformed body', async () => {
        const { receiver, url } = await startReceiver({ faults: 'malformed' });

        const answer = await post(url, [upsert()]);

        expect(answer.status).toBe(200);
        expect(answer.json).toBeUndefined();
        expect(receiver.store.keyCount()).toBe(1);
    });

    it('processes, then never answers (timeout); the retry is accepted and applied once', async () => {
        const spec = { latency: [], outcomes: [{ kind: 'timeout' as const, holdMs: 60_000, rate: 1 }], partialRate: 0 };
        const { receiver, url } = await startReceiver({ faults: spec });
        const record = upsert();

        await expect(post(url, [record], { timeoutMs: 300 })).rejects.toThrow(/No answer/);
        expect(receiver.store.keyCount()).toBe(1);
        spec.outcomes = [];
        const retry = await post(url, [record]);

        expect(statuses(retry)).toEqual(['accepted']);
        expect(receiver.store.record(record.recordId)).toMatchObject({ applications: 1 });
    });

    it('answers retry for records picked by partial and stores only the others', async () => {
        const { receiver, url } = await startReceiver({ faults: 'partial@0.5', seed: 3 });
        const records = Array.from({ length: 40 }, () => upsert());

        const answer = await post(url, records);

        const retried = statuses(answer).filter((status) => status === 'retry').length;
        expect(retried).toBeGreaterThan(5);
        expect(retried).toBeLessThan(35);
        expect(receiver.store.keyCount()).toBe(40 - retried);
    });

    it('delays by the injected latency', async () => {
        const { url } = await startReceiver({ faults: 'latency=150ms' });
        const started = performance.now();

        await post(url, [upsert()]);

        expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    });
});

describe('reference receiver: extensions', () => {
    it('answers reconciliation with the records it holds, deleted ones missing', async () => {
        const { url } = await startReceiver({ reconciliationPath: '/reconcile' });
        const kept = upsert();
        const gone = upsert({ operation: 'delete', data: undefined });
        await post(url, [kept, gone]);
        const body = {
            schema: 'relay.reconcile.v1',
            integration: 'ERP_Customer',
            sourceObject: 'Account',
            recordIds: [kept.recordId, gone.recordId, '001000000000000AAA']
        };

        const byPath = await sendHttp(new URL('/reconcile', url).toString(), {
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${TOKEN}` },
            body: JSON.stringify(body)
        });
        const byHeader = await sendHttp(url, {
            headers: {
                'Content-Type': 'application/json',
                Authorization: `Bearer ${TOKEN}`,
                'X-Relay-Schema': 'relay.reconcile.v1'
            },
            body: JSON.stringify(body)
        });

        for (const answer of [byPath, byHeader]) {
            expect(answer.status).toBe(200);
            expect(validators().optional.get('relay.reconcile.v1.response')?.(answer.json)).toBe(true);
            expect(answer.json).toMatchObject({
                schema: 'relay.reconcile-result.v1',
                records: [{ recordId: kept.recordId, changedAt: kept.changedAt }]
            });
            expect((answer.json as { records: unknown[] }).records).toHaveLength(1);
        }
        const bad = await sendHttp(new URL('/reconcile', url).toString(), {
            headers: { Authorization: `Bearer ${TOKEN}` },
            body: '{"schema":"relay.reconcile.v1"}'
        });
        expect(bad.status).toBe(400);
    });

    /** A change request whose body is still arriving: while it is held, an open group waits for it (it may join). */
    function holdChangeRequest(url: string): { destroy: () => void } {
        const late = relayRequest([upsert()]);
        const body = JSON.stringify(late);
        const held = httpRequest(url, {
            method: 'POST',
            headers: { ...relayHeaders(late, TOKEN), 'Content-Length': Buffer.byteLength(body) }
        });
        held.on('error', () => undefined);
        held.write(body.slice(0, 10));
        return held;
    }

    async function until(condition: () => boolean): Promise<void> {
        for (let waited = 0; !condition(); waited += 5) {
            if (waited > 5000) {
                throw new Error('Timed out waiting.');
            }
            await delay(5);
        }
    }

    /** A receiver whose open group holds the change of `record` (and waits 1 s for the held request to join). */
    async function groupOpenWith(
        store: ReceiverStore,
        record: RelayRecord
    ): Promise<{ url: string; first: Promise<HttpAnswer>; held: { destroy: () => void } }> {
        const { receiver, url } = await startReceiver({ store, groupCommitDelayMs: 1000 });
        const held = holdChangeRequest(url);
        await until(() => receiver.changeRequestsInProgress === 1);
        const first = post(url, [record]);
        await until(() => store.inTransaction);
        return { url, first, held };
    }

    it('reads a record only once the group holding its change committed (no uncommitted reads)', async () => {
        class WatchedStore extends ReceiverStore {
            readsInTransaction = 0;
            override record(recordId: string): ReturnType<ReceiverStore['record']> {
                this.readsInTransaction += this.inTransaction ? 1 : 0;
                return super.record(recordId);
            }
        }
        const store = new WatchedStore({ file: ':memory:' });
        const record = upsert();
        const { url, first: change, held } = await groupOpenWith(store, record);

        const read = sendHttp(new URL(`/customers/${record.recordId}`, url).toString(), {
            method: 'GET',
            headers: { Authorization: `Bearer ${TOKEN}` }
        });
        const [changeAnswer, readAnswer] = await Promise.all([change, read]);
        held.destroy();

        expect(statuses(changeAnswer)).toEqual(['accepted']);
        expect(readAnswer.json).toMatchObject({ found: true, recordId: record.recordId });
        expect(store.readsInTransaction).toBe(0);
    });

    it('fails every request of a group when one of them cannot be applied, and stores none of them', async () => {
        const poisoned = upsert();
        class PoisonedStore extends ReceiverStore {
            protected override claimKey(idempotencyKey: string, changes: IndexChanges): boolean {
                if (idempotencyKey === poisoned.idempotencyKey) {
                    throw new Error('disk full');
                }
                return super.claimKey(idempotencyKey, changes);
            }
        }
        const store = new PoisonedStore({ file: ':memory:' });
        const first = upsert();
        const { url, first: firstAnswer, held } = await groupOpenWith(store, first);

        const [a, b] = await Promise.all([firstAnswer, post(url, [poisoned])]);
        held.destroy();

        expect([a.status, b.status]).toEqual([500, 500]);
        expect(store.keyCount()).toBe(0);
        expect(store.record(first.recordId)).toBeUndefined();
        expect(statuses(await post(url, [first]))).toEqual(['accepted']);
        expect(store.record(first.recordId)).toMatchObject({ applications: 1 });
    });

    it('answers 503 with Retry-After and what to do when its index is full, and stores nothing', async () => {
        class SmallIndex extends ReceiverStore {
            protected override readonly maxIndexEntries = 2;
        }
        const store = new SmallIndex({ file: ':memory:' });
        const { url } = await startReceiver({ store });
        await post(url, [upsert()]);

        const answer = await post(url, [upsert()]);

        expect(answer.status).toBe(503);
        expect(answer.headers['retry-after']).toBe('300');
        expect((answer.json as { error: string }).error).toMatch(
            /index is full \(1 keys, 1 records\).*--key-retention-days/
        );
        expect(store.keyCount()).toBe(1);
    });

    it('reports a failed database on /health and refuses changes until restarted', async () => {
        const store = new ReceiverStore({ file: ':memory:' });
        failStatement(store, 'COMMIT');
        const { url } = await startReceiver({ store });

        expect((await post(url, [upsert()])).status).toBe(500);
        const health = await sendHttp(new URL('/health', url).toString(), { method: 'GET' });
        expect(health.status).toBe(503);
        expect(health.json).toEqual({ status: 'failed', error: 'disk I/O error' });
        expect((await post(url, [upsert()])).status).toBe(500);
    });

    it('serves one record (§9) and 404 for one it does not hold', async () => {
        const { url } = await startReceiver();
        const record = upsert();
        await post(url, [record]);
        const auth = { Authorization: `Bearer ${TOKEN}` };

        const found = await sendHttp(new URL(`/customers/${record.recordId}`, url).toString(), {
            method: 'GET',
            headers: auth
        });
        const missing = await sendHttp(new URL('/customers/001000000000000AAA', url).toString(), {
            method: 'GET',
            headers: auth
        });

        expect(found.status).toBe(200);
        expect(validators().optional.get('relay.record.v1.response')?.(found.json)).toBe(true);
        expect(found.json).toMatchObject({
            schema: 'relay.record.v1',
            recordId: record.recordId,
            found: true,
            changedAt: record.changedAt,
            data: record.data
        });
        expect(missing.status).toBe(404);
        expect((await sendHttp(new URL('/health', url).toString(), { method: 'GET' })).status).toBe(200);
    });

    it('sends acknowledgements of processed changes to the given URL, after the answer', async () => {
        const received: unknown[] = [];
        let failFirst = true;
        const salesforce = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (chunk: Buffer) => chunks.push(chunk));
            request.on('end', () => {
                if (failFirst) {
                    failFirst = false;
                    response.writeHead(503).end();
                    return;
                }
                received.push({
                    authorization: request.headers.authorization,
                    body: JSON.parse(Buffer.concat(chunks).toString()) as unknown
                });
                response.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
            });
        });
        await new Promise<void>((resolve) => salesforce.listen(0, '127.0.0.1', resolve));
        try {
            const ackUrl = `http://127.0.0.1:${(salesforce.address() as AddressInfo).port}/services/apexrest/relay/v1/acknowledgements`;
            const { receiver, url } = await startReceiver({
                acknowledgements: { url: ackUrl, token: 'sf-token', intervalMs: 20 }
            });
            const record = upsert();
            await post(url, [record, upsert({ data: { bad: { x: 1 } } as unknown as RelayRecord['data'] })]);
            await post(url, [record]);

            await receiver.stop();

            const validateAck = validators().optional.get('relay.ack.v1.request');
            expect(received.every((entry) => validateAck?.((entry as { body: unknown }).body))).toBe(true);
            expect(received).toEqual([
                {
                    authorization: 'Bearer sf-token',
                    body: {
                        schema: 'relay.ack.v1',
                        acknowledgements: [
                            expect.objectContaining({
                                idempotencyKey: record.idempotencyKey,
                                outcome: 'processed',
                                externalId: expect.any(String)
                            })
                        ]
                    }
                }
            ]);
        } finally {
            await new Promise((resolve) => salesforce.close(resolve));
        }
    });

    it('finishes a request in progress when stopped, then closes', async () => {
        const { receiver, url } = await startReceiver({ faults: 'latency=200ms' });
        const record = upsert();

        const pending = post(url, [record]);
        await new Promise((resolve) => setTimeout(resolve, 50));
        const stopped = receiver.stop();
        const answer = await pending;
        await stopped;

        expect(answer.status).toBe(200);
        await expect(post(url, [upsert()])).rejects.toThrow();
    });
});
