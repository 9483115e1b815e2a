// The values a log row's Status, Error Category and Operation may hold agree across the stack: the Apex constant
// classes (LogStatus, ErrorCategory, LogOperation), the restricted picklists of Integration_Log__c, and the
// SyncStatus type the LWCs use. A value added in one place and not the others fails here, not in an org.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import ts from 'typescript';
import { createFixtureProject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

const ROOT = process.cwd();
const APEX = path.join(ROOT, 'force-app/main/outbox/classes');
const FIELDS = path.join(ROOT, 'force-app/main/default/objects/Integration_Log__c/fields');
const APEX_TYPES = path.join(ROOT, 'types/lwc/apex.d.ts');

/** Apex source without its comments; string literals are kept as they are. */
function stripApexComments(source: string): string {
    return source.replace(/'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (token) =>
        token.startsWith("'") ? token : ' '
    );
}

/** Decodes an Apex string literal's body (the escapes Apex defines). */
function apexStringValue(body: string): string {
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f' };
    return body.replace(/\\(.)/g, (_escape, char: string) => escapes[char] ?? char);
}

/**
 * The `static final String NAME = 'Value';` constants of an Apex class, by name. A String constant that is not one
 * plain literal fails, so a computed value cannot slip past the comparison. Apex keywords are case-insensitive.
 */
function readApexStringConstants(file: string): Map<string, string> {
    const source = stripApexComments(readFileSync(file, 'utf8'));
    const constants = new Map<string, string>();
    const declaration = /((?:\b(?:public|private|protected|global|static|final)\s+)+)String\s+(\w+)\s*=\s*([^;]*);/gi;
    for (const [, modifiers, name, initializer] of source.matchAll(declaration)) {
        const words = modifiers.toLowerCase().split(/\s+/);
        if (!words.includes('static') || !words.includes('final')) continue;
        const literal = /^'((?:[^'\\]|\\.)*)'$/.exec(initializer.trim());
        if (!literal) {
            throw new Error(`${path.basename(file)}: ${name} is not a string literal (${initializer.trim()}).`);
        }
        constants.set(name, apexStringValue(literal[1]));
    }
    if (constants.size === 0) throw new Error(`${file} declares no static final String constants.`);
    return constants;
}

interface PicklistValue {
    fullName?: unknown;
}

interface CustomFieldFile {
    CustomField?: {
        type?: unknown;
        valueSet?: { restricted?: unknown; valueSetDefinition?: { value?: PicklistValue[] } };
    };
}

/** The API names (`fullName`) of a picklist field's values, in file order. */
function readPicklistValues(file: string): string[] {
    const parser = new XMLParser({
        ignoreAttributes: true,
        parseTagValue: false,
        trimValues: true,
        isArray: (_name, jpath) => jpath === 'CustomField.valueSet.valueSetDefinition.value'
    });
    const field = (parser.parse(readFileSync(file, 'utf8')) as CustomFieldFile).CustomField;
    const values = field?.valueSet?.valueSetDefinition?.value;
    if (field?.type !== 'Picklist' || !values || values.length === 0) {
        throw new Error(`${file} is not a picklist with its own value set.`);
    }
    return values.map((value, index) => {
        if (typeof value.fullName !== 'string' || value.fullName === '') {
            throw new Error(`${file}: value ${index + 1} has no fullName.`);
        }
        return value.fullName;
    });
}

/** The members of a union of string literal types, `export type Name = 'A' | 'B';`, declared anywhere in a file. */
function readStringUnion(file: string, typeName: string): string[] {
    const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    let found: ts.TypeNode | undefined;
    const visit = (node: ts.Node): void => {
        if (ts.isTypeAliasDeclaration(node) && node.name.text === typeName) found = node.type;
        else ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    if (!found) throw new Error(`${file} declares no type ${typeName}.`);
    const members = ts.isUnionTypeNode(found) ? [...found.types] : [found];
    return members.map((member) => {
        if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) return member.literal.text;
        throw new Error(`${typeName} in ${file} has a member that is not a string literal: ${member.getText()}.`);
    });
}

