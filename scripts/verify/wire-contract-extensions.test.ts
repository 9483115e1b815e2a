// The contract extensions of docs/wire-contract.md §7 (acknowledgements, relay.ack.v1) and §8 (reconciliation,
// relay.reconcile.v1): their JSON Schemas accept the documented examples and reject what the sections rule out.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;
type Entry = Record<string, unknown>;

const SCHEMAS = path.join(process.cwd(), 'docs', 'schemas');

function readJson<T>(...segments: string[]): T {
    return JSON.parse(readFileSync(path.join(...segments), 'utf8')) as T;
}

// Same settings as wire-contract.test.ts: strict schemas, formats enforced by patterns.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
const schemas = {
    ackRequest: readJson<object>(SCHEMAS, 'relay.ack.v1.request.schema.json'),
    ackResponse: readJson<object>(SCHEMAS, 'relay.ack.v1.response.schema.json'),
    reconcileRequest: readJson<object>(SCHEMAS, 'relay.reconcile.v1.request.schema.json'),
    reconcileResponse: readJson<object>(SCHEMAS, 'relay.reconcile.v1.response.schema.json')
};
const validateAckRequest = ajv.compile(schemas.ackRequest);
const validateAckResponse = ajv.compile(schemas.ackResponse);
const validateReconcileRequest = ajv.compile(schemas.reconcileRequest);
const validateReconcileResponse = ajv.compile(schemas.reconcileResponse);

function example(name: string): Json {
    return readJson<Json>(SCHEMAS, 'examples', name);
}

function entries(body: Json): Entry[] {
    return body.acknowledgements as Entry[];
}

