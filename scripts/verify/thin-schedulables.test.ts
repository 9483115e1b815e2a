// Thin schedulables: the platform refuses to deploy a class that has active jobs, and newer rules extend that to
// the classes a scheduled class references. So every Apex class that implements Schedulable (top-level or inner,
// in any package directory) may name no project class but RelayScheduledWork and itself (its own file's class):
// it resolves its work by name with Type.forName. Project classes are the file names of every `classes/*.cls`;
// comments and string literals are removed first (a class named in a Type.forName string is not a reference).
// Apex identifiers are case-insensitive, so names are compared in lower case.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { listFiles, readPackageDirectories } from '../lib/project.ts';
import { createFixtureProject, writeApexClass } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

/** The one project type a schedulable may name. */
const SCHEDULED_WORK_INTERFACE = 'RelayScheduledWork';

/** A class declaration that implements Schedulable: its name, its file, and its header and body. */
interface SchedulableClass {
    file: string;
    name: string;
    text: string;
}

/**
 * The source with comments and string literals replaced by spaces (line breaks kept), so what is left is code.
 * Apex strings are single-quoted with backslash escapes; `//` and `/* *\/` are its comments.
 */
function stripCommentsAndStrings(source: string): string {
    let out = '';
    let i = 0;
    const blank = (text: string) => text.replace(/[^\n]/g, ' ');
    while (i < source.length) {
        const two = source.slice(i, i + 2);
        let end: number;
        if (two === '//') {
            end = source.indexOf('\n', i);
            end = end === -1 ? source.length : end;
        } else if (two === '/*') {
            end = source.indexOf('*/', i + 2);
            end = end === -1 ? source.length : end + 2;
        } else if (source[i] === "'") {
            end = i + 1;
            while (end < source.length && source[end] !== "'" && source[end] !== '\n') {
                end += source[end] === '\\' ? 2 : 1;
            }
            end = Math.min(end + 1, source.length);
        } else {
            out += source[i];
            i += 1;
            continue;
        }
        out += blank(source.slice(i, end));
        i = end;
    }
    return out;
}

/** The index just past the brace that closes the one at `open`. */
function closingBrace(code: string, open: number): number {
    let depth = 0;
    for (let i = open; i < code.length; i++) {
        if (code[i] === '{') depth += 1;
        if (code[i] === '}') {
            depth -= 1;
            if (depth === 0) return i + 1;
        }
    }
    return code.length;
}

