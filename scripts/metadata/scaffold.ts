import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles, readPackageDirectories } from '../lib/project.ts';
import { relayTypes } from './cmdt-types.ts';
import { formatWithPrettier } from './format.ts';
import type { FileProblem, RecordFile } from './records.ts';
import { checkRecordShape, isDeveloperName, renderRecord, xsiTypeOf } from './records.ts';
import { apexString } from './rule-cases.ts';
import type { CmdtValue, ObjectInfo, SchemaLookup } from './rules.ts';
import { projectLookup } from './schema.ts';
import { projectComponents, validateRelayRecords } from './validate.ts';

/**
 * `relay integration new`: the files of a new integration, in the shape of the Account → ERP sample in examples/
 * — its Integration_Setting__mdt (inactive until an admin has set up the credential) and one Integration_Field__mdt
 * per allowlisted field, a Named Credential and External Credential template (unless the credential exists), a
 * permission set for the integration user (the credential's principal and read access to exactly the allowlisted
 * fields), an after trigger calling IntegrationCapture.fromTrigger() (unless the object has one) and its test.
 * Fields are checked against the object's definition before anything is written; an existing file is never
 * overwritten.
 */

export interface ScaffoldOptions {
    projectRoot: string;
    sourceObject: string;
    namedCredential: string;
    fields: readonly string[];
    /** DeveloperName of the setting; default `<Named Credential>_<Object>`. */
    name?: string;
    /** Path below the Named Credential URL; default `/<object, lower case>`. */
    path?: string;
    /** Package directory to write into; default the project's default one. */
    outputDir?: string;
    lookup?: SchemaLookup;
    /** Named Credentials that exist (project or org); a template is written for any other. */
    namedCredentials?: ReadonlySet<string>;
    namedCredentialSource?: string;
}

export interface ScaffoldFile {
    /** Relative to the project root. */
    file: string;
    content: string;
}

export interface ScaffoldPlan {
    name: string;
    sourceObject: string;
    files: ScaffoldFile[];
    /** Files not written because what they hold exists already, with the reason. */
    reused: string[];
}

/** A failure of the scaffold: one line, nothing written. */
export class ScaffoldError extends Error {}

function baseName(objectName: string): string {
    return objectName.replace(/__c$/i, '').replace(/_+/g, '_').replace(/_$/, '');
}

/** `BillingPostalCode` → `billingPostalCode`, `Credit_Limit__c` → `creditLimit`. */
export function outboundKeyOf(fieldName: string): string {
    const words = fieldName.replace(/__c$/i, '').split('_').filter(Boolean);
    return words
        .map((word, index) =>
            index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : word.charAt(0).toUpperCase() + word.slice(1)
        )
        .join('');
}

/** Standard objects whose records need more than nothing to insert, for the generated trigger test. */
const REQUIRED_TEST_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
    Account: { Name: "'Relay Sample'" },
    Contact: { LastName: "'Relay Sample'" },
    Lead: { LastName: "'Relay Sample'", Company: "'Relay Sample'" },
    Opportunity: { Name: "'Relay Sample'", StageName: "'Prospecting'", CloseDate: 'Date.today()' },
    Product2: { Name: "'Relay Sample'" },
    Campaign: { Name: "'Relay Sample'" }
};

function testValues(object: ObjectInfo, roots: readonly string[]): Record<string, string> {
    const known = REQUIRED_TEST_VALUES[object.name];
    if (known) return { ...known };
    if (object.name.endsWith('__c')) {
        // A custom object's Name is set unless it is an auto number (then the platform fills it in).
        const objectFile = roots
            .flatMap((root) => listFiles(root))
            .find((file) => path.basename(file) === `${object.name}.object-meta.xml`);
        const isAutoNumber =
            objectFile !== undefined && /<type>\s*AutoNumber\s*<\/type>/.test(readFileSync(objectFile, 'utf8'));
        return isAutoNumber || !object.fields.has('name') ? {} : { Name: "'Relay Sample'" };
    }
    return object.fields.has('name') ? { Name: "'Relay Sample'" } : {};
}

function triggerExists(roots: readonly string[], objectName: string): string | null {
    const on = new RegExp(`\\btrigger\\s+\\w+\\s+on\\s+${objectName}\\s*\\(`, 'i');
    for (const file of roots.flatMap((root) => listFiles(root)).filter((name) => name.endsWith('.trigger'))) {
        const source = readFileSync(file, 'utf8');
        if (on.test(source) && source.includes('IntegrationCapture.fromTrigger()')) return file;
    }
    return null;
}

