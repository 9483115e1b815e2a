// The reference receiver: a node:http server implementing the Relay wire contract (docs/wire-contract.md) for
// contract tests and end-to-end trials. Changes (relay.v1 and the CloudEvents batch of §10) are validated
// against the JSON Schemas, deduplicated and applied in changedAt order per record in one SQLite transaction
// per request, and answered per record. It also answers reconciliation (§8) and one-record reads (§9), sends
// acknowledgements (§7) when given a URL, and injects faults on demand (faults.ts).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import {
    CLOUDEVENTS_BATCH_MEDIA_TYPE,
    JSON_MEDIA_TYPE,
    RELAY_CLOUDEVENTS_V1,
    RELAY_V1,
    firstError,
    mediaTypeOf,
    recordOfEvent,
    validators
} from './contract.ts';
import type { RecordResult, RelayCloudEvent, RelayRecord } from './contract.ts';
import { NO_FAULTS, parseFaultSpec, planFaults, seededRandom } from './faults.ts';
import type { FaultPlan, FaultSpec, Random } from './faults.ts';
import { IndexFullError, ReceiverStore } from './store.ts';
import type { Applied, ApplyBatch, Synchronous } from './store.ts';
import { AcknowledgementSender } from './acknowledgements.ts';
import type { Acknowledgement, AcknowledgementOptions } from './acknowledgements.ts';

export const RECONCILE_SCHEMA = 'relay.reconcile.v1';
export const RECONCILE_RESULT_SCHEMA = 'relay.reconcile-result.v1';
export const RECORD_SCHEMA = 'relay.record.v1';
/** Relay sends at most 2,000,000 bytes (Max Payload Bytes); a larger body is answered 413. */
export const DEFAULT_MAX_BODY_BYTES = 2_000_000;
const SALESFORCE_ID = /^[A-Za-z0-9]{18}$/;
const MALFORMED_BODY = '<html><body>502 Bad Gateway (injected malformed answer)</body></html>';

export interface ReceiverOptions {
    port?: number;
    host?: string;
    /** Expected bearer token; unset = no authentication (local trials only). */
    token?: string;
    /** A fault spec (faults.ts) or its parsed form. */
    faults?: string | FaultSpec;
    /** Seed of the fault draws (a fixed seed gives the same faults in the same order). */
    seed?: number;
    random?: Random;
    /** Database file; ':memory:' by default. */
    databaseFile?: string;
    synchronous?: Synchronous;
    /** A store of one's own (tests plant faults in it); the receiver closes it on stop. */
    store?: ReceiverStore;
    maxBodyBytes?: number;
    /** Whether CloudEvents batches (§10) are accepted and advertised; true by default. */
    cloudEvents?: boolean;
    /** Path answering reconciliation (§8) besides any request with X-Relay-Schema relay.reconcile.v1. */
    reconciliationPath?: string;
    /** Send acknowledgements (§7) of processed changes to this URL. */
    acknowledgements?: AcknowledgementOptions;
    /** Keys older than this are forgotten at start and then once a day (default 30 days, §6 item 4). */
    keyRetentionDays?: number;
    /** One line per request (correlation id and outcome, §6 item 8). */
    log?: (line: string) => void;
    /** How long stop() waits for requests in progress before closing their connections. */
    shutdownGraceMs?: number;
    /** How long a group of concurrent change requests waits for a late one before committing (default 4 ms). */
    groupCommitDelayMs?: number;
}

class HttpError extends Error {
    readonly status: number;
    readonly headers: Record<string, string>;

    constructor(status: number, message: string, headers: Record<string, string> = {}) {
        super(message);
        this.status = status;
        this.headers = headers;
    }
}

