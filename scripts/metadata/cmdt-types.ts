import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { findFoldersNamed } from '../lib/project.ts';

/** A field of a Custom Metadata type, from its `.field-meta.xml`. */
export interface CmdtFieldDefinition {
    name: string;
    type: string;
    length?: number;
    precision?: number;
    scale?: number;
    defaultValue?: string;
    /** Picklist values, for a Picklist field. */
    values?: string[];
}

/** A Custom Metadata type from source: its API name (with __mdt) and its fields by API name. */
export interface CmdtTypeDefinition {
    name: string;
    fields: Map<string, CmdtFieldDefinition>;
}

export const SETTING_TYPE = 'Integration_Setting__mdt';
export const FIELD_TYPE = 'Integration_Field__mdt';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, isArray: (name) => name === 'value' });

interface FieldXml {
    CustomField?: {
        type?: string;
        length?: string;
        precision?: string;
        scale?: string;
        defaultValue?: string;
        valueSet?: { valueSetDefinition?: { value?: { fullName?: string }[] } };
    };
}

function optionalNumber(value: string | undefined): number | undefined {
    return value === undefined ? undefined : Number(value);
}

/** Reads one field definition; fails with the file name when it is not a CustomField. */
export function readFieldDefinition(file: string): CmdtFieldDefinition {
    const parsed = parser.parse(readFileSync(file, 'utf8')) as FieldXml;
    const field = parsed.CustomField;
    if (field?.type === undefined) {
        throw new Error(`${file}: not a CustomField with a <type>.`);
    }
    return {
        name: path.basename(file).replace(/\.field-meta\.xml$/, ''),
        type: field.type,
        length: optionalNumber(field.length),
        precision: optionalNumber(field.precision),
        scale: optionalNumber(field.scale),
        defaultValue: field.defaultValue,
        values: field.valueSet?.valueSetDefinition?.value?.map((value) => String(value.fullName))
    };
}

/** Every Custom Metadata type (`objects/<Name>__mdt`) defined below the package roots, by API name. */
export function readCmdtTypes(packageRoots: readonly string[]): Map<string, CmdtTypeDefinition> {
    const types = new Map<string, CmdtTypeDefinition>();
    for (const objectsFolder of packageRoots.flatMap((root) => findFoldersNamed(root, 'objects'))) {
        for (const entry of readdirSync(objectsFolder, { withFileTypes: true })) {
            if (!entry.isDirectory() || !entry.name.endsWith('__mdt')) continue;
            const definition = types.get(entry.name) ?? { name: entry.name, fields: new Map() };
            const fieldsFolder = path.join(objectsFolder, entry.name, 'fields');
            if (existsSync(fieldsFolder)) {
                for (const file of readdirSync(fieldsFolder).filter((name) => name.endsWith('.field-meta.xml'))) {
                    const field = readFieldDefinition(path.join(fieldsFolder, file));
                    definition.fields.set(field.name, field);
                }
            }
            types.set(entry.name, definition);
        }
    }
    return types;
}

/** The two Relay types; fails with one line when the project does not define them. */
export function relayTypes(packageRoots: readonly string[]): {
    setting: CmdtTypeDefinition;
    field: CmdtTypeDefinition;
} {
    const types = readCmdtTypes(packageRoots);
    const setting = types.get(SETTING_TYPE);
    const field = types.get(FIELD_TYPE);
    if (!setting || !field) {
        throw new Error(
            `The project defines no ${setting ? FIELD_TYPE : SETTING_TYPE}: run the command in Relay's project.`
        );
    }
    return { setting, field };
}
