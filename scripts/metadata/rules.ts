/**
 * The validation rules of Relay's Custom Metadata, mirroring force-app/main/settings/classes/IntegrationSetting.cls
 * (and IntegrationOperationsSetting.cls once its fields exist) rule by rule and word for word: the same record gives
 * the same `errors`, in the same order, and the same `configurationProblem()`. scripts/metadata/rule-cases.json holds
 * the cases both sides are tested against (rule-cases.test.ts here, IntegrationSettingRuleCasesTest.cls in Apex).
 *
 * Values are as a record holds them: text as strings, numbers as numbers, checkboxes as booleans, unset as
 * null or absent. Objects and fields are looked up through a `SchemaLookup` (project source or an org's describe).
 */

/** A value of a Custom Metadata field, as an in-memory record holds it. */
export type CmdtValue = string | number | boolean | null;

/** One Custom Metadata record: its DeveloperName and its field values by API name. */
export interface CmdtRecord {
    developerName: string | null;
    values: Readonly<Record<string, CmdtValue | undefined>>;
}

/** A field of a source object, as the org (or the project) spells it. */
export interface FieldInfo {
    name: string;
    /** Text length; 0 or absent for other types. */
    length?: number;
}

/** An object the settings can name: its API name as spelled, and its fields by lower-cased API name. */
export interface ObjectInfo {
    name: string;
    fields: ReadonlyMap<string, FieldInfo>;
}

/** Finds an object by API name (any case); null when it does not exist. */
export type SchemaLookup = (objectName: string) => ObjectInfo | null;

/** One problem with the field it is about (null when about the record as a whole). */
export interface RuleError {
    field: string | null;
    message: string;
    /** Index into the `fields` passed to validateSetting when the problem is about one field record. */
    fieldRecord?: number;
}

export const MODE_REAL_TIME = 'Real Time';
export const MODE_SCHEDULED = 'Scheduled';
export const HTTP_METHODS: readonly string[] = ['POST', 'PUT', 'PATCH'];
export const PAYLOAD_FORMATS: readonly string[] = ['relay.v1', 'cloudevents'];
export const DEFAULT_RETRYABLE_STATUS_CODES = '408,425,429,500,502,503,504';
const MIN_STATUS_CODE = 100;
const MAX_STATUS_CODE = 599;
const MAX_BACKOFF_SECONDS = 86400;
const DEFAULT_BACKOFF_BASE_SECONDS = 30;
const API_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

/** A whole-number setting: its field, default and inclusive range (IntegrationSetting.wholeNumber). */
export interface WholeNumberRule {
    field: string;
    defaultValue: number;
    min: number;
    max: number;
}

/** The whole-number settings, in the order IntegrationSetting reads them (readLimits, readRetry, readCircuit). */
export const LIMIT_RULES: readonly WholeNumberRule[] = [
    { field: 'Records_Per_Callout__c', defaultValue: 50, min: 1, max: 200 },
    { field: 'Max_Payload_Bytes__c', defaultValue: 1000000, min: 1000, max: 2000000 },
    { field: 'Callout_Timeout_Ms__c', defaultValue: 10000, min: 1, max: 110000 },
    { field: 'Retry_Horizon_Hours__c', defaultValue: 24, min: 1, max: 720 }
];
export const BACKOFF_BASE_RULE: WholeNumberRule = {
    field: 'Backoff_Base_Seconds__c',
    defaultValue: DEFAULT_BACKOFF_BASE_SECONDS,
    min: 1,
    max: MAX_BACKOFF_SECONDS
};
export const CIRCUIT_RULES: readonly WholeNumberRule[] = [
    { field: 'Circuit_Failure_Threshold__c', defaultValue: 3, min: 1, max: 100 },
    { field: 'Circuit_Cooldown_Seconds__c', defaultValue: 60, min: 10, max: 3600 }
];

/** Apex's String.trim(): strips characters up to U+0020 from both ends, nothing else. */
export function apexTrim(value: string): string {
    let start = 0;
    let end = value.length;
    while (start < end && value.charCodeAt(start) <= 32) start++;
    while (end > start && value.charCodeAt(end - 1) <= 32) end--;
    return value.slice(start, end);
}

/** Apex's String.isBlank(): null, empty or whitespace only. */
export function apexIsBlank(value: string | null | undefined): boolean {
    return value === null || value === undefined || value.trim() === '';
}

/** How Apex concatenates a value into a string: null as 'null', numbers without an exponent. */
export function apexText(value: CmdtValue | undefined): string {
    if (value === null || value === undefined) return 'null';
    return String(value);
}

