import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createFixtureProject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import {
    findScenarioFiles,
    isRecordPageComponent,
    listComponents,
    loadProjectScenarios,
    readComponentMeta,
    validateScenarios,
    viewportFor
} from './scenarios.ts';
import type { ComponentInfo, LoadedScenario } from './scenarios.ts';
import { bundledComponents } from './run.ts';

jest.mock('./here.ts', () => ({ PREVIEW_DIR: '/preview' }));

const meta = (exposed: boolean, targets: string[]): string =>
    `<LightningComponentBundle><isExposed>${exposed}</isExposed><targets>${targets
        .map((target) => `<target>${target}</target>`)
        .join('')}</targets></LightningComponentBundle>`;

const component = (name: string, exposed: boolean, targets: string[] = []): ComponentInfo => ({
    name,
    dir: `/lwc/${name}`,
    exposed,
    targets
});

const loaded = (id: string, name = 'card', file = 'card.scenarios.ts'): LoadedScenario => ({
    scenario: { id, title: `Card ${id}`, component: name, expect: { text: ['x'] } },
    file
});

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

describe('component metadata', () => {
    it('reads isExposed and targets', () => {
        expect(readComponentMeta(meta(true, ['lightning__RecordPage', 'lightning__AppPage']))).toEqual({
            exposed: true,
            targets: ['lightning__RecordPage', 'lightning__AppPage']
        });
        expect(readComponentMeta('<LightningComponentBundle/>')).toEqual({ exposed: false, targets: [] });
    });

    it('lists component folders and their scenario files', () => {
        project = createFixtureProject();
        project.write('force-app/main/default/lwc/card/card.js-meta.xml', meta(true, ['lightning__RecordPage']));
        project.write('force-app/main/default/lwc/card/__tests__/card.scenarios.ts', 'export const scenarios = [];');
        project.write('force-app/main/default/lwc/card/__tests__/card.test.ts', '');
        project.write('force-app/main/default/lwc/util/util.js-meta.xml', meta(false, []));
        project.write('force-app/main/default/lwc/notABundle/readme.md', '');

        const components = listComponents(project.root);

        expect(components.map((info) => [info.name, info.exposed])).toEqual([
            ['card', true],
            ['util', false]
        ]);
        expect(findScenarioFiles(project.root, components)).toEqual([
            'force-app/main/default/lwc/card/__tests__/card.scenarios.ts'
        ]);
    });
});

describe('validateScenarios', () => {
    const components = [component('card', true), component('util', false)];

    it('accepts unique ids for existing components covering every exposed one', () => {
        expect(validateScenarios([loaded('card-a'), loaded('card-b')], components)).toEqual([]);
    });

    it('fails loudly on no scenarios, duplicate or bad ids, unknown components and uncovered exposed ones', () => {
        expect(validateScenarios([], components)).toEqual([
            expect.stringContaining('No preview scenarios found'),
            expect.stringContaining('Component card is exposed but has no preview scenario')
        ]);
        const problems = validateScenarios(
            [
                loaded('card-a'),
                loaded('card-a', 'card', 'other.scenarios.ts'),
                loaded('Bad Id', 'card'),
                loaded('ghost-a', 'ghost'),
                { scenario: { id: 'card-c', title: ' ', component: 'card' } as never, file: 'x.ts' }
            ],
            components
        );

        expect(problems).toEqual([
            'other.scenarios.ts: scenario id "card-a" is already used in card.scenarios.ts.',
            'card.scenarios.ts: scenario id "Bad Id" must be lowercase letters, digits and dashes.',
            'card.scenarios.ts: scenario "ghost-a" names component "ghost", which has no folder.',
            'x.ts: scenario "card-c" needs a title.',
            'x.ts: scenario "card-c" needs expect.text (what a person would check).'
        ]);
    });
});

describe('viewport and bundle', () => {
    const components = [
        component('card', true, ['lightning__RecordPage']),
        component('console', true, ['lightning__Tab'])
    ];

    it('gives record page components a narrow viewport unless the scenario sets one', () => {
        expect(viewportFor({ component: 'card' }, components)).toEqual({ width: 480, height: 800 });
        expect(viewportFor({ component: 'console' }, components)).toEqual({ width: 1280, height: 800 });
        expect(viewportFor({ component: 'card', viewport: { width: 1, height: 2 } }, components)).toEqual({
            width: 1,
            height: 2
        });
        expect(isRecordPageComponent('card', components)).toBe(true);
        expect(isRecordPageComponent('ghost', components)).toBe(false);
    });

    it('bundles every exposed component and every component a scenario shows', () => {
        expect(
            bundledComponents({
                components: [...components, component('child', false)],
                scenarios: [loaded('child-a', 'child')]
            })
        ).toEqual(['card', 'child', 'console']);
    });
});

describe('loadProjectScenarios', () => {
    it('loads each file through the loader and throws every problem in one error', async () => {
        project = createFixtureProject();
        project.write('force-app/main/default/lwc/card/card.js-meta.xml', meta(true, []));
        project.write('force-app/main/default/lwc/card/__tests__/card.scenarios.ts', '');
        const scenario = loaded('card-a').scenario;

        await expect(
            loadProjectScenarios(project.root, () => Promise.resolve({ scenarios: [scenario] }))
        ).resolves.toMatchObject({ scenarios: [{ scenario, file: expect.stringContaining('card.scenarios.ts') }] });
        await expect(loadProjectScenarios(project.root, () => Promise.resolve({}))).rejects.toThrow(
            'must export `scenarios: PreviewScenario[]`'
        );
        await expect(loadProjectScenarios(project.root, () => Promise.resolve({ scenarios: [] }))).rejects.toThrow(
            'Component card is exposed but has no preview scenario'
        );
    });
});
