// Bundles the emitted .js of the components with the open-source LWC engine, lightning-base-components and the
// preview's stubs of the platform modules the package does not ship (docs/preview.md).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replacePlugin from '@rollup/plugin-replace';
import type { RollupReplaceOptions } from '@rollup/plugin-replace';
import { rollup } from 'rollup';
import type { Plugin, RollupCache, RollupLog } from 'rollup';
import { deserialize, serialize } from 'node:v8';
import ts from 'typescript';
import { PREVIEW_DIR } from './here.ts';
import type { ComponentInfo } from './scenarios.ts';

// The plugin's types describe its CommonJS build (the function under `.default`); Node's import gives the function.
const replace = ((replacePlugin as unknown as { default?: unknown }).default ?? replacePlugin) as (
    options: RollupReplaceOptions
) => Plugin;

export { PREVIEW_DIR };
export const STUBS_DIR = path.join(PREVIEW_DIR, 'stubs');
const ENTRY_ID = '\0relay-preview-entry';

/** Platform modules the package does not ship (or ships unusable): served by a stub file. */
export const STUB_MODULES: Readonly<Record<string, string>> = {
    '@salesforce/apex': 'apex.ts',
    'lightning/empApi': 'empApi.ts',
    'lightning/platformShowToastEvent': 'platformShowToastEvent.ts',
    'lightning/navigation': 'navigation.ts',
    'lightning/platformResourceLoader': 'platformResourceLoader.ts',
    'lightning/uiRecordApi': 'uiRecordApi.ts'
};

const stub = (file: string): string => JSON.stringify(path.join(STUBS_DIR, file));

/**
 * The source of a scoped platform module (`@salesforce/<kind>/<name>`) the preview answers itself, or undefined
 * when it does not (the package or rollup must then resolve it, or the build fails).
 */
export function virtualModuleSource(specifier: string): string | undefined {
    const match = /^@salesforce\/([A-Za-z0-9]+)\/(.+)$/.exec(specifier);
    if (match === null) {
        return undefined;
    }
    const [, kind, name] = match;
    const literal = JSON.stringify(name);
    switch (kind) {
        case 'apex':
        case 'apexContinuation':
            return `import { apexMethod } from ${stub('apex.ts')};\nexport default apexMethod(${literal});\n`;
        case 'customPermission':
        case 'userPermission':
            return `import { hasPermission } from ${stub('salesforce.ts')};\nexport default hasPermission(${literal});\n`;
        case 'user':
            return `import { userValue } from ${stub('salesforce.ts')};\nexport default userValue(${literal});\n`;
        case 'label':
            // A label the package does not ship reads as its name, as an org without the translation shows it.
            return `export default ${literal};\n`;
        case 'schema': {
            const [objectApiName, ...field] = name.split('.');
            const value = field.length > 0 ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
            return `export default ${JSON.stringify(value)};\n`;
        }
        case 'resourceUrl':
            return `export default ${JSON.stringify(`/resource/${name}`)};\n`;
        default:
            return undefined;
    }
}

/** The bundle's entry: synthetic shadow first (as Lightning Experience runs `c/` components), then the components. */
export function entrySource(components: readonly string[]): string {
    const imports = components.map((name, index) => `import component${index} from 'c/${name}';`);
    const registry = components.map((name, index) => `    ${JSON.stringify(name)}: component${index}`);
    return [
        "import '@lwc/synthetic-shadow';",
        `import { bootstrap } from ${stub('bootstrap.ts')};`,
        ...imports,
        `bootstrap({\n${registry.join(',\n')}\n});`,
        ''
    ].join('\n');
}

function previewModules(projectRoot: string): Plugin {
    const virtualPrefix = '\0relay-virtual:';
    // Not exposed by the package, but the module its components read their gates from: the bootstrap sets one.
    const baseComponents = packageDirFrom(projectRoot, 'lightning-base-components');
    const features = path.join(baseComponents, 'src/lightning/features/features.js');
    // The package's values of scoped modules (@salesforce/i18n/locale, @salesforce/client/formFactor…), which it
    // does not expose to other namespaces.
    const scopedImport = (source: string): string | undefined => {
        const file = path.join(baseComponents, 'scopedImports', `${source.replace(/\//g, '-')}.js`);
        return existsSync(file) ? file : undefined;
    };
    return {
        name: 'relay-preview-modules',
        async resolveId(source, importer, options) {
            if (source === ENTRY_ID) {
                return ENTRY_ID;
            }
            if (source === 'lightning/features' && importer?.startsWith(STUBS_DIR)) {
                return features;
            }
            const stubFile = STUB_MODULES[source];
            if (stubFile !== undefined) {
                return path.join(STUBS_DIR, stubFile);
            }
            if (source.startsWith('@salesforce/') && virtualModuleSource(source) !== undefined) {
                if (source.startsWith('@salesforce/label/')) {
                    // The base components' own labels ship in the package: use those.
                    const shipped = await this.resolve(source, importer, { ...options, skipSelf: true });
                    if (shipped !== null) {
                        return shipped;
                    }
                }
                return virtualPrefix + source;
            }
            if (source.startsWith('@salesforce/')) {
                return scopedImport(source) ?? null;
            }
            return null;
        },
        load(id) {
            if (id === ENTRY_ID) {
                return null;
            }
            return id.startsWith(virtualPrefix) ? (virtualModuleSource(id.slice(virtualPrefix.length)) ?? null) : null;
        },
        transform(code, id) {
            if (!id.startsWith(PREVIEW_DIR) || !id.endsWith('.ts')) {
                return null;
            }
            const output = ts.transpileModule(code, {
                fileName: id,
                compilerOptions: {
                    target: ts.ScriptTarget.ES2022,
                    module: ts.ModuleKind.ESNext,
                    verbatimModuleSyntax: false,
                    sourceMap: false
                }
            });
            return { code: output.outputText, map: null };
        }
    };
}

