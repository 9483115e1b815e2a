// Typed declarations of the UI API (docs/ui-api.md): every @AuraEnabled method of force-app/main/ui-controllers and
// every field of its DTO classes. scripts/verify/ui-api-types.test.ts fails when an Apex method, parameter, DTO class
// or field is missing here or declared with another type. A component importing a method that is not declared here
// fails the type check. Apex Datetime arrives as an ISO 8601 string; a null Apex value is left out of the JSON, so
// every member the Apex side may leave null is optional.

declare module 'relay/apex-types' {
    import type { WireAdapterConstructor } from 'lwc';

    /** An imported @AuraEnabled method: callable imperatively and usable with @wire. */
    export type ApexMethod<Params, Result> = ((params: Params) => Promise<Result>) &
        WireAdapterConstructor<Partial<Record<keyof Params, unknown>>, { data?: Result; error?: unknown }>;

    /** The Status__c picklist of Integration_Log__c. */
    export type SyncStatus = 'Queued' | 'In Progress' | 'Retry Scheduled' | 'Delivered' | 'Dead Letter' | 'Cancelled';

    /** CompareResult.state. */
    export type CompareState =
        | 'compared'
        | 'notOffered'
        | 'notFound'
        | 'timeout'
        | 'unreachable'
        | 'serverError'
        | 'refused'
        | 'malformed'
        | 'failed'
        | 'noCredentialAccess';

    /** IntegrationStatusController.RecordSyncStatus: one integration's latest row for a record. */
    export interface RecordSyncStatus {
        integration: string;
        /** Only for users who can open log rows (console access); absent for reps. */
        logId?: string;
        status: SyncStatus;
        attempts: number;
        httpStatus?: number;
        errorCategory?: string;
        errorSummary?: string;
        correlationId?: string;
        firstQueuedAt?: string;
        lastAttemptAt?: string;
        nextAttemptAt?: string;
        deliveredAt?: string;
        updatedAt?: string;
        paused: boolean;
        pausedReason?: string;
        resumeAt?: string;
    }

    /** The record page component's name for RecordSyncStatus. */
    export type SyncStatusEntry = RecordSyncStatus;

    /** RelayUiDto.RecordActions. */
    export interface RecordActions {
        canSyncNow: boolean;
        canCompare: boolean;
        canReplay: boolean;
        canCancel: boolean;
        integrations: IntegrationAction[];
    }

    /** RelayUiDto.IntegrationAction. */
    export interface IntegrationAction {
        integration: string;
        active: boolean;
        compareOffered: boolean;
    }

    /** RelayUiDto.SyncNowResult. */
    export interface SyncNowResult {
        queued: number;
        alreadyWaiting: number;
        integrations: string[];
        message: string;
    }

    /** RelayUiDto.CompareResult. */
    export interface CompareResult {
        state: CompareState;
        message?: string;
        integration: string;
        recordId: string;
        httpStatus?: number;
        checkedAt: string;
        externalChangedAt?: string;
        externalId?: string;
        fields: CompareField[];
        differingKeys: string[];
        externalOnlyKeys: string[];
    }

    /** RelayUiDto.CompareField: values as JSON text. */
    export interface CompareField {
        key: string;
        salesforceValue?: string;
        externalValue?: string;
        differs: boolean;
    }

    /** RelayUiDto.OperationResult. */
    export interface OperationResult {
        requested?: number;
        processed?: number;
        skipped?: number;
        failed?: number;
        operationId?: string;
        message: string;
    }

    /** RelayUiDto.LogPage. */
    export interface LogPage {
        rows: LogRow[];
        nextCursor?: string;
        hasMore: boolean;
        pageSize: number;
    }

    /** RelayUiDto.LogRow. */
    export interface LogRow {
        id: string;
        name: string;
        integration: string;
        recordId?: string;
        sourceObject?: string;
        operation?: string;
        status: SyncStatus;
        attempts: number;
        httpStatus?: number;
        errorCategory?: string;
        errorMessage?: string;
        correlationId?: string;
        createdAt: string;
        firstQueuedAt?: string;
        lastAttemptAt?: string;
        nextAttemptAt?: string;
        deliveredAt?: string;
    }

