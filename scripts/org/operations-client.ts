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
    /** The org has no such REST resource: Relay (or this version of it) is not deployed there. */
    public readonly notInstalled: boolean;

    public constructor(message: string, statusCode: number | undefined, notInstalled = false) {
        super(message);
        this.name = 'OperationsError';
        this.statusCode = statusCode;
        this.notInstalled = notInstalled;
    }
}

interface ErrorLike {
    message?: unknown;
    errorCode?: unknown;
    name?: unknown;
}

/** jsforce's error for a failed request: `ERROR_HTTP_400` and the raw body, or the platform's own code. */
function statusOf(errorCode: string | undefined): number | undefined {
    const match = /^ERROR_HTTP_(\d{3})$/.exec(errorCode ?? '');
    if (match) return Number(match[1]);
    return errorCode === 'NOT_FOUND' ? 404 : undefined;
}

/**
 * The resource answers failures as `{"error":"<one sentence>"}`; jsforce passes such a body on as the error's
 * message, raw, with the code `ERROR_HTTP_<status>`. The platform's own errors (an unmapped URL: `NOT_FOUND`, "Could
 * not find a match for URL") keep their message.
 */
export function toOperationsError(error: unknown): OperationsError {
    const candidate = (error ?? {}) as ErrorLike;
    const raw = typeof candidate.message === 'string' ? candidate.message : String(error);
    const code = typeof candidate.errorCode === 'string' ? candidate.errorCode : undefined;
    let message = raw;
    try {
        const body = JSON.parse(raw) as { error?: unknown };
        if (typeof body.error === 'string') message = body.error;
    } catch {
        // Not a JSON body: the message is already the platform's sentence.
    }
    return new OperationsError(message, statusOf(code), code === 'NOT_FOUND');
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
