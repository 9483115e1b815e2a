// `npm run preview` and `npm run check:browser`: prepare (emit the .js, load the scenarios, build or reuse the
// bundle), then serve, or render every scenario in Chromium.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PREVIEW_DIR, buildPreviewBundle, staleComponents } from './build.ts';
import { chromiumPath, missingChromiumMessage } from './chromium.ts';
import { loadProjectScenarios } from './scenarios.ts';
import type { ComponentInfo, ScenarioSet } from './scenarios.ts';

export interface PreparedPreview extends ScenarioSet {
    bundle: string;
    bundled: string[];
}

/** The components the bundle holds: every exposed one and every one a scenario shows. */
export function bundledComponents(set: ScenarioSet): string[] {
    const names = new Set(set.components.filter((component) => component.exposed).map((component) => component.name));
    set.scenarios.forEach(({ scenario }) => names.add(scenario.component));
    return [...names].sort();
}

function filesOf(dir: string, skip: (name: string) => boolean): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    return readdirSync(dir, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile() && !skip(path.join(entry.parentPath, entry.name)))
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
}

/**
 * What the bundle is made of: the components' emitted .js, templates and styles, the preview's own code and the
 * engine/base-component versions. Same key, same bundle: a rerun skips the 30–50 s build.
 */
export function bundleKey(
    projectRoot: string,
    components: readonly ComponentInfo[],
    bundled: readonly string[]
): string {
    const hash = createHash('sha256');
    hash.update(JSON.stringify(bundled));
    const inputs = [
        ...components.flatMap((component) =>
            filesOf(component.dir, (file) => file.includes(`${path.sep}__tests__${path.sep}`) || file.endsWith('.ts'))
        ),
        ...filesOf(path.join(PREVIEW_DIR, 'stubs'), (file) => !file.endsWith('.ts')),
        path.join(PREVIEW_DIR, 'build.ts'),
        path.join(PREVIEW_DIR, 'fixtures.ts'),
        ...['lwc', 'lightning-base-components', '@lwc/rollup-plugin', 'rollup'].map((pkg) =>
            path.join(projectRoot, 'node_modules', pkg, 'package.json')
        )
    ];
    for (const file of inputs) {
        hash.update(path.relative(projectRoot, file));
        hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    }
    return hash.digest('hex');
}

/** Emits the components' .js (npm run build:lwc) when a .ts is newer than its .js. */
export function emitComponentsIfStale(
    projectRoot: string,
    components: readonly ComponentInfo[],
    log: (line: string) => void
): void {
    const stale = staleComponents(components);
    if (stale.length === 0) {
        return;
    }
    log(`Emitting the .js of ${stale.join(', ')} (npm run build:lwc)`);
    const result = spawnSync('npm', ['run', '-s', 'build:lwc'], { stdio: 'inherit', cwd: projectRoot });
    if (result.status !== 0) {
        throw new Error('npm run build:lwc failed: the components must compile before the preview can show them.');
    }
}

export async function preparePreview(projectRoot: string, log: (line: string) => void): Promise<PreparedPreview> {
    const set = await loadProjectScenarios(projectRoot);
    emitComponentsIfStale(projectRoot, set.components, log);
    const bundled = bundledComponents(set);
    const outFile = path.join(projectRoot, 'dist/preview/bundle.js');
    const keyFile = `${outFile}.key`;
    const key = bundleKey(projectRoot, set.components, bundled);
    if (existsSync(outFile) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key) {
        log(`Bundle unchanged (${bundled.length} components): reusing dist/preview/bundle.js`);
        return { ...set, bundled, bundle: readFileSync(outFile, 'utf8') };
    }
    log(`Bundling ${bundled.length} components with the LWC engine and lightning-base-components…`);
    const result = await buildPreviewBundle(projectRoot, set.components, bundled, outFile);
    writeFileSync(keyFile, key);
    log(`Bundle built in ${result.seconds.toFixed(1)} s (${(result.code.length / 1e6).toFixed(1)} MB)`);
    return { ...set, bundled, bundle: result.code };
}

/** The Chromium to drive, or an Error whose message says how to install it. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env, exists?: (file: string) => boolean): string {
    const executable = chromiumPath(env);
    const missing = missingChromiumMessage(executable, exists);
    if (missing !== undefined) {
        throw new Error(missing);
    }
    return executable;
}