/** Throws, naming each side's extra values and any duplicates, unless both lists hold the same set of values. */
function expectSameValues(leftName: string, left: string[], rightName: string, right: string[]): void {
    const problems: string[] = [];
    const duplicates = (values: string[]) => values.filter((value, index) => values.indexOf(value) !== index);
    const quote = (values: string[]) => values.map((value) => `'${value}'`).join(', ');
    for (const [name, values] of [
        [leftName, left],
        [rightName, right]
    ] as const) {
        if (duplicates(values).length > 0) problems.push(`${name} repeats ${quote(duplicates(values))}`);
    }
    const onlyLeft = left.filter((value) => !right.includes(value));
    const onlyRight = right.filter((value) => !left.includes(value));
    if (onlyLeft.length > 0) problems.push(`only in ${leftName}: ${quote(onlyLeft)}`);
    if (onlyRight.length > 0) problems.push(`only in ${rightName}: ${quote(onlyRight)}`);
    if (problems.length > 0) {
        throw new Error(`${leftName} and ${rightName} differ: ${problems.join('; ')}.`);
    }
}

const PAIRS = [
    { apexClass: 'LogStatus', field: 'Status__c' },
    { apexClass: 'ErrorCategory', field: 'Error_Category__c' },
    { apexClass: 'LogOperation', field: 'Operation__c' }
];

describe('Integration_Log__c values agree across Apex, the picklists and the LWC types', () => {
    it.each(PAIRS)('$apexClass constants are the values of the $field picklist', ({ apexClass, field }) => {
        const constants = [...readApexStringConstants(path.join(APEX, `${apexClass}.cls`)).values()];
        const picklist = readPicklistValues(path.join(FIELDS, `${field}.field-meta.xml`));

        expect(() => expectSameValues(`${apexClass}.cls`, constants, `${field} picklist`, picklist)).not.toThrow();
    });

    it('SyncStatus (types/lwc/apex.d.ts) is the Status__c picklist', () => {
        const syncStatus = readStringUnion(APEX_TYPES, 'SyncStatus');
        const picklist = readPicklistValues(path.join(FIELDS, 'Status__c.field-meta.xml'));

        expect(() => expectSameValues('SyncStatus', syncStatus, 'Status__c picklist', picklist)).not.toThrow();
    });
});

describe('the comparison', () => {
    it('names the values missing on each side', () => {
        expect(() =>
            expectSameValues('LogStatus.cls', ['Queued', 'Delivered', 'Parked'], 'Status__c picklist', [
                'Queued',
                'Delivered',
                'Dead Letter'
            ])
        ).toThrow(
            "LogStatus.cls and Status__c picklist differ: only in LogStatus.cls: 'Parked'; only in Status__c picklist: 'Dead Letter'."
        );
    });

    it('fails on a repeated value and on a one-sided difference, and passes the same set in another order', () => {
        expect(() => expectSameValues('A', ['x', 'x'], 'B', ['x'])).toThrow("A and B differ: A repeats 'x'.");
        expect(() => expectSameValues('A', ['x'], 'B', ['x', 'y'])).toThrow("A and B differ: only in B: 'y'.");
        expect(() => expectSameValues('A', ['x', 'y'], 'B', ['y', 'x'])).not.toThrow();
    });
});

describe('the readers', () => {
    let project: FixtureProject | undefined;
    afterEach(() => project?.remove());

    it('read Apex constants in any modifier order and case, skipping comments and non-String constants', () => {
        project = createFixtureProject();
        const file = project.write(
            'Values.cls',
            `public inherited sharing class Values {
    // public static final String COMMENTED = 'Not a value';
    /* public static final String BLOCK = 'Not either'; */
    public static final String PLAIN = 'Plain';
    FINAL STATIC string SHOUTED = 'It\\'s // here';
    public static final Integer LIMIT_VALUE = 5;
    public static final List<String> BOTH = new List<String>{ PLAIN, SHOUTED };
    private String notConstant = 'Instance';
}
`
        );

        expect([...readApexStringConstants(file)]).toEqual([
            ['PLAIN', 'Plain'],
            ['SHOUTED', "It's // here"]
        ]);
    });

    it('refuse a String constant that is not one literal, and a picklist without its own values', () => {
        project = createFixtureProject();
        const apex = project.write(
            'Computed.cls',
            "public class Computed {\n    public static final String JOINED = 'A' + 'B';\n}\n"
        );
        const globalValueSet = project.write(
            'Shared__c.field-meta.xml',
            '<CustomField><type>Picklist</type><valueSet><valueSetName>Shared</valueSetName></valueSet></CustomField>'
        );

        expect(() => readApexStringConstants(apex)).toThrow(
            "Computed.cls: JOINED is not a string literal ('A' + 'B')."
        );
        expect(() => readPicklistValues(globalValueSet)).toThrow(/is not a picklist with its own value set/);
    });
});
