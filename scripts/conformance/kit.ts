// The receiver conformance kit: a scripted series of requests against a receiver, judged item by item of the
// wire contract's receiver checklist (docs/wire-contract.md §6, numbered as there; item 10 is the CloudEvents
// option of §10). Every run uses fresh record ids and keys, so a receiver can be checked again and again.
//
// Each check judges one thing and belongs to one item: a missing `results` entry is item 6's finding only
// (other items judge the entries that are there), so a receiver with one planted fault fails exactly one item.
import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_BATCH_MEDIA_TYPE, RELAY_CLOUDEVENTS_V1, eventOfRecord, validators } from '../receiver/contract.ts';
import type { RelayRecord, RelayRequest } from '../receiver/contract.ts';
import { relayHeaders, relayRequest, sendHttp, upsert } from '../receiver/test-requests.ts';
import type { HttpAnswer, SendOptions } from '../receiver/test-requests.ts';

export type Verdict = 'pass' | 'fail' | 'skip';

/** One observation: ok true/false, or null when it could not be observed (with why in detail). */
export interface Check {
    name: string;
    ok: boolean | null;
    detail: string;
}

export interface ItemReport {
    item: number;
    title: string;
    verdict: Verdict;
    checks: Check[];
}

export interface ConformanceReport {
    url: string;
    passed: boolean;
    cloudEvents: boolean;
    stateObservable: boolean;
    items: ItemReport[];
}

export interface ConformanceOptions {
    /** The endpoint Relay posts changes to, e.g. http://localhost:8787/customers/batch */
    url: string;
    token?: string;
    /** Path of one record (§9) on the URL's origin, with {recordId}; default /records/{recordId}. */
    recordPath?: string;
    /** true: check CloudEvents; false: do not; undefined: when the receiver advertises it (OPTIONS). */
    cloudEvents?: boolean;
    /** The callout timeout an answer must beat (default 10 s, §6 item 6). */
    timeoutMs?: number;
    integration?: string;
}

export const ITEM_TITLES: Record<number, string> = {
    1: 'Endpoint and credentials',
    2: 'Version',
    3: 'Validate',
    4: 'Deduplicate',
    5: 'Apply in order',
    6: 'Answer per record',
    7: 'Push back when overloaded',
    8: 'Trace',
    10: 'CloudEvents batch (§10)'
};

type Status = 'accepted' | 'rejected' | 'retry' | 'missing' | 'other' | 'no-2xx';

interface Exchange {
    label: string;
    keys: string[];
    answer: HttpAnswer;
    durationMs: number;
    correlationId?: string;
}

class Run {
    readonly checks = new Map<number, Check[]>();
    readonly exchanges: Exchange[] = [];
    stateObservable = false;
    readonly options: Required<Omit<ConformanceOptions, 'token' | 'cloudEvents'>> &
        Pick<ConformanceOptions, 'token' | 'cloudEvents'>;

    constructor(options: ConformanceOptions) {
        this.options = {
            recordPath: '/records/{recordId}',
            timeoutMs: 10_000,
            integration: 'ERP_Customer',
            ...options
        };
    }

    get url(): string {
        return this.options.url;
    }

    check(item: number, name: string, ok: boolean | null, detail: string): void {
        const list = this.checks.get(item) ?? [];
        list.push({ name, ok, detail });
        this.checks.set(item, list);
    }

    async exchange(label: string, keys: string[], options: SendOptions, correlationId?: string): Promise<Exchange> {
        const started = performance.now();
        let answer: HttpAnswer;
        try {
            answer = await sendHttp(this.options.url, { timeoutMs: this.options.timeoutMs + 5000, ...options });
        } catch (error) {
            answer = {
                status: 0,
                headers: {},
                text: error instanceof Error ? error.message : String(error),
                json: undefined
            };
        }
        const exchange = { label, keys, answer, durationMs: performance.now() - started, correlationId };
        if (options.abandonAfterMs === undefined) {
            this.exchanges.push(exchange);
        }
        return exchange;
    }

