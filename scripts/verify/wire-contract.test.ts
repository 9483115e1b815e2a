// The relay.v1 wire contract (docs/wire-contract.md): its JSON Schemas accept the documented examples and reject
// what the contract rules out, and the examples agree with the sample integration in examples/.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

interface RequestRecord {
    idempotencyKey?: string;
    operation?: string;
    sourceObject?: string;
    recordId?: string;
    attempt?: number;
    changedAt?: string;
    data?: Record<string, unknown>;
    [member: string]: unknown;
}

interface RelayRequest {
    schema?: string;
    integration?: string;
    correlationId?: string;
    sentAt?: string;
    records: RequestRecord[];
    [member: string]: unknown;
}

interface ResponseResult {
    idempotencyKey?: string;
    status?: string;
    message?: string;
}

interface RelayResponse {
    results: ResponseResult[];
}

const SCHEMAS = path.join(process.cwd(), 'docs', 'schemas');
const SAMPLE_METADATA = path.join(process.cwd(), 'examples', 'main', 'default', 'customMetadata');

function readJson<T>(...segments: string[]): T {
    return JSON.parse(readFileSync(path.join(...segments), 'utf8')) as T;
}

// Strict, so a sloppy schema fails here. Formats (uuid, date-time) stay annotations: the schemas enforce them with
// patterns, so no format plugin is needed. Union types (`"type": ["string", "null"]`) are standard JSON Schema.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
const requestSchema = readJson<object>(SCHEMAS, 'relay.v1.request.schema.json');
const responseSchema = readJson<object>(SCHEMAS, 'relay.v1.response.schema.json');
const validateRequest = ajv.compile(requestSchema);
const validateResponse = ajv.compile(responseSchema);

function exampleRequest(): RelayRequest {
    return readJson<RelayRequest>(SCHEMAS, 'examples', 'request.json');
}

function exampleResponse(): RelayResponse {
    return readJson<RelayResponse>(SCHEMAS, 'examples', 'response-partial.json');
}