function text(record: CmdtRecord, field: string): string | null {
    const value = record.values[field];
    return value === null || value === undefined ? null : String(value);
}

function numberValue(record: CmdtRecord, field: string): number | null {
    const value = record.values[field];
    if (value === null || value === undefined || value === '') return null;
    return typeof value === 'number' ? value : Number(value);
}

function checkbox(record: CmdtRecord, field: string, defaultValue: boolean): boolean {
    const value = record.values[field];
    if (value === null || value === undefined) return defaultValue;
    return value === true || value === 'true';
}

/** The outcome of reading one Integration_Setting__mdt with its fields, as IntegrationSetting builds it. */
export interface SettingResult {
    name: string | null;
    isActive: boolean;
    /** The source object as the org spells it, when it exists. */
    sourceObject: string | null;
    errors: RuleError[];
}

/** Validates one setting and its Integration_Field__mdt records exactly as `new IntegrationSetting(record, fields)`. */
export function validateSetting(
    setting: CmdtRecord,
    fields: readonly CmdtRecord[],
    lookup: SchemaLookup
): SettingResult {
    const errors: RuleError[] = [];
    const add = (field: string | null, message: string, fieldRecord?: number): void => {
        errors.push(fieldRecord === undefined ? { field, message } : { field, message, fieldRecord });
    };
    const wholeNumber = (rule: WholeNumberRule): number => {
        const value = numberValue(setting, rule.field);
        if (value === null) return rule.defaultValue;
        if (Number.isNaN(value) || value < rule.min || value > rule.max) {
            add(
                rule.field,
                `${rule.field} must be between ${rule.min} and ${rule.max} (was ${apexText(setting.values[rule.field])}).`
            );
            return rule.defaultValue;
        }
        if (!Number.isInteger(value)) {
            add(rule.field, `${rule.field} must be a whole number (was ${apexText(value)}).`);
            return rule.defaultValue;
        }
        return value;
    };

    const name = setting.developerName;
    const isActive = checkbox(setting, 'Active__c', false);

    // readSourceObject
    const rawObject = text(setting, 'Source_Object__c');
    let sourceObject: string | null = rawObject === null ? null : apexTrim(rawObject);
    let sourceInfo: ObjectInfo | null = null;
    if (apexIsBlank(sourceObject)) {
        add(
            'Source_Object__c',
            'Source_Object__c is required: set it to the API name of the object to send, for example Account.'
        );
    } else {
        sourceInfo = lookup(sourceObject!);
        if (sourceInfo === null) {
            add('Source_Object__c', `Source_Object__c must name an existing object (was '${sourceObject}').`);
        } else {
            sourceObject = sourceInfo.name;
        }
    }

    // readNamedCredential
    const rawCredential = text(setting, 'Named_Credential__c');
    const namedCredential = rawCredential === null ? null : apexTrim(rawCredential);
    if (apexIsBlank(namedCredential)) {
        add(
            'Named_Credential__c',
            'Named_Credential__c is required: set it to the API name of a Named Credential, for example Relay_ERP.'
        );
    } else if (!API_NAME.test(namedCredential!)) {
        add(
            'Named_Credential__c',
            "Named_Credential__c must be a Named Credential API name made of letters, digits and underscores, without 'callout:' or a URL (was '" +
                namedCredential +
                "')."
        );
    }

    // readPath
    const rawPath = text(setting, 'Path__c');
    const path = apexIsBlank(rawPath) ? '' : apexTrim(rawPath!);
    if (path.includes('://')) {
        add('Path__c', `Path__c must be a path such as /customers, not a URL (was '${path}').`);
    } else if (path.length > 0 && !path.startsWith('/')) {
        add('Path__c', `Path__c must start with '/' (was '${path}').`);
    }

    // readHttpMethod
    const rawMethod = text(setting, 'HTTP_Method__c');
    const method = apexIsBlank(rawMethod) ? 'POST' : apexTrim(rawMethod!).toUpperCase();
    if (!HTTP_METHODS.includes(method)) {
        add('HTTP_Method__c', `HTTP_Method__c must be POST, PUT or PATCH (was '${apexText(rawMethod)}').`);
    }

    // readLimits
    LIMIT_RULES.forEach(wholeNumber);

    // readRetry
    const backoffBase = wholeNumber(BACKOFF_BASE_RULE);
    const cap = numberValue(setting, 'Backoff_Cap_Seconds__c');
    if (cap !== null && cap < backoffBase) {
        add(
            'Backoff_Cap_Seconds__c',
            `Backoff_Cap_Seconds__c must be at least Backoff_Base_Seconds__c (${backoffBase}) (was ${apexText(cap)}).`
        );
    } else if (cap !== null && cap > MAX_BACKOFF_SECONDS) {
        add(
            'Backoff_Cap_Seconds__c',
            `Backoff_Cap_Seconds__c must be at most ${MAX_BACKOFF_SECONDS} (was ${apexText(cap)}).`
        );
    }
    const jitter = numberValue(setting, 'Jitter_Ratio__c');
    if (jitter !== null && (jitter < 0 || jitter > 1)) {
        add('Jitter_Ratio__c', `Jitter_Ratio__c must be between 0 and 1 (was ${apexText(jitter)}).`);
    }
    const rawCodes = text(setting, 'Retryable_Status_Codes__c');
    if (parseStatusCodes(apexIsBlank(rawCodes) ? DEFAULT_RETRYABLE_STATUS_CODES : rawCodes!) === null) {
        add(
            'Retryable_Status_Codes__c',
            `Retryable_Status_Codes__c must be a comma-separated list of HTTP status codes from ${MIN_STATUS_CODE} to ${MAX_STATUS_CODE}, for example 429,503 (was '${apexText(rawCodes)}').`
        );
    }

    // readCircuit
    CIRCUIT_RULES.forEach(wholeNumber);

    // readDeliveryMode
    const rawMode = text(setting, 'Delivery_Mode__c');
    if (!apexIsBlank(rawMode)) {
        const mode = apexTrim(rawMode!).toLowerCase();
        if (mode !== MODE_REAL_TIME.toLowerCase() && mode !== MODE_SCHEDULED.toLowerCase()) {
            add(
                'Delivery_Mode__c',
                `Delivery_Mode__c must be '${MODE_REAL_TIME}' or '${MODE_SCHEDULED}' (was '${rawMode}').`
            );
        }
    }

    // readFieldMappings
    const sourceFields = sourceInfo?.fields ?? null;
    const ownerByOutboundKey = new Map<string, string>();
    let activeFields = 0;
    for (const [index, field] of fields.entries()) {
        if (!checkbox(field, 'Active__c', true)) continue;
        activeFields++;
        const label = `Integration_Field__mdt ${field.developerName === null ? '' : field.developerName + ' '}`;
        const rawSource = text(field, 'Source_Field__c');
        const sourceField = rawSource === null ? '' : apexTrim(rawSource);
        if (sourceField.length === 0) {
            add(
                'Source_Field__c',
                `${label}needs Source_Field__c: set it to a field API name of ${apexText(sourceObject)}.`,
                index
            );
        } else if (sourceFields !== null && !sourceFields.has(sourceField.toLowerCase())) {
            add(
                'Source_Field__c',
                `${label}Source_Field__c must name a field of ${apexText(sourceObject)} (was '${sourceField}').`,
                index
            );
        }
        const rawKey = text(field, 'Outbound_Key__c');
        const outboundKey = rawKey === null ? '' : apexTrim(rawKey);
        const owner = field.developerName === null ? outboundKey : field.developerName;
        if (outboundKey.length === 0) {
            add(
                'Outbound_Key__c',
                `${label}needs Outbound_Key__c: set it to the JSON key the value is sent under.`,
                index
            );
        } else if (ownerByOutboundKey.has(outboundKey)) {
            add(
                'Outbound_Key__c',
                `${label}Outbound_Key__c must be unique within ${apexText(name)} (was '${outboundKey}', already used by ${ownerByOutboundKey.get(outboundKey)}).`,
                index
            );
        } else {
            ownerByOutboundKey.set(outboundKey, owner);
        }
    }
    if (activeFields === 0) {
        add(
            null,
            `Integration_Field__mdt: add at least one active field record to ${apexText(name)} (it has none, so there is nothing to send).`
        );
    }

    // readTriggerFields
    const rawTriggers = text(setting, 'Trigger_Fields__c');
    if (!apexIsBlank(rawTriggers) && sourceFields !== null) {
        for (const entry of rawTriggers!.split(',')) {
            const fieldName = apexTrim(entry);
            if (fieldName.length > 0 && !sourceFields.has(fieldName.toLowerCase())) {
                add(
                    'Trigger_Fields__c',
                    `Trigger_Fields__c must list fields of ${apexText(sourceObject)} ('${fieldName}' is not one).`
                );
            }
        }
    }

    // readPayloadFormat
    const rawFormat = text(setting, 'Payload_Format__c');
    const format = apexIsBlank(rawFormat) ? PAYLOAD_FORMATS[0] : apexTrim(rawFormat!).toLowerCase();
    if (!PAYLOAD_FORMATS.includes(format)) {
        add('Payload_Format__c', `Payload_Format__c must be relay.v1 or cloudevents (was '${apexText(rawFormat)}').`);
    }

    // new IntegrationOperationsSetting(record, errors)
    errors.push(...operationsErrors(setting));

    return { name, isActive, sourceObject, errors };
}

