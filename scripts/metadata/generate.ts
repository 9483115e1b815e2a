import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readPackageDirectories } from '../lib/project.ts';
import { relayTypes } from './cmdt-types.ts';
import type { CmdtTypeDefinition } from './cmdt-types.ts';
import { parseConfig, planRecords } from './config.ts';
import type { PlannedRecord } from './config.ts';
import { formatWithPrettier } from './format.ts';
import type { FileProblem, RecordFile } from './records.ts';
import { checkRecordShape, parseRecordFile, renderRecord, xsiTypeOf } from './records.ts';
import type { SchemaLookup } from './rules.ts';
import { projectLookup } from './schema.ts';
import { projectComponents, validateRelayRecords } from './validate.ts';

/**
 * `relay metadata generate --from <file>`: Custom Metadata records from a typed config file. The records are
 * checked with the same rules as `relay metadata validate` before anything is written; a problem points at the
 * config's line and nothing is written. Output is Prettier-formatted like the repository's records, and a file
 * whose content would not change is left alone, so generate → validate → generate changes nothing.
 */

export interface GenerateOptions {
    projectRoot: string;
    configFile: string;
    /** Where the records go; default `<default package directory>/main/default/customMetadata`. */
    outputDir?: string;
    lookup?: SchemaLookup;
    namedCredentials?: ReadonlySet<string>;
    namedCredentialSource?: string;
    /** Plan and check only. */
    dryRun?: boolean;
    /** Delete the field records of generated integrations that the config no longer lists. */
    prune?: boolean;
}

/** `stale`: a field record of a generated integration the config no longer lists (`deleted` with prune). */
export type FileStatus = 'created' | 'updated' | 'unchanged' | 'stale' | 'deleted';

export interface GenerateResult {
    problems: FileProblem[];
    files: { file: string; status: FileStatus }[];
}

/** The default output folder for generated records. */
export function defaultRecordsDir(projectRoot: string): string {
    const directories = readPackageDirectories(projectRoot);
    return path.join(directories[0].absolutePath, 'main', 'default', 'customMetadata');
}

function asRecordFile(planned: PlannedRecord, configFile: string, type: CmdtTypeDefinition): RecordFile {
    const xsiTypes: Record<string, string | null> = {};
    for (const [field, value] of Object.entries(planned.values)) {
        const definition = type.fields.get(field);
        xsiTypes[field] = value === null || !definition ? null : xsiTypeOf(definition);
    }
    return {
        file: configFile,
        type: planned.type,
        developerName: planned.developerName,
        label: planned.label,
        protected: false,
        values: planned.values,
        xsiTypes,
        lines: { record: planned.lines.record, label: planned.lines.record, fields: planned.lines.fields }
    };
}

/** Records file name: `Integration_Setting.ERP_Customer.md-meta.xml`. */
export function recordFileName(record: { type: string; developerName: string }): string {
    return `${record.type}.${record.developerName}.md-meta.xml`;
}

/** Plans, checks and (unless dry-run or a problem) writes the records of a config file. */
export function generateRecords(options: GenerateOptions): GenerateResult {
    const roots = readPackageDirectories(options.projectRoot).map((directory) => directory.absolutePath);
    const types = relayTypes(roots);
    const configFile = path.relative(options.projectRoot, path.resolve(options.projectRoot, options.configFile));
    const absoluteConfig = path.resolve(options.projectRoot, options.configFile);
    if (!existsSync(absoluteConfig)) {
        throw new Error(`No config file ${configFile}.`);
    }
    const parsed = parseConfig(configFile, readFileSync(absoluteConfig, 'utf8'), types.setting);
    if (parsed.problems.length > 0) return { problems: parsed.problems, files: [] };
    const planned = planRecords(parsed, types.setting);
    const typeOf = (record: PlannedRecord): CmdtTypeDefinition =>
        record.type === 'Integration_Setting' ? types.setting : types.field;
    const asFiles = planned.map((record) => asRecordFile(record, configFile, typeOf(record)));
    const problems = asFiles.flatMap((record, index) => checkRecordShape(record, typeOf(planned[index])));
    const seen = new Map<string, number>();
    for (const record of asFiles) {
        const fileName = recordFileName(record);
        if (seen.has(fileName)) {
            problems.push({
                file: configFile,
                line: record.lines.record,
                message: `${fileName} would be written twice (also by line ${seen.get(fileName)}): give the field a unique name.`
            });
        }
        seen.set(fileName, record.lines.record);
    }
    const relay = validateRelayRecords(
        asFiles,
        options.lookup ?? projectLookup(roots),
        options.namedCredentials ?? projectComponents(options.projectRoot).namedCredentials,
        options.namedCredentialSource ?? 'the project'
    );
    problems.push(...relay.problems);
    if (problems.length > 0) {
        return { problems: problems.sort((a, b) => a.line - b.line), files: [] };
    }
    const outputDir = path.resolve(options.projectRoot, options.outputDir ?? defaultRecordsDir(options.projectRoot));
    const targets = planned.map((record) => path.join(outputDir, recordFileName(record)));
    const contents = formatWithPrettier(
        planned.map((record, index) => ({
            filePath: targets[index],
            source: renderRecord(record.label, record.values, typeOf(record))
        }))
    );
    const files = targets.map((target, index) => {
        const status: FileStatus = !existsSync(target)
            ? 'created'
            : readFileSync(target, 'utf8') === contents[index]
              ? 'unchanged'
              : 'updated';
        if (!options.dryRun && status !== 'unchanged') {
            mkdirSync(path.dirname(target), { recursive: true });
            writeFileSync(target, contents[index]);
        }
        return { file: path.relative(options.projectRoot, target), status };
    });
    return { problems: [], files: [...files, ...staleFieldRecords(options, outputDir, planned, targets)] };
}

/**
 * Field records in the output folder that belong to a generated integration but are not in the config: left
 * alone they would still be allowlisted (and sent), so they are reported, and deleted with `prune`.
 */
function staleFieldRecords(
    options: GenerateOptions,
    outputDir: string,
    planned: readonly PlannedRecord[],
    targets: readonly string[]
): GenerateResult['files'] {
    if (!existsSync(outputDir)) return [];
    const integrations = new Set(
        planned.filter((record) => record.type === 'Integration_Setting').map((record) => record.developerName)
    );
    const written = new Set(targets);
    const stale: GenerateResult['files'] = [];
    for (const fileName of readdirSync(outputDir)
        .filter((name) => name.startsWith('Integration_Field.'))
        .sort()) {
        const file = path.join(outputDir, fileName);
        if (written.has(file)) continue;
        let parent: unknown;
        try {
            parent = parseRecordFile(file, readFileSync(file, 'utf8'), fileName).values.Integration_Setting__c;
        } catch {
            continue; // unreadable: `relay metadata validate` reports it
        }
        if (typeof parent === 'string' && integrations.has(parent.trim())) {
            const remove = options.prune === true && !options.dryRun;
            if (remove) rmSync(file);
            stale.push({ file: path.relative(options.projectRoot, file), status: remove ? 'deleted' : 'stale' });
        }
    }
    return stale;
}
