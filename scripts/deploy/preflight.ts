import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import path from 'node:path';
import ts from 'typescript';
import { findFoldersNamed, findLwcBundles, readPackageDirectories } from '../lib/project.ts';
import { CHECKS, formatSummary, runChecks } from '../verify/check-runner.ts';
import type { Check, CheckExecutor, CheckResult } from '../verify/check-runner.ts';
import { convertPackageDirectory } from '../verify/metadata-convert.ts';
import type { ConversionReport } from '../verify/metadata-convert.ts';
import { deployMessages as messages } from '../cli/messages/deploy.ts';
import { findMalformedXml } from './xml-check.ts';

/** Short names for the checks of `npm test`, beside their labels (a–g) and npm script names. */
export const CHECK_NAMES: Record<string, string> = {
    types: 'check:types',
    lint: 'check:lint',
    jest: 'check:jest',
    apex: 'check:apex',
    analyzer: 'check:analyzer',
    lwc: 'check:lwc',
    metadata: 'check:metadata'
};

/** `--checks` values → checks of CHECKS, in CHECKS' order. `all` (or nothing) is every check, `none` none. */
export function selectChecks(values: readonly string[]): Check[] {
    const wanted = values
        .flatMap((value) => value.split(','))
        .map((value) => value.trim())
        .filter(Boolean);
    if (wanted.length === 0 || wanted.includes('all')) return [...CHECKS];
    if (wanted.length === 1 && wanted[0] === 'none') return [];
    const scripts = new Set<string>();
    for (const name of wanted) {
        const check = CHECKS.find(
            (candidate) =>
                candidate.label === name || candidate.script === name || candidate.script === CHECK_NAMES[name]
        );
        if (!check) {
            // A wrong flag value: exit 2, as oclif's own flag errors.
            throw Object.assign(
                messages.createError('error.unknownCheck', [name, Object.keys(CHECK_NAMES).join(', ')]),
                {
                    oclif: { exit: 2 }
                }
            );
        }
        scripts.add(check.script);
    }
    return CHECKS.filter((check) => scripts.has(check.script));
}

/** Emits the .js of every TypeScript LWC in place with the project's `lwc/tsconfig.json` (`npm run build:lwc`). */
export function compileLwcs(projectRoot: string): { tsconfigs: string[]; emitted: number } {
    const tsconfigs = readPackageDirectories(projectRoot)
        .flatMap((directory) => findFoldersNamed(directory.absolutePath, 'lwc'))
        .map((folder) => path.join(folder, 'tsconfig.json'))
        .filter((file) => existsSync(file));
    let emitted = 0;
    for (const tsconfig of tsconfigs) {
        const parsed = ts.getParsedCommandLineOfConfigFile(
            tsconfig,
            {},
            {
                ...ts.sys,
                onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
                    throw messages.createError('error.compile', [formatDiagnostic(diagnostic, projectRoot)]);
                }
            }
        );
        if (!parsed) continue;
        const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
        const diagnostics = ts.getPreEmitDiagnostics(program);
        const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
        if (errors.length > 0) {
            throw messages.createError('error.compile', [
                errors.map((diagnostic) => formatDiagnostic(diagnostic, projectRoot)).join('; ')
            ]);
        }
        const result = program.emit(undefined, (fileName, text) => {
            ts.sys.writeFile(fileName, text);
            emitted += 1;
        });
        const emitErrors = result.diagnostics.filter(
            (diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error
        );
        if (emitErrors.length > 0) {
            throw messages.createError('error.compile', [formatDiagnostic(emitErrors[0], projectRoot)]);
        }
    }
    return { tsconfigs: tsconfigs.map((file) => path.relative(projectRoot, file)), emitted };
}