function send(response: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
    if (response.headersSent || response.destroyed) {
        return;
    }
    if (body === undefined) {
        response.writeHead(status, headers).end();
        return;
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response
        .writeHead(status, {
            'Content-Type': typeof body === 'string' ? 'text/html' : JSON_MEDIA_TYPE,
            'Content-Length': Buffer.byteLength(text),
            ...headers
        })
        .end(text);
}

function headerOf(request: IncomingMessage, name: string): string | undefined {
    const value = request.headers[name];
    return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage, limit: number): Promise<string> {
    const declared = Number(headerOf(request, 'content-length'));
    if (declared > limit) {
        request.resume();
        return Promise.reject(new HttpError(413, `The body is larger than ${limit} bytes.`));
    }
    return new Promise((resolve, reject) => {
        const chunks: Buffer[] = [];
        let size = 0;
        request.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > limit) {
                request.removeAllListeners('data');
                request.resume();
                reject(new HttpError(413, `The body is larger than ${limit} bytes.`));
                return;
            }
            chunks.push(chunk);
        });
        request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        request.on('error', reject);
    });
}

function parseJson(text: string): unknown {
    try {
        return JSON.parse(text) as unknown;
    } catch {
        throw new HttpError(400, 'The body is not JSON.');
    }
}

function usableKey(value: unknown): value is string {
    return typeof value === 'string' && value.length >= 1 && value.length <= 80;
}

/**
 * Group commit: changes of concurrent requests share one transaction (one WAL write and sync). Each request's
 * changes are applied as soon as it is validated, in the group's open transaction, so when the last request of a
 * group arrives only its own changes and the commit are left. A group commits as soon as every change request in
 * progress has joined it and it is as large as the recent groups were, or DEFAULT_COMMIT_DELAY_MS after its first
 * request, whichever comes first: a lone sender commits at once, four concurrent senders share a commit even when
 * one of them is a moment late (their answers leave together, so the next requests arrive a little apart; without
 * waiting for the late one, a quarter of the groups were single requests, each paying a sync of its own). Every
 * answer waits for its own commit, and a failing apply or commit fails (500) every request of its group.
 */
const DEFAULT_COMMIT_DELAY_MS = 4;

interface GroupMember {
    applied: Applied[];
    resolve: (applied: Applied[]) => void;
    reject: (error: unknown) => void;
}

class GroupCommit {
    private readonly store: ReceiverStore;
    private readonly othersComing: () => boolean;
    private readonly delayMs: number;
    private pending: GroupMember[] = [];
    private timer: NodeJS.Timeout | undefined;
    /** How many requests the recent groups held: the largest, less one per commit since (so it decays to 1). */
    private expected = 1;
    /** Readers waiting for the open group to end (they never see changes that are not committed). */
    private settledWaiters: (() => void)[] = [];

    constructor(store: ReceiverStore, othersComing: () => boolean, delayMs = DEFAULT_COMMIT_DELAY_MS) {
        this.store = store;
        this.othersComing = othersComing;
        this.delayMs = delayMs;
    }

