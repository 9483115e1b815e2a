// Selective log queries: Integration_Log__c grows to millions of rows, and a query in a trigger on an object of more
// than 200,000 rows throws unless an index serves it (Large Data Volumes guide, "Indexes"); elsewhere a non-selective
// query scans the table. So every static SOQL query on Integration_Log__c in the production Apex must have, among the
// conditions its WHERE clause ANDs together at the top level, one on an indexed field: Id, Name, CreatedDate,
// SystemModstamp, OwnerId, or one of the log's external ids. A range or equality on such a field is what the optimizer
// can use; a condition inside an OR, a NOT or a `!= null` test is not counted. A query that sorts by an indexed
// field and takes a LIMIT is served by the index too (the optimizer walks it in order and stops at the limit). The few one-off queries that may scan
// are listed below with their reason. Dynamic queries (IntegrationLogFilter) are built from the same fields and
// covered by their own Apex tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parseQuery } from '@jetstreamapp/soql-parser-js';
import type { ConditionWithValueQuery, NegationCondition, WhereClause } from '@jetstreamapp/soql-parser-js';

type TopCondition = ConditionWithValueQuery | NegationCondition | null;
import { listFiles } from '../lib/project.ts';
import { findStaticQueries } from './soql-fields.ts';
import type { ApexQuery } from './soql-fields.ts';

const ROOT = process.cwd();
const LOG_OBJECT = 'integration_log__c';
const LOG_FIELDS = path.join(ROOT, 'force-app/main/default/objects/Integration_Log__c/fields');
const STANDARD_INDEXED = ['id', 'name', 'createddate', 'systemmodstamp', 'ownerid'];
const USABLE_OPERATORS = new Set(['=', 'IN', '<', '<=', '>', '>=', 'LIKE']);

/** Queries allowed to scan: `<file>:<first words of the WHERE clause>` → why no user or trigger waits on them. */
const MAY_SCAN: Record<string, string> = {};

/** The log's external-id fields, read from the field files, in lower case. */
function indexedLogFields(): Set<string> {
    const fields = new Set(STANDARD_INDEXED);
    for (const file of listFiles(LOG_FIELDS)) {
        const xml = readFileSync(file, 'utf8');
        if (/<externalId>\s*true\s*<\/externalId>/.test(xml) || /<unique>\s*true\s*<\/unique>/.test(xml)) {
            fields.add(path.basename(file).replace('.field-meta.xml', '').toLowerCase());
        }
    }
    return fields;
}

/** The conditions a WHERE clause ANDs together at its top level (what every matching row must satisfy). */
function topLevelConditions(where: WhereClause | undefined): TopCondition[] {
    const conditions: TopCondition[] = [];
    let clause: WhereClause | undefined = where;
    while (clause) {
        conditions.push(clause.left);
        if (!('right' in clause) || !clause.right) break;
        if (clause.operator !== 'AND') {
            // An OR at the top level: no single condition holds for every row.
            return [];
        }
        clause = clause.right;
    }
    return conditions;
}

/** Whether one top-level condition lets an index on an indexed field find the rows. */
function usesIndex(condition: TopCondition, indexed: Set<string>): boolean {
    if (!condition || !('field' in condition) || typeof condition.field !== 'string') return false;
    if ('openParen' in condition && condition.openParen) return false;
    if (!indexed.has(condition.field.toLowerCase())) return false;
    const operator = String(condition.operator).toUpperCase();
    if (!USABLE_OPERATORS.has(operator)) return false;
    // `= null` is not in a custom index.
    const value = 'value' in condition ? condition.value : undefined;
    return !(operator === '=' && String(value).toLowerCase() === 'null');
}

interface LogQuery {
    file: string;
    query: ApexQuery;
    where: string;
    selective: boolean;
}

