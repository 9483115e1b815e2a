import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CmdtTypeDefinition } from './cmdt-types.ts';
import { relayTypes } from './cmdt-types.ts';
import { formatWithPrettier } from './format.ts';
import type { CmdtRecord, CmdtValue } from './rules.ts';
import { configurationProblem } from './rules.ts';

/**
 * The shared table of rule cases (rule-cases.json): loaded for the TypeScript validator's test, and turned into
 * the Apex test class IntegrationSettingRuleCasesTest, so both implementations answer the same cases alike.
 */

export const CASE_SETTING_NAME = 'Rule_Case';
export const CASE_SOURCE_OBJECT = 'Account';
/** Relay's project root: the commands and tests run there (as scripts/lib/java.ts assumes). */
export const PROJECT_ROOT = process.cwd();
export const CASES_FILE = path.join(PROJECT_ROOT, 'scripts', 'metadata', 'rule-cases.json');
export const APEX_CLASS_NAME = 'IntegrationSettingRuleCasesTest';
export const APEX_CLASS_FILE = path.join(
    PROJECT_ROOT,
    'force-app',
    'test',
    'settings',
    'classes',
    `${APEX_CLASS_NAME}.cls`
);

/** One field record of a case; developerName defaults to Rule_Case_<Outbound_Key__c>. */
export interface CaseField {
    developerName?: string;
    Source_Field__c: string | null;
    Outbound_Key__c: string | null;
    Active__c?: boolean;
}

export interface RuleCase {
    name: string;
    base?: 'valid' | 'minimal';
    setting: Record<string, CmdtValue>;
    fields?: CaseField[];
    errors: string[];
    problem?: string | null;
}

/** IntegrationSettingsTestData.validSetting(name, sourceObject), value for value. */
export const VALID_SETTING_VALUES: Readonly<Record<string, CmdtValue>> = {
    Active__c: true,
    Source_Object__c: CASE_SOURCE_OBJECT,
    Capture_Insert__c: true,
    Capture_Update__c: true,
    Capture_Delete__c: false,
    Named_Credential__c: 'Relay_ERP',
    Path__c: '/customers',
    HTTP_Method__c: 'POST',
    Records_Per_Callout__c: 50,
    Max_Payload_Bytes__c: 1000000,
    Callout_Timeout_Ms__c: 10000,
    Retry_Horizon_Hours__c: 24,
    Circuit_Failure_Threshold__c: 3,
    Circuit_Cooldown_Seconds__c: 60,
    Ignore_Integration_User_Changes__c: true,
    Trigger_Fields__c: null,
    Backoff_Base_Seconds__c: 30,
    Backoff_Cap_Seconds__c: 3600,
    Jitter_Ratio__c: 0.2,
    Retryable_Status_Codes__c: '408,425,429,500,502,503,504',
    Delivery_Mode__c: 'Real Time'
};

/** IntegrationSettingsTestData.minimalSetting(name, sourceObject). */
export const MINIMAL_SETTING_VALUES: Readonly<Record<string, CmdtValue>> = {
    Source_Object__c: CASE_SOURCE_OBJECT,
    Named_Credential__c: 'Relay_ERP'
};

const DEFAULT_FIELDS: CaseField[] = [{ Source_Field__c: 'Name', Outbound_Key__c: 'customerName' }];

export function loadRuleCases(file = CASES_FILE): RuleCase[] {
    return (JSON.parse(readFileSync(file, 'utf8')) as { cases: RuleCase[] }).cases;
}

function fieldDeveloperName(field: CaseField): string {
    return field.developerName ?? `${CASE_SETTING_NAME}_${field.Outbound_Key__c ?? ''}`;
}

/** The records of a case, as the TypeScript validator reads them. */
export function caseRecords(ruleCase: RuleCase): { setting: CmdtRecord; fields: CmdtRecord[] } {
    const base = ruleCase.base === 'minimal' ? MINIMAL_SETTING_VALUES : VALID_SETTING_VALUES;
    return {
        setting: { developerName: CASE_SETTING_NAME, values: { ...base, ...ruleCase.setting } },
        fields: (ruleCase.fields ?? DEFAULT_FIELDS).map((field) => {
            const values: Record<string, CmdtValue> = {
                Source_Field__c: field.Source_Field__c,
                Outbound_Key__c: field.Outbound_Key__c
            };
            if (field.Active__c !== undefined) values.Active__c = field.Active__c;
            return { developerName: fieldDeveloperName(field), values };
        })
    };
}

