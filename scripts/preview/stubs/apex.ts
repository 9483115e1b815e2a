// `@salesforce/apex/<Class.method>` and `@salesforce/apexContinuation/<Class.method>`: one stub per method that
// serves both `@wire` (the engine reads `method.adapter`) and imperative calls, answering from the scenario's
// `apex` fixtures; and `@salesforce/apex`'s refreshApex, which re-fetches a wired value.
import { answerFor, apexError, cleanParams } from '../fixtures.ts';
import type { ApexAnswer } from '../fixtures.ts';
import { previewRuntime } from './runtime.ts';
import type { ApexCallRecord } from './runtime.ts';

interface WiredValue {
    data: unknown;
    error: unknown;
}
type DataCallback = (value: WiredValue) => void;

/** Carried by every provisioned value, so refreshApex can find the adapter that provisioned it. */
const REFRESH = Symbol('relayPreviewRefresh');
type Refreshable = WiredValue & { [REFRESH]?: () => Promise<void> };

/** Calls per method, shared by the wire adapter and imperative calls (a fixture `sequence` counts both). */
const callCounts = new Map<string, number>();

function settle(answer: ApexAnswer): Promise<unknown> {
    if (answer.kind === 'pending') {
        return new Promise<unknown>(() => undefined);
    }
    return new Promise<unknown>((resolve, reject) => {
        const deliver = (): void => {
            if (answer.kind === 'data') {
                resolve(structuredClone(answer.data));
            } else {
                // The platform rejects with `{ body: { message } }`, not an Error: components read it that way.
                // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
                reject(apexError(answer.message));
            }
        };
        if (answer.delayMs > 0) {
            setTimeout(deliver, answer.delayMs);
        } else {
            // Asynchronous like the platform: a component never gets its answer in the same tick.
            Promise.resolve().then(deliver, deliver);
        }
    });
}

function call(method: string, params: unknown, via: ApexCallRecord['via']): Promise<unknown> {
    const runtime = previewRuntime();
    const index = callCounts.get(method) ?? 0;
    callCounts.set(method, index + 1);
    runtime.calls.push({ method, params: cleanParams(params), via });
    return settle(answerFor(runtime.scenario.apex?.[method], index, method));
}

/** The default export of `@salesforce/apex/<method>`. */
export function apexMethod(method: string): ((params?: unknown) => Promise<unknown>) & { adapter: unknown } {
    class ApexWireAdapter {
        private readonly callback: DataCallback;
        private configKey: string | undefined;
        private config: unknown;
        private connected = false;

        constructor(callback: DataCallback) {
            this.callback = callback;
        }

        connect(): void {
            this.connected = true;
        }

        disconnect(): void {
            this.connected = false;
        }

        update(config: unknown): void {
            const key = JSON.stringify(cleanParams(config));
            if (key === this.configKey) {
                return;
            }
            this.configKey = key;
            this.config = config;
            this.emit({ data: undefined, error: undefined });
            void this.fetch('wire');
        }

        private emit(value: WiredValue): void {
            const provisioned: Refreshable = value;
            Object.defineProperty(provisioned, REFRESH, { value: () => this.fetch('refresh'), enumerable: false });
            if (this.connected) {
                this.callback(provisioned);
            }
        }

        private fetch(via: ApexCallRecord['via']): Promise<void> {
            return call(method, this.config, via).then(
                (data) => this.emit({ data, error: undefined }),
                (error: unknown) => this.emit({ data: undefined, error })
            );
        }
    }
    const invoke = (params?: unknown): Promise<unknown> => call(method, params, 'imperative');
    return Object.assign(invoke, { adapter: ApexWireAdapter });
}

/** `@salesforce/apex` refreshApex: takes the whole provisioned value, re-fetches it and re-provisions the wire. */
export function refreshApex(wiredValue: unknown): Promise<void> {
    const refresh =
        typeof wiredValue === 'object' && wiredValue !== null ? (wiredValue as Refreshable)[REFRESH] : undefined;
    return refresh === undefined ? Promise.resolve() : refresh();
}

/** `@salesforce/apex` getSObjectValue: a field's value from a record. */
export function getSObjectValue(record: Record<string, unknown>, field: string | { fieldApiName: string }): unknown {
    const name = typeof field === 'string' ? field : field.fieldApiName;
    return name.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | null)?.[part], record);
}
