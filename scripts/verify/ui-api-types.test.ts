// The UI API's TypeScript declarations (types/lwc/apex.d.ts) agree with its Apex (force-app/main/ui-controllers):
// every @AuraEnabled method is declared as a module `@salesforce/apex/<Class>.<method>` (continuation methods as
// `@salesforce/apexContinuation/…`) with the same parameters and result, and every DTO — an inner class with
// @AuraEnabled fields — is an interface of `relay/apex-types` with the same fields and types. Apex is read with
// prettier-plugin-apex's parser (the jorje AST), TypeScript with the compiler API. The plugin is an ES module that
// Jest's CommonJS runtime cannot load, so the Apex is parsed in one child Node process per check.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { createFixtureProject } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

const CONTROLLERS = 'force-app/main/ui-controllers';
const DECLARATIONS = 'types/lwc/apex.d.ts';
const TYPES_MODULE = 'relay/apex-types';

interface AstNode {
    [member: string]: unknown;
}

interface ApexMember {
    name: string;
    type: string;
}

interface ApexMethod {
    className: string;
    name: string;
    params: ApexMember[];
    returnType: string;
    continuation: boolean;
    uiReturns?: string;
}

interface ApexApi {
    methods: ApexMethod[];
    dtos: Map<string, ApexMember[]>;
    problems: string[];
}

interface TsMember {
    type: string;
    optional: boolean;
}

interface TsApi {
    interfaces: Map<string, Map<string, TsMember>>;
    methods: Map<string, { params: Map<string, TsMember>; result: string }>;
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '');
const kind = (node: unknown): string => textOf((node as AstNode | undefined)?.['@class']);
const identifier = (node: unknown): string => textOf((node as AstNode | undefined)?.value);
const list = (node: unknown): AstNode[] => (Array.isArray(node) ? (node as AstNode[]) : []);

/** An Apex type reference as written: `List<RelayUiDto.LogRow>`, `String[]` as `List<String>`. */
function apexTypeText(typeRef: unknown): string {
    const node = typeRef as AstNode;
    if (kind(node).endsWith('ArrayTypeRef')) return `List<${apexTypeText(node.heldType)}>`;
    const names = list(node?.names).map(identifier).join('.');
    const args = list(node?.typeArguments).map(apexTypeText);
    return args.length > 0 ? `${names}<${args.join(',')}>` : names;
}

function annotation(modifiers: unknown, name: string): AstNode | undefined {
    return list(modifiers).find(
        (modifier) => kind(modifier).endsWith('Annotation') && identifier(modifier.name).toLowerCase() === name
    );
}

function annotationFlag(found: AstNode | undefined, key: string): boolean {
    return list(found?.parameters).some(
        (parameter) => identifier(parameter.key).toLowerCase() === key && kind(parameter.value).includes('True')
    );
}

/** The smallest start index of any location inside a node (its first token). */
function startIndex(node: unknown): number {
    let least = Number.POSITIVE_INFINITY;
    const visit = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') {
            const loc = (value as AstNode).loc as AstNode | undefined;
            if (typeof loc?.startIndex === 'number') least = Math.min(least, loc.startIndex);
            Object.entries(value).forEach(([key, child]) => key !== 'loc' && visit(child));
        }
    };
    visit(node);
    return least;
}

/** The ApexDoc comment right before a member (only annotations and blanks between), or ''. */
function docBefore(source: string, index: number): string {
    const before = source.slice(0, index);
    const start = before.lastIndexOf('/**');
    if (start < 0) return '';
    const end = before.indexOf('*/', start);
    const between = before.slice(end + 2);
    return end >= 0 && /^\s*(@\w+(\([^)]*\))?\s*)*$/.test(between) ? before.slice(start, end) : '';
}

const REPO_ROOT = process.cwd();
const PARSE_SCRIPT = `
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import * as apex from 'prettier-plugin-apex';
const files = JSON.parse(readFileSync(0, 'utf8'));
const units = [];
for (const file of files) {
    const parsed = await prettier.__debug.parse(readFileSync(file, 'utf8'), { parser: 'apex', plugins: [apex] });
    const output = parsed.ast['apex.jorje.semantic.compiler.parser.ParserOutput'];
    units.push(output && output.parseErrors.length === 0 ? output.unit : null);
}
process.stdout.write(JSON.stringify(units));
`;

