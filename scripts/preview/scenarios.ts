// Finds, loads and validates the preview scenarios beside each component
// (lwc/<name>/__tests__/<name>.scenarios.ts, types/lwc-test/preview.d.ts).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PreviewScenario } from 'relay/preview';

/** The LWC folders Relay keeps components in, relative to the project root. */
export const LWC_DIRS = ['force-app/main/default/lwc'];

export interface ComponentInfo {
    /** Folder name, for example `recordSyncStatus`. */
    name: string;
    dir: string;
    exposed: boolean;
    targets: string[];
}

export interface LoadedScenario {
    scenario: PreviewScenario;
    /** The scenarios file, relative to the project root. */
    file: string;
}

/** Reads a component's js-meta.xml: isExposed and its targets. */
export function readComponentMeta(metaXml: string): { exposed: boolean; targets: string[] } {
    const exposed = /<isExposed>\s*true\s*<\/isExposed>/.test(metaXml);
    const targetsBlock = /<targets>([\s\S]*?)<\/targets>/.exec(metaXml)?.[1] ?? '';
    const targets = [...targetsBlock.matchAll(/<target>\s*([^<\s]+)\s*<\/target>/g)].map((match) => match[1]);
    return { exposed, targets };
}

/** Every component folder (one holding `<name>.js-meta.xml`) of the project's LWC folders. */
export function listComponents(projectRoot: string): ComponentInfo[] {
    const components: ComponentInfo[] = [];
    for (const lwcDir of LWC_DIRS) {
        const absolute = path.join(projectRoot, lwcDir);
        if (!existsSync(absolute)) {
            continue;
        }
        for (const entry of readdirSync(absolute, { withFileTypes: true })) {
            const metaFile = path.join(absolute, entry.name, `${entry.name}.js-meta.xml`);
            if (!entry.isDirectory() || !existsSync(metaFile)) {
                continue;
            }
            components.push({
                name: entry.name,
                dir: path.join(absolute, entry.name),
                ...readComponentMeta(readFileSync(metaFile, 'utf8'))
            });
        }
    }
    return components.sort((a, b) => a.name.localeCompare(b.name));
}

/** The scenario files of the project, relative to the root, in a stable order. */
export function findScenarioFiles(projectRoot: string, components: readonly ComponentInfo[]): string[] {
    const files: string[] = [];
    for (const component of components) {
        const testsDir = path.join(component.dir, '__tests__');
        if (!existsSync(testsDir)) {
            continue;
        }
        for (const name of readdirSync(testsDir).sort()) {
            if (name.endsWith('.scenarios.ts')) {
                files.push(path.relative(projectRoot, path.join(testsDir, name)));
            }
        }
    }
    return files;
}

/** Loads each scenarios file (Node strips the types; JSON fixtures load through import attributes). */
export async function loadScenarioFiles(
    projectRoot: string,
    files: readonly string[],
    load: (url: string) => Promise<unknown> = (url) => import(url)
): Promise<LoadedScenario[]> {
    const loaded: LoadedScenario[] = [];
    for (const file of files) {
        const module = (await load(pathToFileURL(path.join(projectRoot, file)).href)) as { scenarios?: unknown };
        if (!Array.isArray(module.scenarios)) {
            throw new Error(`${file} must export \`scenarios: PreviewScenario[]\`.`);
        }
        for (const scenario of module.scenarios as PreviewScenario[]) {
            loaded.push({ scenario, file });
        }
    }
    return loaded;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/** Every problem with the scenarios, one sentence each; empty when they can run. */
export function validateScenarios(loaded: readonly LoadedScenario[], components: readonly ComponentInfo[]): string[] {
    const problems: string[] = [];
    if (loaded.length === 0) {
        problems.push(
            'No preview scenarios found: add lwc/<component>/__tests__/<component>.scenarios.ts exporting `scenarios`.'
        );
    }
    const names = new Set(components.map((component) => component.name));
    const seen = new Map<string, string>();
    for (const { scenario, file } of loaded) {
        const id = typeof scenario?.id === 'string' ? scenario.id : '';
        if (!ID_PATTERN.test(id)) {
            problems.push(`${file}: scenario id "${id}" must be lowercase letters, digits and dashes.`);
        }
        const earlier = seen.get(id);
        if (earlier !== undefined) {
            problems.push(`${file}: scenario id "${id}" is already used in ${earlier}.`);
        }
        seen.set(id, file);
        if (typeof scenario?.title !== 'string' || scenario.title.trim() === '') {
            problems.push(`${file}: scenario "${id}" needs a title.`);
        }
        if (!names.has(scenario?.component)) {
            problems.push(`${file}: scenario "${id}" names component "${scenario?.component}", which has no folder.`);
        }
        if (!Array.isArray(scenario?.expect?.text)) {
            problems.push(`${file}: scenario "${id}" needs expect.text (what a person would check).`);
        }
    }
    const covered = new Set(loaded.map(({ scenario }) => scenario.component));
    for (const component of components) {
        if (component.exposed && !covered.has(component.name)) {
            problems.push(
                `Component ${component.name} is exposed but has no preview scenario: add ` +
                    `lwc/${component.name}/__tests__/${component.name}.scenarios.ts.`
            );
        }
    }
    return problems;
}

/** Record page components get a record page column's width; console components a desktop window. */
export function viewportFor(
    scenario: Pick<PreviewScenario, 'viewport' | 'component'>,
    components: readonly ComponentInfo[]
): { width: number; height: number } {
    if (scenario.viewport) {
        return scenario.viewport;
    }
    const component = components.find((candidate) => candidate.name === scenario.component);
    return component?.targets.includes('lightning__RecordPage')
        ? { width: 480, height: 800 }
        : { width: 1280, height: 800 };
}

/** Whether the component sits in a record page (the host page draws a narrow column for it). */
export function isRecordPageComponent(name: string, components: readonly ComponentInfo[]): boolean {
    return components.find((component) => component.name === name)?.targets.includes('lightning__RecordPage') ?? false;
}

export interface ScenarioSet {
    components: ComponentInfo[];
    scenarios: LoadedScenario[];
}

/** Lists, loads and validates; throws one error naming every problem. */
export async function loadProjectScenarios(
    projectRoot: string,
    load?: (url: string) => Promise<unknown>
): Promise<ScenarioSet> {
    const components = listComponents(projectRoot);
    const scenarios = await loadScenarioFiles(projectRoot, findScenarioFiles(projectRoot, components), load);
    const problems = validateScenarios(scenarios, components);
    if (problems.length > 0) {
        throw new Error(`Preview scenarios are not valid:\n- ${problems.join('\n- ')}`);
    }
    return { components, scenarios };
}