function errorsOf(validate: ValidateFunction, instance: unknown): string[] {
    return validate(instance) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('extension JSON Schemas', () => {
    it.each(Object.entries(schemas))('%s is a valid draft 2020-12 schema', (_name, schema) => {
        expect(ajv.validateSchema(schema)).toBe(true);
    });
});

describe('relay.ack.v1 request (§7)', () => {
    it('accepts the documented example', () => {
        expect(errorsOf(validateAckRequest, example('ack-request.json'))).toEqual([]);
    });

    it.each<[string, (body: Json) => void]>([
        ['another schema version', (body) => (body.schema = 'relay.ack.v2')],
        ['no entries', (body) => (body.acknowledgements = [])],
        [
            'more than 200 entries',
            (body) => (body.acknowledgements = Array.from({ length: 201 }, () => entries(body)[0]))
        ],
        ['a member outside the envelope', (body) => (body.integration = 'ERP_Customer')],
        ['an entry with both a key and a correlation id', (body) => (entries(body)[1].idempotencyKey = 'k1')],
        ['an entry with neither a key nor a correlation id', (body) => delete entries(body)[0].idempotencyKey],
        ['an outcome outside processed and failed', (body) => (entries(body)[0].outcome = 'done')],
        ['a failed entry without a message', (body) => delete entries(body)[2].message],
        ['a failed entry with an externalId', (body) => (entries(body)[2].externalId = 'CUST-1')],
        ['an externalId with a correlation id', (body) => (entries(body)[1].externalId = 'CUST-1')],
        ['a processedAt that is not UTC', (body) => (entries(body)[0].processedAt = '2026-11-22T20:30:06+01:00')],
        ['a missing processedAt', (body) => delete entries(body)[0].processedAt],
        ['a correlationId that is not a UUID v4', (body) => (entries(body)[1].correlationId = 'c1')],
        ['an idempotencyKey longer than 80 characters', (body) => (entries(body)[0].idempotencyKey = 'k'.repeat(81))],
        ['a message longer than 1000 characters', (body) => (entries(body)[2].message = 'm'.repeat(1001))],
        ['a blank message', (body) => (entries(body)[2].message = '   ')],
        ['an externalId longer than 255 characters', (body) => (entries(body)[0].externalId = 'x'.repeat(256))],
        ['a member outside the entry', (body) => (entries(body)[0].externalID = 'CUST-1')]
    ])('rejects %s', (_case, mutate) => {
        const body = example('ack-request.json');
        mutate(body);

        expect(validateAckRequest(body)).toBe(false);
    });

    it('keeps the example under the 1 MB body limit with 200 entries', () => {
        const body = example('ack-request.json');
        body.acknowledgements = Array.from({ length: 200 }, () => ({ ...entries(body)[2], message: 'm'.repeat(1000) }));

        expect(errorsOf(validateAckRequest, body)).toEqual([]);
        expect(Buffer.byteLength(JSON.stringify(body), 'utf8')).toBeLessThan(1048576);
    });
});

describe('relay.ack.v1 answer (§7)', () => {
    it('accepts the documented example, one result per entry of the example request', () => {
        const answer = example('ack-response.json');

        expect(errorsOf(validateAckResponse, answer)).toEqual([]);
        expect((answer.results as Entry[]).map((result) => result.index)).toEqual(
            entries(example('ack-request.json')).map((_entry, index) => index)
        );
    });

    it('accepts pending and stale results, each with its sentence', () => {
        expect(
            errorsOf(validateAckResponse, {
                schema: 'relay.ack-result.v1',
                results: [
                    {
                        index: 0,
                        status: 'pending',
                        error: 'Entry 0: Relay has not finished recording this delivery yet: retry this entry in a minute.'
                    },
                    { index: 1, status: 'stale', error: 'Entry 1: This entry reports on an earlier delivery.' }
                ]
            })
        ).toEqual([]);
    });

    it('accepts an error answer (400, 403, 413, 500, 503)', () => {
        expect(
            errorsOf(validateAckResponse, { schema: 'relay.ack-result.v1', error: 'schema must be "relay.ack.v1".' })
        ).toEqual([]);
    });

    it.each<[string, unknown]>([
        [
            'a status outside accepted, rejected, unknown, pending and stale',
            { schema: 'relay.ack-result.v1', results: [{ index: 0, status: 'ok' }] }
        ],
        [
            'a rejected result without error',
            { schema: 'relay.ack-result.v1', results: [{ index: 0, status: 'rejected' }] }
        ],
        [
            'a pending result without error',
            { schema: 'relay.ack-result.v1', results: [{ index: 0, status: 'pending' }] }
        ],
        [
            'an unknown result with an error',
            { schema: 'relay.ack-result.v1', results: [{ index: 0, status: 'unknown', error: 'x' }] }
        ],
        [
            'a result that names a record',
            {
                schema: 'relay.ack-result.v1',
                results: [{ index: 0, status: 'accepted', recordId: '001Hs00001AbCdEIAZ' }]
            }
        ],
        ['both results and error', { schema: 'relay.ack-result.v1', results: [], error: 'x' }]
    ])('rejects %s', (_case, body) => {
        expect(validateAckResponse(body)).toBe(false);
    });
});

describe('relay.reconcile.v1 (§8)', () => {
    it('accepts the documented request and answer', () => {
        expect(errorsOf(validateReconcileRequest, example('reconcile-request.json'))).toEqual([]);
        expect(errorsOf(validateReconcileResponse, example('reconcile-response.json'))).toEqual([]);
    });

    it('answers only records that were asked, so the third one of the example is missing', () => {
        const asked = example('reconcile-request.json').recordIds as string[];
        const held = (example('reconcile-response.json').records as Entry[]).map((record) => record.recordId);

        expect(held.every((recordId) => asked.includes(recordId as string))).toBe(true);
        expect(asked.filter((recordId) => !held.includes(recordId))).toEqual(['001Hs00001QrStUIAZ']);
    });

    it('accepts an answer with members Relay ignores', () => {
        const answer = example('reconcile-response.json');
        answer.receivedAt = '2026-11-23T03:30:01Z';

        expect(errorsOf(validateReconcileResponse, answer)).toEqual([]);
    });

    it.each<[string, (body: Json) => void]>([
        ['another schema', (body) => (body.schema = 'relay.v1')],
        ['no record ids', (body) => (body.recordIds = [])],
        [
            'more than 200 record ids',
            (body) =>
                (body.recordIds = Array.from(
                    { length: 201 },
                    (_v, i) => `001Hs00001Ab${String(i).padStart(3, '0')}IAZ`
                ))
        ],
        ['a 15-character record id', (body) => (body.recordIds = ['001Hs00001AbCdE'])],
        ['the same record id twice', (body) => (body.recordIds = ['001Hs00001AbCdEIAZ', '001Hs00001AbCdEIAZ'])],
        ['a member outside the request', (body) => (body.since = '2026-11-01T00:00:00Z')]
    ])('rejects a request with %s', (_case, mutate) => {
        const body = example('reconcile-request.json');
        mutate(body);

        expect(validateReconcileRequest(body)).toBe(false);
    });

    it.each<[string, (body: Json) => void]>([
        ['another schema', (body) => (body.schema = 'relay.reconcile.v1')],
        ['no records array', (body) => delete body.records],
        ['a record without changedAt', (body) => delete (body.records as Entry[])[0].changedAt],
        ['a changedAt that is not UTC', (body) => ((body.records as Entry[])[0].changedAt = '2026-11-22')],
        ['a record without recordId', (body) => delete (body.records as Entry[])[1].recordId]
    ])('rejects an answer with %s', (_case, mutate) => {
        const body = example('reconcile-response.json');
        mutate(body);

        expect(validateReconcileResponse(body)).toBe(false);
    });
});
