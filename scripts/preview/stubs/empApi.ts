// lightning/empApi: subscriptions answer from the scenario; `events` are delivered `afterMs` after the component
// subscribed to their channel, in the message shape the platform uses.
import { previewRuntime } from './runtime.ts';

export interface EmpSubscription {
    id: string;
    channel: string;
    replayId: number;
}
type MessageCallback = (message: unknown) => void;

const errorCallbacks: ((error: unknown) => void)[] = [];
const active = new Set<string>();
let nextId = 1;
let nextReplayId = 1;

export function isEmpEnabled(): Promise<boolean> {
    return Promise.resolve(previewRuntime().scenario.empEnabled ?? true);
}

export function subscribe(channel: string, replayId: number, onMessage: MessageCallback): Promise<EmpSubscription> {
    const runtime = previewRuntime();
    const subscription: EmpSubscription = { id: `preview-subscription-${nextId++}`, channel, replayId };
    active.add(subscription.id);
    const record = { channel, replayId, active: true };
    runtime.subscriptions.push(record);
    for (const event of runtime.scenario.events ?? []) {
        if (event.channel !== channel) {
            continue;
        }
        setTimeout(() => {
            if (active.has(subscription.id)) {
                onMessage({ channel, data: { event: { replayId: nextReplayId++ }, payload: event.payload } });
            }
        }, event.afterMs);
    }
    for (const failure of runtime.scenario.empErrors ?? []) {
        setTimeout(() => {
            if (active.has(subscription.id)) {
                errorCallbacks.forEach((callback) => callback(failure.error));
            }
        }, failure.afterMs);
    }
    return Promise.resolve(subscription);
}

export function unsubscribe(subscription: EmpSubscription, callback?: (response: unknown) => void): Promise<unknown> {
    active.delete(subscription.id);
    const runtime = previewRuntime();
    runtime.subscriptions
        .filter((record) => record.channel === subscription.channel && record.active)
        .slice(0, 1)
        .forEach((record) => {
            record.active = false;
        });
    const response = { successful: true, subscription: subscription.channel };
    callback?.(response);
    return Promise.resolve(response);
}

export function onError(callback: (error: unknown) => void): void {
    errorCallbacks.push(callback);
}

export function setDebugFlag(): Promise<unknown> {
    return Promise.resolve(true);
}
