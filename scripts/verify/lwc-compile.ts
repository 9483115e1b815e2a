import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compile } from '@lwc/sfdc-lwc-compiler';
import { findLwcBundles, listFiles } from '../lib/project.ts';
import type { LwcBundle } from '../lib/project.ts';
import { findApexFiles } from './apex-semantic.ts';
import { checkBundleImports, readApexClasses } from './lwc-imports.ts';
import type { ImportContext } from './lwc-imports.ts';

/** What the platform receives of a bundle: its emitted JavaScript, templates and styles. */
const DEPLOYED_EXTENSIONS = ['.js', '.html', '.css', '.svg'];

/** The part of @lwc/errors' CompilerDiagnostic the check reads; level 0 is fatal, 1 an error. */
interface CompilerDiagnostic {
    level: number;
    message: string;
    filename?: string;
    location?: { line: number };
}

export interface BundleResult {
    bundle: string;
    errors: string[];
}

/** The files of a bundle as deployed (TypeScript sources, tests and metadata stay behind). */
export function deployedFiles(bundle: LwcBundle): Record<string, string> {
    const files: Record<string, string> = {};
    for (const file of listFiles(bundle.directory, new Set(['__tests__']))) {
        if (DEPLOYED_EXTENSIONS.includes(path.extname(file)) && !file.endsWith('.js-meta.xml')) {
            files[path.relative(bundle.directory, file).split(path.sep).join('/')] = readFileSync(file, 'utf8');
        }
    }
    return files;
}

/** Compiles one bundle with the platform's compiler, as a deploy would. */
export async function compileBundle(bundle: LwcBundle, context: ImportContext): Promise<BundleResult> {
    const entry = path.join(bundle.directory, `${bundle.name}.js`);
    if (!existsSync(entry)) {
        const source = existsSync(path.join(bundle.directory, `${bundle.name}.ts`))
            ? ' (compile the TypeScript first: npm run build:lwc)'
            : '';
        return {
            bundle: bundle.name,
            errors: [`${bundle.name}.js is missing${source}: a bundle without it fails to deploy.`]
        };
    }
    const files = deployedFiles(bundle);
    const output = await compile({ bundle: { namespace: 'c', name: bundle.name, type: 'platform', files } });
    // @lwc/errors' declaration files do not resolve under NodeNext, so the diagnostic shape is stated here.
    const diagnostics = output.diagnostics as unknown as CompilerDiagnostic[];
    const errors = diagnostics
        .filter((diagnostic) => diagnostic.level <= 1)
        .map((diagnostic) => {
            const where = diagnostic.filename ? `${diagnostic.filename}:${diagnostic.location?.line ?? '?'} ` : '';
            return `${where}${diagnostic.message}`;
        });
    if (!output.success && errors.length === 0) {
        errors.push('the compiler reported failure without a diagnostic');
    }
    errors.push(...checkBundleImports(bundle, files, context));
    return { bundle: bundle.name, errors };
}

/** The LWC compile check over every bundle of every package directory. Returns the exit code. */
export async function checkLwcBundles(projectRoot: string, log: (line: string) => void): Promise<number> {
    const bundles = findLwcBundles(projectRoot);
    if (bundles.length === 0) {
        log('FAIL: no Lightning Web Component bundles found: nothing was compiled.');
        return 1;
    }
    const context: ImportContext = {
        bundleNames: new Set(bundles.map((bundle) => bundle.name)),
        apexClasses: readApexClasses(findApexFiles(projectRoot))
    };
    let failed = 0;
    for (const bundle of bundles) {
        const result = await compileBundle(bundle, context);
        if (result.errors.length > 0) {
            failed += 1;
            result.errors.forEach((error) => log(`${result.bundle}: ${error}`));
        }
    }
    log(
        `${bundles.length} LWC bundles compiled by @lwc/sfdc-lwc-compiler and their imports resolved: ${failed} failed.`
    );
    return failed === 0 ? 0 : 1;
}
