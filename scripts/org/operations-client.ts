import type { Connection } from '@salesforce/core';

/** The Apex REST resource of Relay's operations (RelayOperationsResource, urlMapping /relay/v1/operations/*). */
export const OPERATIONS_PATH = '/services/apexrest/relay/v1/operations';

export interface ScheduleInfo {
    name: string;
    workClass: string;
    cron: string;
    state: string;
    nextFireTime: string | null;
}

export interface SetupCheck {
    name: string;
    ok: boolean;
    message: string;
}

/** The IntegrationLogFilter JSON of the Apex class of the same name; a bulk operation needs one of the first three. */
export interface LogFilter {
    integration?: string;
    statuses?: string[];
    recordId?: string;
    errorCategory?: string;
    from?: string;
    to?: string;
}

export interface OperationStarted {
    operationId: string;
    matched: number;
}

export interface IntegrationStatus {
    integration: string;
    status: string;
    attempts: number;
    lastError: string | null;
    correlationId: string | null;
    nextAttemptAt: string | null;
    deliveredAt: string | null;
}

export interface RecordStatus {
    recordId: string;
    integrations: IntegrationStatus[];
}

/** An answer of the operations API that is not a success: its status and its one-sentence `error`. */
export class OperationsError extends Error {
    public readonly statusCode: number | undefined;

    public constructor(message: string, statusCode: number | undefined) {
        super(message);
        this.name = 'OperationsError';
        this.statusCode = statusCode;
    }
}

interface ErrorLike {
    message?: unknown;
    errorCode?: unknown;
    statusCode?: unknown;
    data?: unknown;
}

/** The resource answers errors as `{"error":"<one sentence>"}`; jsforce puts that body in the error's data. */
export function toOperationsError(error: unknown): OperationsError {
    const candidate = (error ?? {}) as ErrorLike;
    const data = candidate.data as { error?: unknown } | undefined;
    const body = typeof data?.error === 'string' ? data.error : undefined;
    const message = body ?? (typeof candidate.message === 'string' ? candidate.message : String(error));
    const status = typeof candidate.statusCode === 'number' ? candidate.statusCode : undefined;
    return new OperationsError(message, status);
}

/** Typed calls of the operations resource over an org's connection. */
export class OperationsClient {
    private readonly connection: Connection;

    public constructor(connection: Connection) {
        this.connection = connection;
    }

    public async schedules(): Promise<ScheduleInfo[]> {
        return (await this.get<{ schedules: ScheduleInfo[] }>('schedules')).schedules;
    }

    public async stopSchedules(): Promise<number> {
        return (await this.post<{ stopped: number }>('schedules/stop', {})).stopped;
    }

    public async startSchedules(): Promise<number> {
        return (await this.post<{ started: number }>('schedules/start', {})).started;
    }

    public async setupChecks(): Promise<SetupCheck[]> {
        return (await this.get<{ checks: SetupCheck[] }>('setup')).checks;
    }

    public async replay(filter: LogFilter, withCurrentData: boolean): Promise<OperationStarted> {
        return this.post<OperationStarted>('replay', { filter, withCurrentData });
    }

    public async cancel(filter: LogFilter): Promise<OperationStarted> {
        return this.post<OperationStarted>('cancel', { filter });
    }

    public async status(recordId: string): Promise<RecordStatus> {
        return this.get<RecordStatus>(`status?recordId=${encodeURIComponent(recordId)}`);
    }

    private async get<R>(action: string): Promise<R> {
        return this.send<R>({ method: 'GET', url: `${OPERATIONS_PATH}/${action}` });
    }

    private async post<R>(action: string, body: unknown): Promise<R> {
        return this.send<R>({
            method: 'POST',
            url: `${OPERATIONS_PATH}/${action}`,
            body: JSON.stringify(body),
            headers: { 'content-type': 'application/json' }
        });
    }

    private async send<R>(request: {
        method: 'GET' | 'POST';
        url: string;
        body?: string;
        headers?: Record<string, string>;
    }): Promise<R> {
        try {
            return await this.connection.request<R>(request);
        } catch (error) {
            throw toOperationsError(error);
        }
    }
}