function logQueriesIn(files: string[], indexed: Set<string>): LogQuery[] {
    const found: LogQuery[] = [];
    for (const file of files) {
        for (const query of findStaticQueries(readFileSync(file, 'utf8'))) {
            const parsable = query.text.replace(/\b(LIMIT|OFFSET)\s*:\s*[\w.()]+/gi, '$1 1');
            const parsed = parseQuery(parsable, { allowApexBindVariables: true });
            if ((parsed.sObject ?? '').toLowerCase() !== LOG_OBJECT) continue;
            const where = /\bWHERE\b([\s\S]*?)(\bWITH\b|\bORDER\b|\bLIMIT\b|\bFOR\b|$)/i.exec(query.text)?.[1] ?? '';
            const firstOrder = Array.isArray(parsed.orderBy) ? parsed.orderBy[0] : parsed.orderBy;
            const sortsByIndex =
                parsed.limit !== undefined &&
                firstOrder !== undefined &&
                'field' in firstOrder &&
                typeof firstOrder.field === 'string' &&
                indexed.has(firstOrder.field.toLowerCase());
            const selective =
                sortsByIndex || topLevelConditions(parsed.where).some((condition) => usesIndex(condition, indexed));
            found.push({ file, query, where: where.trim().replace(/\s+/g, ' '), selective });
        }
    }
    return found;
}

function scanExemption(entry: LogQuery): string | undefined {
    const name = path.basename(entry.file);
    return Object.entries(MAY_SCAN).find(([key]) => {
        const [file, start] = key.split(':');
        return file === name && entry.where.startsWith(start);
    })?.[1];
}

describe('queries on Integration_Log__c', () => {
    const indexed = indexedLogFields();
    const apexFiles = listFiles(path.join(ROOT, 'force-app/main')).filter((file) => file.endsWith('.cls'));
    const queries = logQueriesIn(apexFiles, indexed);

    it('are found in the production Apex', () => {
        expect(queries.length).toBeGreaterThan(10);
        expect(indexed.has('queue_key__c') && indexed.has('open_key__c') && indexed.has('status_key__c')).toBe(true);
    });

    it('each lead with an indexed field, or are listed as one-off scans with their reason', () => {
        const unserved = queries
            .filter((entry) => !entry.selective && !scanExemption(entry))
            .map((entry) => `${path.relative(ROOT, entry.file)}:${entry.query.line}: WHERE ${entry.where}`);
        expect(unserved).toEqual([]);
    });

    it('lists no exemption that no longer matches a query', () => {
        const used = new Set(queries.map(scanExemption).filter(Boolean));
        expect(Object.values(MAY_SCAN).filter((reason) => !used.has(reason))).toEqual([]);
    });
});

describe('the selectivity rule', () => {
    const indexed = new Set([...STANDARD_INDEXED, 'queue_key__c', 'open_key__c']);
    const check = (soql: string): boolean =>
        topLevelConditions(parseQuery(soql, { allowApexBindVariables: true }).where).some((condition) =>
            usesIndex(condition, indexed)
        );

    it('accepts a range or equality on an indexed field ANDed with anything', () => {
        expect(check('SELECT Id FROM Integration_Log__c WHERE Queue_Key__c >= :a AND Queue_Key__c <= :b')).toBe(true);
        expect(check('SELECT Id FROM Integration_Log__c WHERE Status__c = :s AND Open_Key__c IN :keys')).toBe(true);
        expect(check('SELECT Id FROM Integration_Log__c WHERE CreatedDate < :cutoff')).toBe(true);
    });

    it('refuses unindexed filters, ORs, and null tests on an index', () => {
        expect(check('SELECT Id FROM Integration_Log__c WHERE Status__c = :s AND Next_Attempt_At__c <= :now')).toBe(
            false
        );
        expect(check('SELECT Id FROM Integration_Log__c WHERE Open_Key__c IN :keys OR Status__c = :s')).toBe(false);
        expect(check('SELECT Id FROM Integration_Log__c WHERE Open_Key__c = NULL')).toBe(false);
        expect(check('SELECT Id FROM Integration_Log__c')).toBe(false);
    });
});