/** The jorje compilation units of Apex files (in order), parsed by prettier-plugin-apex in a child process. */
function parseApex(files: string[]): AstNode[] {
    const output = execFileSync(process.execPath, ['--input-type=module', '-e', PARSE_SCRIPT], {
        cwd: REPO_ROOT,
        input: JSON.stringify(files),
        maxBuffer: 256 * 1024 * 1024,
        encoding: 'utf8'
    });
    const units = JSON.parse(output) as (AstNode | null)[];
    return units.map((unit, index) => {
        if (!unit) throw new Error(`${files[index]} does not parse as Apex.`);
        return unit;
    });
}

function apexFiles(root: string): string[] {
    const folder = path.join(root, CONTROLLERS);
    const files: string[] = [];
    const walk = (directory: string): void => {
        for (const entry of readdirSync(directory)) {
            const full = path.join(directory, entry);
            if (statSync(full).isDirectory()) walk(full);
            else if (entry.endsWith('.cls')) files.push(full);
        }
    };
    walk(folder);
    return files.sort();
}

/** Every @AuraEnabled method and DTO of the controllers. */
function readApexApi(root: string): ApexApi {
    const api: ApexApi = { methods: [], dtos: new Map(), problems: [] };
    const files = apexFiles(root);
    const units = parseApex(files);
    for (const [index, file] of files.entries()) {
        const source = readFileSync(file, 'utf8');
        const topClass = (units[index].body ?? {}) as AstNode;
        const visitClass = (classDecl: AstNode, className: string, isTop: boolean): void => {
            const fields: ApexMember[] = [];
            for (const member of list(classDecl.members)) {
                const memberKind = kind(member);
                if (memberKind.endsWith('MethodMember')) {
                    const decl = member.methodDecl as AstNode;
                    const aura = annotation(decl.modifiers, 'auraenabled');
                    if (!aura) continue;
                    const uiReturns = /@uiReturns\s+(\w+)/.exec(docBefore(source, startIndex(member)))?.[1];
                    api.methods.push({
                        className,
                        name: identifier(decl.name),
                        params: list(decl.parameters).map((parameter) => ({
                            name: identifier(parameter.name),
                            type: apexTypeText(parameter.typeRef)
                        })),
                        returnType: apexTypeText((decl.type as AstNode | undefined)?.value) || 'void',
                        continuation: annotationFlag(aura, 'continuation'),
                        uiReturns
                    });
                } else if (memberKind.endsWith('FieldMember')) {
                    const decls = member.variableDecls as AstNode;
                    if (!annotation(decls.modifiers, 'auraenabled')) continue;
                    for (const variable of list(decls.decls)) {
                        fields.push({ name: identifier(variable.name), type: apexTypeText(decls.type) });
                    }
                } else if (memberKind.endsWith('PropertyMember')) {
                    const decl = member.propertyDecl as AstNode;
                    if (!annotation(decl.modifiers, 'auraenabled')) continue;
                    fields.push({ name: identifier(decl.name), type: apexTypeText(decl.type) });
                } else if (memberKind.endsWith('InnerClassMember')) {
                    const inner = member.body as AstNode;
                    visitClass(inner, identifier(inner.name), false);
                }
            }
            if (!isTop && fields.length > 0) {
                if (api.dtos.has(className)) {
                    api.problems.push(
                        `DTO class ${className} is declared twice in ${CONTROLLERS}: names must be unique.`
                    );
                }
                api.dtos.set(className, fields);
            }
        };
        visitClass(topClass, identifier(topClass.name), true);
    }
    return api;
}

