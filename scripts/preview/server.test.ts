import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { createFixtureProject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';
import { entrySource, virtualModuleSource } from './build.ts';
import type { LoadedScenario } from './scenarios.ts';
import { contentTypeOf, hostPage, scriptJson, startPreviewServer, staticResourceFile } from './server.ts';

jest.mock('./here.ts', () => ({ PREVIEW_DIR: '/preview' }));

let project: FixtureProject | undefined;
afterEach(() => project?.remove());

const scenario: LoadedScenario = {
    scenario: { id: 'card-a', title: 'Card </script> a', component: 'card', expect: { text: [] } },
    file: 'card.scenarios.ts'
};

describe('preview server', () => {
    it('serves the index, scenario pages, the bundle, SLDS assets and static resources; 404 otherwise', async () => {
        project = createFixtureProject();
        project.write('force-app/main/default/staticresources/chart.js', 'window.Chart = 1;');
        project.write(
            'force-app/main/default/staticresources/chart.resource-meta.xml',
            '<StaticResource><contentType>application/javascript</contentType></StaticResource>'
        );
        project.write('force-app/main/default/staticresources/kit/css/kit.css', 'a{}');
        // SLDS assets come from the project's node_modules.
        project.write('node_modules/@salesforce-ux/design-system/package.json', '{}');
        project.write('node_modules/@salesforce-ux/design-system/assets/styles/slds.css', 'body{}');
        const server = await startPreviewServer({
            projectRoot: project.root,
            scenarios: [scenario],
            components: [{ name: 'card', dir: '', exposed: true, targets: ['lightning__RecordPage'] }],
            bundle: () => 'console.log(1);',
            port: 0
        });
        const get = async (url: string): Promise<[number, string, string]> => {
            const response = await fetch(server.url + url);
            return [response.status, response.headers.get('content-type') ?? '', await response.text()];
        };
        try {
            const [indexStatus, , index] = await get('/');
            expect(indexStatus).toBe(200);
            expect(index).toContain('href="/scenario/card-a"');
            const [pageStatus, pageType, page] = await get('/scenario/card-a');
            expect([pageStatus, pageType]).toEqual([200, 'text/html; charset=utf-8']);
            expect(page).toContain('relay-preview_record');
            expect(page).not.toContain('"Card </script>');
            expect(await get('/bundle.js')).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1);']);
            expect(await get('/assets/styles/slds.css')).toEqual([200, 'text/css; charset=utf-8', 'body{}']);
            expect(await get('/resource/chart')).toEqual([200, 'application/javascript', 'window.Chart = 1;']);
            expect((await get('/resource/kit/css/kit.css'))[0]).toBe(200);
            expect((await get('/resource/missing'))[0]).toBe(404);
            expect((await get('/scenario/ghost'))[0]).toBe(404);
            expect((await get('/assets/../../package.json'))[0]).toBe(404);
        } finally {
            await server.close();
        }
    });

    it('keeps injected JSON inside its script element and types files by extension', () => {
        expect(scriptJson({ a: '</script>' })).toBe('{"a":"\\u003c/script>"}');
        expect(hostPage(scenario.scenario, false)).toContain('relay-preview_console');
        expect(contentTypeOf('x.svg')).toBe('image/svg+xml');
        expect(contentTypeOf('x.bin')).toBe('application/octet-stream');
        expect(staticResourceFile('/nowhere', 'x')).toBeUndefined();
    });
});

describe('virtual platform modules', () => {
    it('answers the scoped modules the package does not ship', () => {
        expect(virtualModuleSource('@salesforce/apex/C.m')).toContain('apexMethod("C.m")');
        expect(virtualModuleSource('@salesforce/apexContinuation/C.m')).toContain('apexMethod("C.m")');
        expect(virtualModuleSource('@salesforce/customPermission/Relay_Replay_Logs')).toContain(
            'hasPermission("Relay_Replay_Logs")'
        );
        expect(virtualModuleSource('@salesforce/user/Id')).toContain('userValue("Id")');
        expect(virtualModuleSource('@salesforce/label/c.Relay_Title')).toBe('export default "c.Relay_Title";\n');
        expect(virtualModuleSource('@salesforce/schema/Account.Name')).toBe(
            'export default {"objectApiName":"Account","fieldApiName":"Name"};\n'
        );
        expect(virtualModuleSource('@salesforce/schema/Account')).toBe('export default {"objectApiName":"Account"};\n');
        expect(virtualModuleSource('@salesforce/resourceUrl/chart')).toBe('export default "/resource/chart";\n');
        // i18n values come from the package, as in the Jest tests (sfdx-lwc-jest): time zone America/Los_Angeles.
        expect(virtualModuleSource('@salesforce/i18n/timeZone')).toBeUndefined();
        expect(virtualModuleSource('@salesforce/i18n/locale')).toBeUndefined();
        expect(virtualModuleSource('@salesforce/unknown/x')).toBeUndefined();
        expect(virtualModuleSource('lightning/button')).toBeUndefined();
    });

    it('starts with synthetic shadow and registers every bundled component', () => {
        const source = entrySource(['card', 'console']);

        expect(source.indexOf("import '@lwc/synthetic-shadow';")).toBe(0);
        expect(source).toContain("import component1 from 'c/console';");
        expect(source).toContain('"card": component0');
    });
});