    /** RelayUiDto.LogDetail. */
    export interface LogDetail {
        row: LogRow;
        idempotencyKey?: string;
        requestSnapshot?: string;
        responseExcerpt?: string;
        acknowledgedAt?: string;
        externalRecordId?: string;
        acknowledgementMessage?: string;
    }

    /** RelayUiDto.DeadLetterSummary. */
    export interface DeadLetterSummary {
        integration?: string;
        total: number;
        capped: boolean;
        cap: number;
        groups: DeadLetterGroup[];
    }

    /** RelayUiDto.DeadLetterGroup. */
    export interface DeadLetterGroup {
        errorCategory?: string;
        count: number;
        capped: boolean;
        latestAt?: string;
    }

    /** RelayUiDto.IntegrationHealth. */
    export interface IntegrationHealth {
        integration: string;
        windowHours: number;
        windowStart: string;
        windowEnd: string;
        delivered: number;
        deadLetters: number;
        retries: number;
        successRate?: number;
        p50LatencySeconds?: number;
        p95LatencySeconds?: number;
        meanLatencySeconds?: number;
        throughputPerHour?: number;
        backlogDue: number;
        backlogLater: number;
        backlogCapped: boolean;
        backlogCap: number;
        oldestWaitingQueuedAt?: string;
        oldestWaitingAgeMinutes?: number;
        circuitState: string;
        circuitReason?: string;
        circuitCategory?: string;
        circuitOpenedAt?: string;
        resumeAt?: string;
        consecutiveFailures: number;
        canResetCircuit: boolean;
        latencyHistogram: LatencyBucket[];
        series: HealthPoint[];
        openAlerts: AlertEntry[];
    }

    /** RelayUiDto.LatencyBucket (upToSeconds absent: above the last bound). */
    export interface LatencyBucket {
        upToSeconds?: number;
        count: number;
    }

    /** RelayUiDto.HealthPoint. */
    export interface HealthPoint {
        hourStart: string;
        delivered: number;
        deadLetters: number;
        retries: number;
    }

    /** RelayUiDto.AlertEntry. */
    export interface AlertEntry {
        alertKey?: string;
        cause?: string;
        message?: string;
        raisedAt?: string;
    }

    /** RelayUiDto.OperationProgress: a Relay_Operation__c row, read while its batch runs. */
    export interface OperationProgress {
        operationId: string;
        operationType: string;
        /** Queued, Running, Completed, Failed or Stopped. */
        status: string;
        finished: boolean;
        integration?: string;
        matched?: number;
        processed?: number;
        skipped?: number;
        failed?: number;
        startedAt?: string;
        finishedAt?: string;
        details?: string;
    }

    /** RelayUiDto.SetupCheckResult: one check of RelaySetupCheck. */
    export interface SetupCheckResult {
        name: string;
        ok: boolean;
        message: string;
    }
}

declare module '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus' {
    import type { ApexMethod, RecordSyncStatus } from 'relay/apex-types';
    const getRecordSyncStatus: ApexMethod<{ recordId: string }, RecordSyncStatus[]>;
    export default getRecordSyncStatus;
}

declare module '@salesforce/apex/IntegrationStatusController.getRecordActions' {
    import type { ApexMethod, RecordActions } from 'relay/apex-types';
    const getRecordActions: ApexMethod<{ recordId: string }, RecordActions>;
    export default getRecordActions;
}

declare module '@salesforce/apex/IntegrationStatusController.syncNow' {
    import type { ApexMethod, SyncNowResult } from 'relay/apex-types';
    const syncNow: ApexMethod<{ recordId: string; integration?: string }, SyncNowResult>;
    export default syncNow;
}

declare module '@salesforce/apexContinuation/IntegrationStatusController.compareRecord' {
    import type { ApexMethod, CompareResult } from 'relay/apex-types';
    const compareRecord: ApexMethod<{ recordId: string; integration: string }, CompareResult>;
    export default compareRecord;
}

declare module '@salesforce/apex/IntegrationStatusController.processCompare' {
    import type { ApexMethod, CompareResult } from 'relay/apex-types';
    /** The Continuation callback of compareRecord; components never call it themselves. */
    const processCompare: ApexMethod<{ labels: string[]; state: unknown }, CompareResult>;
    export default processCompare;
}