    send(label: string, request: RelayRequest, extra: Partial<SendOptions> = {}): Promise<Exchange> {
        return this.exchange(
            label,
            request.records.map((record) => record.idempotencyKey),
            { headers: relayHeaders(request, this.options.token), body: JSON.stringify(request), ...extra },
            request.correlationId
        );
    }

    sendCloudEvents(label: string, records: RelayRecord[], headers: Record<string, string> = {}): Promise<Exchange> {
        const correlationId = randomUUID();
        const events = records.map((record) => eventOfRecord(record, this.options.integration, correlationId));
        return this.exchange(
            label,
            records.map((record) => record.idempotencyKey),
            {
                headers: {
                    ...relayHeaders({ correlationId }, this.options.token),
                    'Content-Type': CLOUDEVENTS_BATCH_MEDIA_TYPE,
                    'X-Relay-Schema': RELAY_CLOUDEVENTS_V1,
                    ...headers
                },
                body: JSON.stringify(events)
            },
            correlationId
        );
    }

    request(records: RelayRecord[]): RelayRequest {
        return relayRequest(records, this.options.integration);
    }

    authHeaders(): Record<string, string> {
        return this.options.token ? { Authorization: `Bearer ${this.options.token}` } : {};
    }

    /** The receiver's view of a record (§9): its data and changedAt, 'absent' (404), or undefined (unobservable). */
    async readRecord(recordId: string): Promise<{ changedAt?: string; data?: unknown } | 'absent' | undefined> {
        const target = new URL(this.options.recordPath.replace('{recordId}', recordId), this.options.url);
        try {
            const answer = await sendHttp(target.toString(), {
                method: 'GET',
                headers: this.authHeaders(),
                timeoutMs: this.options.timeoutMs
            });
            if (answer.status === 404) {
                return 'absent';
            }
            const body = answer.json as { found?: unknown; changedAt?: string; data?: unknown } | undefined;
            if (answer.status !== 200 || typeof body !== 'object' || body === null) {
                return undefined;
            }
            return body.found === false ? 'absent' : { changedAt: body.changedAt, data: body.data };
        } catch {
            return undefined;
        }
    }
}

const is2xx = (answer: HttpAnswer): boolean => answer.status >= 200 && answer.status < 300;

/** What the answer says about one key: an entry's status, implicit acceptance, or missing. */
export function statusOf(answer: HttpAnswer, key: string): Status {
    if (!is2xx(answer)) {
        return 'no-2xx';
    }
    const body = answer.json as { results?: unknown } | undefined;
    if (
        answer.text.trim() === '' ||
        (typeof body === 'object' && body !== null && !Array.isArray(body) && !('results' in body))
    ) {
        return 'accepted';
    }
    if (typeof body !== 'object' || body === null || !Array.isArray(body.results)) {
        return 'other';
    }
    const entry = (body.results as { idempotencyKey?: unknown; status?: unknown }[]).find(
        (result) => typeof result === 'object' && result !== null && result.idempotencyKey === key
    );
    if (!entry) {
        return 'missing';
    }
    return entry.status === 'accepted' || entry.status === 'rejected' || entry.status === 'retry'
        ? entry.status
        : 'other';
}

/** A check on the entries that are there: none contradicts `expected`. Missing entries are item 6's business. */
function entriesAre(exchange: Exchange, keys: string[], expected: Status): { ok: boolean | null; detail: string } {
    if (!is2xx(exchange.answer)) {
        return { ok: false, detail: `answered ${exchange.answer.status} ${exchange.answer.text.slice(0, 120)}`.trim() };
    }
    const statuses = keys.map((key) => statusOf(exchange.answer, key));
    const present = statuses.filter((status) => status !== 'missing');
    if (present.length === 0) {
        return { ok: null, detail: 'no entry to judge (see item 6)' };
    }
    const wrong = present.filter((status) => status !== expected);
    return wrong.length === 0
        ? { ok: true, detail: `${expected} (${present.length} of ${keys.length} entries)` }
        : { ok: false, detail: `expected ${expected}, got ${wrong.join(', ')}` };
}

