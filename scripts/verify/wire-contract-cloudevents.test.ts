// The CloudEvents option of the wire contract (docs/wire-contract.md §10): its JSON Schema accepts the documented
// example and rejects what §10 rules out, the JavaScript CloudEvents SDK reads the example as a structured batch,
// and each event stands for exactly the change of the relay.v1 example request.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { CloudEvent, HTTP } from 'cloudevents';
import { recordOfEvent } from '../receiver/contract.ts';
import type { RelayCloudEvent, RelayRequest } from '../receiver/contract.ts';

const SCHEMAS = path.join(process.cwd(), 'docs', 'schemas');
const read = (...segments: string[]): string => readFileSync(path.join(SCHEMAS, ...segments), 'utf8');

const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, validateFormats: false });
const schema = JSON.parse(read('cloudevents-batch.schema.json')) as object;
const validate = ajv.compile(schema);
const exampleText = read('examples', 'cloudevents-batch.json');
const example = (): RelayCloudEvent[] => JSON.parse(exampleText) as RelayCloudEvent[];

describe('CloudEvents batch schema (§10)', () => {
    it('is a valid draft 2020-12 schema and accepts the documented example', () => {
        expect(ajv.validateSchema(schema)).toBe(true);
        expect(validate(example())).toBe(true);
    });

    it.each<[string, (events: Record<string, unknown>[]) => void]>([
        ['an event without id', (events) => delete events[0].id],
        ['an id longer than 80 characters', (events) => (events[0].id = 'k'.repeat(81))],
        ['specversion 0.3', (events) => (events[0].specversion = '0.3')],
        ['a type outside upsert and delete', (events) => (events[0].type = 'com.relay.record.merge')],
        ['a source outside /salesforce/<integration>/<object>', (events) => (events[0].source = 'urn:erp')],
        ['a subject that is not an 18-character Id', (events) => (events[0].subject = '001Hs00001AbCdE')],
        ['a time that is not UTC', (events) => (events[0].time = '2026-11-22T20:29:58+01:00')],
        ['another datacontenttype', (events) => (events[0].datacontenttype = 'text/plain')],
        ['relayattempt 0', (events) => (events[0].relayattempt = 0)],
        ['a relaycorrelationid that is not a UUID v4', (events) => (events[0].relaycorrelationid = 'c-1')],
        ['an extension attribute Relay does not send', (events) => (events[0].relayTenant = 'eu')],
        ['nested data', (events) => (events[0].data = { billing: { city: 'Paris' } })],
        ['a delete that carries data', (events) => (events[2].data = { customerName: 'Gone' })],
        ['an event without data', (events) => delete events[0].data]
    ])('rejects %s', (_case, mutate) => {
        const events = example() as unknown as Record<string, unknown>[];
        mutate(events);

        expect(validate(events)).toBe(false);
    });

    it('rejects an empty batch, more than 200 events and a single event outside an array', () => {
        expect(validate([])).toBe(false);
        expect(validate(Array.from({ length: 201 }, () => example()[0]))).toBe(false);
        expect(validate(example()[0])).toBe(false);
    });

    it('names every attribute the way CloudEvents 1.0 requires (lower-case letters and digits, at most 20)', () => {
        for (const event of example()) {
            for (const name of Object.keys(event)) {
                expect(name).toMatch(/^[a-z0-9]{1,20}$/);
            }
        }
    });
});

describe('the JavaScript CloudEvents SDK', () => {
    it('reads the example as a structured batch (HTTP.toEvent), strictly validated', () => {
        const events = HTTP.toEvent({
            headers: { 'content-type': 'application/cloudevents-batch+json' },
            body: exampleText
        }) as CloudEvent<Record<string, unknown>>[];

        expect(Array.isArray(events)).toBe(true);
        expect(events).toHaveLength(3);
        expect(events.map((event) => event.id)).toEqual(example().map((event) => event.id));
        expect(events.map((event) => event.type)).toEqual([
            'com.relay.record.upsert',
            'com.relay.record.upsert',
            'com.relay.record.delete'
        ]);
        expect(events[0].specversion).toBe('1.0');
        expect(events[0].subject).toBe('001Hs00001AbCdEIAZ');
        expect(events[0].data).toMatchObject({ customerName: 'Acme Corporation' });
        expect(events[1].relayattempt).toBe(2);
        expect(events[0].relaycorrelationid).toBe('3f2c8a1e-9b4d-4c7a-8e21-5d6f0a9b7c13');
        for (const event of events) {
            expect(() => event.validate()).not.toThrow();
        }
    });

    it('refuses an event whose extension name CloudEvents does not allow', () => {
        const events = example() as unknown as Record<string, unknown>[];
        events[0].relay_attempt = 1;

        expect(() =>
            HTTP.toEvent({
                headers: { 'content-type': 'application/cloudevents-batch+json' },
                body: JSON.stringify(events)
            })
        ).toThrow(/invalid extension name/);
    });
});

describe('the CloudEvents example and the relay.v1 example', () => {
    it('carry the same changes: id, time, subject and type stand for idempotencyKey, changedAt, recordId, operation', () => {
        const request = JSON.parse(read('examples', 'request.json')) as RelayRequest;

        const records = example().map(recordOfEvent);

        expect(records).toEqual(request.records.map((record) => ({ ...record, data: record.data ?? {} })));
        for (const event of example()) {
            expect(event.relayintegration).toBe(request.integration);
            expect(event.relaycorrelationid).toBe(request.correlationId);
            expect(event.source).toBe(`/salesforce/${request.integration}/Account`);
        }
    });
});
