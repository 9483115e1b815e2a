import type { DescribingConnection } from './schema.ts';
import { orgLookup } from './schema.ts';
import type { SchemaLookup } from './rules.ts';

/** The part of @salesforce/core's Connection the org checks use: describes and one query. */
export interface OrgConnection extends DescribingConnection {
    query<T>(soql: string): Promise<{ records: T[] }>;
}

/** What an org adds to the project's knowledge: its describes of the named objects, and its Named Credentials. */
export interface OrgKnowledge {
    lookup: SchemaLookup;
    namedCredentials: Set<string>;
}

/** Asks the org about the named objects and its Named Credentials; answers for other objects come from `fallback`. */
export async function askOrg(
    connection: OrgConnection,
    objectNames: readonly string[],
    fallback: SchemaLookup
): Promise<OrgKnowledge> {
    const lookup = await orgLookup(connection, objectNames, fallback);
    const result = await connection.query<{ DeveloperName: string }>('SELECT DeveloperName FROM NamedCredential');
    return { lookup, namedCredentials: new Set(result.records.map((record) => record.DeveloperName)) };
}