    apply(batch: ApplyBatch): Promise<Applied[]> {
        let applied: Applied[];
        try {
            if (!this.store.inTransaction) {
                this.store.begin();
            }
            applied = this.store.apply(batch);
        } catch (error) {
            // The store rolled the transaction back: the requests that joined it fail with this one.
            this.end().forEach((member) => member.reject(error));
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
        return new Promise((resolve, reject) => {
            this.pending.push({ applied, resolve, reject });
            if (!this.othersComing() && this.pending.length >= this.expected) {
                clearTimeout(this.timer);
                this.timer = undefined;
                setImmediate(() => this.commit());
            } else {
                this.timer ??= setTimeout(() => this.commit(), this.delayMs);
            }
        });
    }

    /** Resolves when no group is open. */
    settled(): Promise<void> {
        return this.store.inTransaction
            ? new Promise((resolve) => this.settledWaiters.push(resolve))
            : Promise.resolve();
    }

    private commit(): void {
        if (this.pending.length === 0) {
            return;
        }
        this.expected = Math.max(this.pending.length, this.expected - 1);
        let failure: unknown;
        try {
            this.store.commit();
        } catch (error) {
            failure = error;
        }
        for (const member of this.end()) {
            if (failure === undefined) {
                member.resolve(member.applied);
            } else {
                member.reject(failure);
            }
        }
    }

    /** Closes the group: its members, and the readers waiting for it to end. */
    private end(): GroupMember[] {
        clearTimeout(this.timer);
        this.timer = undefined;
        const members = this.pending;
        this.pending = [];
        this.settledWaiters.splice(0).forEach((resolve) => resolve());
        return members;
    }
}

/** The changes of a request after validation: the ones to process, and the answers already decided. */
interface Checked {
    integration: string;
    correlationId: string;
    /** In request order; `record` set for the ones to process, `result` for the ones already answered. */
    entries: { key: string; record?: RelayRecord; result?: RecordResult }[];
}

export class ReferenceReceiver {
    readonly store: ReceiverStore;
    private readonly commits: GroupCommit;
    private readonly options: ReceiverOptions;
    private readonly faults: FaultSpec;
    private readonly random: Random;
    private readonly server: Server;
    private readonly acknowledgements?: AcknowledgementSender;
    private readonly held = new Set<ServerResponse>();
    private readonly purgeTimer: NodeJS.Timeout;
    private inFlight = 0;
    /** Change requests between the start of their body and their commit (the group commit waits for them). */
    private changeRequests = 0;
    private idle: (() => void) | undefined;
    private stopping: Promise<void> | undefined;
    /** Requests answered, by status (tests and the CLI's summary read it). */
    readonly answered = new Map<number, number>();

    constructor(options: ReceiverOptions = {}) {
        this.options = options;
        this.faults =
            typeof options.faults === 'string' ? parseFaultSpec(options.faults) : (options.faults ?? NO_FAULTS);
        this.random = options.random ?? seededRandom(options.seed ?? Date.now());
        validators();
        this.store =
            options.store ??
            new ReceiverStore({
                file: options.databaseFile ?? ':memory:',
                synchronous: options.synchronous,
                onCheckpointError: (message) => this.log(`checkpoint error ${message}`)
            });
        this.commits = new GroupCommit(this.store, () => this.changeRequests > 0, options.groupCommitDelayMs);
        this.purgeKeys();
        // Once a day, between groups (a purge is one transaction; it blocks requests while it runs).
        this.purgeTimer = setInterval(() => void this.commits.settled().then(() => this.purgeKeys()), 86_400_000);
        this.purgeTimer.unref();
        if (options.acknowledgements) {
            this.acknowledgements = new AcknowledgementSender({ log: options.log, ...options.acknowledgements });
        }
        this.server = createServer({ keepAliveTimeout: 5000 }, (request, response) => {
            this.inFlight++;
            response.on('close', () => {
                this.inFlight--;
                this.held.delete(response);
                this.answered.set(response.statusCode, (this.answered.get(response.statusCode) ?? 0) + 1);
                if (this.inFlight === 0) {
                    this.idle?.();
                }
            });
            this.handle(request, response).catch((error: unknown) => {
                // The store's index is full: nothing was stored; 503 with Retry-After makes Relay pause and retry (a 5xx
                // outside its retryable codes would dead-letter every change).
                const full = error instanceof IndexFullError;
                const status = error instanceof HttpError ? error.status : full ? 503 : 500;
                const message = error instanceof Error ? error.message : String(error);
                if (status >= 500) {
                    this.log(`error ${message}`);
                }
                send(
                    response,
                    status,
                    { error: message },
                    error instanceof HttpError ? error.headers : full ? { 'Retry-After': '300' } : {}
                );
            });
        });
    }

    /** Change requests between the start of their body and their commit (the group commit waits for them). */
    get changeRequestsInProgress(): number {
        return this.changeRequests;
    }

    /** Listens; resolves with the base URL (http://host:port). */
    async start(): Promise<string> {
        await new Promise<void>((resolve, reject) => {
            this.server.once('error', reject);
            this.server.listen(this.options.port ?? 0, this.options.host ?? '127.0.0.1', () => {
                this.server.off('error', reject);
                resolve();
            });
        });
        return this.url;
    }

    get url(): string {
        const address = this.server.address() as AddressInfo;
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        return `http://${host}:${address.port}`;
    }