/** The TypeScript type an Apex type reaches a component as. */
function expectedTsType(apexType: string, dtos: ReadonlyMap<string, unknown>): string {
    const generic = /^([\w.]+)<(.*)>$/.exec(apexType);
    if (generic) {
        const base = generic[1].toLowerCase();
        const args = splitTypeArguments(generic[2]);
        if ((base === 'list' || base === 'set') && args.length === 1) return `${expectedTsType(args[0], dtos)}[]`;
        if (base === 'map' && args.length === 2) return `Record<string, ${expectedTsType(args[1], dtos)}>`;
        throw new Error(`Apex type ${apexType} has no TypeScript mapping.`);
    }
    const simple = apexType.split('.').pop() ?? apexType;
    const scalar: Record<string, string> = {
        string: 'string',
        id: 'string',
        integer: 'number',
        long: 'number',
        decimal: 'number',
        double: 'number',
        boolean: 'boolean',
        datetime: 'string',
        date: 'string',
        time: 'string',
        object: 'unknown'
    };
    const mapped = scalar[simple.toLowerCase()];
    if (mapped) return mapped;
    if (dtos.has(simple)) return simple;
    throw new Error(`Apex type ${apexType} is neither a scalar nor a DTO of ${CONTROLLERS}.`);
}

function splitTypeArguments(text: string): string[] {
    const parts: string[] = [];
    let depth = 0;
    let current = '';
    for (const char of text) {
        if (char === '<') depth++;
        if (char === '>') depth--;
        if (char === ',' && depth === 0) {
            parts.push(current.trim());
            current = '';
        } else current += char;
    }
    if (current.trim()) parts.push(current.trim());
    return parts;
}

/** Interfaces of `relay/apex-types` and the ApexMethod<Params, Result> of every `@salesforce/apex…` module. */
function readTsApi(file: string): TsApi {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const api: TsApi = { interfaces: new Map(), methods: new Map() };
    const aliases = new Map<string, ts.TypeNode>();
    const declarations: { module: string; params?: ts.TypeNode; result?: ts.TypeNode }[] = [];
    for (const statement of source.statements) {
        if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
        const moduleName = statement.name.text;
        const body = statement.body && ts.isModuleBlock(statement.body) ? statement.body.statements : [];
        for (const inner of body) {
            if (moduleName === TYPES_MODULE && ts.isTypeAliasDeclaration(inner))
                aliases.set(inner.name.text, inner.type);
            if (moduleName === TYPES_MODULE && ts.isInterfaceDeclaration(inner)) {
                api.interfaces.set(inner.name.text, new Map());
            }
            if (ts.isVariableStatement(inner)) {
                for (const variable of inner.declarationList.declarations) {
                    const type = variable.type;
                    if (type && ts.isTypeReferenceNode(type) && type.typeArguments?.length === 2) {
                        declarations.push({
                            module: moduleName,
                            params: type.typeArguments[0],
                            result: type.typeArguments[1]
                        });
                    }
                }
            }
        }
        if (moduleName !== TYPES_MODULE) continue;
        for (const inner of body) {
            if (!ts.isInterfaceDeclaration(inner)) continue;
            const members = api.interfaces.get(inner.name.text) as Map<string, TsMember>;
            for (const member of inner.members) {
                if (ts.isPropertySignature(member) && member.type) {
                    members.set(member.name.getText(source), {
                        type: tsTypeText(member.type, aliases, source),
                        optional: Boolean(member.questionToken)
                    });
                }
            }
        }
    }
    for (const declaration of declarations) {
        const params = new Map<string, TsMember>();
        if (declaration.params && ts.isTypeLiteralNode(declaration.params)) {
            for (const member of declaration.params.members) {
                if (ts.isPropertySignature(member) && member.type) {
                    params.set(member.name.getText(source), {
                        type: tsTypeText(member.type, aliases, source),
                        optional: Boolean(member.questionToken)
                    });
                }
            }
        }
        api.methods.set(declaration.module, {
            params,
            result: declaration.result ? tsTypeText(declaration.result, aliases, source) : ''
        });
    }
    return api;
}

/** A comparable spelling: null/undefined dropped, string-literal unions as `string`, aliases resolved. */
function tsTypeText(node: ts.TypeNode, aliases: ReadonlyMap<string, ts.TypeNode>, source: ts.SourceFile): string {
    if (ts.isUnionTypeNode(node)) {
        const kept = node.types.filter(
            (member) =>
                member.kind !== ts.SyntaxKind.UndefinedKeyword &&
                !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword)
        );
        if (kept.every((member) => ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal))) return 'string';
        const texts = [...new Set(kept.map((member) => tsTypeText(member, aliases, source)))].sort();
        return texts.join(' | ');
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string';
    if (ts.isArrayTypeNode(node)) return `${tsTypeText(node.elementType, aliases, source)}[]`;
    if (ts.isParenthesizedTypeNode(node)) return tsTypeText(node.type, aliases, source);
    if (ts.isTypeReferenceNode(node)) {
        const name = node.typeName.getText(source);
        const args = node.typeArguments ?? [];
        if (name === 'Array' && args.length === 1) return `${tsTypeText(args[0], aliases, source)}[]`;
        if (name === 'Record' && args.length === 2) {
            return `Record<${tsTypeText(args[0], aliases, source)}, ${tsTypeText(args[1], aliases, source)}>`;
        }
        const alias = aliases.get(name);
        if (alias) return tsTypeText(alias, aliases, source);
        return name;
    }
    return node.getText(source).replace(/\s+/g, '');
}

