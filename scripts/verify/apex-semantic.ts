import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pmdEngineJarFolder, requireJava } from '../lib/java.ts';
import { listFiles, readPackageDirectories } from '../lib/project.ts';
import { checkQuery, findStaticQueries } from './soql-fields.ts';
import { readSourceSchema } from './source-schema.ts';

/** One problem in one Apex file. */
export interface ApexIssue {
    file: string;
    line: number;
    category: string;
    message: string;
}

interface ApexLsReport {
    files: { path: string; messages: { start: { line: number }; category: string; message: string }[] }[];
}

/**
 * Methods the platform documents that apex-ls's standard library does not know yet. Each entry is one exact
 * message in one file, with the page that documents the method: the check prints it as a note, and any other
 * message, or the same message in another file, stays an error.
 */
export interface KnownStdlibGap {
    file: string;
    message: string;
    documentedAt: string;
}

export const KNOWN_STDLIB_GAPS: KnownStdlibGap[] = [
    {
        file: 'force-app/main/dispatch/classes/RelayPlatform.cls',
        message:
            "No matching method found for 'publishWithAccessLevel' on 'System.EventBus' taking arguments 'System.List<System.SObject>, System.AccessLevel'",
        documentedAt:
            'Apex Reference, EventBus Class: publishWithAccessLevel(events, accessLevel) (https://developer.salesforce.com/docs/platform/apex-ref/references/apex-ref/apex-class-system-eventbus.html)'
    }
];

/** Splits issues into errors and documented apex-ls standard-library gaps. */
export function separateKnownGaps(
    projectRoot: string,
    issues: ApexIssue[],
    gaps: KnownStdlibGap[] = KNOWN_STDLIB_GAPS
): { errors: ApexIssue[]; notes: string[] } {
    const errors: ApexIssue[] = [];
    const notes: string[] = [];
    for (const issue of issues) {
        const relative = path.relative(projectRoot, issue.file).split(path.sep).join('/');
        const gap = gaps.find((known) => known.file === relative && known.message === issue.message);
        if (gap) {
            notes.push(
                `note: ${relative}:${issue.line} apex-ls does not know a documented method: ${gap.documentedAt}`
            );
        } else {
            errors.push(issue);
        }
    }
    return { errors, notes };
}

/** apex-ls exits 4 when it reports issues: its output is the report, not a crash. */
const APEX_LS_ISSUES_FOUND = 4;

/** Parses apex-ls `-f json` output into issues. */
export function parseApexLsReport(output: string): ApexIssue[] {
    let report: ApexLsReport;
    try {
        report = JSON.parse(output) as ApexLsReport;
    } catch {
        throw new Error(`apex-ls printed something other than its JSON report:\n${output.slice(0, 2000)}`);
    }
    return report.files.flatMap((file) =>
        file.messages.map((message) => ({
            file: file.path,
            line: message.start.line,
            category: message.category,
            message: message.message
        }))
    );
}

/** Runs apex-ls over the whole SFDX workspace: unknown types, methods and fields in Apex expressions. */
export function runApexLs(projectRoot: string): ApexIssue[] {
    requireJava();
    const classpath = path.join(pmdEngineJarFolder(), '*');
    const result = spawnSync(
        'java',
        [
            '-cp',
            classpath,
            'io.github.apexdevtools.apexls.CheckForIssues',
            '-w',
            projectRoot,
            '-d',
            'errors',
            '-n',
            '-f',
            'json'
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
    );
    if (result.error) {
        throw new Error(`apex-ls could not start: ${result.error.message}`);
    }
    if (result.status !== 0 && result.status !== APEX_LS_ISSUES_FOUND) {
        throw new Error(`apex-ls failed (exit ${result.status}): ${result.stderr.trim() || result.stdout.trim()}`);
    }
    return parseApexLsReport(result.stdout);
}

/** The Apex class and trigger files of every package directory. */
export function findApexFiles(projectRoot: string): string[] {
    return readPackageDirectories(projectRoot)
        .flatMap((directory) => listFiles(directory.absolutePath, new Set(['node_modules'])))
        .filter((file) => file.endsWith('.cls') || file.endsWith('.trigger'));
}

/** Checks the fields and objects named in static SOQL against the project's source schema. */
export function checkSoqlFields(projectRoot: string, apexFiles: string[]): ApexIssue[] {
    const schema = readSourceSchema(readPackageDirectories(projectRoot).map((directory) => directory.absolutePath));
    return apexFiles.flatMap((file) =>
        findStaticQueries(readFileSync(file, 'utf8')).flatMap((query) =>
            checkQuery(query, schema).map((problem) => ({
                file,
                line: problem.line,
                category: 'SOQL',
                message: problem.message
            }))
        )
    );
}

/** The Apex semantic check: apex-ls plus static SOQL field references. Returns the exit code. */
export function checkApex(projectRoot: string, log: (line: string) => void): number {
    const apexFiles = findApexFiles(projectRoot);
    if (apexFiles.length === 0) {
        log('FAIL: no Apex classes or triggers found in the package directories: nothing was checked.');
        return 1;
    }
    const { errors: issues, notes } = separateKnownGaps(projectRoot, [
        ...runApexLs(projectRoot),
        ...checkSoqlFields(projectRoot, apexFiles)
    ]);
    for (const note of notes) {
        log(note);
    }
    for (const issue of issues) {
        log(`${path.relative(projectRoot, issue.file)}:${issue.line} ${issue.category}: ${issue.message}`);
    }
    log(`${apexFiles.length} Apex files checked by apex-ls and the SOQL field check: ${issues.length} errors.`);
    return issues.length === 0 ? 0 : 1;
}
