import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ComponentSet } from '@salesforce/source-deploy-retrieve';
import { findFoldersNamed, readPackageDirectories } from '../lib/project.ts';
import { FIELD_TYPE, SETTING_TYPE, readCmdtTypes } from './cmdt-types.ts';
import type { CmdtTypeDefinition } from './cmdt-types.ts';
import type { FileProblem, RecordFile } from './records.ts';
import { RecordFileError, checkRecordShape, parseRecordFile } from './records.ts';
import type { CmdtRecord, SchemaLookup } from './rules.ts';
import { apexTrim, validateSetting } from './rules.ts';
import { projectLookup } from './schema.ts';

/**
 * `relay metadata validate`: every Custom Metadata record of a type the project defines, checked for what the
 * Metadata API refuses (records.ts) and, for Relay's settings, with the rules IntegrationSetting applies
 * (rules.ts), plus what only the project can tell: the Named Credential exists and each field record belongs to a
 * setting. Reads only; every problem as `file:line: message`.
 */

/** What the project (and, when given, an org) knows besides the records. */
export interface ValidationContext {
    projectRoot: string;
    /** Objects and fields; default: the project's source and the standard-object catalogue. */
    lookup?: SchemaLookup;
    /** Named Credentials known to exist; default: those in the project's source. */
    namedCredentials?: ReadonlySet<string>;
    /** Where the Named Credentials were looked for, for the message: 'the project' or 'the project or the org'. */
    namedCredentialSource?: string;
}

export interface ValidationReport {
    /** Record files read. */
    records: number;
    /** Integration_Setting__mdt records checked with IntegrationSetting's rules. */
    settings: number;
    problems: FileProblem[];
}

/**
 * The source files of the project's Custom Metadata records and Named Credentials, through SDR's resolver. Only
 * the `customMetadata` and `namedCredentials` folders are resolved: a half-written class elsewhere does not stop
 * the validation of settings.
 */
export function projectComponents(projectRoot: string): { recordFiles: string[]; namedCredentials: Set<string> } {
    const roots = readPackageDirectories(projectRoot).map((directory) => directory.absolutePath);
    const folders = roots.flatMap((root) => [
        ...findFoldersNamed(root, 'customMetadata'),
        ...findFoldersNamed(root, 'namedCredentials')
    ]);
    const components = folders.length === 0 ? [] : ComponentSet.fromSource(folders).getSourceComponents().toArray();
    return {
        recordFiles: components
            .filter((component) => component.type.name === 'CustomMetadata' && component.xml !== undefined)
            .map((component) => component.xml!)
            .sort(),
        namedCredentials: new Set(
            components
                .filter((component) => component.type.name === 'NamedCredential')
                .map((component) => component.fullName)
        )
    };
}

function toCmdtRecord(record: RecordFile): CmdtRecord {
    return { developerName: record.developerName, values: record.values };
}

/** Reads the project's record files; unreadable ones become problems. */
export function readRecordFiles(
    projectRoot: string,
    files: readonly string[]
): {
    records: RecordFile[];
    problems: FileProblem[];
} {
    const records: RecordFile[] = [];
    const problems: FileProblem[] = [];
    for (const file of files) {
        const relative = path.relative(projectRoot, file);
        try {
            records.push(parseRecordFile(relative, readFileSync(file, 'utf8'), path.basename(file)));
        } catch (error) {
            if (!(error instanceof RecordFileError)) throw error;
            problems.push({ file: error.file, line: error.line, message: error.problem });
        }
    }
    return { records, problems };
}

/** Checks the settings and their field records with IntegrationSetting's rules and the project's references. */
export function validateRelayRecords(
    records: readonly RecordFile[],
    lookup: SchemaLookup,
    namedCredentials: ReadonlySet<string>,
    namedCredentialSource: string
): { settings: number; problems: FileProblem[] } {
    const problems: FileProblem[] = [];
    const settings = records.filter((record) => `${record.type}__mdt` === SETTING_TYPE);
    const settingNames = new Set(settings.map((setting) => setting.developerName));
    const fieldsBySetting = new Map<string, RecordFile[]>();
    for (const field of records.filter((record) => `${record.type}__mdt` === FIELD_TYPE)) {
        const parent = field.values.Integration_Setting__c;
        const parentName = typeof parent === 'string' ? apexTrim(parent) : '';
        if (!settingNames.has(parentName)) {
            problems.push({
                file: field.file,
                line: field.lines.fields.Integration_Setting__c ?? field.lines.record,
                message:
                    parentName === ''
                        ? 'Integration_Setting__c is required: set it to the DeveloperName of its Integration_Setting__mdt record.'
                        : `Integration_Setting__c must name an Integration_Setting__mdt record of the project (was '${parentName}').`
            });
            continue;
        }
        fieldsBySetting.set(parentName, [...(fieldsBySetting.get(parentName) ?? []), field]);
    }
    for (const setting of settings) {
        // IntegrationSettingsSelector hands each setting its fields sorted by DeveloperName.
        const fields = (fieldsBySetting.get(setting.developerName) ?? []).sort((a, b) =>
            a.developerName < b.developerName ? -1 : a.developerName > b.developerName ? 1 : 0
        );
        const result = validateSetting(toCmdtRecord(setting), fields.map(toCmdtRecord), lookup);
        for (const error of result.errors) {
            const target = error.fieldRecord === undefined ? setting : fields[error.fieldRecord];
            const line = (error.field === null ? undefined : target.lines.fields[error.field]) ?? target.lines.record;
            problems.push({ file: target.file, line, message: error.message });
        }
        const credential = setting.values.Named_Credential__c;
        const credentialName = typeof credential === 'string' ? apexTrim(credential) : '';
        const alreadyWrong = result.errors.some((error) => error.field === 'Named_Credential__c');
        if (credentialName !== '' && !alreadyWrong && !namedCredentials.has(credentialName)) {
            problems.push({
                file: setting.file,
                line: setting.lines.fields.Named_Credential__c ?? setting.lines.record,
                message: `Named_Credential__c must name a Named Credential in ${namedCredentialSource} (was '${credentialName}').`
            });
        }
    }
    return { settings: settings.length, problems };
}

function byPlace(a: FileProblem, b: FileProblem): number {
    return a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1;
}

/** Validates every Custom Metadata record in the project. */
export function validateProject(context: ValidationContext): ValidationReport {
    const roots = readPackageDirectories(context.projectRoot).map((directory) => directory.absolutePath);
    const types = readCmdtTypes(roots);
    const components = projectComponents(context.projectRoot);
    const { records, problems } = readRecordFiles(context.projectRoot, components.recordFiles);
    for (const record of records) {
        const type: CmdtTypeDefinition | undefined = types.get(`${record.type}__mdt`);
        if (!type) {
            problems.push({
                file: record.file,
                line: record.lines.record,
                message: `${record.type}__mdt is not a Custom Metadata type of the project.`
            });
            continue;
        }
        problems.push(...checkRecordShape(record, type));
    }
    const relay = validateRelayRecords(
        records,
        context.lookup ?? projectLookup(roots),
        context.namedCredentials ?? components.namedCredentials,
        context.namedCredentialSource ?? 'the project'
    );
    problems.push(...relay.problems);
    return { records: records.length, settings: relay.settings, problems: problems.sort(byPlace) };
}

/** One problem as the command prints it. */
export function formatProblem(problem: FileProblem): string {
    return `${problem.file}:${problem.line}: ${problem.message}`;
}
