import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { checkMetadata, convertProject, readPackageXmlMembers } from './metadata-convert.ts';
import {
    createFixtureProject,
    writeApexClass,
    writeCustomObject,
    writeLwcBundle
} from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

function projectWithCore(): FixtureProject {
    const created = createFixtureProject(['force-app', 'examples']);
    writeCustomObject(created, 'Log__c', ['Status__c']);
    writeApexClass(created, 'LogReader', 'public with sharing class LogReader {}\n', 'force-app/main/classes');
    writeLwcBundle(created, 'badge', { js: 'export default class {}\n', html: '<template></template>' });
    writeApexClass(created, 'SampleTrigger', 'public with sharing class SampleTrigger {}\n', 'examples/main/classes');
    return created;
}

describe('convertProject', () => {
    it('writes one package per package directory whose package.xml lists every component', async () => {
        project = projectWithCore();
        const output = path.join(project.root, 'dist');

        const reports = await convertProject(project.root, output);

        expect(reports.map((report) => report.problems)).toEqual([[], []]);
        const members = readPackageXmlMembers(readFileSync(path.join(output, 'force-app', 'package.xml'), 'utf8'));
        expect([...members].sort()).toEqual(
            [
                'ApexClass:LogReader',
                'CustomField:Log__c.Status__c',
                'CustomObject:Log__c',
                'LightningComponentBundle:badge'
            ].sort()
        );
        expect(existsSync(path.join(output, 'force-app', 'classes', 'LogReader.cls'))).toBe(true);
        expect(existsSync(path.join(output, 'examples', 'classes', 'SampleTrigger.cls'))).toBe(true);
    });

    it('fails a misnamed metadata file instead of dropping it silently', async () => {
        project = projectWithCore();
        project.write('force-app/main/default/objects/Log__c/fields/Note__c.field.xml', '<CustomField/>');

        const lines: string[] = [];
        const exitCode = await checkMetadata(project.root, path.join(project.root, 'dist'), (line) => lines.push(line));

        expect(exitCode).toBe(1);
        expect(lines.join('\n')).toContain('Note__c.field.xml does not resolve to any metadata component');
    });

    it('fails an LWC bundle without its .js, which makes the converter drop everything', async () => {
        project = projectWithCore();
        writeLwcBundle(project, 'orphan', { html: '<template></template>' });

        const reports = await convertProject(project.root, path.join(project.root, 'dist'));

        expect(reports[0].problems.join('\n')).toContain('LWC bundle orphan has no orphan.js');
    });
});