declare module '@salesforce/apex/RelayConsoleController.queryLogs' {
    import type { ApexMethod, LogPage } from 'relay/apex-types';
    const queryLogs: ApexMethod<{ filterJson?: string; cursor?: string; pageSize?: number }, LogPage>;
    export default queryLogs;
}

declare module '@salesforce/apex/RelayConsoleController.getLogDetail' {
    import type { ApexMethod, LogDetail } from 'relay/apex-types';
    const getLogDetail: ApexMethod<{ logId: string }, LogDetail>;
    export default getLogDetail;
}

declare module '@salesforce/apex/RelayConsoleController.getDeadLetterSummary' {
    import type { ApexMethod, DeadLetterSummary } from 'relay/apex-types';
    const getDeadLetterSummary: ApexMethod<{ integration?: string }, DeadLetterSummary>;
    export default getDeadLetterSummary;
}

declare module '@salesforce/apex/RelayConsoleController.getIntegrationHealth' {
    import type { ApexMethod, IntegrationHealth } from 'relay/apex-types';
    const getIntegrationHealth: ApexMethod<{ integration?: string; windowHours?: number }, IntegrationHealth[]>;
    export default getIntegrationHealth;
}

declare module '@salesforce/apex/RelayConsoleController.resetCircuit' {
    import type { ApexMethod, OperationResult } from 'relay/apex-types';
    const resetCircuit: ApexMethod<{ integration: string }, OperationResult>;
    export default resetCircuit;
}

declare module '@salesforce/apex/RelayConsoleController.replayLogs' {
    import type { ApexMethod, OperationResult } from 'relay/apex-types';
    const replayLogs: ApexMethod<{ logIds: string[]; withCurrentData?: boolean }, OperationResult>;
    export default replayLogs;
}

declare module '@salesforce/apex/RelayConsoleController.cancelLogs' {
    import type { ApexMethod, OperationResult } from 'relay/apex-types';
    const cancelLogs: ApexMethod<{ logIds: string[] }, OperationResult>;
    export default cancelLogs;
}

declare module '@salesforce/apex/RelayConsoleController.replayMatching' {
    import type { ApexMethod, OperationResult } from 'relay/apex-types';
    const replayMatching: ApexMethod<{ filterJson: string; withCurrentData?: boolean }, OperationResult>;
    export default replayMatching;
}

declare module '@salesforce/apex/RelayConsoleController.cancelMatching' {
    import type { ApexMethod, OperationResult } from 'relay/apex-types';
    const cancelMatching: ApexMethod<{ filterJson: string }, OperationResult>;
    export default cancelMatching;
}

declare module '@salesforce/apex/RelayConsoleController.getIntegrationNames' {
    import type { ApexMethod } from 'relay/apex-types';
    /** DeveloperNames of every configured integration, sorted: the console's integration picker. */
    const getIntegrationNames: ApexMethod<Record<string, never>, string[]>;
    export default getIntegrationNames;
}

declare module '@salesforce/apex/RelayConsoleController.getOperation' {
    import type { ApexMethod, OperationProgress } from 'relay/apex-types';
    /** Progress of a replay/cancel batch started by replayMatching/cancelMatching. */
    const getOperation: ApexMethod<{ operationId: string }, OperationProgress>;
    export default getOperation;
}

declare module '@salesforce/apex/RelayConsoleController.getSetupCheckNames' {
    import type { ApexMethod } from 'relay/apex-types';
    /** RelaySetupCheck.CHECKS: the names to run one by one with getSetupCheck. */
    const getSetupCheckNames: ApexMethod<Record<string, never>, string[]>;
    export default getSetupCheckNames;
}

declare module '@salesforce/apex/RelayConsoleController.getSetupCheck' {
    import type { ApexMethod, SetupCheckResult } from 'relay/apex-types';
    /** RelaySetupCheck.run(check): one check's results; needs Relay_Manage_Operations. */
    const getSetupCheck: ApexMethod<{ check: string }, SetupCheckResult[]>;
    export default getSetupCheck;
}
