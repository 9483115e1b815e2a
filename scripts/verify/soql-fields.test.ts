import { describe, expect, it } from '@jest/globals';
import { checkQuery, findStaticQueries } from './soql-fields.ts';
import type { SourceSchema } from './source-schema.ts';

const schema: SourceSchema = new Map([
    [
        'log__c',
        {
            name: 'Log__c',
            kind: 'custom',
            fields: new Set(['id', 'name', 'status__c', 'parent__c', 'createddate', 'snapshot__c']),
            unfilterable: new Set(['snapshot__c'])
        }
    ],
    ['setting__mdt', { name: 'Setting__mdt', kind: 'customMetadata', fields: new Set(['developername', 'active__c']) }],
    ['account', { name: 'Account', kind: 'standard', fields: new Set(['erp_id__c']) }]
]);

const problemsOf = (soql: string): string[] =>
    checkQuery({ text: soql, line: 7 }, schema).map((problem) => problem.message);

describe('findStaticQueries', () => {
    it('finds bracketed SELECTs with their line, skipping comments and strings', () => {
        const source = [
            'public class A {',
            '    // [SELECT Nope__c FROM Log__c]',
            "    String s = '[SELECT Nope__c FROM Log__c]';",
            '    /* [SELECT Nope__c FROM Log__c] */',
            "    List<Log__c> logs = [SELECT Id FROM Log__c WHERE Name = 'a]b' AND Id IN :ids[0]];",
            '}'
        ].join('\n');

        const queries = findStaticQueries(source);

        expect(queries).toEqual([{ text: "SELECT Id FROM Log__c WHERE Name = 'a]b' AND Id IN :ids[0]", line: 5 }]);
    });

    it('ignores list literals that are not queries', () => {
        expect(findStaticQueries('Integer[] numbers = new Integer[]{ 1 }; x = y[0];')).toEqual([]);
    });
});

describe('checkQuery: long text areas', () => {
    it('accepts a long text area in the SELECT list', () => {
        expect(problemsOf('SELECT Id, Snapshot__c FROM Log__c WHERE Id IN :ids')).toEqual([]);
    });

    it('fails a long text area in WHERE, ORDER BY or GROUP BY', () => {
        expect(problemsOf('SELECT Id FROM Log__c WHERE Snapshot__c != NULL')).toEqual([
            "Field 'Snapshot__c' on Log__c is a long text area: SOQL cannot filter, sort or group by it (the class would not compile). Select it and test it in Apex."
        ]);
        expect(problemsOf('SELECT Id FROM Log__c ORDER BY Snapshot__c')).toHaveLength(1);
    });
});

describe('checkQuery', () => {
    it('accepts known custom and standard fields in every clause', () => {
        expect(
            problemsOf(
                'SELECT Id, Status__c, Parent__r.Name, COUNT(Name) FROM Log__c WHERE Status__c = :s AND Name != null ' +
                    'GROUP BY Status__c ORDER BY CreatedDate DESC LIMIT :max'
            )
        ).toEqual([]);
    });

    it('reports an unknown field in the select list and in the where clause', () => {
        expect(problemsOf('SELECT Statuz__c FROM Log__c WHERE Bogus__c = 1')).toEqual([
            "Unknown field 'Statuz__c' on Log__c.",
            "Unknown field 'Bogus__c' on Log__c."
        ]);
    });

    it('reports an unknown standard field on a custom object and an unknown relationship', () => {
        expect(problemsOf('SELECT Nmae, Ghost__r.Name FROM Log__c')).toEqual([
            "Unknown field 'Nmae' on Log__c.",
            "Unknown relationship 'Ghost__r' on Log__c: no field ghost__c."
        ]);
    });

    it('reports an object the project does not define', () => {
        expect(problemsOf('SELECT Id FROM Missing__c')).toEqual([
            "Unknown object 'Missing__c': no objects/Missing__c folder in the project."
        ]);
    });

    it('checks only custom fields on standard objects', () => {
        expect(problemsOf('SELECT Id, Name, ERP_Id__c, Other__c FROM Account')).toEqual([
            "Unknown field 'Other__c' on Account."
        ]);
        expect(problemsOf('SELECT Id, Foo__c FROM Contact')).toEqual([
            "Unknown field 'Foo__c' on Contact: the project defines no custom fields on it."
        ]);
        expect(problemsOf('SELECT RecordId, HasReadAccess FROM UserRecordAccess WHERE UserId = :u')).toEqual([]);
    });

    it('checks custom metadata fields and semi-join subqueries', () => {
        expect(problemsOf('SELECT DeveloperName, Active__c FROM Setting__mdt')).toEqual([]);
        expect(
            problemsOf('SELECT Id FROM Log__c WHERE Parent__c IN (SELECT Id FROM Log__c WHERE Nope__c = null)')
        ).toEqual(["Unknown field 'Nope__c' on Log__c."]);
    });

    it('strips the object alias from field paths', () => {
        expect(problemsOf('SELECT l.Status__c FROM Log__c l')).toEqual([]);
    });

    it('reports SOQL that does not parse', () => {
        expect(problemsOf('SELECT FROM WHERE')[0]).toMatch(/^SOQL does not parse:/);
    });
});