/** `file:line: message`, as a compiler prints it. */
export function formatDiagnostic(diagnostic: ts.Diagnostic, projectRoot: string): string {
    const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (!diagnostic.file || diagnostic.start === undefined) return text;
    const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${path.relative(projectRoot, diagnostic.file.fileName)}:${line + 1}: ${text}`;
}

/** Fails with one line per bundle that has no deployable .js (SDR would silently convert nothing). */
export function requireBundleJs(projectRoot: string): number {
    const bundles = findLwcBundles(projectRoot);
    const missing = bundles.filter((bundle) => !existsSync(path.join(bundle.directory, `${bundle.name}.js`)));
    if (missing.length > 0) {
        throw messages.createError('error.bundleWithoutJs', [
            path.relative(projectRoot, missing[0].directory),
            missing[0].name
        ]);
    }
    return bundles.length;
}

/**
 * Runs `npm run -s <script>` in the project. Its output goes to this process's stderr when stdout carries JSON
 * (`--json`), to the terminal otherwise.
 */
export function projectScriptExecutor(projectRoot: string, stdoutIsJson: boolean): CheckExecutor {
    return (check) =>
        new Promise((resolve) => {
            const child = spawn('npm', ['run', '-s', check.script], {
                cwd: projectRoot,
                stdio: ['ignore', stdoutIsJson ? process.stderr : 'inherit', 'inherit']
            });
            child.on('error', (error) => resolve({ exitCode: 1, reason: error.message }));
            child.on('close', (code, signal) =>
                resolve({ exitCode: code ?? 1, reason: signal ? `killed by ${signal}` : undefined })
            );
        });
}

/** Which package directories to build: all of sfdx-project.json, or the named ones (checked). */
export function selectPackageDirectories(projectRoot: string, names: readonly string[]): string[] {
    const all = readPackageDirectories(projectRoot).map((directory) => directory.path);
    if (names.length === 0) return all;
    const normalise = (name: string): string => path.normalize(name).replace(/[\\/]+$/, '');
    for (const name of names) {
        if (!all.some((directory) => normalise(directory) === normalise(name))) {
            throw messages.createError('error.unknownPackageDir', [name, all.join(', ')]);
        }
    }
    return all.filter((directory) => names.some((name) => normalise(name) === normalise(directory)));
}

export interface PreflightOptions {
    projectRoot: string;
    outputRoot: string;
    packageDirectories: string[];
    checks: Check[];
    runCheck: CheckExecutor;
    /** Announces a step (a spinner in the command). */
    step: (title: string) => void;
    /** Ends the step with what it did. */
    done: (detail: string) => void;
    log: (line: string) => void;
}

export interface PreflightReport {
    compiled: { tsconfigs: string[]; emitted: number };
    bundles: number;
    checks: CheckResult[];
    packages: ConversionReport[];
}

/**
 * The deploy's preflight, in the order the build needs: the LWCs' .js first (the checks and the converter read
 * it), then the offline checks, then one Metadata API package per package directory. Stops at the first step
 * that fails, with an error whose message is one line.
 */
export async function preflight(options: PreflightOptions): Promise<PreflightReport> {
    const { projectRoot } = options;
    options.step(messages.getMessage('step.compile'));
    const compiled = compileLwcs(projectRoot);
    options.done(
        compiled.tsconfigs.length === 0
            ? messages.getMessage('step.compile.none')
            : messages.getMessage('step.compile.done', [compiled.emitted, compiled.tsconfigs.join(', ')])
    );

    options.step(messages.getMessage('step.bundles'));
    const bundles = requireBundleJs(projectRoot);
    options.done(messages.getMessage('step.bundles.done', [bundles]));

    options.step(messages.getMessage('step.xml'));
    const malformed = findMalformedXml(projectRoot, options.packageDirectories);
    if (malformed.length > 0) {
        const more = malformed.length > 1 ? messages.getMessage('error.malformedXml.more', [malformed.length - 1]) : '';
        throw messages.createError('error.malformedXml', [
            malformed[0].file,
            malformed[0].line,
            malformed[0].message,
            more
        ]);
    }
    options.done(messages.getMessage('step.xml.done'));

    let checks: CheckResult[] = [];
    if (options.checks.length === 0) {
        options.log(messages.getMessage('step.checks.skipped'));
    } else {
        options.log(messages.getMessage('step.checks', [options.checks.map((check) => check.label).join(', ')]));
        checks = await runChecks(options.checks, options.runCheck, options.log);
        // The same closing report as `npm test`, ending with `N passed, N failed`.
        formatSummary(checks).forEach((line) => options.log(line));
        const failed = checks.filter((result) => !result.passed);
        if (failed.length > 0) {
            throw messages.createError('error.checksFailed', [
                failed.map((result) => `${result.check.label}. ${result.check.title}`).join(', '),
                failed[0].check.script
            ]);
        }
    }

    options.step(messages.getMessage('step.convert'));
    const packages: ConversionReport[] = [];
    for (const directory of options.packageDirectories) {
        const report = await convertPackageDirectory(
            projectRoot,
            directory,
            path.join(options.outputRoot, directory)
        ).catch((error: Error) => {
            // SDR's parse errors come as one string with literal "\n" between its parts.
            throw messages.createError('error.convert', [error.message.replaceAll('\\n', ' ').replace(/\s+/g, ' ')]);
        });
        if (report.problems.length > 0) {
            throw messages.createError('error.convert', [`${directory}: ${report.problems.join('; ')}`]);
        }
        packages.push(report);
    }
    options.done(
        packages
            .map((report) =>
                messages.getMessage('step.convert.done', [
                    report.packageDirectory,
                    report.componentCount,
                    path.relative(projectRoot, report.outputDirectory)
                ])
            )
            .join('; ')
    );
    return { compiled, bundles, checks, packages };
}
