import { Ajv } from 'ajv';
import type { ErrorObject } from 'ajv';
import { LineCounter, isNode, parseDocument } from 'yaml';
import type { CmdtFieldDefinition, CmdtTypeDefinition } from './cmdt-types.ts';
import type { FileProblem } from './records.ts';
import type { CmdtValue } from './rules.ts';

/**
 * The typed config file of `relay metadata generate` (YAML, or JSON, which is YAML too): one entry per
 * integration with its settings under camelCase keys derived from the Integration_Setting__mdt field names
 * (Records_Per_Callout__c → recordsPerCallout, HTTP_Method__c → httpMethod) and its allowlist under `fields`.
 * The JSON Schema is built from the type's field definitions, so a field added to the type is a key at once.
 *
 * ```yaml
 * integrations:
 *   - name: ERP_Customer
 *     label: ERP Customer
 *     sourceObject: Account
 *     namedCredential: Relay_ERP
 *     path: /customers/batch
 *     retryableStatusCodes: [429, 503]
 *     fields:
 *       - { source: Name, key: customerName }
 * ```
 */

export interface FieldConfig {
    source: string;
    key: string;
    name?: string;
    label?: string;
    active?: boolean;
}

export interface IntegrationConfig {
    name: string;
    label?: string;
    fields: FieldConfig[];
    [settingKey: string]: unknown;
}

export interface GenerateConfig {
    integrations: IntegrationConfig[];
}

/** One record to write: its type (without __mdt), DeveloperName, label, values and where the config says so. */
export interface PlannedRecord {
    type: string;
    developerName: string;
    label: string;
    values: Record<string, CmdtValue>;
    /** Config line of the entry and of each value's key. */
    lines: { record: number; fields: Record<string, number> };
}

/** `Records_Per_Callout__c` → `recordsPerCallout`. */
export function configKey(fieldName: string): string {
    const words = fieldName.replace(/__c$/, '').split('_').filter(Boolean);
    return words
        .map((word, index) =>
            index === 0 ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
        )
        .join('');
}

const LIST_FIELDS: Readonly<Record<string, 'string' | 'integer'>> = {
    Trigger_Fields__c: 'string',
    Retryable_Status_Codes__c: 'integer'
};

function valueSchema(definition: CmdtFieldDefinition): Record<string, unknown> {
    if (definition.type === 'Checkbox') return { type: 'boolean' };
    if (definition.type === 'Number' || definition.type === 'Percent') {
        return { type: [(definition.scale ?? 0) === 0 ? 'integer' : 'number', 'null'] };
    }
    const text: Record<string, unknown> = { type: 'string' };
    if (definition.length !== undefined) text.maxLength = definition.length;
    if (definition.values && definition.values.length > 0) text.enum = definition.values;
    const listItem = LIST_FIELDS[definition.name];
    const list = listItem ? [{ type: 'array', items: { type: listItem }, minItems: 1 }] : [];
    return { anyOf: [text, ...list, { type: 'null' }] };
}

const API_NAME = { type: 'string', pattern: '^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*[A-Za-z0-9]$|^[A-Za-z]$', maxLength: 40 };

