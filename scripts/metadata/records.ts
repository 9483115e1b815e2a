import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { CmdtFieldDefinition, CmdtTypeDefinition } from './cmdt-types.ts';
import type { CmdtValue } from './rules.ts';

/**
 * Custom Metadata record files (`customMetadata/<Type>.<DeveloperName>.md-meta.xml`) read with a real XML parser,
 * keeping the line of every value so that each problem points at `file:line`, and written back in the exact shape
 * the repository's records have (values sorted by field, Prettier's XML layout).
 */

/** One record file as read. */
export interface RecordFile {
    file: string;
    /** Type without `__mdt`, as in the file name: Integration_Setting. */
    type: string;
    developerName: string;
    label: string | null;
    protected: boolean | null;
    values: Record<string, CmdtValue>;
    /** The xsi:type of each value as written (null for xsi:nil). */
    xsiTypes: Record<string, string | null>;
    /** Line of the root element, of <label>, and of each field's <values>. */
    lines: { record: number; label: number | null; fields: Record<string, number> };
}

/** A problem at a place in a file. */
export interface FileProblem {
    file: string;
    line: number;
    message: string;
}

/** A file that is not a readable record; `line` is where the parser stopped. */
export class RecordFileError extends Error {
    public readonly file: string;
    public readonly line: number;
    public readonly problem: string;

    public constructor(file: string, line: number, message: string) {
        super(`${file}:${line}: ${message}`);
        this.file = file;
        this.line = line;
        this.problem = message;
    }
}

const RECORD_FILE = /^(?<type>[A-Za-z][A-Za-z0-9_]*)\.(?<name>[^.]+)\.md-meta\.xml$/;
const META_SYMBOL = XMLParser.getMetaDataSymbol() as unknown as string;

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
    isArray: (name) => name === 'values'
});

interface ValueNode {
    '#text'?: string;
    '@xsi:type'?: string;
    '@xsi:nil'?: string;
}
interface ValuesNode {
    field?: string;
    value?: ValueNode | string;
}
interface RecordNode {
    label?: string;
    protected?: string;
    values?: ValuesNode[];
}

function lineAt(text: string, index: number | undefined): number {
    if (index === undefined) return 1;
    let line = 1;
    for (let position = 0; position < index && position < text.length; position++) {
        if (text.charCodeAt(position) === 10) line++;
    }
    return line;
}

function metaIndex(node: unknown): number | undefined {
    if (node === null || typeof node !== 'object') return undefined;
    return (node as Record<string, { startIndex?: number } | undefined>)[META_SYMBOL]?.startIndex;
}