/** Every class declared in `code` (comments and strings stripped) whose implements list names Schedulable. */
function findSchedulableClasses(file: string, code: string): SchedulableClass[] {
    const declaration = /\bclass\s+(\w+)([^{;]*)\{/gi;
    const found: SchedulableClass[] = [];
    for (const match of code.matchAll(declaration)) {
        const header = match[2];
        if (!/\bimplements\b[^{]*\bSchedulable\b/i.test(header)) continue;
        const open = match.index + match[0].length - 1;
        found.push({ file, name: match[1], text: code.slice(match.index, closingBrace(code, open)) });
    }
    return found;
}

/** Project class names, in lower case, mapped to their spelling: the file names of every `classes/*.cls`. */
function projectClasses(files: string[]): Map<string, string> {
    return new Map(
        files
            .filter((file) => path.basename(path.dirname(file)) === 'classes' && file.endsWith('.cls'))
            .map((file) => {
                const name = path.basename(file, '.cls');
                return [name.toLowerCase(), name];
            })
    );
}

/** The project classes a schedulable names, other than the interface, its own file's class and itself. */
function forbiddenReferences(schedulable: SchedulableClass, classes: Map<string, string>): string[] {
    const allowed = new Set(
        [SCHEDULED_WORK_INTERFACE, path.basename(schedulable.file, '.cls'), schedulable.name].map((name) =>
            name.toLowerCase()
        )
    );
    const named = new Set<string>();
    for (const [identifier] of schedulable.text.matchAll(/\b[A-Za-z_]\w*\b/g)) {
        const lower = identifier.toLowerCase();
        const projectClass = classes.get(lower);
        if (projectClass !== undefined && !allowed.has(lower)) named.add(projectClass);
    }
    return [...named].sort();
}

/** Every schedulable of the project, and one line per schedulable that names a project class. */
function checkThinSchedulables(root: string): { schedulables: string[]; violations: string[] } {
    const files = readPackageDirectories(root).flatMap((directory) =>
        listFiles(directory.absolutePath, new Set(['node_modules']))
    );
    const classes = projectClasses(files);
    const schedulables = files
        .filter((file) => file.endsWith('.cls'))
        .flatMap((file) =>
            findSchedulableClasses(path.relative(root, file), stripCommentsAndStrings(readFileSync(file, 'utf8')))
        );
    return {
        schedulables: schedulables.map((schedulable) => schedulable.name),
        violations: schedulables.flatMap((schedulable) => {
            const names = forbiddenReferences(schedulable, classes);
            return names.length === 0
                ? []
                : [
                      `${schedulable.file}: ${schedulable.name} implements Schedulable and names ${names.join(', ')}; ` +
                          `resolve the work with Type.forName and call it through ${SCHEDULED_WORK_INTERFACE}`
                  ];
        })
    };
}

const THIN = `/** Runs IntegrationSweeper, resolved by name: IntegrationSweeper.sweep(now) is never called here. */
public with sharing class ThinSchedulable implements Schedulable {
    private static String workClass = 'IntegrationSweeper'; // not IntegrationSweeper.run()
    public void execute(SchedulableContext context) {
        Type workType = Type.forName(workClass);
        if (workType == null) {
            throw new MissingWorkException('Cannot find IntegrationSweeper: it\\'s not deployed');
        }
        ((RelayScheduledWork) workType.newInstance()).run(context);
    }
    public class MissingWorkException extends Exception {
    }
}
`;

const FAT = `public without sharing class FatSchedulable implements Database.Stateful, Schedulable {
    public void execute(SchedulableContext context) {
        integrationsweeper.sweep(Datetime.now());
        RelayPlatform.instance.publish(new List<SObject>());
    }
}
`;

const TEST_WITH_INNER = `@IsTest
private class SomethingTest {
    static void helper() {
        IntegrationSweeper.sweep(Datetime.now());
    }
    public class Noop implements Schedulable {
        public void execute(SchedulableContext context) {
            SomethingTest.helper();
        }
    }
    public class Leaky implements System.Schedulable {
        public void execute(SchedulableContext context) {
            new IntegrationSweeper().run(context);
        }
    }
}
`;

const EXTENDS = `public class Subclassed extends IntegrationSweeper implements Schedulable {
    public void execute(SchedulableContext context) {
        run(context);
    }
}
`;

describe('thin schedulables', () => {
    let project: FixtureProject | undefined;

    afterEach(() => {
        project?.remove();
        project = undefined;
    });

    it("name no project class but RelayScheduledWork and themselves in Relay's source", () => {
        const { schedulables, violations } = checkThinSchedulables(process.cwd());

        expect(schedulables).toEqual(
            expect.arrayContaining(['IntegrationSweeperSchedulable', 'IntegrationScheduledSync', 'RelayScheduledJob'])
        );
        expect(violations).toEqual([]);
    });

    it('report a schedulable that names engine classes, in any letter case, in its body or its header', () => {
        project = createFixtureProject(['force-app', 'examples']);
        writeApexClass(project, 'RelayScheduledWork', 'public interface RelayScheduledWork {}\n');
        writeApexClass(project, 'IntegrationSweeper', 'public class IntegrationSweeper {}\n');
        writeApexClass(project, 'RelayPlatform', 'public class RelayPlatform {}\n');
        writeApexClass(project, 'ThinSchedulable', THIN);
        writeApexClass(project, 'FatSchedulable', FAT);
        writeApexClass(project, 'SomethingTest', TEST_WITH_INNER, 'examples/test/classes');
        writeApexClass(project, 'Subclassed', EXTENDS);

        const { schedulables, violations } = checkThinSchedulables(project.root);

        expect(schedulables.sort()).toEqual(['FatSchedulable', 'Leaky', 'Noop', 'Subclassed', 'ThinSchedulable']);
        expect(violations.sort()).toEqual([
            expect.stringMatching(/^examples\/test\/classes\/SomethingTest\.cls: Leaky .* names IntegrationSweeper;/),
            expect.stringMatching(
                /^force-app\/main\/default\/classes\/FatSchedulable\.cls: FatSchedulable .* names IntegrationSweeper, RelayPlatform;/
            ),
            expect.stringMatching(
                /^force-app\/main\/default\/classes\/Subclassed\.cls: Subclassed .* names IntegrationSweeper;/
            )
        ]);
    });

    it('ignore class names in comments and strings, keeping line breaks', () => {
        const code = stripCommentsAndStrings("a // B\nc /* D\n*/ e 'F\\'G' h\n");

        expect(code.split('\n')).toHaveLength(4);
        expect(code.match(/\w+/g)).toEqual(['a', 'c', 'e', 'h']);
    });
});