/** Validates and returns the failing instance paths and messages, so a failure shows why. */
function errorsOf(validate: ValidateFunction, instance: unknown): string[] {
    return validate(instance) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** The `field` → value pairs of one custom metadata record file. */
function readCustomMetadataValues(file: string): Map<string, string> {
    const values = new Map<string, string>();
    for (const match of readFileSync(file, 'utf8').matchAll(
        /<field>([^<]+)<\/field>\s*<value[^>]*>([^<]*)<\/value>/g
    )) {
        values.set(match[1], match[2]);
    }
    return values;
}

describe('relay.v1 JSON Schemas', () => {
    it('are valid draft 2020-12 schemas', () => {
        expect(ajv.validateSchema(requestSchema)).toBe(true);
        expect(ajv.validateSchema(responseSchema)).toBe(true);
    });
});

describe('relay.v1 request', () => {
    it('accepts the documented example request', () => {
        expect(errorsOf(validateRequest, exampleRequest())).toEqual([]);
    });

    it.each<[string, (request: RelayRequest) => void]>([
        ['a record without idempotencyKey', (request) => delete request.records[0].idempotencyKey],
        ['an operation outside upsert and delete', (request) => (request.records[0].operation = 'merge')],
        [
            'an idempotencyKey longer than 80 characters',
            (request) => (request.records[0].idempotencyKey = 'k'.repeat(81))
        ],
        ['an empty idempotencyKey', (request) => (request.records[0].idempotencyKey = '')],
        ['an upsert without data', (request) => delete request.records[0].data],
        ['a delete that carries data', (request) => (request.records[2].data = { customerName: 'Gone Ltd' })],
        ['a 15-character record Id', (request) => (request.records[0].recordId = '001Hs00001AbCdE')],
        ['attempt 0', (request) => (request.records[0].attempt = 0)],
        ['a fractional attempt', (request) => (request.records[0].attempt = 1.5)],
        ['a nested object in data', (request) => (request.records[0].data = { billing: { city: 'Paris' } })],
        ['a changedAt that is not UTC', (request) => (request.records[0].changedAt = '2026-11-22T20:29:58+01:00')],
        ['a member outside the record schema', (request) => (request.records[0].priority = 'high')],
        ['another schema version', (request) => (request.schema = 'relay.v2')],
        ['a correlationId that is not a UUID v4', (request) => (request.correlationId = 'not-a-uuid')],
        ['no records', (request) => (request.records = [])],
        [
            'more than 200 records',
            (request) => (request.records = Array.from({ length: 201 }, () => request.records[0]))
        ],
        ['a member outside the envelope schema', (request) => (request.tenant = 'eu-1')],
        ['a missing sentAt', (request) => delete request.sentAt]
    ])('rejects %s', (_case, mutate) => {
        const request = exampleRequest();
        mutate(request);

        expect(validateRequest(request)).toBe(false);
    });

    it('accepts a delete whose data is empty', () => {
        const request = exampleRequest();
        request.records[2].data = {};

        expect(errorsOf(validateRequest, request)).toEqual([]);
    });

    it('gives every record of the example its own idempotencyKey', () => {
        const records = exampleRequest().records;

        expect(new Set(records.map((record) => record.idempotencyKey)).size).toBe(records.length);
    });
});

describe('relay.v1 response', () => {
    it('accepts the documented partial-success response', () => {
        expect(errorsOf(validateResponse, exampleResponse())).toEqual([]);
    });

    it('accepts a JSON object without results (every record accepted)', () => {
        expect(errorsOf(validateResponse, {})).toEqual([]);
        expect(errorsOf(validateResponse, { receivedAt: '2026-11-22T19:30:05.900Z' })).toEqual([]);
    });

    it('answers every record of the example request exactly once', () => {
        const requestKeys = exampleRequest().records.map((record) => record.idempotencyKey);
        const responseKeys = exampleResponse().results.map((result) => result.idempotencyKey);

        expect([...responseKeys].sort()).toEqual([...requestKeys].sort());
        expect(new Set(exampleResponse().results.map((result) => result.status))).toEqual(
            new Set(['accepted', 'rejected', 'retry'])
        );
    });

    it.each<[string, unknown]>([
        ['a status outside accepted, rejected and retry', { results: [{ idempotencyKey: 'k1', status: 'ok' }] }],
        ['a result without idempotencyKey', { results: [{ status: 'accepted' }] }],
        ['a result without status', { results: [{ idempotencyKey: 'k1' }] }],
        [
            'a message longer than 1000 characters',
            { results: [{ idempotencyKey: 'k1', status: 'rejected', message: 'm'.repeat(1001) }] }
        ],
        ['results that are not an array', { results: { k1: 'accepted' } }],
        ['a body that is not a JSON object', ['accepted']]
    ])('rejects %s', (_case, body) => {
        expect(validateResponse(body)).toBe(false);
    });
});

describe('the Account to ERP sample agrees with the contract', () => {
    const settings = readCustomMetadataValues(
        path.join(SAMPLE_METADATA, 'Integration_Setting.ERP_Customer.md-meta.xml')
    );
    const allowlist = readdirSync(SAMPLE_METADATA)
        .filter((file) => file.startsWith('Integration_Field.ERP_Customer_'))
        .map((file) => readCustomMetadataValues(path.join(SAMPLE_METADATA, file)));

    it('sends the example request for the ERP_Customer integration and its source object', () => {
        const request = exampleRequest();

        expect(request.integration).toBe('ERP_Customer');
        expect(request.records.map((record) => record.sourceObject)).toEqual(
            request.records.map(() => settings.get('Source_Object__c'))
        );
    });

    it('sends in data exactly the outbound keys of the active allowlist', () => {
        const outboundKeys = allowlist
            .filter(
                (field) => field.get('Integration_Setting__c') === 'ERP_Customer' && field.get('Active__c') === 'true'
            )
            .map((field) => field.get('Outbound_Key__c'));
        const upserts = exampleRequest().records.filter((record) => record.operation === 'upsert');

        expect(outboundKeys).toHaveLength(7);
        for (const record of upserts) {
            expect(Object.keys(record.data ?? {}).sort()).toEqual([...outboundKeys].sort());
        }
    });

    it('keeps the example within the sample settings', () => {
        const request = exampleRequest();

        expect(request.records.length).toBeLessThanOrEqual(Number(settings.get('Records_Per_Callout__c')));
        expect(Buffer.byteLength(JSON.stringify(request), 'utf8')).toBeLessThanOrEqual(
            Number(settings.get('Max_Payload_Bytes__c'))
        );
    });
});