/** Converts a value as written to what a record holds: booleans and numbers typed, text kept, nil as null. */
export function typedValue(text: string | undefined, xsiType: string | null): CmdtValue {
    if (xsiType === null) return null;
    const raw = text ?? '';
    if (xsiType === 'xsd:boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
    if (xsiType === 'xsd:double' || xsiType === 'xsd:int' || xsiType === 'xsd:long' || xsiType === 'xsd:decimal') {
        return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
    }
    return raw;
}

/**
 * Reads one record file. Throws RecordFileError (with the line) for malformed XML, a file name that is not
 * `<Type>.<DeveloperName>.md-meta.xml` or a root element other than CustomMetadata.
 */
export function parseRecordFile(file: string, text: string, fileName: string): RecordFile {
    const nameMatch = RECORD_FILE.exec(fileName);
    if (!nameMatch?.groups) {
        throw new RecordFileError(file, 1, `${fileName} is not named <Type>.<DeveloperName>.md-meta.xml.`);
    }
    const valid = XMLValidator.validate(text);
    if (valid !== true) {
        throw new RecordFileError(file, valid.err.line, `malformed XML: ${valid.err.msg}`);
    }
    const document = parser.parse(text) as { CustomMetadata?: RecordNode | string };
    const root = document.CustomMetadata;
    if (root === undefined || typeof root !== 'object') {
        throw new RecordFileError(file, 1, 'the root element must be <CustomMetadata> with <label> and <values>.');
    }
    const record: RecordFile = {
        file,
        type: nameMatch.groups.type,
        developerName: nameMatch.groups.name,
        label: typeof root.label === 'string' ? root.label : null,
        protected: root.protected === undefined ? null : root.protected.trim() === 'true',
        values: {},
        xsiTypes: {},
        lines: { record: lineAt(text, metaIndex(root)), label: null, fields: {} }
    };
    if (record.label !== null) {
        const labelIndex = text.indexOf('<label>');
        record.lines.label = labelIndex < 0 ? null : lineAt(text, labelIndex);
    }
    for (const entry of root.values ?? []) {
        const line = lineAt(text, metaIndex(entry));
        const field = typeof entry.field === 'string' ? entry.field.trim() : '';
        if (field === '') {
            throw new RecordFileError(file, line, '<values> without a <field>.');
        }
        if (field in record.values) {
            throw new RecordFileError(
                file,
                line,
                `${field} is given twice (first at line ${record.lines.fields[field]}).`
            );
        }
        const node: ValueNode = typeof entry.value === 'object' ? entry.value : { '#text': entry.value };
        const xsiType = node['@xsi:nil'] === 'true' ? null : (node['@xsi:type'] ?? 'xsd:string');
        record.values[field] = typedValue(node['#text'], xsiType);
        record.xsiTypes[field] = xsiType;
        record.lines.fields[field] = line;
    }
    return record;
}

/** The xsi:type a field's value is written with. */
export function xsiTypeOf(definition: CmdtFieldDefinition): string {
    if (definition.type === 'Checkbox') return 'xsd:boolean';
    if (definition.type === 'Number' || definition.type === 'Percent') return 'xsd:double';
    return 'xsd:string';
}

const API_NAME = /^[A-Za-z](?:[A-Za-z0-9]|_(?!_))*$/;

/** Whether a DeveloperName is valid: a letter first, letters, digits, single underscores, no trailing one, ≤ 40. */
export function isDeveloperName(name: string): boolean {
    return name.length <= 40 && API_NAME.test(name) && !name.endsWith('_');
}

function checkValueType(definition: CmdtFieldDefinition, value: CmdtValue, xsiType: string | null): string | null {
    const field = definition.name;
    if (value === null) return null;
    const expected = xsiTypeOf(definition);
    if (definition.type === 'Checkbox') {
        return typeof value === 'boolean' && xsiType === expected
            ? null
            : `${field} must be true or false (was '${String(value)}').`;
    }
    if (definition.type === 'Number' || definition.type === 'Percent') {
        if (typeof value !== 'number') return `${field} must be a number (was '${String(value)}').`;
        const scale = definition.scale ?? 0;
        const integerDigits = (definition.precision ?? 18) - scale;
        if (Math.abs(Math.trunc(value)).toString().length > integerDigits) {
            return `${field} holds at most ${integerDigits} digits before the decimal point (was ${value}).`;
        }
        return null;
    }
    const textValue = String(value);
    if (definition.length !== undefined && textValue.length > definition.length) {
        return `${field} holds at most ${definition.length} characters (was ${textValue.length}).`;
    }
    if (definition.values && definition.values.length > 0 && !definition.values.includes(textValue)) {
        return `${field} must be one of ${definition.values.join(', ')} (was '${textValue}').`;
    }
    return null;
}

/**
 * What the Metadata API would refuse in a record before Apex ever reads it: an unknown field, a value of the
 * wrong type or size, a label missing or too long, a DeveloperName that is not an API name.
 */
export function checkRecordShape(record: RecordFile, type: CmdtTypeDefinition): FileProblem[] {
    const problems: FileProblem[] = [];
    const at = (line: number, message: string): void => {
        problems.push({ file: record.file, line, message });
    };
    if (!isDeveloperName(record.developerName)) {
        at(
            record.lines.record,
            `DeveloperName '${record.developerName}' must start with a letter and hold only letters, digits and single underscores, not end with one, at most 40 characters.`
        );
    }
    if (record.label === null || record.label.trim() === '') {
        at(record.lines.record, '<label> is required.');
    } else if (record.label.length > 40) {
        at(
            record.lines.label ?? record.lines.record,
            `<label> holds at most 40 characters (was ${record.label.length}).`
        );
    }
    for (const [field, value] of Object.entries(record.values)) {
        const definition = type.fields.get(field);
        const line = record.lines.fields[field];
        if (!definition) {
            at(line, `${field} is not a field of ${type.name}.`);
            continue;
        }
        const problem = checkValueType(definition, value, record.xsiTypes[field]);
        if (problem !== null) at(line, problem);
    }
    return problems;
}

function escapeXml(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A number as the repository's records write it: 30.0, 0.2. */
export function formatNumber(value: number): string {
    return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * A record file's XML, values sorted by field (as Salesforce retrieves them); unset values are written as
 * xsi:nil so that a redeploy clears them. Format the result with Prettier to match the repository.
 */
export function renderRecord(
    label: string,
    values: Readonly<Record<string, CmdtValue>>,
    type: CmdtTypeDefinition
): string {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">',
        `    <label>${escapeXml(label)}</label>`,
        '    <protected>false</protected>'
    ];
    for (const field of Object.keys(values).sort()) {
        const value = values[field];
        const definition = type.fields.get(field);
        if (!definition) throw new Error(`${field} is not a field of ${type.name}.`);
        lines.push('    <values>', `        <field>${field}</field>`);
        if (value === null) {
            lines.push('        <value xsi:nil="true" />');
        } else {
            const written = typeof value === 'number' ? formatNumber(value) : String(value);
            lines.push(`        <value xsi:type="${xsiTypeOf(definition)}">${escapeXml(written)}</value>`);
        }
        lines.push('    </values>');
    }
    lines.push('</CustomMetadata>', '');
    return lines.join('\n');
}
