import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** A throwaway SFDX project on disk, for checks that read real files. */
export interface FixtureProject {
    root: string;
    write(relativePath: string, content: string): string;
    remove(): void;
}

export const API_VERSION_XML = '<apiVersion>67.0</apiVersion>';

export function createFixtureProject(packageDirectories: string[] = ['force-app']): FixtureProject {
    const root = mkdtempSync(path.join(tmpdir(), 'relay-fixture-'));
    const write = (relativePath: string, content: string): string => {
        const file = path.join(root, relativePath);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, content);
        return file;
    };
    write(
        'sfdx-project.json',
        JSON.stringify({
            packageDirectories: packageDirectories.map((directory, index) => ({
                path: directory,
                default: index === 0
            })),
            sourceApiVersion: '67.0'
        })
    );
    return { root, write, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function apexClassMeta(): string {
    return `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    ${API_VERSION_XML}
    <status>Active</status>
</ApexClass>
`;
}

/** Writes a custom object with Text fields into the fixture. */
export function writeCustomObject(
    project: FixtureProject,
    objectName: string,
    fieldNames: string[],
    base = 'force-app/main/default'
): void {
    project.write(
        `${base}/objects/${objectName}/${objectName}.object-meta.xml`,
        `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <deploymentStatus>Deployed</deploymentStatus>
    <label>${objectName}</label>
    <nameField><label>Name</label><type>Text</type></nameField>
    <pluralLabel>${objectName}s</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`
    );
    for (const fieldName of fieldNames) {
        project.write(
            `${base}/objects/${objectName}/fields/${fieldName}.field-meta.xml`,
            `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>${fieldName}</fullName>
    <label>${fieldName}</label>
    <length>80</length>
    <type>Text</type>
</CustomField>
`
        );
    }
}

export function writeApexClass(
    project: FixtureProject,
    className: string,
    body: string,
    folder = 'force-app/main/default/classes'
): string {
    project.write(`${folder}/${className}.cls-meta.xml`, apexClassMeta());
    return project.write(`${folder}/${className}.cls`, body);
}

/** Writes an LWC bundle; pass `js: undefined` to leave out the deployed .js. */
export function writeLwcBundle(
    project: FixtureProject,
    name: string,
    files: { js?: string; html?: string },
    base = 'force-app/main/default'
): void {
    const folder = `${base}/lwc/${name}`;
    project.write(
        `${folder}/${name}.js-meta.xml`,
        `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata">
    ${API_VERSION_XML}
    <isExposed>false</isExposed>
</LightningComponentBundle>
`
    );
    project.write(`${folder}/${name}.ts`, files.js ?? '');
    if (files.js !== undefined) project.write(`${folder}/${name}.js`, files.js);
    if (files.html !== undefined) project.write(`${folder}/${name}.html`, files.html);
}
