// Typed declarations of the Apex methods the components call. A component importing a method that is
// not declared here fails the type check.

declare module 'relay/apex-types' {
    import type { WireAdapterConstructor } from 'lwc';

    /** An imported @AuraEnabled method: callable imperatively and usable with @wire. */
    export type ApexMethod<Params, Result> = ((params: Params) => Promise<Result>) &
        WireAdapterConstructor<Partial<Record<keyof Params, unknown>>, { data?: Result; error?: unknown }>;

    /** IntegrationStatusController.RecordSyncStatus as serialized to the component. */
    export interface SyncStatusEntry {
        integration: string;
        status: SyncStatus;
        attempts: number;
        httpStatus?: number;
        errorCategory?: string;
        firstQueuedAt?: string;
        lastAttemptAt?: string;
        nextAttemptAt?: string;
        deliveredAt?: string;
        updatedAt?: string;
    }

    /** The Status__c picklist of Integration_Log__c. */
    export type SyncStatus = 'Queued' | 'In Progress' | 'Retry Scheduled' | 'Delivered' | 'Dead Letter' | 'Cancelled';
}

declare module '@salesforce/apex/IntegrationStatusController.getRecordSyncStatus' {
    import type { ApexMethod, SyncStatusEntry } from 'relay/apex-types';
    const getRecordSyncStatus: ApexMethod<{ recordId: string }, SyncStatusEntry[]>;
    export default getRecordSyncStatus;
}