/** Every disagreement between the controllers' Apex and the declarations, one sentence each. */
function checkUiApiTypes(root: string, declarationFile = path.join(root, DECLARATIONS)): string[] {
    const apex = readApexApi(root);
    const declared = readTsApi(declarationFile);
    const problems = [...apex.problems];
    const expected = (type: string, where: string): string | undefined => {
        try {
            return expectedTsType(type, apex.dtos);
        } catch (error) {
            problems.push(`${where}: ${(error as Error).message}`);
            return undefined;
        }
    };
    const apexModules = new Set<string>();
    for (const method of apex.methods) {
        const where = `${method.className}.${method.name}`;
        const moduleName = `@salesforce/${method.continuation ? 'apexContinuation' : 'apex'}/${where}`;
        apexModules.add(moduleName);
        const declaration = declared.methods.get(moduleName);
        if (!declaration) {
            problems.push(`${where} is not declared: add module '${moduleName}' to ${DECLARATIONS}.`);
            continue;
        }
        for (const param of method.params) {
            const want = expected(param.type, `${where}(${param.name})`);
            const got = declaration.params.get(param.name);
            if (!got) problems.push(`${where}: parameter ${param.name} is not declared.`);
            else if (want && got.type !== want) {
                problems.push(
                    `${where}: parameter ${param.name} is declared ${got.type}, Apex ${param.type} is ${want}.`
                );
            }
        }
        for (const name of declaration.params.keys()) {
            if (!method.params.some((param) => param.name === name)) {
                problems.push(`${where}: parameter ${name} is declared but Apex has no such parameter.`);
            }
        }
        let returnType = method.returnType;
        if (returnType.toLowerCase() === 'object') {
            if (!method.uiReturns) {
                problems.push(
                    `${where} returns Object: name what it resolves to with @uiReturns <Dto> in its ApexDoc.`
                );
                continue;
            }
            returnType = method.uiReturns;
        }
        const want = expected(returnType, `${where} result`);
        if (want && declaration.result !== want) {
            problems.push(`${where}: result is declared ${declaration.result}, Apex ${returnType} is ${want}.`);
        }
    }
    for (const moduleName of declared.methods.keys()) {
        if (!apexModules.has(moduleName)) {
            problems.push(
                `${moduleName} is declared in ${DECLARATIONS} but is no @AuraEnabled method of ${CONTROLLERS}.`
            );
        }
    }
    for (const [dto, fields] of apex.dtos) {
        const members = declared.interfaces.get(dto);
        if (!members) {
            problems.push(`DTO ${dto} is not declared: add interface ${dto} to module '${TYPES_MODULE}'.`);
            continue;
        }
        for (const field of fields) {
            const want = expected(field.type, `${dto}.${field.name}`);
            const got = members.get(field.name);
            if (!got) problems.push(`${dto}.${field.name} is not declared.`);
            else if (want && got.type !== want) {
                problems.push(`${dto}.${field.name} is declared ${got.type}, Apex ${field.type} is ${want}.`);
            }
        }
        for (const name of members.keys()) {
            if (!fields.some((field) => field.name === name)) {
                problems.push(`${dto}.${name} is declared but the Apex class has no @AuraEnabled field ${name}.`);
            }
        }
    }
    return problems;
}

describe('types/lwc/apex.d.ts', () => {
    it('declares every @AuraEnabled method and DTO field of the UI controllers with its type', () => {
        const apex = readApexApi(process.cwd());

        expect(apex.methods.length).toBeGreaterThanOrEqual(14);
        expect(apex.dtos.has('RecordSyncStatus')).toBe(true);
        expect(checkUiApiTypes(process.cwd())).toEqual([]);
    });
});

