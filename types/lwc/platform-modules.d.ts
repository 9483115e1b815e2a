// Platform modules that @salesforce/lightning-types does not declare (TOOLCHAIN.md).

declare module 'lightning/platformShowToastEvent' {
    export interface ShowToastEventInit {
        title?: string;
        message: string;
        variant?: 'info' | 'success' | 'warning' | 'error';
        mode?: 'dismissible' | 'pester' | 'sticky';
    }
    export class ShowToastEvent extends CustomEvent<ShowToastEventInit> {
        constructor(init: ShowToastEventInit);
    }
}

declare module 'lightning/empApi' {
    export interface EmpMessage<TPayload = Record<string, unknown>> {
        channel: string;
        data: { event: { replayId: number }; payload: TPayload };
    }
    export interface EmpSubscription {
        id?: string;
        channel: string;
        replayId?: number;
    }
    export function subscribe<TPayload>(
        channel: string,
        replayId: number,
        onMessage: (message: EmpMessage<TPayload>) => void
    ): Promise<EmpSubscription>;
    export function unsubscribe(
        subscription: EmpSubscription,
        callback?: (response: unknown) => void
    ): Promise<unknown>;
    export function onError(callback: (error: unknown) => void): void;
    export function isEmpEnabled(): Promise<boolean>;
    export function setDebugFlag(flag: boolean): Promise<unknown>;
}

declare module '@salesforce/apex' {
    /** Re-provisions a wired Apex value; takes the whole provisioned value, not `.data`. */
    export function refreshApex(wiredValue: unknown): Promise<void>;
}
