// The wire contract as the receiver and the conformance kit read it: names, media types, the JSON Schemas
// (compiled once, Ajv draft 2020-12) and the CloudEvents mapping of docs/wire-contract.md section 10.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

export const RELAY_V1 = 'relay.v1';
export const RELAY_CLOUDEVENTS_V1 = 'relay.cloudevents.v1';
export const JSON_MEDIA_TYPE = 'application/json';
export const CLOUDEVENTS_BATCH_MEDIA_TYPE = 'application/cloudevents-batch+json';
export const UPSERT_TYPE = 'com.relay.record.upsert';
export const DELETE_TYPE = 'com.relay.record.delete';

export type Operation = 'upsert' | 'delete';
export type DataValue = string | number | boolean | null;

/** One change of a relay.v1 request (`records[]`). */
export interface RelayRecord {
    idempotencyKey: string;
    operation: Operation;
    sourceObject: string;
    recordId: string;
    attempt: number;
    changedAt: string;
    data?: Record<string, DataValue>;
}

/** A relay.v1 request body. */
export interface RelayRequest {
    schema: string;
    integration: string;
    correlationId: string;
    sentAt: string;
    records: RelayRecord[];
}

/** One event of a relay.cloudevents.v1 batch (section 10). */
export interface RelayCloudEvent {
    specversion: '1.0';
    id: string;
    source: string;
    type: string;
    subject: string;
    time: string;
    datacontenttype: string;
    data: Record<string, DataValue>;
    relayattempt: number;
    relaycorrelationid: string;
    relayintegration: string;
}

export type ResultStatus = 'accepted' | 'rejected' | 'retry';

export interface RecordResult {
    idempotencyKey: string;
    status: ResultStatus;
    message?: string;
}

function projectAbove(from: string): string | undefined {
    let directory = path.resolve(from);
    while (!existsSync(path.join(directory, 'sfdx-project.json'))) {
        const parent = path.dirname(directory);
        if (parent === directory) {
            return undefined;
        }
        directory = parent;
    }
    return directory;
}

/**
 * docs/schemas of this checkout: the nearest folder holding sfdx-project.json above the working directory, else
 * above the running script (scripts/bin/relay.ts when the CLI runs from another folder).
 */
export function schemaDirectory(from: string = process.cwd()): string {
    const project = projectAbove(from) ?? (process.argv[1] ? projectAbove(path.dirname(process.argv[1])) : undefined);
    if (!project) {
        throw new Error(`No Relay project (sfdx-project.json) at or above ${from}.`);
    }
    return path.join(project, 'docs', 'schemas');
}

/** The compiled validators, one Ajv instance for the whole process. */
export interface ContractValidators {
    request: ValidateFunction;
    /** The envelope alone: a relay.v1 request whose records are any objects (a bad record is rejected alone). */
    envelope: ValidateFunction;
    record: ValidateFunction;
    response: ValidateFunction;
    cloudEventsBatch: ValidateFunction;
    cloudEvent: ValidateFunction;
    /** Extensions (sections 7 to 9): present once their schemas exist in docs/schemas. */
    optional: Map<string, ValidateFunction>;
}

let compiled: ContractValidators | undefined;

function readSchema(file: string): Record<string, unknown> {
    return JSON.parse(readFileSync(path.join(schemaDirectory(), file), 'utf8')) as Record<string, unknown>;
}

/** Compiles the schemas on first use; later calls return the same validators. */
export function validators(): ContractValidators {
    if (compiled) {
        return compiled;
    }
    // Formats stay annotations: the schemas enforce uuid and date-time with patterns (as the contract test does).
    const ajv = new Ajv2020({ allErrors: false, strict: true, allowUnionTypes: true, validateFormats: false });
    const request = readSchema('relay.v1.request.schema.json');
    ajv.addSchema(request);
    ajv.addSchema(readSchema('cloudevents-batch.schema.json'));
    const requestId = String(request.$id);
    const envelopeSchema = {
        ...request,
        $id: 'urn:relay:schema:relay.v1:envelope',
        properties: {
            ...(request.properties as Record<string, unknown>),
            records: { type: 'array', minItems: 1, maxItems: 200, items: { type: 'object' } }
        }
    };
    const optional = new Map<string, ValidateFunction>();
    for (const name of [
        'relay.ack.v1.request',
        'relay.ack.v1.response',
        'relay.reconcile.v1.request',
        'relay.reconcile.v1.response',
        'relay.record.v1.response'
    ]) {
        const file = `${name}.schema.json`;
        if (existsSync(path.join(schemaDirectory(), file))) {
            optional.set(name, ajv.compile(readSchema(file)));
        }
    }
    compiled = {
        request: ajv.getSchema(requestId) as ValidateFunction,
        envelope: ajv.compile(envelopeSchema),
        record: ajv.getSchema(`${requestId}#/$defs/record`) as ValidateFunction,
        response: ajv.compile(readSchema('relay.v1.response.schema.json')),
        cloudEventsBatch: ajv.getSchema('urn:relay:schema:relay.cloudevents.v1:request') as ValidateFunction,
        cloudEvent: ajv.getSchema('urn:relay:schema:relay.cloudevents.v1:request#/$defs/event') as ValidateFunction,
        optional
    };
    return compiled;
}

/** The first validation error of a validator as one plain sentence (for a 400 or a rejected record). */
export function firstError(validate: ValidateFunction): string {
    const error = validate.errors?.[0];
    if (!error) {
        return 'does not match the schema';
    }
    return `${error.instancePath} ${error.message ?? 'is invalid'}`.trim();
}

/** The relay.v1 record an event of a CloudEvents batch stands for (section 10's mapping, one to one). */
export function recordOfEvent(event: RelayCloudEvent): RelayRecord {
    const operation: Operation = event.type === DELETE_TYPE ? 'delete' : 'upsert';
    return {
        idempotencyKey: event.id,
        operation,
        sourceObject: event.source.split('/')[3] ?? '',
        recordId: event.subject,
        attempt: event.relayattempt,
        changedAt: event.time,
        data: event.data
    };
}

/** The CloudEvent Relay sends for a change (section 10): used by the conformance kit and the benchmark. */
export function eventOfRecord(record: RelayRecord, integration: string, correlationId: string): RelayCloudEvent {
    return {
        specversion: '1.0',
        id: record.idempotencyKey,
        source: `/salesforce/${integration}/${record.sourceObject}`,
        type: record.operation === 'delete' ? DELETE_TYPE : UPSERT_TYPE,
        subject: record.recordId,
        time: record.changedAt,
        datacontenttype: JSON_MEDIA_TYPE,
        relayattempt: record.attempt,
        relaycorrelationid: correlationId,
        relayintegration: integration,
        data: record.operation === 'delete' ? {} : (record.data ?? {})
    };
}

/** The media type of a Content-Type header value, lower case, without parameters. */
export function mediaTypeOf(contentType: string | undefined): string {
    return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