/** The configurationProblem() a case expects: its own `problem`, or what its errors make. */
export function expectedProblem(ruleCase: RuleCase): string | null {
    if (ruleCase.problem !== undefined) return ruleCase.problem;
    const { setting } = caseRecords(ruleCase);
    return configurationProblem({
        name: CASE_SETTING_NAME,
        isActive: setting.values.Active__c === true,
        errors: ruleCase.errors.map((message) => ({ field: null, message }))
    });
}

/** An Apex string literal. */
export function apexString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
}

function apexValue(type: CmdtTypeDefinition, field: string, value: CmdtValue): string {
    const definition = type.fields.get(field);
    if (!definition) throw new Error(`rule-cases.json: ${field} is not a field of ${type.name}.`);
    if (value === null) return 'null';
    if (definition.type === 'Checkbox') {
        if (typeof value !== 'boolean') throw new Error(`rule-cases.json: ${field} takes true or false.`);
        return String(value);
    }
    if (definition.type === 'Number' || definition.type === 'Percent') {
        if (typeof value !== 'number') throw new Error(`rule-cases.json: ${field} takes a number.`);
        return String(value);
    }
    return apexString(String(value));
}

function apexStringList(values: readonly string[]): string {
    return values.length === 0 ? 'new List<String>()' : `new List<String>{ ${values.map(apexString).join(', ')} }`;
}

function describeOverrides(ruleCase: RuleCase): string {
    const entries = Object.entries(ruleCase.setting);
    const base = ruleCase.base === 'minimal' ? 'the minimal setting' : 'the valid setting';
    return entries.length === 0 ? base : `${base} with ${entries.map(([field]) => field).join(', ')} changed`;
}

function fieldsExpression(ruleCase: RuleCase, type: CmdtTypeDefinition): string {
    if (ruleCase.fields === undefined) return 'defaultFields()';
    const records = ruleCase.fields.map((field) => {
        const active = field.Active__c === undefined ? '' : `, ${apexValue(type, 'Active__c', field.Active__c)}`;
        const helper = field.Active__c === undefined ? 'field' : 'fieldWithActive';
        return `${helper}(${apexString(fieldDeveloperName(field))}, ${apexValue(type, 'Source_Field__c', field.Source_Field__c)}, ${apexValue(type, 'Outbound_Key__c', field.Outbound_Key__c)}${active})`;
    });
    return records.length === 0
        ? 'new List<Integration_Field__mdt>()'
        : `new List<Integration_Field__mdt>{ ${records.join(', ')} }`;
}

function caseMethod(ruleCase: RuleCase, types: { setting: CmdtTypeDefinition; field: CmdtTypeDefinition }): string {
    if (!/^[a-z][A-Za-z0-9]*$/.test(ruleCase.name)) {
        throw new Error(`rule-cases.json: case name '${ruleCase.name}' must be a camelCase Apex method name.`);
    }
    const factory = ruleCase.base === 'minimal' ? 'minimalSetting' : 'validSetting';
    const lines = [
        `    @IsTest`,
        `    static void ${ruleCase.name}() {`,
        `        // Given ${describeOverrides(ruleCase)}`,
        `        Integration_Setting__mdt record = IntegrationSettingsTestData.${factory}(NAME, '${CASE_SOURCE_OBJECT}');`
    ];
    for (const [field, value] of Object.entries(ruleCase.setting)) {
        lines.push(`        record.${field} = ${apexValue(types.setting, field, value)};`);
    }
    const fields = fieldsExpression(ruleCase, types.field);
    const problem = expectedProblem(ruleCase);
    const derived = ruleCase.problem === undefined;
    lines.push(`        // When it is read, Then`);
    if (derived && ruleCase.errors.length === 0 && problem === null) {
        lines.push(`        assertValid(record, ${fields});`);
    } else if (
        derived &&
        problem !== null &&
        problem.startsWith(`Integration ${CASE_SETTING_NAME} is misconfigured: `)
    ) {
        lines.push(`        assertMisconfigured(record, ${fields}, ${apexStringList(ruleCase.errors)});`);
    } else {
        lines.push(
            `        assertReads(record, ${fields}, ${apexStringList(ruleCase.errors)}, ${problem === null ? 'null' : apexString(problem)});`
        );
    }
    lines.push(`    }`);
    return lines.join('\n');
}

