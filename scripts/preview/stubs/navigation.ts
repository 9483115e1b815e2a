// lightning/navigation (the package's module re-exports one it does not ship): NavigationMixin records each
// navigation and, for the page the component is on, puts the state in the URL and re-emits CurrentPageReference.
import { previewRuntime } from './runtime.ts';

export interface PageReference {
    type: string;
    attributes?: Record<string, unknown>;
    state?: Record<string, unknown>;
}
type PageCallback = (value: PageReference) => void;

const listeners = new Set<PageCallback>();
let current: PageReference | undefined;

/** URL parameters of the page (a reload keeps them), else the scenario's pageState. */
function initialState(): Record<string, string> {
    const fromUrl = Object.fromEntries(
        [...new URLSearchParams(window.location.search)].filter(([key]) => key.includes('__'))
    );
    return Object.keys(fromUrl).length > 0 ? fromUrl : { ...(previewRuntime().scenario.pageState ?? {}) };
}

export function currentPageReference(): PageReference {
    if (current === undefined) {
        const { scenario } = previewRuntime();
        const recordId = scenario.props?.recordId;
        current =
            typeof recordId === 'string'
                ? {
                      type: 'standard__recordPage',
                      attributes: { recordId, actionName: 'view' },
                      state: initialState()
                  }
                : {
                      type: 'standard__navItemPage',
                      attributes: { apiName: scenario.component },
                      state: initialState()
                  };
    }
    return current;
}

function samePage(a: PageReference, b: PageReference): boolean {
    return a.type === b.type && JSON.stringify(a.attributes ?? {}) === JSON.stringify(b.attributes ?? {});
}

function stateToSearch(state: Record<string, unknown>): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(state)) {
        if (typeof value === 'string' && value !== '') {
            params.set(key, value);
        } else if (typeof value === 'number' || typeof value === 'boolean') {
            params.set(key, String(value));
        }
    }
    const search = params.toString();
    return search ? `?${search}` : '';
}

function urlOf(pageReference: PageReference): string {
    const attributes = pageReference.attributes ?? {};
    const name =
        [attributes.apiName, attributes.recordId, attributes.objectApiName].find(
            (value): value is string => typeof value === 'string'
        ) ?? '';
    return `/lightning/${pageReference.type}/${encodeURIComponent(name)}${stateToSearch(pageReference.state ?? {})}`;
}

function navigate(pageReference: PageReference, replace?: boolean): void {
    previewRuntime().navigations.push({ pageReference, replace: replace === true });
    if (!samePage(pageReference, currentPageReference())) {
        document.dispatchEvent(new CustomEvent('relaypreviewnavigate', { detail: urlOf(pageReference) }));
        return;
    }
    current = { ...pageReference, state: { ...(pageReference.state ?? {}) } };
    const url = `${window.location.pathname}${stateToSearch(current.state ?? {})}`;
    if (replace === true) {
        window.history.replaceState(null, '', url);
    } else {
        window.history.pushState(null, '', url);
    }
    const emitted = current;
    listeners.forEach((listener) => listener(emitted));
}

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

// TypeScript's mixin pattern requires a constructor taking `any[]` (TS2545).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T = object> = new (...args: any[]) => T;

function mixin<TBase extends Constructor>(Base: TBase): TBase {
    return class extends Base {
        [Navigate](pageReference: PageReference, replace?: boolean): void {
            navigate(pageReference, replace);
        }

        [GenerateUrl](pageReference: PageReference): Promise<string> {
            return Promise.resolve(urlOf(pageReference));
        }
    };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

/** Wire adapter: the current page, re-emitted after each navigation to the same page. */
export class CurrentPageReference {
    private readonly callback: PageCallback;

    constructor(callback: PageCallback) {
        this.callback = callback;
    }

    connect(): void {
        listeners.add(this.callback);
        this.callback(currentPageReference());
    }

    update(): void {
        // No config: the current page is all it answers.
    }

    disconnect(): void {
        listeners.delete(this.callback);
    }
}
