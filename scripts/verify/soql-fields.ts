import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { FieldType, FunctionExp, Query, QueryBase, WhereClause } from '@jetstreamapp/soql-parser-js';
import { objectKind } from './source-schema.ts';
import type { SourceSchema } from './source-schema.ts';

/**
 * apex-ls checks fields used in Apex expressions but not the field names inside static SOQL
 * (measured: `SELECT Statuz__c FROM Integration_Log__c` passes it). This check closes that gap for the
 * objects and custom fields the project defines.
 */

/** A static SOQL query found in Apex source. */
export interface ApexQuery {
    text: string;
    line: number;
}

export interface SoqlProblem {
    line: number;
    message: string;
}

/** Finds `[SELECT ...]` queries in Apex, ignoring comments and string literals. */
export function findStaticQueries(apexSource: string): ApexQuery[] {
    const queries: ApexQuery[] = [];
    let index = 0;
    while (index < apexSource.length) {
        const rest = apexSource.startsWith('//', index) ? 'line' : apexSource.startsWith('/*', index) ? 'block' : '';
        if (rest === 'line') {
            index = endOf(apexSource, '\n', index);
        } else if (rest === 'block') {
            index = endOf(apexSource, '*/', index + 2);
        } else if (apexSource[index] === "'") {
            index = endOfString(apexSource, index);
        } else if (apexSource[index] === '[' && /^\[\s*select\b/i.test(apexSource.slice(index, index + 40))) {
            const end = endOfBracket(apexSource, index);
            queries.push({ text: apexSource.slice(index + 1, end - 1).trim(), line: lineAt(apexSource, index) });
            index = end;
        } else {
            index += 1;
        }
    }
    return queries;
}

/** Checks one query's object and field references against the project's source schema. */
export function checkQuery(query: ApexQuery, schema: SourceSchema): SoqlProblem[] {
    let parsed: Query;
    try {
        // The parser takes binds in conditions but not as LIMIT/OFFSET values; those carry no field names.
        const parsable = query.text.replace(/\b(LIMIT|OFFSET)\s*:\s*[\w.()]+/gi, '$1 1');
        parsed = parseQuery(parsable, { allowApexBindVariables: true });
    } catch (error) {
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        return [{ line: query.line, message: `SOQL does not parse: ${reason}` }];
    }
    return checkQueryAgainstSchema(parsed, query.line, schema);
}

function checkQueryAgainstSchema(parsed: Query, line: number, schema: SourceSchema): SoqlProblem[] {
    const objectName = parsed.sObject ?? '';
    const known = schema.get(objectName.toLowerCase());
    const kind = objectKind(objectName);
    if (!known && kind !== 'standard') {
        return [{ line, message: `Unknown object '${objectName}': no objects/${objectName} folder in the project.` }];
    }
    const problems: SoqlProblem[] = [];
    for (const fieldPath of referencedFields(parsed, parsed.sObjectAlias)) {
        const problem = checkFieldPath(fieldPath, objectName, schema);
        if (problem) {
            problems.push({ line, message: problem });
        }
    }
    for (const field of filteredFields(parsed, parsed.sObjectAlias)) {
        if (known?.unfilterable?.has(field.toLowerCase())) {
            problems.push({
                line,
                message: `Field '${field}' on ${objectName} is a long text area: SOQL cannot filter, sort or group by it (the class would not compile). Select it and test it in Apex.`
            });
        }
    }
    for (const semiJoin of semiJoinQueries(parsed.where)) {
        problems.push(...checkQueryAgainstSchema(semiJoin, line, schema));
    }
    return problems;
}

function checkFieldPath(fieldPath: string, objectName: string, schema: SourceSchema): string | undefined {
    const segments = fieldPath.split('.');
    const first = segments[0].toLowerCase();
    const known = schema.get(objectName.toLowerCase());
    if (segments.length > 1) {
        // Only a custom relationship's own lookup field can be checked here; what lies beyond it is another object.
        const lookupField = first.endsWith('__r') ? `${first.slice(0, -3)}__c` : undefined;
        if (lookupField && known && !known.fields.has(lookupField)) {
            return `Unknown relationship '${segments[0]}' on ${objectName}: no field ${lookupField}.`;
        }
        return undefined;
    }
    const isCustomField = first.endsWith('__c');
    if (known && (known.kind !== 'standard' || isCustomField) && !known.fields.has(first)) {
        return `Unknown field '${fieldPath}' on ${objectName}.`;
    }
    if (!known && isCustomField) {
        return `Unknown field '${fieldPath}' on ${objectName}: the project defines no custom fields on it.`;
    }
    return undefined;
}

function referencedFields(query: QueryBase, alias: string | undefined): string[] {
    const stripAlias = (field: string): string =>
        alias && field.toLowerCase().startsWith(`${alias.toLowerCase()}.`) ? field.slice(alias.length + 1) : field;
    const fields = [
        ...(query.fields ?? []).flatMap(selectedFields),
        ...whereFields(query.where),
        ...asArray(query.orderBy).flatMap((clause) => ('field' in clause ? [clause.field] : functionFields(clause.fn))),
        ...asArray(query.groupBy).flatMap((clause) => ('field' in clause ? [clause.field] : functionFields(clause.fn)))
    ];
    return fields.map(stripAlias);
}

function filteredFields(query: QueryBase, alias: string | undefined): string[] {
    const stripAlias = (field: string): string =>
        alias && field.toLowerCase().startsWith(`${alias.toLowerCase()}.`) ? field.slice(alias.length + 1) : field;
    return [
        ...whereFields(query.where),
        ...asArray(query.orderBy).flatMap((clause) => ('field' in clause ? [clause.field] : [])),
        ...asArray(query.groupBy).flatMap((clause) => ('field' in clause ? [clause.field] : []))
    ].map(stripAlias);
}

function selectedFields(field: FieldType): string[] {
    switch (field.type) {
        case 'Field':
            return [field.field];
        case 'FieldRelationship':
            return [[...field.relationships, field.field].join('.')];
        case 'FieldFunctionExpression':
            return functionFields(field);
        default:
            // Subqueries walk a child relationship and TYPEOF a polymorphic one: other objects.
            return [];
    }
}

function functionFields(fn: FunctionExp | undefined): string[] {
    return (fn?.parameters ?? []).flatMap((parameter) =>
        typeof parameter === 'string'
            ? /^[A-Za-z_][\w.]*$/.test(parameter)
                ? [parameter]
                : []
            : functionFields(parameter)
    );
}

function whereFields(where: WhereClause | undefined): string[] {
    if (!where) return [];
    const left = where.left as Record<string, unknown> | null;
    const own: string[] = [];
    if (left && typeof left.field === 'string') own.push(left.field);
    if (left && typeof left.fn === 'object') own.push(...functionFields(left.fn as FunctionExp));
    return [...own, ...whereFields('right' in where ? where.right : undefined)];
}

function semiJoinQueries(where: WhereClause | undefined): Query[] {
    if (!where) return [];
    const left = where.left as { valueQuery?: Query } | null;
    return [
        ...(left?.valueQuery ? [left.valueQuery] : []),
        ...semiJoinQueries('right' in where ? where.right : undefined)
    ];
}

function asArray<T>(value: T | T[] | undefined): T[] {
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function endOf(source: string, terminator: string, from: number): number {
    const found = source.indexOf(terminator, from);
    return found === -1 ? source.length : found + terminator.length;
}

function endOfString(source: string, start: number): number {
    let index = start + 1;
    while (index < source.length && source[index] !== "'") {
        index += source[index] === '\\' ? 2 : 1;
    }
    return index + 1;
}

function endOfBracket(source: string, start: number): number {
    let depth = 0;
    let index = start;
    while (index < source.length) {
        const char = source[index];
        if (char === "'") {
            index = endOfString(source, index);
            continue;
        }
        if (char === '[') depth += 1;
        if (char === ']') depth -= 1;
        index += 1;
        if (depth === 0) break;
    }
    return index;
}

function lineAt(source: string, offset: number): number {
    return source.slice(0, offset).split('\n').length;
}