function sameData(actual: unknown, expected: unknown): boolean {
    return JSON.stringify(actual) === JSON.stringify(expected);
}

async function stateCheck(
    run: Run,
    item: number,
    name: string,
    recordId: string,
    expect: (view: { changedAt?: string; data?: unknown } | 'absent') => boolean,
    describe: string
): Promise<void> {
    if (!run.stateObservable) {
        run.check(item, name, null, 'not observable: the receiver does not serve §9 GET one record at the record path');
        return;
    }
    const view = await run.readRecord(recordId);
    if (view === undefined) {
        run.check(item, name, null, 'the record could not be read back');
        return;
    }
    const ok = expect(view);
    run.check(item, name, ok, ok ? describe : `expected ${describe}, the receiver has ${JSON.stringify(view)}`);
}

const minutesAgo = (minutes: number): string => new Date(Date.now() - minutes * 60_000).toISOString();

async function probeFirstDelivery(run: Run): Promise<{ first: RelayRequest; exchange: Exchange }> {
    const first = run.request([
        upsert({ changedAt: minutesAgo(30) }),
        upsert({ changedAt: minutesAgo(29), data: { customerName: 'Globex GmbH', billingCity: 'Berlin' } }),
        upsert({ operation: 'delete', changedAt: minutesAgo(28), data: undefined })
    ]);
    const exchange = await run.send('first delivery', first);
    run.check(1, 'valid credentials are accepted (2xx)', is2xx(exchange.answer), `answered ${exchange.answer.status}`);
    const verdict = entriesAre(exchange, exchange.keys, 'accepted');
    run.check(
        5,
        'a first delivery of upserts and a delete of a record never seen is accepted',
        verdict.ok,
        verdict.detail
    );
    const view = await run.readRecord(first.records[0].recordId);
    run.stateObservable = typeof view === 'object';
    return { first, exchange };
}

async function probeDeduplication(run: Run, first: RelayRequest): Promise<void> {
    // The same keys again, the same bytes, a new correlation id (a resend after a pause or a lost answer).
    const again: RelayRequest = { ...first, correlationId: randomUUID(), sentAt: new Date().toISOString() };
    const repeat = await run.send('the same keys again', again);
    const verdict = entriesAre(repeat, repeat.keys, 'accepted');
    run.check(4, 'a known key is answered accepted again', verdict.ok, verdict.detail);

    // The same key once more with other data (§4: a legacy resend carries current data under the old key):
    // a receiver that deduplicates on the key changes nothing.
    const original = first.records[0];
    const changed = run.request([{ ...original, data: { customerName: 'Changed under the same key' } }]);
    const sameKey = await run.send('the same key with other data', changed);
    const answer = entriesAre(sameKey, sameKey.keys, 'accepted');
    run.check(4, 'the same key with other data is answered accepted', answer.ok, answer.detail);
    await stateCheck(
        run,
        4,
        'a known key changes nothing',
        original.recordId,
        (view) => view !== 'absent' && sameData(view.data, original.data),
        'the data of the first delivery'
    );

    // A retry after a timeout: the first send is abandoned once written (the receiver may or may not have
    // stored it), then the same key goes again.
    const record = upsert({ changedAt: minutesAgo(20), data: { customerName: 'Initech' } });
    await run.send('timed-out send', run.request([record]), { abandonAfterMs: 0 });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const retry = await run.send('retry after a timeout', run.request([record]));
    const retried = entriesAre(retry, retry.keys, 'accepted');
    run.check(4, 'a retry after a timeout is accepted', retried.ok, retried.detail);
    await stateCheck(
        run,
        4,
        'the retried change is stored',
        record.recordId,
        (view) => view !== 'absent' && sameData(view.data, record.data),
        'the retried data'
    );
}

