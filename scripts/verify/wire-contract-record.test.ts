// The contract extension of docs/wire-contract.md §9 (the receiver's current view of one record, relay.record.v1,
// for "compare with the external system"): its JSON Schema accepts the documented example and rejects what the
// section rules out, and the example answers about the record and keys of the relay.v1 example request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';

type Json = Record<string, unknown>;

const SCHEMAS = path.join(process.cwd(), 'docs', 'schemas');
const readJson = (...segments: string[]): Json => JSON.parse(readFileSync(path.join(...segments), 'utf8')) as Json;

// Same settings as wire-contract.test.ts: strict schemas, formats enforced by patterns.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
const schema = readJson(SCHEMAS, 'relay.record.v1.response.schema.json');
const validate = ajv.compile(schema);
const example = (): Json => readJson(SCHEMAS, 'examples', 'record-response.json');

function errorsOf(instance: unknown): string[] {
    return validate(instance) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

describe('relay.record.v1 answer', () => {
    it('is a valid draft 2020-12 schema and accepts the documented example', () => {
        expect(ajv.validateSchema(schema)).toBe(true);
        expect(errorsOf(example())).toEqual([]);
    });

    it('accepts an answer without changedAt and externalId, and with an empty data object', () => {
        const answer = example();
        delete answer.changedAt;
        delete answer.externalId;
        answer.data = {};

        expect(errorsOf(answer)).toEqual([]);
    });

    it.each<[string, (answer: Json) => void]>([
        ['another schema', (answer) => (answer.schema = 'relay.record.v2')],
        ['found false (a record not held is a 404)', (answer) => (answer.found = false)],
        ['a missing recordId', (answer) => delete answer.recordId],
        ['a 15-character recordId', (answer) => (answer.recordId = '001Hs00001AbCdE')],
        ['a missing data object', (answer) => delete answer.data],
        ['data that is not an object', (answer) => (answer.data = ['Acme'])],
        ['a nested value in data', (answer) => (answer.data = { billing: { city: 'Paris' } })],
        ['a changedAt that is not UTC', (answer) => (answer.changedAt = '2026-11-22T20:29:58+01:00')],
        ['an empty externalId', (answer) => (answer.externalId = '')],
        ['a body that is not an object', () => undefined]
    ])('rejects %s', (name, mutate) => {
        const answer = example();
        mutate(answer);

        expect(validate(name.startsWith('a body') ? [answer] : answer)).toBe(false);
    });

    it('answers about the record of the example request, under its outbound keys', () => {
        const request = readJson(SCHEMAS, 'examples', 'request.json');
        const upsert = (request.records as Json[])[0];
        const answer = example();

        expect(answer.recordId).toBe(upsert.recordId);
        expect(Object.keys(answer.data as Json).sort()).toEqual(Object.keys(upsert.data as Json).sort());
    });
});
