import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LwcBundle } from '../lib/project.ts';

/**
 * The platform compiler cannot know what exists in an org, so it accepts `import x from 'c/typo'`.
 * This check resolves what the project itself can answer: sibling bundles, Apex methods and the
 * lightning/* modules Relay uses.
 */

/** lightning/* modules that components import in JavaScript. Add one here when Relay starts using it. */
export const KNOWN_LIGHTNING_MODULES: ReadonlySet<string> = new Set([
    'lightning/actions',
    'lightning/alert',
    'lightning/confirm',
    'lightning/empApi',
    'lightning/flowSupport',
    'lightning/logger',
    'lightning/messageService',
    'lightning/modal',
    'lightning/navigation',
    'lightning/platformResourceLoader',
    'lightning/platformShowToastEvent',
    'lightning/prompt',
    'lightning/refresh',
    'lightning/toast',
    'lightning/uiListsApi',
    'lightning/uiObjectInfoApi',
    'lightning/uiRecordApi',
    'lightning/uiRelatedListApi'
]);

/** Modules every component may import that need no check here. */
const ALWAYS_AVAILABLE =
    /^(lwc|@salesforce\/(apexContinuation|client|community|contentAssetUrl|customPermission|i18n|label|messageChannel|resourceUrl|site|user|userPermission)(\/.*)?|@salesforce\/apex)$/;

/** Module specifiers imported (statically or dynamically) by a JavaScript source. */
export function importedModules(source: string): string[] {
    const specifiers = [...source.matchAll(/\bimport\s*(?:[^'"();]*?\s*from\s*)?['"]([^'"]+)['"]/g)].map(
        (match) => match[1]
    );
    const dynamic = [...source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map((match) => match[1]);
    return [...new Set([...specifiers, ...dynamic])];
}

export interface ImportContext {
    bundleNames: ReadonlySet<string>;
    /** Apex source by lower-cased class name. */
    apexClasses: ReadonlyMap<string, string>;
}

/** Why an import cannot work in the org, or undefined when it can. */
export function checkImport(specifier: string, context: ImportContext): string | undefined {
    if (specifier.startsWith('.') || ALWAYS_AVAILABLE.test(specifier)) {
        return undefined;
    }
    if (specifier.startsWith('c/')) {
        const target = specifier.slice(2);
        return context.bundleNames.has(target)
            ? undefined
            : `imports ${specifier}, but no bundle ${target} exists in the project.`;
    }
    if (specifier.startsWith('@salesforce/apex/')) {
        return checkApexImport(specifier, context.apexClasses);
    }
    if (specifier.startsWith('lightning/')) {
        return KNOWN_LIGHTNING_MODULES.has(specifier)
            ? undefined
            : `imports ${specifier}, which is not a known platform module (see KNOWN_LIGHTNING_MODULES in scripts/verify/lwc-imports.ts).`;
    }
    if (specifier.startsWith('@salesforce/schema/')) {
        return undefined;
    }
    return `imports ${specifier}, which the platform cannot resolve (no npm packages in LWC).`;
}

function checkApexImport(specifier: string, apexClasses: ReadonlyMap<string, string>): string | undefined {
    const [className, methodName] = specifier.slice('@salesforce/apex/'.length).split('.');
    const source = apexClasses.get((className ?? '').toLowerCase());
    if (source === undefined) {
        return `imports ${specifier}, but the project has no Apex class ${className}.`;
    }
    const auraEnabledMethod = new RegExp(
        `@AuraEnabled\\b[^;{]*?\\bstatic\\s+[\\w<>,.\\s]+?\\b${methodName}\\s*\\(`,
        'i'
    );
    return auraEnabledMethod.test(source)
        ? undefined
        : `imports ${specifier}, but ${className} has no @AuraEnabled static method ${methodName}.`;
}

/** Every import problem of one bundle's deployed JavaScript. */
export function checkBundleImports(
    bundle: LwcBundle,
    jsFiles: Record<string, string>,
    context: ImportContext
): string[] {
    return Object.entries(jsFiles)
        .filter(([file]) => file.endsWith('.js'))
        .flatMap(([file, source]) =>
            importedModules(source).flatMap((specifier) => {
                const problem = checkImport(specifier, context);
                return problem ? [`${path.join(bundle.name, file)} ${problem}`] : [];
            })
        );
}

/** Reads the Apex classes of the project, keyed by lower-cased class name. */
export function readApexClasses(apexFiles: string[]): Map<string, string> {
    return new Map(
        apexFiles
            .filter((file) => file.endsWith('.cls') && existsSync(file))
            .map((file) => [path.basename(file, '.cls').toLowerCase(), readFileSync(file, 'utf8')])
    );
}