function xmlEscape(text: string): string {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function namedCredentialXml(name: string): string {
    return `<?xml version="1.0" encoding="UTF-8" ?>
<NamedCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <allowMergeFieldsInBody>false</allowMergeFieldsInBody>
    <allowMergeFieldsInHeader>false</allowMergeFieldsInHeader>
    <calloutStatus>Enabled</calloutStatus>
    <description>Endpoint of the ${name} integrations. The URL is a placeholder: replace it with the receiver's base URL in Setup.</description>
    <generateAuthorizationHeader>false</generateAuthorizationHeader>
    <label>${xmlEscape(name.replace(/_/g, ' '))}</label>
    <namedCredentialParameters>
        <parameterName>Url</parameterName>
        <parameterType>Url</parameterType>
        <parameterValue>https://receiver.example.com/api</parameterValue>
    </namedCredentialParameters>
    <namedCredentialParameters>
        <externalCredential>${name}</externalCredential>
        <parameterName>ExternalCredential</parameterName>
        <parameterType>Authentication</parameterType>
    </namedCredentialParameters>
    <namedCredentialType>SecuredEndpoint</namedCredentialType>
</NamedCredential>
`;
}

function externalCredentialXml(name: string): string {
    return `<?xml version="1.0" encoding="UTF-8" ?>
<ExternalCredential xmlns="http://soap.sforce.com/2006/04/metadata">
    <authenticationProtocol>Custom</authenticationProtocol>
    <description>How Relay authenticates to the receiver of ${name}. One named principal (Relay_Integration) holds the API key as its authentication parameter ApiKey, entered in Setup after deploy; the Authorization header is built from it at callout time.</description>
    <externalCredentialParameters>
        <parameterName>Relay_Integration</parameterName>
        <parameterType>NamedPrincipal</parameterType>
        <sequenceNumber>1</sequenceNumber>
    </externalCredentialParameters>
    <externalCredentialParameters>
        <parameterName>Authorization</parameterName>
        <parameterType>AuthHeader</parameterType>
        <parameterValue>{!'Bearer ' &amp; $Credential.${name}.ApiKey}</parameterValue>
        <sequenceNumber>1</sequenceNumber>
    </externalCredentialParameters>
    <label>${xmlEscape(name.replace(/_/g, ' '))}</label>
</ExternalCredential>
`;
}

function permissionSetXml(
    name: string,
    objectName: string,
    fields: readonly string[],
    credential: string | null
): string {
    const principal = credential
        ? `    <externalCredentialPrincipalAccesses>
        <enabled>true</enabled>
        <externalCredentialPrincipal>${credential}-Relay_Integration</externalCredentialPrincipal>
    </externalCredentialPrincipalAccesses>
`
        : '';
    // Required fields are always readable and take no field permission (the Metadata API refuses one).
    const required = new Set(['Id', 'Name', ...Object.keys(REQUIRED_TEST_VALUES[objectName] ?? {})]);
    const fieldPermissions = [...fields]
        .filter((field) => !required.has(field))
        .sort()
        .map(
            (field) => `    <fieldPermissions>
        <editable>false</editable>
        <field>${objectName}.${field}</field>
        <readable>true</readable>
    </fieldPermissions>
`
        )
        .join('');
    const credentialObject = credential
        ? `    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>UserExternalCredential</object>
        <viewAllRecords>false</viewAllRecords>
    </objectPermissions>
`
        : '';
    return `<?xml version="1.0" encoding="UTF-8" ?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
    <description>For the integration user of ${name} (with Relay Integration User): ${credential ? `the ${credential} External Credential principal, and ` : ''}read access to exactly the ${objectName} fields the ${name} allowlist sends.</description>
${principal}${fieldPermissions}    <hasActivationRequired>false</hasActivationRequired>
    <label>${xmlEscape(`${name} Integration`.replace(/_/g, ' ').slice(0, 80))}</label>
    <objectPermissions>
        <allowCreate>false</allowCreate>
        <allowDelete>false</allowDelete>
        <allowEdit>false</allowEdit>
        <allowRead>true</allowRead>
        <modifyAllRecords>false</modifyAllRecords>
        <object>${objectName}</object>
        <viewAllRecords>true</viewAllRecords>
    </objectPermissions>
${credentialObject}</PermissionSet>
`;
}

function triggerSource(triggerName: string, objectName: string): string {
    return `// After-triggers: the records have Ids (also on insert), and the outbox rows are written in the same
// transaction as the change, so they commit or roll back with it. Undelete is sent as an upsert.
trigger ${triggerName} on ${objectName}(after insert, after update, after delete, after undelete) {
    IntegrationCapture.fromTrigger();
}
`;
}

const APEX_META = (type: 'ApexClass' | 'ApexTrigger'): string => `<?xml version="1.0" encoding="UTF-8" ?>
<${type} xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>67.0</apiVersion>
    <status>Active</status>
</${type}>
`;

function triggerTestSource(
    className: string,
    name: string,
    objectName: string,
    firstField: { source: string; key: string },
    values: Record<string, string>
): string {
    const assignments = Object.entries(values)
        .map(([field, value]) => `${field} = ${value}`)
        .join(', ');
    return `@IsTest
private class ${className} {
    @IsTest
    static void insertedRecordsShouldBeQueuedFor${name.replace(/_/g, '')}() {
        // Given the ${name} integration active (in memory; the deployed record is inactive until set up)
        IntegrationSettingsTestData.install(
            new List<Integration_Setting__mdt>{ IntegrationSettingsTestData.validSetting(${apexString(name)}, ${apexString(objectName)}) },
            new List<Integration_Field__mdt>{ IntegrationSettingsTestData.field(${apexString(name)}, ${apexString(firstField.source)}, ${apexString(firstField.key)}) }
        );
        RecordingRelayPlatform recorder = RecordingRelayPlatform.install();

        // When 200 records are inserted
        List<${objectName}> records = new List<${objectName}>();
        for (Integer i = 0; i < 200; i++) {
            records.add(new ${objectName}(${assignments}));
        }
        insert as system records;

        // Then each record has one queued row, and the dispatcher is asked for once in the transaction
        List<Integration_Log__c> rows = [
            SELECT Record_Id__c, Status__c, Operation__c
            FROM Integration_Log__c
            WHERE Integration__c = ${apexString(name)}
            WITH SYSTEM_MODE
        ];
        Assert.areEqual(200, rows.size(), 'one row per record');
        for (Integration_Log__c row : rows) {
            Assert.areEqual(LogStatus.QUEUED, row.Status__c, 'waiting for the dispatcher');
            Assert.areEqual(LogOperation.INSERT_OP, row.Operation__c, 'an insert');
        }
        Assert.areEqual(new List<String>{ ${apexString(name)} }, recorder.requestedIntegrations(), 'one dispatch request');
    }
}
`;
}

function asRecordFile(
    type: string,
    developerName: string,
    label: string,
    values: Record<string, CmdtValue>,
    xsi: (field: string) => string
): RecordFile {
    return {
        file: `${type}.${developerName}`,
        type,
        developerName,
        label,
        protected: false,
        values,
        xsiTypes: Object.fromEntries(
            Object.keys(values).map((field) => [field, values[field] === null ? null : xsi(field)])
        ),
        lines: { record: 1, label: 1, fields: {} }
    };
}

/** Plans the files of a new integration; throws ScaffoldError when a flag names what does not exist or is taken. */
export function planIntegration(options: ScaffoldOptions): ScaffoldPlan {
    const directories = readPackageDirectories(options.projectRoot);
    const roots = directories.map((directory) => directory.absolutePath);
    const types = relayTypes(roots);
    const lookup = options.lookup ?? projectLookup(roots);
    const object = lookup(options.sourceObject.trim());
    if (!object) {
        throw new ScaffoldError(
            `--object ${options.sourceObject} names no object of the project or the org (or the standard-object catalogue).`
        );
    }
    const credential = options.namedCredential.trim();
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(credential)) {
        throw new ScaffoldError(`--named-credential must be an API name such as Relay_ERP (was '${credential}').`);
    }
    const requested = options.fields.map((field) => field.trim()).filter((field) => field !== '');
    if (requested.length === 0) {
        throw new ScaffoldError('--fields must name at least one field of the object, for example Name,Phone.');
    }
    const unknown = requested.filter((field) => !object.fields.has(field.toLowerCase()));
    if (unknown.length > 0) {
        throw new ScaffoldError(`${object.name} has no field ${unknown.join(', ')}.`);
    }
    const fields = [...new Set(requested.map((field) => object.fields.get(field.toLowerCase())!.name))];
    const name = (options.name ?? `${credential}_${baseName(object.name)}`).trim();
    if (!isDeveloperName(name)) {
        throw new ScaffoldError(
            `--name must be a DeveloperName (a letter first, letters, digits and single underscores, at most 40; was '${name}').`
        );
    }
    const outputRoot = path.resolve(options.projectRoot, options.outputDir ?? directories[0].path);
    const relative = (...segments: string[]): string =>
        path.relative(options.projectRoot, path.join(outputRoot, ...segments));
    const knownCredentials = options.namedCredentials ?? projectComponents(options.projectRoot).namedCredentials;
    const credentialExists = knownCredentials.has(credential);
    const label = name.replace(/_/g, ' ').slice(0, 40).trim();

    const settingValues: Record<string, CmdtValue> = {
        Active__c: false,
        Named_Credential__c: credential,
        Path__c: options.path ?? `/${baseName(object.name).toLowerCase()}`,
        Source_Object__c: object.name
    };
    const fieldRecords = fields.map((field) => {
        const developerName = `${name}_${baseName(field)}`.slice(0, 40).replace(/_$/, '');
        return {
            developerName,
            label: `${label} ${field}`.slice(0, 40).trim(),
            values: {
                Active__c: true,
                Integration_Setting__c: name,
                Outbound_Key__c: outboundKeyOf(field),
                Source_Field__c: field
            }
        };
    });
    const xsiFor = (type: typeof types.setting) => (field: string) => xsiTypeOf(type.fields.get(field)!);
    const records = [
        asRecordFile('Integration_Setting', name, label, settingValues, xsiFor(types.setting)),
        ...fieldRecords.map((record) =>
            asRecordFile('Integration_Field', record.developerName, record.label, record.values, xsiFor(types.field))
        )
    ];
    const problems: FileProblem[] = [
        ...records.flatMap((record) =>
            checkRecordShape(record, record.type === 'Integration_Setting' ? types.setting : types.field)
        ),
        ...validateRelayRecords(
            records,
            lookup,
            new Set([...knownCredentials, credential]),
            options.namedCredentialSource ?? 'the project'
        ).problems
    ];
    if (problems.length > 0) {
        throw new ScaffoldError(problems.map((problem) => `${problem.file}: ${problem.message}`).join(' '));
    }

    const files: ScaffoldFile[] = [];
    const reused: string[] = [];
    const add = (file: string, content: string): void => {
        files.push({ file, content });
    };
    add(
        relative('main', 'default', 'customMetadata', `Integration_Setting.${name}.md-meta.xml`),
        renderRecord(label, settingValues, types.setting)
    );
    for (const record of fieldRecords) {
        add(
            relative('main', 'default', 'customMetadata', `Integration_Field.${record.developerName}.md-meta.xml`),
            renderRecord(record.label, record.values, types.field)
        );
    }
    if (credentialExists) {
        reused.push(`Named Credential ${credential} exists in ${options.namedCredentialSource ?? 'the project'}`);
    } else {
        add(
            relative('main', 'default', 'namedCredentials', `${credential}.namedCredential-meta.xml`),
            namedCredentialXml(credential)
        );
        add(
            relative('main', 'default', 'externalCredentials', `${credential}.externalCredential-meta.xml`),
            externalCredentialXml(credential)
        );
    }
    add(
        relative('main', 'default', 'permissionsets', `${name}_Integration.permissionset-meta.xml`),
        permissionSetXml(name, object.name, fields, credentialExists ? null : credential)
    );
    const existingTrigger = triggerExists(roots, object.name);
    if (existingTrigger) {
        reused.push(`${path.relative(options.projectRoot, existingTrigger)} already captures ${object.name}`);
    } else {
        const triggerName = `Relay${baseName(object.name).replace(/_/g, '')}Trigger`;
        add(relative('main', 'default', 'triggers', `${triggerName}.trigger`), triggerSource(triggerName, object.name));
        add(relative('main', 'default', 'triggers', `${triggerName}.trigger-meta.xml`), APEX_META('ApexTrigger'));
        const testName = `${triggerName}Test`;
        add(
            relative('test', 'classes', `${testName}.cls`),
            triggerTestSource(
                testName,
                name,
                object.name,
                { source: fields[0], key: outboundKeyOf(fields[0]) },
                testValues(object, roots)
            )
        );
        add(relative('test', 'classes', `${testName}.cls-meta.xml`), APEX_META('ApexClass'));
    }
    return { name, sourceObject: object.name, files, reused };
}

/** The files that exist already (and would be overwritten). */
export function existingFiles(projectRoot: string, plan: ScaffoldPlan): string[] {
    return plan.files.map((file) => file.file).filter((file) => existsSync(path.resolve(projectRoot, file)));
}

/** Formats and writes a plan; refuses (ScaffoldError, nothing written) when any of its files exists. */
export function writeIntegration(projectRoot: string, plan: ScaffoldPlan): void {
    const taken = existingFiles(projectRoot, plan);
    if (taken.length > 0) {
        throw new ScaffoldError(`Refusing to overwrite ${taken.join(', ')}: remove them or choose another --name.`);
    }
    const formatted = formatWithPrettier(
        plan.files.map((file) => ({ filePath: path.resolve(projectRoot, file.file), source: file.content }))
    );
    plan.files.forEach((file, index) => {
        const target = path.resolve(projectRoot, file.file);
        mkdirSync(path.dirname(target), { recursive: true });
        writeFileSync(target, formatted[index]);
    });
}
