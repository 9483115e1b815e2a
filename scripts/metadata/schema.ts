import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findFoldersNamed } from '../lib/project.ts';
import { STANDARD_FIELDS, objectKind } from '../verify/source-schema.ts';
import { relayRoot } from './relay-root.ts';
import type { FieldInfo, ObjectInfo, SchemaLookup } from './rules.ts';

/**
 * Where the validator learns which objects and fields exist: the project's `objects/*` folders (custom objects
 * and standard objects extended in source), an offline catalogue of standard objects for the rest, or a
 * connected org's describe, which is authoritative.
 */

/**
 * Standard fields jsforce's generated catalogue lacks (they were hidden by field-level security in the org it was
 * generated from) but every org has.
 */
const CATALOGUE_SUPPLEMENT: Readonly<Record<string, readonly string[]>> = {
    Account: ['AccountNumber', 'Rating', 'Site', 'TickerSymbol', 'Ownership', 'Sic', 'RecordTypeId'],
    Contact: ['RecordTypeId'],
    Lead: ['RecordTypeId'],
    Opportunity: ['RecordTypeId']
};

function fieldMap(fields: readonly FieldInfo[]): Map<string, FieldInfo> {
    return new Map(fields.map((field) => [field.name.toLowerCase(), field]));
}

function textLength(fieldXml: string): number | undefined {
    const length = /<length>\s*(\d+)\s*<\/length>/.exec(fieldXml)?.[1];
    return length === undefined ? undefined : Number(length);
}

/** Objects defined in source below the package roots, keyed by lower-cased API name. */
export function readProjectObjects(packageRoots: readonly string[]): Map<string, ObjectInfo> {
    const objects = new Map<string, { name: string; fields: Map<string, FieldInfo> }>();
    for (const objectsFolder of packageRoots.flatMap((root) => findFoldersNamed(root, 'objects'))) {
        for (const entry of readdirSync(objectsFolder, { withFileTypes: true })) {
            if (!entry.isDirectory()) continue;
            const key = entry.name.toLowerCase();
            const known = objects.get(key) ?? {
                name: entry.name,
                fields: fieldMap(
                    objectKind(entry.name) === 'custom' ? STANDARD_FIELDS.custom.map((name) => ({ name })) : []
                )
            };
            const fieldsFolder = path.join(objectsFolder, entry.name, 'fields');
            if (existsSync(fieldsFolder)) {
                for (const fieldFile of readdirSync(fieldsFolder).filter((file) => file.endsWith('.field-meta.xml'))) {
                    const name = fieldFile.slice(0, -'.field-meta.xml'.length);
                    const length = textLength(readFileSync(path.join(fieldsFolder, fieldFile), 'utf8'));
                    known.fields.set(name.toLowerCase(), { name, length });
                }
            }
            objects.set(key, known);
        }
    }
    return objects;
}

let catalogueText: string | undefined;
const catalogueCache = new Map<string, ObjectInfo | null>();

function catalogue(): string {
    if (catalogueText === undefined) {
        const require = createRequire(path.join(relayRoot(), 'package.json'));
        const jsforceRoot = path.dirname(require.resolve('@jsforce/jsforce-node/package.json'));
        catalogueText = readFileSync(path.join(jsforceRoot, 'lib', 'types', 'standard-schema.d.ts'), 'utf8');
    }
    return catalogueText;
}

/**
 * A standard object from the offline catalogue (the standard-object schema jsforce ships, plus the supplement
 * above), or null when the catalogue does not know it.
 */
export function standardObject(objectName: string): ObjectInfo | null {
    const key = objectName.toLowerCase();
    if (catalogueCache.has(key)) return catalogueCache.get(key)!;
    let found: ObjectInfo | null = null;
    if (/^[A-Za-z][A-Za-z0-9_]*$/.test(objectName) && objectKind(objectName) === 'standard') {
        const block = new RegExp(`^type Fields\\$(${objectName}) = \\{\\n([\\s\\S]*?)\\n\\};`, 'mi').exec(catalogue());
        if (block) {
            const name = block[1];
            const names = [...block[2].matchAll(/^\s+(\w+)\??:/gm)].map((match) => match[1]);
            found = {
                name,
                fields: fieldMap([...names, ...(CATALOGUE_SUPPLEMENT[name] ?? [])].map((field) => ({ name: field })))
            };
        }
    }
    catalogueCache.set(key, found);
    return found;
}

/**
 * The offline lookup: an object in source (merged with the catalogue for a standard object extended in source),
 * else the catalogue.
 */
export function projectLookup(packageRoots: readonly string[]): SchemaLookup {
    const projectObjects = readProjectObjects(packageRoots);
    return (objectName) => {
        const inSource = projectObjects.get(objectName.toLowerCase()) ?? null;
        const standard = standardObject(objectName);
        if (inSource && standard) {
            return { name: standard.name, fields: new Map([...standard.fields, ...inSource.fields]) };
        }
        return inSource ?? standard;
    };
}

/** The part of @salesforce/core's Connection the org lookup uses. */
export interface DescribingConnection {
    describe(objectName: string): Promise<{ name: string; fields: { name: string; length?: number }[] }>;
}

/**
 * Describes the named objects in an org (unknown ones become null) and answers from those describes; a lookup
 * of an object that was not described falls back to `fallback`.
 */
export async function orgLookup(
    connection: DescribingConnection,
    objectNames: readonly string[],
    fallback: SchemaLookup
): Promise<SchemaLookup> {
    const described = new Map<string, ObjectInfo | null>();
    for (const objectName of new Set(objectNames.map((name) => name.trim()).filter((name) => name !== ''))) {
        try {
            const result = await connection.describe(objectName);
            described.set(objectName.toLowerCase(), {
                name: result.name,
                fields: fieldMap(result.fields.map((field) => ({ name: field.name, length: field.length })))
            });
        } catch (error) {
            if (!/NOT_FOUND|INVALID_TYPE|does not exist|not supported/i.test(String(error))) throw error;
            described.set(objectName.toLowerCase(), null);
        }
    }
    return (objectName) => {
        const key = objectName.trim().toLowerCase();
        return described.has(key) ? described.get(key)! : fallback(objectName);
    };
}
