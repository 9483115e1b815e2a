// Source conversion (check g) accepts a tab pointing at a component that does not exist, an app listing a tab that
// was renamed, a page placing a component that cannot go on it: the org refuses them only at deploy. This test
// resolves those references inside the project: tab → LWC bundle (exposed, lightning__Tab) or FlexiPage, FlexiPage →
// bundles (exposed, a target for the page's type), app → tabs, permission sets → tabs and apps.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { findLwcBundles } from '../lib/project.ts';

const ROOT = process.cwd();
const DEFAULT = path.join(ROOT, 'force-app/main/default');
const parser = new XMLParser({ ignoreAttributes: true, isArray: (name) => ARRAY_ELEMENTS.has(name) });
const ARRAY_ELEMENTS = new Set([
    'tabs',
    'target',
    'flexiPageRegions',
    'itemInstances',
    'tabSettings',
    'applicationVisibilities'
]);

type Xml = Record<string, unknown>;

function readXml(file: string): Xml {
    return parser.parse(readFileSync(file, 'utf8')) as Xml;
}

/** Metadata file names in a folder without their suffix (`Relay_Logs.tab-meta.xml` → `Relay_Logs`). */
function namesIn(folder: string, suffix: string): string[] {
    const directory = path.join(DEFAULT, folder);
    return existsSync(directory)
        ? readdirSync(directory)
              .filter((file) => file.endsWith(suffix))
              .map((file) => file.slice(0, -suffix.length))
        : [];
}

interface BundleInfo {
    exposed: boolean;
    targets: string[];
}

function bundles(): Map<string, BundleInfo> {
    const byName = new Map<string, BundleInfo>();
    for (const bundle of findLwcBundles(ROOT)) {
        const metaFile = path.join(bundle.directory, `${bundle.name}.js-meta.xml`);
        if (!existsSync(metaFile)) {
            continue;
        }
        const meta = readXml(metaFile).LightningComponentBundle as Xml;
        const targets = ((meta.targets as Xml | undefined)?.target as string[] | undefined) ?? [];
        byName.set(bundle.name, { exposed: meta.isExposed === true, targets });
    }
    return byName;
}

const TABS = namesIn('tabs', '.tab-meta.xml');
const OBJECTS = readdirSync(path.join(DEFAULT, 'objects'));
const APPS = namesIn('applications', '.app-meta.xml');
const FLEXIPAGES = namesIn('flexipages', '.flexipage-meta.xml');
const BUNDLES = bundles();

/** The LWC target a FlexiPage type needs of the components it places. */
const TARGET_OF_PAGE_TYPE: Record<string, string> = {
    AppPage: 'lightning__AppPage',
    HomePage: 'lightning__HomePage',
    RecordPage: 'lightning__RecordPage'
};

/** Why a tab cannot deploy or open: its object, page or component is missing or cannot be a tab. */
function tabProblems(tab: string, definition: Xml): string[] {
    const problems: string[] = [];
    if (definition.customObject === true && !OBJECTS.includes(tab)) {
        problems.push(`no object ${tab} in the project`);
    }
    if (typeof definition.flexiPage === 'string' && !FLEXIPAGES.includes(definition.flexiPage)) {
        problems.push(`no flexipage ${definition.flexiPage}`);
    }
    if (typeof definition.lwcComponent === 'string') {
        const bundle = BUNDLES.get(definition.lwcComponent);
        if (!bundle) {
            problems.push(`no LWC bundle ${definition.lwcComponent}`);
        } else if (!bundle.exposed || !bundle.targets.includes('lightning__Tab')) {
            problems.push(`${definition.lwcComponent} is not exposed with the lightning__Tab target`);
        }
    }
    return problems;
}

describe('metadata references', () => {
    it('finds the metadata it checks', () => {
        expect(TABS.length).toBeGreaterThan(0);
        expect(APPS.length).toBeGreaterThan(0);
        expect(BUNDLES.size).toBeGreaterThan(0);
    });

    it.each(TABS)('tab %s points at something that exists and can be a tab', (tab) => {
        const definition = readXml(path.join(DEFAULT, 'tabs', `${tab}.tab-meta.xml`)).CustomTab as Xml;
        const kinds = ['customObject', 'flexiPage', 'lwcComponent', 'page', 'url'].filter((kind) => kind in definition);
        expect(kinds).toHaveLength(1);
        expect(definition.motif).toEqual(expect.any(String));
        expect(tabProblems(tab, definition)).toEqual([]);
    });

    it.each(FLEXIPAGES)('flexipage %s places only exposed components that target its page type', (page) => {
        const definition = readXml(path.join(DEFAULT, 'flexipages', `${page}.flexipage-meta.xml`)).FlexiPage as Xml;
        const target = TARGET_OF_PAGE_TYPE[definition.type as string];
        expect(target).toBeDefined();
        const components = ((definition.flexiPageRegions as Xml[] | undefined) ?? [])
            .flatMap((region) => (region.itemInstances as Xml[] | undefined) ?? [])
            .map((item) => (item.componentInstance as Xml | undefined)?.componentName)
            .filter((name): name is string => typeof name === 'string');
        expect(components.length).toBeGreaterThan(0);
        for (const component of components) {
            const bundle = BUNDLES.get(component);
            expect({ component, exposed: bundle?.exposed, targets: bundle?.targets }).toEqual({
                component,
                exposed: true,
                targets: expect.arrayContaining([target]) as unknown
            });
        }
    });

    it.each(APPS)('app %s lists only tabs of the project', (app) => {
        const definition = readXml(path.join(DEFAULT, 'applications', `${app}.app-meta.xml`)).CustomApplication as Xml;
        const tabs = (definition.tabs as string[] | undefined) ?? [];
        expect(tabs.length).toBeGreaterThan(0);
        expect(tabs.filter((tab) => !TABS.includes(tab))).toEqual([]);
    });

    it.each(namesIn('permissionsets', '.permissionset-meta.xml'))(
        'permission set %s grants only tabs and apps of the project',
        (permissionSet) => {
            const definition = readXml(path.join(DEFAULT, 'permissionsets', `${permissionSet}.permissionset-meta.xml`))
                .PermissionSet as Xml;
            const tabs = ((definition.tabSettings as Xml[] | undefined) ?? []).map((setting) => setting.tab as string);
            const apps = ((definition.applicationVisibilities as Xml[] | undefined) ?? []).map(
                (visibility) => visibility.application as string
            );
            expect(tabs.filter((tab) => !TABS.includes(tab))).toEqual([]);
            expect(apps.filter((app) => !APPS.includes(app))).toEqual([]);
        }
    );
});
