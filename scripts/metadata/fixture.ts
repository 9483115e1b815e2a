import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { createFixtureProject } from '../test-support/fixture-project.ts';

/** Relay's own two Custom Metadata types, copied from this repository. */
const TYPES_DIR = path.join(process.cwd(), 'force-app', 'main', 'default', 'objects');
const EXAMPLE_RECORDS = path.join(process.cwd(), 'examples', 'main', 'default', 'customMetadata');

/**
 * A throwaway project with Relay's Custom Metadata types in force-app and, optionally, the sample integration's
 * records and Named Credential in examples: for tests of validate, generate and integration new.
 */
export function relayFixture(options: { withExample?: boolean } = {}): FixtureProject {
    const project = createFixtureProject(['force-app', 'examples']);
    for (const type of ['Integration_Setting__mdt', 'Integration_Field__mdt']) {
        cpSync(path.join(TYPES_DIR, type), path.join(project.root, 'force-app', 'main', 'default', 'objects', type), {
            recursive: true
        });
    }
    project.write('examples/main/default/.gitkeep', '');
    if (options.withExample) {
        cpSync(EXAMPLE_RECORDS, path.join(project.root, 'examples', 'main', 'default', 'customMetadata'), {
            recursive: true
        });
        for (const folder of ['namedCredentials', 'externalCredentials', 'triggers']) {
            cpSync(
                path.join(process.cwd(), 'examples', 'main', 'default', folder),
                path.join(project.root, 'examples', 'main', 'default', folder),
                { recursive: true }
            );
        }
    }
    return project;
}

/** The text of one of the sample's record files. */
export function exampleRecord(fileName: string): string {
    return readFileSync(path.join(EXAMPLE_RECORDS, fileName), 'utf8');
}