/** The config's JSON Schema, from the setting type's fields. */
export function configSchema(settingType: CmdtTypeDefinition): Record<string, unknown> {
    const settingProperties: Record<string, unknown> = {};
    for (const definition of settingType.fields.values()) {
        settingProperties[configKey(definition.name)] = valueSchema(definition);
    }
    return {
        type: 'object',
        additionalProperties: false,
        required: ['integrations'],
        properties: {
            integrations: {
                type: 'array',
                minItems: 1,
                items: {
                    type: 'object',
                    additionalProperties: false,
                    required: ['name', 'fields'],
                    properties: {
                        name: API_NAME,
                        label: { type: 'string', minLength: 1, maxLength: 40 },
                        ...settingProperties,
                        fields: {
                            type: 'array',
                            items: {
                                type: 'object',
                                additionalProperties: false,
                                required: ['source', 'key'],
                                properties: {
                                    source: { type: 'string', minLength: 1, maxLength: 255 },
                                    key: { type: 'string', minLength: 1, maxLength: 80 },
                                    name: API_NAME,
                                    label: { type: 'string', minLength: 1, maxLength: 40 },
                                    active: { type: 'boolean' }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
}

/** A config file read and checked against the schema; problems point at the config's lines. */
export interface ParsedConfig {
    config: GenerateConfig | null;
    problems: FileProblem[];
    /** Line of the value at a path such as ['integrations', 0, 'fields', 1]; the nearest enclosing one if absent. */
    lineOf(pathSegments: readonly (string | number)[]): number;
}

function describeError(error: ErrorObject): string {
    const where = error.instancePath === '' ? 'the config' : error.instancePath;
    if (error.keyword === 'additionalProperties') {
        return `${where} has an unknown key '${String((error.params as { additionalProperty: string }).additionalProperty)}'.`;
    }
    if (error.keyword === 'required') {
        return `${where} needs '${String((error.params as { missingProperty: string }).missingProperty)}'.`;
    }
    if (error.keyword === 'enum') {
        return `${where} must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).join(', ')}.`;
    }
    return `${where} ${error.message ?? 'is invalid'}.`;
}

/** Parses and schema-checks a config file's text. */
export function parseConfig(file: string, text: string, settingType: CmdtTypeDefinition): ParsedConfig {
    const lineCounter = new LineCounter();
    const document = parseDocument(text, { lineCounter, prettyErrors: false });
    const lineAt = (offset: number): number => lineCounter.linePos(offset).line;
    const lineOf = (pathSegments: readonly (string | number)[]): number => {
        for (let length = pathSegments.length; length >= 0; length--) {
            const node: unknown = document.getIn(pathSegments.slice(0, length), true);
            if (isNode(node) && node.range) return lineAt(node.range[0]);
        }
        return 1;
    };
    if (document.errors.length > 0) {
        const first = document.errors[0];
        return {
            config: null,
            problems: [
                { file, line: lineAt(first.pos[0]), message: `not valid YAML or JSON: ${first.message.split('\n')[0]}` }
            ],
            lineOf
        };
    }
    const data: unknown = document.toJS();
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile<GenerateConfig>(configSchema(settingType));
    if (!validate(data)) {
        const problems = (validate.errors ?? [])
            .filter((error) => error.keyword !== 'anyOf')
            .map((error) => ({
                file,
                line: lineOf(
                    error.instancePath
                        .split('/')
                        .slice(1)
                        .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
                ),
                message: describeError(error)
            }));
        return { config: null, problems, lineOf };
    }
    return { config: data, problems: [], lineOf };
}

function fieldRecordName(integration: string, field: FieldConfig): string {
    return field.name ?? `${integration}_${field.source.replace(/__c$/i, '').replace(/_+/g, '_')}`;
}

/** `ERP_Customer` → `ERP Customer`. */
export function labelOf(developerName: string): string {
    return developerName.replace(/_/g, ' ');
}

/**
 * The records a config describes: exactly the settings it gives (`null` is written as xsi:nil); one it leaves
 * out is not written, so the field's own default (checkboxes) or IntegrationSetting's default applies.
 */
export function planRecords(parsed: ParsedConfig, settingType: CmdtTypeDefinition): PlannedRecord[] {
    const config = parsed.config;
    if (!config) return [];
    const planned: PlannedRecord[] = [];
    config.integrations.forEach((integration, index) => {
        const at = (...segments: (string | number)[]): number => parsed.lineOf(['integrations', index, ...segments]);
        const label = integration.label ?? labelOf(integration.name);
        const values: Record<string, CmdtValue> = {};
        const fieldLines: Record<string, number> = {};
        for (const definition of settingType.fields.values()) {
            const key = configKey(definition.name);
            const given = integration[key];
            fieldLines[definition.name] = at(key);
            if (given === undefined) {
                continue;
            } else if (Array.isArray(given)) {
                values[definition.name] = given.map(String).join(',');
            } else {
                values[definition.name] = given as CmdtValue;
            }
        }
        planned.push({
            type: 'Integration_Setting',
            developerName: integration.name,
            label,
            values,
            lines: { record: at(), fields: fieldLines }
        });
        integration.fields.forEach((field, fieldIndex) => {
            const fieldAt = (key?: string): number => at('fields', fieldIndex, ...(key ? [key] : []));
            planned.push({
                type: 'Integration_Field',
                developerName: fieldRecordName(integration.name, field),
                label: (field.label ?? `${label} ${field.source}`).slice(0, 40).trim(),
                values: {
                    Active__c: field.active ?? true,
                    Integration_Setting__c: integration.name,
                    Outbound_Key__c: field.key,
                    Source_Field__c: field.source
                },
                lines: {
                    record: fieldAt(),
                    fields: {
                        Active__c: fieldAt('active'),
                        Integration_Setting__c: fieldAt(),
                        Outbound_Key__c: fieldAt('key'),
                        Source_Field__c: fieldAt('source')
                    }
                }
            });
        });
    });
    return planned;
}

/** The source objects a config names (before it is checked), to describe them in an org. */
export function configSourceObjects(text: string): string[] {
    const data: unknown = parseDocument(text).toJS();
    const integrations = (data as { integrations?: unknown } | null)?.integrations;
    if (!Array.isArray(integrations)) return [];
    return integrations
        .map((integration) => (integration as { sourceObject?: unknown } | null)?.sourceObject)
        .filter((value): value is string => typeof value === 'string');
}
