import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { findFoldersNamed } from '../lib/project.ts';

/** Fields the platform gives every object of a kind, which never appear as field files in source. */
export const STANDARD_FIELDS: Record<ObjectKind, readonly string[]> = {
    custom: [
        'Id',
        'Name',
        'OwnerId',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted',
        'LastViewedDate',
        'LastReferencedDate',
        'RecordTypeId',
        'CurrencyIsoCode'
    ],
    customMetadata: [
        'Id',
        'DeveloperName',
        'MasterLabel',
        'Label',
        'QualifiedApiName',
        'NamespacePrefix',
        'Language',
        'SystemModstamp'
    ],
    platformEvent: ['ReplayId', 'CreatedDate', 'CreatedById', 'EventUuid'],
    standard: []
};

export type ObjectKind = 'custom' | 'customMetadata' | 'platformEvent' | 'standard';

/** What the project's source says exists on one object. */
export interface SourceObject {
    name: string;
    kind: ObjectKind;
    /** Lower-cased field API names, the platform's standard fields included. */
    fields: Set<string>;
    /** Lower-cased names of long text area and rich text fields: SOQL can select them, never filter, sort or group by them. */
    unfilterable?: Set<string>;
}

/** Field types SOQL cannot use in WHERE, ORDER BY or GROUP BY. */
const UNFILTERABLE_TYPE = /<type>\s*(LongTextArea|Html)\s*<\/type>/;

/** Objects and fields defined in the given package directories, keyed by lower-cased API name. */
export type SourceSchema = Map<string, SourceObject>;

export function objectKind(objectName: string): ObjectKind {
    const lower = objectName.toLowerCase();
    if (lower.endsWith('__c')) return 'custom';
    if (lower.endsWith('__mdt')) return 'customMetadata';
    if (lower.endsWith('__e')) return 'platformEvent';
    return 'standard';
}

/** Reads `objects/<Object>/fields/<Field>.field-meta.xml` from every `objects` folder below the roots. */
export function readSourceSchema(packageRoots: string[]): SourceSchema {
    const schema: SourceSchema = new Map();
    for (const objectsFolder of packageRoots.flatMap((root) => findFoldersNamed(root, 'objects'))) {
        for (const entry of readdirSync(objectsFolder, { withFileTypes: true })) {
            if (!entry.isDirectory()) continue;
            const kind = objectKind(entry.name);
            const known = schema.get(entry.name.toLowerCase()) ?? {
                name: entry.name,
                kind,
                fields: new Set(STANDARD_FIELDS[kind].map((field) => field.toLowerCase()))
            };
            const fieldsFolder = path.join(objectsFolder, entry.name, 'fields');
            if (existsSync(fieldsFolder)) {
                for (const fieldFile of readdirSync(fieldsFolder)) {
                    if (fieldFile.endsWith('.field-meta.xml')) {
                        const fieldName = fieldFile.slice(0, -'.field-meta.xml'.length).toLowerCase();
                        known.fields.add(fieldName);
                        if (UNFILTERABLE_TYPE.test(readFileSync(path.join(fieldsFolder, fieldFile), 'utf8'))) {
                            known.unfilterable = known.unfilterable ?? new Set();
                            known.unfilterable.add(fieldName);
                        }
                    }
                }
            }
            schema.set(entry.name.toLowerCase(), known);
        }
    }
    return schema;
}
