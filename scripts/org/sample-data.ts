import type { Connection } from '@salesforce/core';
import { orgMessages as messages } from '../cli/messages/org.ts';

/** Sample Accounts with the fields the example ERP_Customer integration allowlists. */
export const SAMPLE_ACCOUNTS = [
    {
        Name: 'Relay Sample Acme Corporation',
        AccountNumber: 'RS-0001',
        Phone: '+1 415 555 0101',
        BillingStreet: '1 Market St',
        BillingCity: 'San Francisco',
        BillingPostalCode: '94105',
        BillingCountry: 'United States'
    },
    {
        Name: 'Relay Sample Globex GmbH',
        AccountNumber: 'RS-0002',
        Phone: '+49 30 5550 0102',
        BillingStreet: 'Unter den Linden 5',
        BillingCity: 'Berlin',
        BillingPostalCode: '10117',
        BillingCountry: 'Germany'
    },
    {
        Name: 'Relay Sample Initech Ltd',
        AccountNumber: 'RS-0003',
        Phone: '+44 20 5550 0103',
        BillingStreet: '10 Finsbury Square',
        BillingCity: 'London',
        BillingPostalCode: 'EC2A 1AF',
        BillingCountry: 'United Kingdom'
    },
    {
        Name: 'Relay Sample Umbrella SARL',
        AccountNumber: 'RS-0004',
        Phone: '+33 1 5550 0104',
        BillingStreet: '8 Rue de Rivoli',
        BillingCity: 'Paris',
        BillingPostalCode: '75004',
        BillingCountry: 'France'
    },
    {
        Name: 'Relay Sample Soylent KK',
        AccountNumber: 'RS-0005',
        Phone: '+81 3 5550 0105',
        BillingStreet: '1-1 Marunouchi',
        BillingCity: 'Tokyo',
        BillingPostalCode: '100-0005',
        BillingCountry: 'Japan'
    }
];

const quote = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Creates the sample Accounts the org does not have yet (by AccountNumber), so a rerun adds nothing twice. */
export async function loadSampleAccounts(connection: Connection): Promise<{ created: number; existing: number }> {
    const numbers = SAMPLE_ACCOUNTS.map((account) => quote(account.AccountNumber)).join(', ');
    const found = await connection.query<{ AccountNumber: string }>(
        `SELECT AccountNumber FROM Account WHERE AccountNumber IN (${numbers})`
    );
    const existing = new Set(found.records.map((record) => record.AccountNumber));
    const missing = SAMPLE_ACCOUNTS.filter((account) => !existing.has(account.AccountNumber));
    if (missing.length > 0) {
        const results = await connection.sobject('Account').create(missing, { allOrNone: true });
        const failed = results.find((result) => !result.success);
        if (failed && !failed.success) {
            throw new Error(
                failed.errors.map((error) => (typeof error === 'string' ? error : error.message)).join('; ')
            );
        }
    }
    return { created: missing.length, existing: existing.size };
}

/** Assigns the permission sets to the user, skipping those already assigned. */
export async function assignPermissionSets(
    connection: Connection,
    username: string,
    names: readonly string[]
): Promise<{ assigned: string[]; existing: string[] }> {
    const user = await connection.singleRecordQuery<{ Id: string }>(
        `SELECT Id FROM User WHERE Username = ${quote(username)}`
    );
    const sets = await connection.query<{ Id: string; Name: string }>(
        `SELECT Id, Name FROM PermissionSet WHERE Name IN (${names.map(quote).join(', ')})`
    );
    const byName = new Map(sets.records.map((record) => [record.Name, record.Id]));
    const absent = names.find((name) => !byName.has(name));
    if (absent) {
        throw messages.createError('error.permissionSetMissing', [absent]);
    }
    const assignments = await connection.query<{ PermissionSetId: string }>(
        `SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = ${quote(user.Id)}`
    );
    const held = new Set(assignments.records.map((record) => record.PermissionSetId));
    const assigned: string[] = [];
    const existing: string[] = [];
    for (const name of names) {
        const permissionSetId = byName.get(name) ?? '';
        if (held.has(permissionSetId)) {
            existing.push(name);
            continue;
        }
        await connection
            .sobject('PermissionSetAssignment')
            .create({ AssigneeId: user.Id, PermissionSetId: permissionSetId });
        assigned.push(name);
    }
    return { assigned, existing };
}