function entryPlugin(components: readonly string[]): Plugin {
    return {
        name: 'relay-preview-entry',
        load(id) {
            return id === ENTRY_ID ? entrySource(components) : null;
        }
    };
}

/**
 * The engine the compiler in @lwc/rollup-plugin targets: the `lwc` package's own @lwc/engine-dom, synthetic shadow
 * and wire service (the top-level @lwc/* copies belong to sfdx-lwc-jest and are another major version).
 */
export function engineModules(projectRoot: string): { name: string; path: string }[] {
    const lwcDir = path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('lwc'));
    return [
        ['lwc', '@lwc/engine-dom'],
        ['@lwc/synthetic-shadow', '@lwc/synthetic-shadow'],
        ['@lwc/wire-service', '@lwc/wire-service']
    ].map(([name, pkg]) => {
        const packageDir = packageDirFrom(lwcDir, pkg);
        const { module } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
            module: string;
        };
        return { name, path: path.join(packageDir, module) };
    });
}

/** Node's lookup of `node_modules/<pkg>` from `start` upwards (package.json files need not be exported). */
export function packageDirFrom(start: string, pkg: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'node_modules', pkg);
        if (existsSync(path.join(candidate, 'package.json'))) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            throw new Error(`Cannot find ${pkg} from ${start}.`);
        }
    }
}

/** The emitted .js of a component must exist and be newer than its .ts (npm run build:lwc). */
export function staleComponents(components: readonly ComponentInfo[]): string[] {
    return components
        .filter((component) => {
            const source = path.join(component.dir, `${component.name}.ts`);
            const emitted = path.join(component.dir, `${component.name}.js`);
            if (!existsSync(source)) {
                return false;
            }
            return !existsSync(emitted) || statSync(emitted).mtimeMs < statSync(source).mtimeMs;
        })
        .map((component) => component.name);
}

/**
 * The cached modules without their resolved imports: rollup would reuse those, so a stub added or a component
 * created since would stay unresolved. Transformed code is what the cache saves.
 */
function readCache(file: string): RollupCache | undefined {
    try {
        if (!existsSync(file)) {
            return undefined;
        }
        const cache = deserialize(readFileSync(file)) as RollupCache;
        for (const module of cache.modules ?? []) {
            module.resolvedIds = {};
        }
        return cache;
    } catch {
        return undefined;
    }
}

export interface BuildResult {
    code: string;
    seconds: number;
    file: string;
}

/** Builds the bundle of `bundled` (component folder names); fails on any unresolved import. */
export async function buildPreviewBundle(
    projectRoot: string,
    components: readonly ComponentInfo[],
    bundled: readonly string[],
    outFile = path.join(projectRoot, 'dist/preview/bundle.js')
): Promise<BuildResult> {
    const started = performance.now();
    const stale = staleComponents(components.filter((component) => bundled.includes(component.name)));
    if (stale.length > 0) {
        throw new Error(`Emitted .js missing or older than the .ts for ${stale.join(', ')}: run npm run build:lwc.`);
    }
    const problems: string[] = [];
    // Rollup's module cache on disk: a rebuild compiles only what changed (the base components are most of the time).
    const cacheFile = path.join(path.dirname(outFile), 'rollup-cache.bin');
    const bundle = await rollup({
        input: ENTRY_ID,
        cache: readCache(cacheFile),
        plugins: [
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify('development'),
                    'import.meta.env.SSR': 'false'
                }
            }),
            previewModules(projectRoot),
            entryPlugin(bundled),
            lwc({
                rootDir: projectRoot,
                enableDynamicComponents: true,
                exclude: [`${PREVIEW_DIR}/**`],
                modules: [
                    ...components.map((component) => ({
                        name: `c/${component.name}`,
                        path: path.join(component.dir, `${component.name}.js`)
                    })),
                    ...engineModules(projectRoot),
                    { npm: 'lightning-base-components' }
                ]
            })
        ],
        onLog(level, log: RollupLog) {
            if (log.code === 'UNRESOLVED_IMPORT') {
                problems.push(`${log.exporter ?? log.message} (imported by ${log.id ?? 'unknown'})`);
            } else if (level === 'warn' && !['CIRCULAR_DEPENDENCY', 'THIS_IS_UNDEFINED'].includes(log.code ?? '')) {
                problems.push(log.message);
            }
        }
    });
    const cache = bundle.cache;
    const { output } = await bundle.generate({
        format: 'iife',
        name: 'relayPreview',
        sourcemap: false,
        inlineDynamicImports: true
    });
    await bundle.close();
    // An unresolved import would be an external (a global in the IIFE): none may remain, cached build or not.
    const unresolved = [
        ...new Set([
            ...problems.filter((problem) => problem.includes('imported by')),
            ...output[0].imports.map((name) => `${name} (external)`)
        ])
    ];
    if (unresolved.length > 0) {
        throw new Error(
            `Unresolved imports in the preview bundle (add a stub in scripts/preview/stubs):\n- ${unresolved.join('\n- ')}`
        );
    }
    const code = output[0].code;
    mkdirSync(path.dirname(outFile), { recursive: true });
    if (cache !== undefined) {
        writeFileSync(cacheFile, serialize(cache));
    }
    writeFileSync(outFile, code);
    return { code, seconds: (performance.now() - started) / 1000, file: outFile };
}
