// The contract between a component's preview scenarios (lwc/<name>/__tests__/<name>.scenarios.ts) and the browser
// preview (scripts/preview): `npm run preview` serves every scenario, the browser test renders each one in Chromium,
// runs its steps, checks `expect` and writes a screenshot. Scenarios use the Jest tests' own fixtures
// (`__tests__/data/*.json`), so what a person sees in the browser is what the tests assert.

declare module 'relay/preview' {
    /** What a stubbed Apex method answers; a `sequence` answers call by call and repeats its last entry. */
    export type ApexFixture =
        | { data: unknown; delayMs?: number }
        | { error: string; delayMs?: number }
        | { pending: true }
        | { sequence: ApexFixture[] };

    /** A platform event the preview's empApi stub delivers to subscribers of `channel`. */
    export interface PreviewEvent {
        /** Milliseconds after the component subscribed. */
        afterMs: number;
        channel: string;
        payload: Record<string, unknown>;
    }

    /** One step a person would take, in order; locators are accessible roles and names (Playwright). */
    export type PreviewStep =
        | { click: { role: 'button' | 'menuitem' | 'tab' | 'link' | 'checkbox' | 'option' | 'row'; name: string } }
        | { fill: { label: string; value: string } }
        | { select: { label: string; option: string } }
        | { expectText: string }
        | { waitMs: number }
        /** A screenshot in the middle of the steps, named `<scenario id>--<name>.png`. */
        | { screenshot: string };

    export interface PreviewScenario {
        /** Unique, URL-safe: `<component>-<state>`, for example `record-sync-status-dead-letter`. */
        id: string;
        /** What the state is, in a person's words: the preview's index lists it. */
        title: string;
        /** The component's folder name under lwc/, for example `recordSyncStatus`. */
        component: string;
        /** Public (@api) properties set before the component is inserted. */
        props?: Record<string, unknown>;
        /** Answers of `@salesforce/apex/<Class.method>` and `@salesforce/apexContinuation/<Class.method>`, keyed by `Class.method`. */
        apex?: Record<string, ApexFixture>;
        /** `@salesforce/customPermission/<Name>` values; absent names read false. */
        permissions?: Record<string, boolean>;
        /** The CurrentPageReference `state` (URL parameters such as `c__status`). */
        pageState?: Record<string, string>;
        /** Platform events delivered after subscription. */
        events?: PreviewEvent[];
        /** Errors empApi reports to its `onError` callbacks, `afterMs` after a subscription (the connection dropped). */
        empErrors?: { afterMs: number; error: unknown }[];
        /** empApi's `isEmpEnabled()`; default true. */
        empEnabled?: boolean;
        /** Steps run after the first render, before `expect` is checked and the final screenshot taken. */
        steps?: PreviewStep[];
        /** What a person would check once the steps are done. */
        expect: {
            /** Texts that must be visible. */
            text: string[];
            /** Texts that must not appear anywhere on the page. */
            absent?: string[];
            /** Text of toasts that must have been shown (lightning/toast, ShowToastEvent). */
            toasts?: string[];
        };
        /** Viewport; default 1280 × 800 for console components, 480 × 800 for record page components. */
        viewport?: { width: number; height: number };
    }
}