/** The operations whole-number settings (IntegrationOperationsSetting.wholeNumber: one message for both rules). */
export const OPERATIONS_RULES: readonly WholeNumberRule[] = [
    { field: 'Latency_Target_Minutes__c', defaultValue: 15, min: 1, max: 10080 },
    { field: 'Dead_Letter_Alert_Threshold__c', defaultValue: 10, min: 1, max: 100000 },
    { field: 'Alert_Window_Minutes__c', defaultValue: 60, min: 5, max: 10080 }
];
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const RECORD_ID_PLACEHOLDER = '{recordId}';

/** The problems IntegrationOperationsSetting adds to the setting's errors, in its order. */
export function operationsErrors(setting: CmdtRecord): RuleError[] {
    const errors: RuleError[] = [];
    const add = (field: string, message: string): void => {
        errors.push({ field, message });
    };
    for (const rule of OPERATIONS_RULES) {
        const value = numberValue(setting, rule.field);
        if (
            value !== null &&
            (Number.isNaN(value) || value < rule.min || value > rule.max || !Number.isInteger(value))
        ) {
            add(
                rule.field,
                `${rule.field} must be a whole number between ${rule.min} and ${rule.max} (was ${apexText(setting.values[rule.field])}).`
            );
        }
    }
    const rawEmail = text(setting, 'Alert_Email__c');
    if (!apexIsBlank(rawEmail) && !EMAIL.test(apexTrim(rawEmail!))) {
        add('Alert_Email__c', `Alert_Email__c must be one email address (was '${rawEmail}').`);
    }
    const path = (field: string): string | null => {
        const raw = text(setting, field);
        if (apexIsBlank(raw)) return null;
        const trimmed = apexTrim(raw!);
        if (trimmed.includes('://') || !trimmed.startsWith('/')) {
            add(field, `${field} must be a path starting with '/', not a URL (was '${trimmed}').`);
            return null;
        }
        return trimmed;
    };
    const reconciliationPath = path('Reconciliation_Path__c');
    if (checkbox(setting, 'Reconciliation_Enabled__c', false) && reconciliationPath === null) {
        add(
            'Reconciliation_Enabled__c',
            "Reconciliation_Enabled__c is on but Reconciliation_Path__c is empty: set the receiver's reconciliation path (for example /customers/reconciliation) or turn reconciliation off."
        );
    }
    const recordPath = path('Record_Path__c');
    if (recordPath !== null && !recordPath.includes(RECORD_ID_PLACEHOLDER)) {
        add(
            'Record_Path__c',
            `Record_Path__c must contain ${RECORD_ID_PLACEHOLDER} where the record id goes, for example /customers/{recordId} (was '${apexText(text(setting, 'Record_Path__c'))}').`
        );
    }
    return errors;
}

/** IntegrationSetting.parseStatusCodes: null when any entry is not a status code or there is none. */
export function parseStatusCodes(value: string): Set<number> | null {
    const codes = new Set<number>();
    for (const entry of value.split(',')) {
        const code = apexTrim(entry);
        if (code.length === 0) continue;
        if (!/^[0-9]+$/.test(code) || code.length > 3) return null;
        const parsed = Number(code);
        if (parsed < MIN_STATUS_CODE || parsed > MAX_STATUS_CODE) return null;
        codes.add(parsed);
    }
    return codes.size === 0 ? null : codes;
}

/** IntegrationSetting.configurationProblem(): why the integration cannot send, or null. */
export function configurationProblem(result: Pick<SettingResult, 'name' | 'isActive' | 'errors'>): string | null {
    if (!result.isActive) {
        return `Integration ${apexText(result.name)} is inactive: activate it in Custom Metadata to send these rows.`;
    }
    if (result.errors.length > 0) {
        return `Integration ${apexText(result.name)} is misconfigured: ${result.errors.map((error) => error.message).join(' ')}`;
    }
    return null;
}