async function probeValidation(run: Run): Promise<void> {
    // One bad record among good ones: rejected alone.
    const bad = upsert({ data: { billing: { city: 'Paris' } } as unknown as RelayRecord['data'] });
    const good = upsert();
    const mixed = await run.send('one bad record among good ones', run.request([bad, good]));
    const badStatus = statusOf(mixed.answer, bad.idempotencyKey);
    const goodStatus = statusOf(mixed.answer, good.idempotencyKey);
    if (!is2xx(mixed.answer)) {
        run.check(3, 'one bad record is rejected alone (2xx)', false, `answered ${mixed.answer.status}`);
    } else {
        const judged = [
            badStatus === 'missing' ? null : badStatus === 'rejected',
            goodStatus === 'missing' ? null : goodStatus === 'accepted'
        ];
        const ok = judged.includes(false) ? false : judged.includes(true) ? true : null;
        run.check(
            3,
            'one bad record is rejected alone, the others processed',
            ok,
            `bad record ${badStatus}, good record ${goodStatus}`
        );
    }

    // A key answered rejected is evaluated again when it comes back (only accepted keys are remembered).
    const fixed = run.request([{ ...bad, data: { customerName: 'Fixed' } }]);
    const again = await run.send('a rejected key, valid this time', fixed);
    const verdict = entriesAre(again, again.keys, 'accepted');
    run.check(4, 'a key answered rejected is evaluated again', verdict.ok, verdict.detail);

    // The body as a whole does not match the schema: 400.
    const envelope = run.request([upsert()]) as unknown as Record<string, unknown>;
    delete envelope.records;
    const missing = await run.exchange('records missing', [], {
        headers: relayHeaders(envelope as unknown as RelayRequest, run.options.token),
        body: JSON.stringify(envelope)
    });
    run.check(
        3,
        'a body without records is answered 400',
        missing.answer.status === 400,
        `answered ${missing.answer.status}`
    );
    const notJson = await run.exchange('not JSON', [], {
        headers: relayHeaders({ correlationId: randomUUID() }, run.options.token),
        body: '{"schema":"relay.v1",'
    });
    run.check(
        3,
        'a body that is not JSON is answered 400',
        notJson.answer.status === 400,
        `answered ${notJson.answer.status}`
    );
}

async function probeOrder(run: Run): Promise<void> {
    // Out-of-order changedAt: the newer change arrives first; the older one is accepted and skipped.
    const recordId = upsert().recordId;
    const newer = upsert({ recordId, changedAt: minutesAgo(5), data: { customerName: 'Newer' } });
    const older = upsert({ recordId, changedAt: minutesAgo(10), data: { customerName: 'Older' } });
    const first = await run.send('newer change', run.request([newer]));
    const second = await run.send('older change after it', run.request([older]));
    const verdict = entriesAre(second, second.keys, 'accepted');
    run.check(
        5,
        'an older change that arrives late is accepted',
        is2xx(first.answer) ? verdict.ok : false,
        verdict.detail
    );
    await stateCheck(
        run,
        5,
        'an older change is skipped',
        recordId,
        (view) => view !== 'absent' && sameData(view.data, newer.data),
        'the newer data'
    );

    // A delete, then an older upsert of the same record (an admin's replay of an old dead letter).
    const deletedId = upsert().recordId;
    await run.send('upsert before a delete', run.request([upsert({ recordId: deletedId, changedAt: minutesAgo(9) })]));
    const deletion = await run.send(
        'a delete',
        run.request([upsert({ recordId: deletedId, operation: 'delete', changedAt: minutesAgo(8), data: undefined })])
    );
    const deleted = entriesAre(deletion, deletion.keys, 'accepted');
    run.check(5, 'a delete is accepted', deleted.ok, deleted.detail);
    await stateCheck(
        run,
        5,
        'a delete removes the record',
        deletedId,
        (view) => view === 'absent',
        'the record gone (404)'
    );
    const replay = await run.send(
        'an older upsert after the delete',
        run.request([upsert({ recordId: deletedId, changedAt: minutesAgo(9), data: { customerName: 'Replayed' } })])
    );
    const replayed = entriesAre(replay, replay.keys, 'accepted');
    run.check(5, 'an older upsert after a delete is accepted', replayed.ok, replayed.detail);
    await stateCheck(
        run,
        5,
        'an older upsert does not bring a deleted record back',
        deletedId,
        (view) => view === 'absent',
        'the record still gone (404)'
    );
}