describe('the check', () => {
    let project: FixtureProject | undefined;
    afterEach(() => project?.remove());

    const controller = `public with sharing class ShopController {
    /**
     * @description Starts it.
     * @uiReturns Answer
     * @return a Continuation or an Answer
     */
    @AuraEnabled(continuation=true)
    public static Object start(Id recordId) { return null; }
    @AuraEnabled(cacheable=true)
    public static List<Answer> answers(String name, Integer count) { return null; }
    @AuraEnabled
    public static Object untyped() { return null; }
    public class Answer {
        @AuraEnabled
        public String label;
        @AuraEnabled
        public Datetime at { get; set; }
        @AuraEnabled
        public List<Line> lines;
        public String notExposed;
    }
    public class Line {
        @AuraEnabled
        public Decimal amount;
    }
    private class Plain {
        public String nothing;
    }
}
`;

    function writeProject(declarations: string): string {
        project = createFixtureProject();
        project.write(`${CONTROLLERS}/classes/ShopController.cls`, controller);
        return project.write('types/lwc/apex.d.ts', declarations);
    }

    it('fails, naming each missing or mistyped method, parameter, DTO and field', () => {
        const file = writeProject(`declare module 'relay/apex-types' {
    export type Kind = 'a' | 'b';
    export interface Answer { label: Kind; at?: number; extra: string; }
}
declare module '@salesforce/apex/ShopController.answers' {
    const answers: ApexMethod<{ name: string; count: string; other: boolean }, Answer>;
    export default answers;
}
declare module '@salesforce/apex/ShopController.start' {
    const start: ApexMethod<{ recordId: string }, Answer>;
    export default start;
}
`);

        expect(checkUiApiTypes(project!.root, file)).toEqual([
            "ShopController.start is not declared: add module '@salesforce/apexContinuation/ShopController.start' to types/lwc/apex.d.ts.",
            'ShopController.answers: parameter count is declared string, Apex Integer is number.',
            'ShopController.answers: parameter other is declared but Apex has no such parameter.',
            'ShopController.answers: result is declared Answer, Apex List<Answer> is Answer[].',
            "ShopController.untyped is not declared: add module '@salesforce/apex/ShopController.untyped' to types/lwc/apex.d.ts.",
            '@salesforce/apex/ShopController.start is declared in types/lwc/apex.d.ts but is no @AuraEnabled method of force-app/main/ui-controllers.',
            'Answer.at is declared number, Apex Datetime is string.',
            'Answer.lines is not declared.',
            'Answer.extra is declared but the Apex class has no @AuraEnabled field extra.',
            "DTO Line is not declared: add interface Line to module 'relay/apex-types'."
        ]);
    });

    it('passes matching declarations, and asks an Object result to name its DTO', () => {
        const file = writeProject(`declare module 'relay/apex-types' {
    export type Kind = 'a' | 'b';
    export interface Answer { label?: Kind | null; at?: string; lines: Array<Line>; }
    export interface Line { amount: number; }
}
declare module '@salesforce/apexContinuation/ShopController.start' {
    const start: ApexMethod<{ recordId: string }, Answer>;
    export default start;
}
declare module '@salesforce/apex/ShopController.answers' {
    const answers: ApexMethod<{ name?: string; count: number }, Answer[]>;
    export default answers;
}
declare module '@salesforce/apex/ShopController.untyped' {
    const untyped: ApexMethod<Record<string, never>, unknown>;
    export default untyped;
}
`);

        expect(checkUiApiTypes(project!.root, file)).toEqual([
            'ShopController.untyped returns Object: name what it resolves to with @uiReturns <Dto> in its ApexDoc.'
        ]);
    });

    it('maps Apex types the way they reach a component', () => {
        const dtos = new Map([['Line', []]]);

        expect(expectedTsType('Map<String,List<Line>>', dtos)).toBe('Record<string, Line[]>');
        expect(expectedTsType('Set<Id>', dtos)).toBe('string[]');
        expect(expectedTsType('RelayUiDto.Line', dtos)).toBe('Line');
        expect(() => expectedTsType('Account', dtos)).toThrow('Apex type Account is neither a scalar nor a DTO');
    });
});