/** The Apex test class for the cases, before Prettier. */
export function generateApexClass(
    cases: readonly RuleCase[],
    types: { setting: CmdtTypeDefinition; field: CmdtTypeDefinition }
): string {
    return `/**
 * @description GENERATED from scripts/metadata/rule-cases.json by scripts/metadata/rule-cases-apex.ts: do not edit.
 * Each case is a record the Relay CLI's validator (scripts/metadata/rules.ts) is tested against too, so a setting
 * the Apex rejects, \`relay metadata validate\` rejects, with the same words. Regenerate with
 * \`npx node scripts/metadata/rule-cases-apex.ts --write\`; a Jest test fails while this class is out of date.
 * In memory only: no DML, no callouts, nothing committed.
 */
@IsTest
private class ${APEX_CLASS_NAME} {
    private static final String NAME = '${CASE_SETTING_NAME}';

${cases.map((ruleCase) => caseMethod(ruleCase, types)).join('\n\n')}

    private static List<Integration_Field__mdt> defaultFields() {
        return new List<Integration_Field__mdt>{ field('${CASE_SETTING_NAME}_customerName', 'Name', 'customerName') };
    }

    // Active__c left unset: the field's default (true) applies, as IntegrationSetting reads it through get().
    private static Integration_Field__mdt field(String developerName, String sourceField, String outboundKey) {
        return new Integration_Field__mdt(
            DeveloperName = developerName,
            Source_Field__c = sourceField,
            Outbound_Key__c = outboundKey
        );
    }

    private static Integration_Field__mdt fieldWithActive(
        String developerName,
        String sourceField,
        String outboundKey,
        Boolean active
    ) {
        Integration_Field__mdt record = field(developerName, sourceField, outboundKey);
        record.Active__c = active;
        return record;
    }

    private static void assertValid(Integration_Setting__mdt record, List<Integration_Field__mdt> fields) {
        assertReads(record, fields, new List<String>(), null);
    }

    private static void assertMisconfigured(
        Integration_Setting__mdt record,
        List<Integration_Field__mdt> fields,
        List<String> expectedErrors
    ) {
        String problem = 'Integration ' + NAME + ' is misconfigured: ' + String.join(expectedErrors, ' ');
        assertReads(record, fields, expectedErrors, problem);
    }

    private static void assertReads(
        Integration_Setting__mdt record,
        List<Integration_Field__mdt> fields,
        List<String> expectedErrors,
        String expectedProblem
    ) {
        IntegrationSetting setting = new IntegrationSetting(record, fields);
        Assert.areEqual(
            String.join(expectedErrors, '\\n'),
            String.join(setting.errors, '\\n'),
            'the errors of rule-cases.json, in order'
        );
        Assert.areEqual(expectedProblem, setting.configurationProblem(), 'configurationProblem() word for word');
    }
}
`;
}

/** The Apex class as it must be on disk. */
export function expectedApexClass(): string {
    const types = relayTypes([path.join(PROJECT_ROOT, 'force-app')]);
    return formatWithPrettier(
        [{ filePath: APEX_CLASS_FILE, source: generateApexClass(loadRuleCases(), types) }],
        PROJECT_ROOT
    )[0];
}

export const APEX_META = `<?xml version="1.0" encoding="UTF-8" ?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>67.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

/** Writes the class and its meta file. */
export function writeApexClass(): void {
    writeFileSync(APEX_CLASS_FILE, expectedApexClass());
    writeFileSync(`${APEX_CLASS_FILE}-meta.xml`, APEX_META);
}

/** `rule-cases-apex.ts [--write]`: writes the class, or says whether it is current (exit code 1 when not). */
export function ruleCasesMain(argv: readonly string[], write: (text: string) => void): number {
    if (argv.includes('--write')) {
        writeApexClass();
        write(`Wrote ${path.relative(PROJECT_ROOT, APEX_CLASS_FILE)}\n`);
        return 0;
    }
    const current = existsSync(APEX_CLASS_FILE) && readFileSync(APEX_CLASS_FILE, 'utf8') === expectedApexClass();
    write(
        current ? 'up to date\n' : `${path.relative(PROJECT_ROOT, APEX_CLASS_FILE)} is out of date: run with --write\n`
    );
    return current ? 0 : 1;
}
