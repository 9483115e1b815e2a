import { afterEach, describe, expect, it } from '@jest/globals';
import { findLwcBundles, listFiles, readPackageDirectories } from './project.ts';
import { createFixtureProject, writeLwcBundle } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

describe('readPackageDirectories', () => {
    it('resolves each package directory against the project root', () => {
        project = createFixtureProject(['force-app', 'examples']);

        expect(readPackageDirectories(project.root).map((directory) => directory.path)).toEqual([
            'force-app',
            'examples'
        ]);
    });

    it('says where to run from when there is no sfdx-project.json', () => {
        expect(() => readPackageDirectories('/')).toThrow(
            'No sfdx-project.json in /: run the command from the project root.'
        );
    });

    it('rejects a project file without package directory paths', () => {
        project = createFixtureProject();
        project.write('sfdx-project.json', JSON.stringify({ packageDirectories: [{ default: true }] }));

        expect(() => readPackageDirectories(project!.root)).toThrow(/must list packageDirectories, each with a path/);
    });
});

describe('findLwcBundles and listFiles', () => {
    it('finds bundles under every lwc folder of every package directory', () => {
        project = createFixtureProject(['force-app', 'examples']);
        writeLwcBundle(project, 'one', { js: '' });
        writeLwcBundle(project, 'two', { js: '' }, 'examples/main/default');

        expect(
            findLwcBundles(project.root)
                .map((bundle) => bundle.name)
                .sort()
        ).toEqual(['one', 'two']);
        expect(listFiles(`${project.root}/missing`)).toEqual([]);
        expect(listFiles(`${project.root}/force-app`, new Set(['one']))).toEqual([]);
    });
});