async function probeVersionAndCredentials(run: Run): Promise<void> {
    const request = run.request([upsert()]) as unknown as Record<string, unknown>;
    request.schema = 'relay.v2';
    const wrongVersion = await run.exchange('wrong schema version', [], {
        headers: {
            ...relayHeaders(request as unknown as RelayRequest, run.options.token),
            'X-Relay-Schema': 'relay.v2'
        },
        body: JSON.stringify(request)
    });
    run.check(
        2,
        'X-Relay-Schema relay.v2 is answered 400',
        wrongVersion.answer.status === 400,
        `answered ${wrongVersion.answer.status}`
    );

    if (!run.options.token) {
        run.check(1, 'wrong credentials are answered 401 or 403', null, 'no --token given: credentials not checked');
        return;
    }
    for (const [label, authorization] of [
        ['wrong credentials', `Bearer not-${run.options.token}`],
        ['no credentials', undefined]
    ] as const) {
        const valid = run.request([upsert()]);
        const headers = relayHeaders(valid);
        if (authorization) {
            headers.Authorization = authorization;
        }
        const refused = await run.exchange(label, [], { headers, body: JSON.stringify(valid) });
        run.check(
            1,
            `${label} are answered 401 or 403`,
            refused.answer.status === 401 || refused.answer.status === 403,
            `answered ${refused.answer.status}`
        );
    }
}

async function probeCloudEvents(run: Run, requested: boolean | undefined): Promise<boolean> {
    let supported = requested;
    if (supported === undefined) {
        const options = await run.exchange('OPTIONS', [], { method: 'OPTIONS', headers: run.authHeaders() });
        const advertised = [options.answer.headers['accept-post'], options.answer.headers['x-relay-schemas']]
            .flat()
            .join(',');
        supported = advertised.includes(CLOUDEVENTS_BATCH_MEDIA_TYPE) || advertised.includes(RELAY_CLOUDEVENTS_V1);
    }
    if (!supported) {
        const why =
            requested === false ? 'not asked for' : 'the receiver does not advertise CloudEvents (OPTIONS Accept-Post)';
        run.check(10, 'CloudEvents batch', null, why);
        return false;
    }
    const records = [
        upsert({ changedAt: minutesAgo(3) }),
        upsert({ operation: 'delete', changedAt: minutesAgo(2), data: undefined })
    ];
    const first = await run.sendCloudEvents('CloudEvents batch', records);
    const accepted = entriesAre(first, first.keys, 'accepted');
    run.check(10, 'a CloudEvents batch is accepted per event id', accepted.ok, accepted.detail);
    const again = await run.sendCloudEvents('CloudEvents batch again', records);
    const repeat = entriesAre(again, again.keys, 'accepted');
    run.check(10, 'the same event ids again are accepted', repeat.ok, repeat.detail);
    await stateCheck(
        run,
        10,
        'the event data is stored',
        records[0].recordId,
        (view) => view !== 'absent' && sameData(view.data, records[0].data),
        'the event data'
    );
    const wrongType = await run.sendCloudEvents('CloudEvents as application/json', [upsert()], {
        'Content-Type': 'application/json'
    });
    run.check(
        10,
        'a CloudEvents batch with another Content-Type is refused (400 or 415)',
        wrongType.answer.status === 400 || wrongType.answer.status === 415,
        `answered ${wrongType.answer.status}`
    );
    return true;
}

