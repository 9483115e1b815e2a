// The sfdx-lwc-jest stub resolves isEmpEnabled() to undefined; this mock lets tests drive live updates.
import { jest } from '@jest/globals';

type MessageHandler = (message: unknown) => void;

const handlers = new Map<string, MessageHandler>();

export const subscribe = jest.fn((channel: string, replayId: number, onMessage: MessageHandler) => {
    handlers.set(channel, onMessage);
    return Promise.resolve({ id: `${channel}-subscription`, channel, replayId });
});
export const unsubscribe = jest.fn((subscription: { channel: string }) => {
    handlers.delete(subscription.channel);
    return Promise.resolve({ successful: true });
});
export const onError = jest.fn();
export const isEmpEnabled = jest.fn(() => Promise.resolve(true));
export const setDebugFlag = jest.fn(() => Promise.resolve());

/** Test helper: deliver a platform event payload to the component subscribed on `channel`. */
export function publishForTest(channel: string, payload: unknown): void {
    handlers.get(channel)?.({ channel, data: { event: { replayId: 1 }, payload } });
}
