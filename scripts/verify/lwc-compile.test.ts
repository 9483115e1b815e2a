import { afterEach, describe, expect, it } from '@jest/globals';
import { checkLwcBundles } from './lwc-compile.ts';
import { checkImport, importedModules } from './lwc-imports.ts';
import { createFixtureProject, writeApexClass, writeLwcBundle } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

const VALID_JS = "import { LightningElement } from 'lwc';\nexport default class Badge extends LightningElement {}\n";

async function runCheck(root: string): Promise<{ exitCode: number; output: string }> {
    const lines: string[] = [];
    const exitCode = await checkLwcBundles(root, (line) => lines.push(line));
    return { exitCode, output: lines.join('\n') };
}

describe('checkLwcBundles (the platform compiler)', () => {
    it('passes a valid bundle', async () => {
        project = createFixtureProject();
        writeLwcBundle(project, 'badge', { js: VALID_JS, html: '<template><p>ok</p></template>' });

        const { exitCode, output } = await runCheck(project.root);

        expect(output).toContain('1 LWC bundles compiled');
        expect(exitCode).toBe(0);
    });

    it('fails a bundle whose .js was never compiled from its .ts', async () => {
        project = createFixtureProject();
        writeLwcBundle(project, 'badge', { html: '<template></template>' });

        const { exitCode, output } = await runCheck(project.root);

        expect(exitCode).toBe(1);
        expect(output).toContain('badge.js is missing (compile the TypeScript first: npm run build:lwc)');
    });

    it('fails a template error and an invalid Apex import', async () => {
        project = createFixtureProject();
        writeLwcBundle(project, 'badge', {
            js: "import { LightningElement } from 'lwc';\nimport read from '@salesforce/apex/NoDot';\nexport default class Badge extends LightningElement {}\n",
            html: '<template><template for:each={items}></template></template>'
        });

        const { exitCode, output } = await runCheck(project.root);

        expect(exitCode).toBe(1);
        expect(output).toContain('LWC1706');
    });

    it('fails imports of bundles, Apex methods and modules that do not exist', async () => {
        project = createFixtureProject();
        writeApexClass(
            project,
            'Ctrl',
            'public with sharing class Ctrl {\n    @AuraEnabled(cacheable=true)\n    public static String read() { return null; }\n}\n'
        );
        writeLwcBundle(project, 'badge', {
            js:
                "import { LightningElement } from 'lwc';\nimport read from '@salesforce/apex/Ctrl.read';\nimport write from '@salesforce/apex/Ctrl.write';\n" +
                "import helper from 'c/helpr';\nexport default class Badge extends LightningElement {}\n",
            html: '<template></template>'
        });

        const { exitCode, output } = await runCheck(project.root);

        expect(exitCode).toBe(1);
        expect(output).toContain(
            'imports @salesforce/apex/Ctrl.write, but Ctrl has no @AuraEnabled static method write.'
        );
        expect(output).toContain('imports c/helpr, but no bundle helpr exists in the project.');
        expect(output).not.toContain('Ctrl.read,');
    });

    it('fails when the project has no bundle at all', async () => {
        project = createFixtureProject();
        project.write('force-app/main/default/.keep', '');

        expect((await runCheck(project.root)).exitCode).toBe(1);
    });
});

describe('lwc imports', () => {
    const context = {
        bundleNames: new Set(['shared']),
        apexClasses: new Map([['ctrl', 'public with sharing class Ctrl {}']])
    };

    it('lists static, side-effect and dynamic imports', () => {
        expect(
            importedModules("import a from 'x';\nimport { b } from \"y\";\nimport 'z';\nconst m = import('w');")
        ).toEqual(['x', 'y', 'z', 'w']);
    });

    it('accepts platform modules and relative files, rejects npm packages and unknown lightning modules', () => {
        expect(checkImport('lwc', context)).toBeUndefined();
        expect(checkImport('./helper', context)).toBeUndefined();
        expect(checkImport('c/shared', context)).toBeUndefined();
        expect(checkImport('lightning/platformShowToastEvent', context)).toBeUndefined();
        expect(checkImport('@salesforce/schema/Account.Name', context)).toBeUndefined();
        expect(checkImport('@salesforce/label/c.Greeting', context)).toBeUndefined();
        expect(checkImport('lightning/doesNotExist', context)).toMatch(/not a known platform module/);
        expect(checkImport('lodash', context)).toMatch(/cannot resolve/);
        expect(checkImport('@salesforce/apex/Missing.method', context)).toMatch(/no Apex class Missing/);
    });
});