/** Item 6 over every exchange that carried records; item 7 over every answer seen. */
function judgeAnswers(run: Run): void {
    const response = validators().response;
    const timeoutMs = run.options.timeoutMs;
    for (const exchange of run.exchanges) {
        if (exchange.keys.length === 0 || !is2xx(exchange.answer)) {
            continue;
        }
        const missing = exchange.keys.filter((key) => statusOf(exchange.answer, key) === 'missing');
        const other = exchange.keys.filter((key) => statusOf(exchange.answer, key) === 'other');
        const body = exchange.answer.json;
        const emptyOrValid =
            exchange.answer.text.trim() === '' || (body !== undefined && response(body) && !Array.isArray(body));
        const problems = [
            ...(emptyOrValid ? [] : ['the body is not empty and not a relay.v1 response']),
            ...(missing.length > 0 ? [`no entry for ${missing.length} of ${exchange.keys.length} records`] : []),
            ...(other.length > 0 ? [`${other.length} entries with another status`] : []),
            ...(exchange.durationMs > timeoutMs ? [`answered after ${Math.round(exchange.durationMs)} ms`] : [])
        ];
        run.check(
            6,
            `${exchange.label}: results cover every record`,
            problems.length === 0,
            problems.length === 0
                ? `${exchange.keys.length} records answered in ${Math.round(exchange.durationMs)} ms`
                : problems.join('; ')
        );
    }
    const wrong = run.exchanges.filter(
        ({ answer }) =>
            (answer.status >= 300 && answer.status < 400) ||
            answer.status === 501 ||
            answer.status === 505 ||
            ((answer.status === 429 || answer.status === 503) && answer.headers['retry-after'] === undefined)
    );
    run.check(
        7,
        'no redirect, no 501/505, 429 and 503 only with Retry-After',
        wrong.length === 0,
        wrong.length === 0
            ? `${run.exchanges.length} answers seen (overload itself cannot be provoked from outside)`
            : wrong.map((exchange) => `${exchange.label}: ${exchange.answer.status}`).join('; ')
    );
    const ids = run.exchanges.flatMap((exchange) => (exchange.correlationId ? [exchange.correlationId] : []));
    run.check(
        8,
        'correlation ids are logged',
        null,
        `not observable from outside: look for ${ids.slice(0, 3).join(', ')}, … in the receiver's log`
    );
}

function verdictOf(checks: Check[]): Verdict {
    if (checks.some((check) => check.ok === false)) {
        return 'fail';
    }
    return checks.some((check) => check.ok === true) ? 'pass' : 'skip';
}

/** Runs the whole series against the receiver and judges every item. */
export async function checkReceiver(options: ConformanceOptions): Promise<ConformanceReport> {
    const run = new Run(options);
    const { first } = await probeFirstDelivery(run);
    await probeDeduplication(run, first);
    await probeValidation(run);
    await probeOrder(run);
    await probeVersionAndCredentials(run);
    const cloudEvents = await probeCloudEvents(run, options.cloudEvents);
    judgeAnswers(run);
    const items = Object.entries(ITEM_TITLES).map(([item, title]) => {
        const checks = run.checks.get(Number(item)) ?? [];
        return { item: Number(item), title, verdict: verdictOf(checks), checks };
    });
    return {
        url: run.url,
        passed: items.every((item) => item.verdict !== 'fail'),
        cloudEvents,
        stateObservable: run.stateObservable,
        items
    };
}

/** The report as text: one line per item, its checks indented below. */
export function formatReport(report: ConformanceReport): string {
    const mark: Record<Verdict, string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP' };
    const lines = [`Receiver conformance of ${report.url} (wire contract §6)`];
    for (const item of report.items) {
        lines.push(`${mark[item.verdict]}  ${item.item}. ${item.title}`);
        for (const check of item.checks) {
            const sign = check.ok === true ? '✓' : check.ok === false ? '✗' : '–';
            lines.push(`      ${sign} ${check.name}: ${check.detail}`);
        }
    }
    const failed = report.items.filter((item) => item.verdict === 'fail').map((item) => item.item);
    lines.push(
        failed.length === 0 ? 'Conforms: no item failed.' : `Does not conform: item ${failed.join(', ')} failed.`
    );
    return lines.join('\n');
}
