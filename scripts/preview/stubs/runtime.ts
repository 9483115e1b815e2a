// The preview's state in the page: the scenario the server injected, and what the component did with the stubbed
// platform (Apex calls, toasts, navigations, subscriptions), read back by the browser test.
import type { PreviewScenario } from 'relay/preview';

export interface ApexCallRecord {
    method: string;
    params: Record<string, unknown>;
    via: 'wire' | 'imperative' | 'refresh';
}

export interface ToastRecord {
    title: string;
    message: string;
    variant: string;
}

export interface PreviewRuntime {
    scenario: PreviewScenario;
    calls: ApexCallRecord[];
    toasts: ToastRecord[];
    navigations: unknown[];
    subscriptions: { channel: string; replayId: number; active: boolean }[];
    /** Set once the component is in the page. */
    rendered: boolean;
}

declare global {
    interface Window {
        __RELAY_SCENARIO__?: PreviewScenario;
        __relayPreview?: PreviewRuntime;
    }
}

/** The page's preview state, created on first use from the injected scenario. */
export function previewRuntime(): PreviewRuntime {
    if (window.__relayPreview === undefined) {
        const scenario = window.__RELAY_SCENARIO__;
        if (scenario === undefined) {
            throw new Error('No preview scenario in this page: open it through the preview server (/scenario/<id>).');
        }
        window.__relayPreview = {
            scenario,
            calls: [],
            toasts: [],
            navigations: [],
            subscriptions: [],
            rendered: false
        };
    }
    return window.__relayPreview;
}
