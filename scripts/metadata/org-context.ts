import { readPackageDirectories } from '../lib/project.ts';
import { askOrg } from './org.ts';
import type { OrgConnection } from './org.ts';
import type { SchemaLookup } from './rules.ts';
import { projectLookup } from './schema.ts';
import { projectComponents } from './validate.ts';

/** What validation, generation and scaffolding check against when an org is connected. */
export interface OrgValidationContext {
    lookup: SchemaLookup;
    namedCredentials: Set<string>;
    namedCredentialSource: string;
}

/**
 * The org's describes of the named objects (the project's definitions answer for every other object), and the Named
 * Credentials of the project and the org together: one rule for the three commands that take --target-org.
 */
export async function orgValidationContext(
    projectRoot: string,
    connection: OrgConnection,
    objectNames: readonly string[]
): Promise<OrgValidationContext> {
    const roots = readPackageDirectories(projectRoot).map((directory) => directory.absolutePath);
    const known = await askOrg(connection, objectNames, projectLookup(roots));
    return {
        lookup: known.lookup,
        namedCredentials: new Set([...projectComponents(projectRoot).namedCredentials, ...known.namedCredentials]),
        namedCredentialSource: 'the project or the org'
    };
}