    /**
     * Graceful shutdown: no new connections, idle ones closed, requests in progress finish (up to the grace
     * period; held "timeout" answers are dropped at once), acknowledgements flushed, the database closed.
     */
    stop(): Promise<void> {
        this.stopping ??= this.shutdown();
        return this.stopping;
    }

    private async shutdown(): Promise<void> {
        clearInterval(this.purgeTimer);
        const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
        this.server.closeIdleConnections();
        for (const response of this.held) {
            response.destroy();
        }
        if (this.inFlight > 0) {
            const drained = new Promise<void>((resolve) => (this.idle = resolve));
            await Promise.race([drained, delay(this.options.shutdownGraceMs ?? 5000, undefined, { ref: false })]);
        }
        this.server.closeAllConnections();
        await closed;
        await this.acknowledgements?.stop();
        await this.store.close();
    }

    /** Forgets the keys older than the retention (a failed purge is logged and tried again the next day). */
    private purgeKeys(): void {
        const cutoff = new Date(Date.now() - (this.options.keyRetentionDays ?? 30) * 86_400_000);
        try {
            const { forgotten, moved, ms } = this.store.purgeKeysBefore(cutoff);
            if (forgotten + moved > 0) {
                this.log(
                    `purge: forgot ${forgotten} idempotency keys accepted before ${cutoff.toISOString()}, moved ${moved} current records into compacted batches (${ms} ms)`
                );
            }
        } catch (error) {
            this.log(`error purging keys: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    private log(line: string): void {
        this.options.log?.(`${new Date().toISOString()} ${line}`);
    }

    private authorize(request: IncomingMessage): void {
        const token = this.options.token;
        if (token === undefined || token === '') {
            return;
        }
        const given = Buffer.from(headerOf(request, 'authorization') ?? '');
        const expected = Buffer.from(`Bearer ${token}`);
        if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
            throw new HttpError(401, 'Missing or wrong credentials.', { 'WWW-Authenticate': 'Bearer' });
        }
    }

    private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
        const url = new URL(request.url ?? '/', 'http://receiver');
        const method = request.method ?? 'GET';
        if (method === 'GET' && url.pathname === '/health') {
            const failed = this.store.failed;
            send(response, failed ? 503 : 200, failed ? { status: 'failed', error: failed.message } : { status: 'ok' });
            return;
        }
        this.authorize(request);
        const lastSegment = url.pathname.split('/').pop() ?? '';
        if (method === 'OPTIONS') {
            const accepted = [
                JSON_MEDIA_TYPE,
                ...(this.options.cloudEvents === false ? [] : [CLOUDEVENTS_BATCH_MEDIA_TYPE])
            ];
            send(response, 204, undefined, {
                Allow: 'OPTIONS, GET, POST, PUT, PATCH',
                'Accept-Post': accepted.join(', '),
                'Accept-Patch': accepted.join(', '),
                'X-Relay-Schemas': [
                    RELAY_V1,
                    ...(this.options.cloudEvents === false ? [] : [RELAY_CLOUDEVENTS_V1])
                ].join(', ')
            });
            return;
        }
        if (method === 'GET' && SALESFORCE_ID.test(lastSegment)) {
            // A read never sees the open group's changes before they are committed.
            await this.commits.settled();
            this.answerRecord(response, lastSegment);
            return;
        }
        if (method !== 'POST' && method !== 'PUT' && method !== 'PATCH') {
            throw new HttpError(method === 'GET' ? 404 : 405, `No ${method} here.`);
        }
        const schema = headerOf(request, 'x-relay-schema');
        if (schema === RECONCILE_SCHEMA || url.pathname === this.options.reconciliationPath) {
            const text = await readBody(request, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
            const body = parseJson(text);
            await this.commits.settled();
            this.answerReconciliation(response, body);
            return;
        }
        this.changeRequests++;
        let counted = true;
        const committed = () => {
            if (counted) {
                counted = false;
                this.changeRequests--;
            }
        };
        try {
            const text = await readBody(request, this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
            await this.receiveChanges(request, response, schema, text, committed);
        } finally {
            committed();
        }
    }

    private checkRelayV1(body: unknown, correlationHeader: string | undefined): Checked {
        const v = validators();
        if (!v.envelope(body)) {
            throw new HttpError(400, `The request does not match relay.v1: ${firstError(v.envelope)}.`);
        }
        const envelope = body as { integration: string; correlationId: string; records: Record<string, unknown>[] };
        return {
            integration: envelope.integration,
            correlationId: correlationHeader ?? envelope.correlationId,
            entries: envelope.records.map((record, index) => {
                const key = record.idempotencyKey;
                if (!usableKey(key)) {
                    throw new HttpError(400, `records[${index}] has no usable idempotencyKey.`);
                }
                if (!v.record(record)) {
                    return {
                        key,
                        result: {
                            idempotencyKey: key,
                            status: 'rejected',
                            message: `records[${index}]: ${firstError(v.record)}.`
                        }
                    };
                }
                return { key, record: record as unknown as RelayRecord };
            })
        };
    }

    private checkCloudEvents(body: unknown, correlationHeader: string | undefined): Checked {
        const v = validators();
        if (!Array.isArray(body) || body.length < 1 || body.length > 200) {
            throw new HttpError(400, 'A CloudEvents batch is a JSON array of 1 to 200 events.');
        }
        let integration: string | undefined;
        const entries = body.map((event: unknown, index) => {
            const candidate = (event ?? {}) as Record<string, unknown>;
            const key = candidate.id;
            if (!usableKey(key)) {
                throw new HttpError(400, `Event ${index} has no usable id.`);
            }
            if (!v.cloudEvent(candidate)) {
                return {
                    key,
                    result: {
                        idempotencyKey: key,
                        status: 'rejected' as const,
                        message: `event ${index}: ${firstError(v.cloudEvent)}.`
                    }
                };
            }
            const cloudEvent = candidate as unknown as RelayCloudEvent;
            integration ??= cloudEvent.relayintegration;
            return { key: cloudEvent.id, record: recordOfEvent(cloudEvent) };
        });
        return { integration: integration ?? '', correlationId: correlationHeader ?? '', entries };
    }

    private async receiveChanges(
        request: IncomingMessage,
        response: ServerResponse,
        schema: string | undefined,
        text: string,
        committed: () => void
    ): Promise<void> {
        const cloudEvents = schema === RELAY_CLOUDEVENTS_V1 && this.options.cloudEvents !== false;
        if (schema !== RELAY_V1 && !cloudEvents) {
            throw new HttpError(
                400,
                `X-Relay-Schema must be ${RELAY_V1}${this.options.cloudEvents === false ? '' : ` or ${RELAY_CLOUDEVENTS_V1}`}.`
            );
        }
        const expectedType = cloudEvents ? CLOUDEVENTS_BATCH_MEDIA_TYPE : JSON_MEDIA_TYPE;
        if (mediaTypeOf(headerOf(request, 'content-type')) !== expectedType) {
            throw new HttpError(415, `${schema} requests are sent as ${expectedType}.`);
        }
        const plan = planFaults(this.faults, this.random);
        if (plan.delayMs > 0) {
            await delay(plan.delayMs);
        }
        if (plan.outcome?.kind === 'status') {
            const headers: Record<string, string> = plan.outcome.retryAfter
                ? { 'Retry-After': plan.outcome.retryAfter }
                : {};
            send(response, plan.outcome.status, { error: `Injected fault: ${plan.outcome.status}.` }, headers);
            return;
        }
        const body = parseJson(text);
        const correlationHeader = headerOf(request, 'x-relay-correlation-id');
        const checked = cloudEvents
            ? this.checkCloudEvents(body, correlationHeader)
            : this.checkRelayV1(body, correlationHeader);
        const results = await this.process(checked, plan, committed);
        const counts = { accepted: 0, rejected: 0, retry: 0 };
        for (const result of results) {
            counts[result.status]++;
        }
        this.log(
            `${checked.correlationId} ${checked.integration} ${schema} ${results.length} records: ${counts.accepted} accepted, ${counts.rejected} rejected, ${counts.retry} retry${plan.outcome ? ` (fault: ${plan.outcome.kind})` : ''}`
        );
        if (plan.outcome?.kind === 'timeout') {
            // Processed, but never answered: what Relay sees as a timeout after the receiver stored the changes.
            this.held.add(response);
            setTimeout(() => response.destroy(), plan.outcome.holdMs).unref();
            return;
        }
        if (plan.outcome?.kind === 'malformed') {
            send(response, 200, MALFORMED_BODY);
            return;
        }
        send(response, 200, { results });
    }

    private async process(checked: Checked, plan: FaultPlan, committed: () => void): Promise<RecordResult[]> {
        const toApply: RelayRecord[] = [];
        const results: (RecordResult | undefined)[] = checked.entries.map((entry) => {
            if (entry.result) {
                return entry.result;
            }
            if (plan.partialRate > 0 && this.random() < plan.partialRate) {
                return { idempotencyKey: entry.key, status: 'retry', message: 'Injected fault: try again later.' };
            }
            toApply.push(entry.record as RelayRecord);
            return undefined;
        });
        let applied: Applied[] = [];
        if (toApply.length > 0) {
            // Counted out before it joins the group, so the group sees itself complete.
            committed();
            applied = await this.commits.apply({
                records: toApply,
                integration: checked.integration,
                correlationId: checked.correlationId
            });
        }
        const acknowledgements: Acknowledgement[] = [];
        const processedAt = new Date().toISOString();
        let next = 0;
        const answered = results.map((result, index) => {
            if (result) {
                return result;
            }
            const record = toApply[next];
            const outcome = applied[next++];
            if (this.acknowledgements && outcome !== 'duplicate') {
                acknowledgements.push({
                    idempotencyKey: record.idempotencyKey,
                    outcome: 'processed',
                    externalId: this.store.externalIdOf(record.recordId),
                    processedAt
                });
            }
            const message =
                outcome === 'older'
                    ? 'Older than the change already applied to this record: skipped.'
                    : outcome === 'duplicate'
                      ? 'Already received.'
                      : undefined;
            return {
                idempotencyKey: checked.entries[index].key,
                status: 'accepted' as const,
                ...(message ? { message } : {})
            };
        });
        this.acknowledgements?.enqueue(acknowledgements);
        return answered;
    }

    private answerReconciliation(response: ServerResponse, body: unknown): void {
        const validate = validators().optional.get('relay.reconcile.v1.request');
        const candidate = (body ?? {}) as { schema?: unknown; recordIds?: unknown; sourceObject?: unknown };
        const shapeOk = validate
            ? validate(body)
            : candidate.schema === RECONCILE_SCHEMA &&
              Array.isArray(candidate.recordIds) &&
              candidate.recordIds.length <= 200 &&
              candidate.recordIds.every((id) => typeof id === 'string');
        if (!shapeOk) {
            throw new HttpError(
                400,
                `The request does not match ${RECONCILE_SCHEMA}${validate ? `: ${firstError(validate)}` : ''}.`
            );
        }
        const records = (candidate.recordIds as string[]).flatMap((recordId) => {
            const stored = this.store.record(recordId);
            if (!stored || stored.deleted) {
                return [];
            }
            return [{ recordId, changedAt: stored.changedAt, externalId: stored.externalId }];
        });
        send(response, 200, { schema: RECONCILE_RESULT_SCHEMA, records });
    }

    private answerRecord(response: ServerResponse, recordId: string): void {
        const stored = this.store.record(recordId);
        if (!stored || stored.deleted) {
            send(response, 404, { schema: RECORD_SCHEMA, recordId, found: false });
            return;
        }
        send(response, 200, {
            schema: RECORD_SCHEMA,
            recordId,
            found: true,
            changedAt: stored.changedAt,
            externalId: stored.externalId,
            data: stored.data
        });
    }
}
