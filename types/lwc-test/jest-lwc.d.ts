// Test-only declarations for the LWC Jest helpers, which ship no types.

declare module '@salesforce/sfdx-lwc-jest' {
    export interface TestWireAdapter {
        emit(value: unknown): void;
        error(body?: unknown, status?: number, statusText?: string): void;
        getLastConfig(): Record<string, unknown>;
    }
    export function createApexTestWireAdapter(fn?: (...args: unknown[]) => unknown): TestWireAdapter;
    export function createLdsTestWireAdapter(fn?: (...args: unknown[]) => unknown): TestWireAdapter;
    export function createTestWireAdapter(fn?: (...args: unknown[]) => unknown): TestWireAdapter;
}
