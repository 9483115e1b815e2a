import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createFixtureProject, writeApexClass } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { CHECKS } from '../verify/check-runner.ts';
import type { Check, CheckExecutor } from '../verify/check-runner.ts';
import { compileLwcs, preflight, selectChecks, selectPackageDirectories } from './preflight.ts';
import { findMalformedXml } from './xml-check.ts';

const LWC_TSCONFIG = JSON.stringify({
    compilerOptions: {
        target: 'ESNext',
        module: 'ESNext',
        strict: true,
        types: [],
        noEmitOnError: true,
        skipLibCheck: true
    },
    include: ['**/*.ts']
});

describe('deploy preflight', () => {
    let project: FixtureProject;
    let output: string;

    beforeEach(() => {
        project = createFixtureProject();
        writeApexClass(project, 'Greeter', 'public with sharing class Greeter {}');
        output = mkdtempSync(path.join(tmpdir(), 'relay-preflight-'));
    });
    afterEach(() => {
        project.remove();
        rmSync(output, { recursive: true, force: true });
    });

    function options(checks: Check[], runCheck: CheckExecutor = () => Promise.resolve({ exitCode: 0 })) {
        const lines: string[] = [];
        return {
            lines,
            value: {
                projectRoot: project.root,
                outputRoot: output,
                packageDirectories: ['force-app'],
                checks,
                runCheck,
                step: (title: string) => lines.push(`step ${title}`),
                done: (detail: string) => lines.push(`done ${detail}`),
                log: (line: string) => lines.push(line)
            }
        };
    }

    it('compiles a TypeScript LWC in place so its bundle deploys', () => {
        project.write('force-app/main/default/lwc/tsconfig.json', LWC_TSCONFIG);
        project.write(
            'force-app/main/default/lwc/hello/hello.ts',
            'export default class Hello { greeting: string = "hi"; }\n'
        );
        const compiled = compileLwcs(project.root);
        expect(compiled).toEqual({
            tsconfigs: [path.join('force-app', 'main', 'default', 'lwc', 'tsconfig.json')],
            emitted: 1
        });
        expect(readFileSync(path.join(project.root, 'force-app/main/default/lwc/hello/hello.js'), 'utf8')).toContain(
            'class Hello'
        );
    });

    it('stops on a type error with its file and line', () => {
        project.write('force-app/main/default/lwc/tsconfig.json', LWC_TSCONFIG);
        project.write(
            'force-app/main/default/lwc/hello/hello.ts',
            '\nconst count: number = "three";\nexport default count;\n'
        );
        expect(() => compileLwcs(project.root)).toThrow(
            "The TypeScript LWCs do not compile: force-app/main/default/lwc/hello/hello.ts:2: Type 'string' is not assignable to type 'number'."
        );
        expect(existsSync(path.join(project.root, 'force-app/main/default/lwc/hello/hello.js'))).toBe(false);
    });

    it('selects checks by label, script or short name, in the order of npm test', () => {
        expect(selectChecks(['metadata', 'a'])).toEqual([CHECKS[0], CHECKS[6]]);
        expect(selectChecks(['check:jest,lint'])).toEqual([CHECKS[1], CHECKS[2]]);
        expect(selectChecks(['all'])).toEqual(CHECKS);
        expect(selectChecks([])).toEqual(CHECKS);
        expect(selectChecks(['none'])).toEqual([]);
        expect(() => selectChecks(['z'])).toThrow(/^Unknown check z/);
    });

    it('selects package directories by name and refuses others', () => {
        expect(selectPackageDirectories(project.root, [])).toEqual(['force-app']);
        expect(selectPackageDirectories(project.root, ['force-app/'])).toEqual(['force-app']);
        expect(() => selectPackageDirectories(project.root, ['src'])).toThrow(
            'src is not a package directory of sfdx-project.json (force-app).'
        );
    });

    it('runs the chosen checks before converting, and converts when they pass', async () => {
        const ran: string[] = [];
        const run = options([CHECKS[0], CHECKS[3]], (check: Check) => {
            ran.push(check.script);
            return Promise.resolve({ exitCode: 0 });
        });
        const report = await preflight(run.value);
        expect(ran).toEqual(['check:types', 'check:apex']);
        expect(report.checks.map((result) => result.passed)).toEqual([true, true]);
        expect(report.packages[0].componentCount).toBe(1);
        expect(existsSync(path.join(output, 'force-app', 'package.xml'))).toBe(true);
        expect(run.lines).toContain('done no TypeScript LWCs');
        expect(run.lines).toContain('2 passed, 0 failed');
    });

    it('converts nothing when a check fails', async () => {
        const run = options([CHECKS[2]], () => Promise.resolve({ exitCode: 1 }));
        await expect(preflight(run.value)).rejects.toThrow(
            'Offline checks failed: c. Jest: LWC and script tests with coverage (run npm run check:jest alone to see why).'
        );
        expect(existsSync(path.join(output, 'force-app'))).toBe(false);
    });

    it('finds malformed XML, with file and line, even where SDR would not parse it', async () => {
        project.write(
            'force-app/main/default/classes/Greeter.cls-meta.xml',
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass>\n    <apiVersion>67.0</apiVersion>\n    <status>Active</stat>\n</ApexClass>\n'
        );
        expect(findMalformedXml(project.root, ['force-app'])).toEqual([
            {
                file: path.join('force-app', 'main', 'default', 'classes', 'Greeter.cls-meta.xml'),
                line: 4,
                message: expect.stringContaining("Expected closing tag 'status'") as unknown
            }
        ]);
        await expect(preflight(options([]).value)).rejects.toThrow(
            /^force-app\/main\/default\/classes\/Greeter\.cls-meta\.xml:4: malformed XML: /
        );
    });

    it('finds no problem in the real project tree', () => {
        const root = path.resolve(__dirname, '..', '..');
        expect(findMalformedXml(root, ['force-app', 'examples'])).toEqual([]);
    });
});
