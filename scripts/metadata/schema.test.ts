import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { createFixtureProject } from '../test-support/fixture-project.ts';
import { orgLookup, projectLookup, readProjectObjects, standardObject } from './schema.ts';

describe('schema lookups', () => {
    it('knows standard objects from the catalogue, with the fields it lacks supplied', () => {
        const account = standardObject('account');
        expect(account?.name).toBe('Account');
        expect(account?.fields.get('billingcity')?.name).toBe('BillingCity');
        expect(account?.fields.has('accountnumber')).toBe(true);
        expect(standardObject('Account')).toBe(standardObject('Account'));
        expect(standardObject('Nope')).toBeNull();
        expect(standardObject('Custom__c')).toBeNull();
        expect(standardObject('bad name')).toBeNull();
    });

    it("reads the project's objects with their platform fields and text lengths", () => {
        const objects = readProjectObjects([path.join(process.cwd(), 'force-app')]);
        const log = objects.get('integration_log__c');
        expect(log?.fields.has('createddate')).toBe(true);
        expect(log?.fields.get('integration__c')?.length).toBeGreaterThan(0);
        const lookup = projectLookup([path.join(process.cwd(), 'force-app')]);
        expect(lookup('Integration_Log__c')?.name).toBe('Integration_Log__c');
        expect(lookup('Contact')?.name).toBe('Contact');
        expect(lookup('Missing__c')).toBeNull();
    });

    it('merges a standard object extended in source with the catalogue', () => {
        const project = createFixtureProject();
        try {
            project.write(
                'force-app/main/default/objects/Account/fields/Tier__c.field-meta.xml',
                '<CustomField><type>Text</type><length>20</length></CustomField>'
            );
            const account = projectLookup([path.join(project.root, 'force-app')])('Account');
            expect(account?.fields.get('tier__c')).toEqual({ name: 'Tier__c', length: 20 });
            expect(account?.fields.has('name')).toBe(true);
        } finally {
            project.remove();
        }
    });

    it("answers from an org's describe, unknown objects as missing, other errors thrown", async () => {
        const asked: string[] = [];
        const connection = {
            describe(objectName: string) {
                asked.push(objectName);
                if (objectName === 'Gone__c')
                    return Promise.reject(new Error('NOT_FOUND: The requested resource does not exist'));
                if (objectName === 'Broken') return Promise.reject(new Error('INVALID_SESSION_ID'));
                return Promise.resolve({ name: 'Invoice__c', fields: [{ name: 'Amount__c', length: 0 }] });
            }
        };
        const lookup = await orgLookup(connection, ['invoice__c', 'Gone__c', ' ', 'invoice__c'], () => null);
        expect(asked).toEqual(['invoice__c', 'Gone__c']);
        expect(lookup('Invoice__c')?.fields.has('amount__c')).toBe(true);
        expect(lookup('Gone__c')).toBeNull();
        await expect(orgLookup(connection, ['Broken'], () => null)).rejects.toThrow('INVALID_SESSION_ID');
    });
});
