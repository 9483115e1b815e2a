// Builders of relay.v1 requests and a small HTTP client, shared by the receiver's and the conformance kit's
// tests, the conformance kit itself and the benchmark.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { RelayRecord, RelayRequest } from './contract.ts';
import { RELAY_V1 } from './contract.ts';

export interface HttpAnswer {
    status: number;
    headers: Record<string, string | string[] | undefined>;
    text: string;
    /** The body parsed as JSON, or undefined when it is empty or not JSON. */
    json: unknown;
}

export interface SendOptions {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    timeoutMs?: number;
    /** Drop the connection this long after the body was sent, without reading the answer (a client timeout). */
    abandonAfterMs?: number;
}

/** One HTTP exchange over node:http(s); a transport failure rejects. An abandoned exchange resolves status 0. */
export function sendHttp(url: string, options: SendOptions = {}): Promise<HttpAnswer> {
    const target = new URL(url);
    const requester = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
        const req = requester(
            target,
            {
                method: options.method ?? 'POST',
                headers: {
                    ...(options.body === undefined || options.headers?.['Transfer-Encoding']
                        ? {}
                        : { 'Content-Length': String(Buffer.byteLength(options.body)) }),
                    ...options.headers
                },
                timeout: options.timeoutMs ?? 15_000
            },
            (res) => {
                const chunks: Buffer[] = [];
                res.on('data', (chunk: Buffer) => chunks.push(chunk));
                res.on('end', () => {
                    const text = Buffer.concat(chunks).toString('utf8');
                    let json: unknown;
                    try {
                        json = text === '' ? undefined : (JSON.parse(text) as unknown);
                    } catch {
                        json = undefined;
                    }
                    resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
                });
                res.on('error', reject);
            }
        );
        req.on('timeout', () =>
            req.destroy(new Error(`No answer from ${url} within ${options.timeoutMs ?? 15_000} ms.`))
        );
        req.on('error', (error) => {
            if (options.abandonAfterMs !== undefined) {
                resolve({ status: 0, headers: {}, text: '', json: undefined });
                return;
            }
            reject(error);
        });
        if (options.abandonAfterMs !== undefined) {
            req.on('finish', () => {
                setTimeout(() => req.destroy(), options.abandonAfterMs);
            });
        }
        req.end(options.body);
    });
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A syntactically valid 18-character Salesforce Id (Account prefix 001), random unless a suffix is given. */
export function fakeRecordId(): string {
    let id = '001';
    for (let i = 0; i < 15; i++) {
        id += ALPHANUMERIC[Math.floor(Math.random() * ALPHANUMERIC.length)];
    }
    return id;
}

/** A fresh idempotency key (32 hex characters, as Relay's). */
export function freshKey(): string {
    return randomUUID().replaceAll('-', '');
}

/** A valid upsert of a fresh record unless overridden. */
export function upsert(overrides: Partial<RelayRecord> = {}): RelayRecord {
    return {
        idempotencyKey: freshKey(),
        operation: 'upsert',
        sourceObject: 'Account',
        recordId: fakeRecordId(),
        attempt: 1,
        changedAt: new Date().toISOString(),
        data: { customerName: 'Acme Corporation', billingCity: 'San Francisco', phone: null },
        ...overrides
    };
}

/** A relay.v1 request around the records, with a new correlation id. */
export function relayRequest(records: RelayRecord[], integration = 'ERP_Customer'): RelayRequest {
    return { schema: RELAY_V1, integration, correlationId: randomUUID(), sentAt: new Date().toISOString(), records };
}

/** The headers Relay sends with a relay.v1 request (§1), plus a bearer token when given. */
export function relayHeaders(request: { correlationId: string }, token?: string, attempt = 1): Record<string, string> {
    return {
        'Content-Type': 'application/json',
        'X-Relay-Schema': RELAY_V1,
        'X-Relay-Correlation-Id': request.correlationId,
        'X-Relay-Attempt': String(attempt),
        ...(token ? { Authorization: `Bearer ${token}` } : {})
    };
}

/**
 * Makes the store's connection fail one kind of statement with a disk error, from now on: `COMMIT` before it runs,
 * `ROLLBACK` after it has rolled back (a failure reported after the fact). Tests of the store's failure paths.
 */
export function failStatement(store: object, statement: 'COMMIT' | 'ROLLBACK'): void {
    const db = (store as { db: { exec: (sql: string) => void } }).db;
    const exec = db.exec.bind(db);
    db.exec = (sql: string) => {
        if (sql !== statement) {
            exec(sql);
            return;
        }
        if (statement === 'ROLLBACK') {
            exec(sql);
        }
        throw new Error('disk I/O error');
    };
}
