// The page's entry after synthetic shadow: closes the base-component gates that do not work under synthetic
// shadow, shows toasts like Lightning Experience, creates the scenario's component with its props and appends it.
import { createElement as lwcCreateElement } from 'lwc';
import { setFeatureForTest } from 'lightning/features';
import Toast from 'lightning/toast';
import { PLATFORM_TOAST } from './platformShowToastEvent.ts';
import { previewRuntime } from './runtime.ts';

/** A component's constructor, as the bundle's entry imports it (`c/<name>`'s default export). */
type ComponentConstructor = unknown;
// lwc's declarations go through @lwc/engine-dom's, which this program does not see: the call's shape.
const createElement = lwcCreateElement as unknown as (
    tag: string,
    options: { is: ComponentConstructor }
) => HTMLElement;

interface ToastDetail {
    title?: string;
    label?: string;
    message?: string;
    variant?: string;
    mode?: string;
    toast?: unknown;
}

/** `recordSyncStatus` → `c-record-sync-status`. */
export function tagNameOf(component: string): string {
    return `c-${component.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function listenForToasts(): void {
    // Capture on document: before lightning/toast's container, which listens on body.
    document.addEventListener(
        'lightning__showtoast',
        (event) => {
            const detail: ToastDetail = (event as CustomEvent<ToastDetail | null>).detail ?? {};
            const fromPlatformEvent = (event as unknown as Record<symbol, unknown>)[PLATFORM_TOAST] === true;
            previewRuntime().toasts.push({
                title: String((fromPlatformEvent ? detail.title : detail.label) ?? ''),
                message: String(detail.message ?? ''),
                variant: String(detail.variant ?? 'info')
            });
            if (fromPlatformEvent) {
                event.stopImmediatePropagation();
                Toast.show({
                    label: detail.title ?? '',
                    message: detail.message ?? '',
                    variant: detail.variant ?? 'info',
                    mode: detail.mode ?? 'dismissible'
                });
            }
        },
        true
    );
}

function showNavigation(): void {
    const notice = document.getElementById('relay-preview-navigation');
    document.addEventListener('relaypreviewnavigate', (event) => {
        if (notice !== null) {
            notice.textContent = `Navigated to ${String((event as CustomEvent<string>).detail)}`;
            notice.hidden = false;
        }
    });
}

export function bootstrap(components: Record<string, ComponentConstructor>): void {
    // Under synthetic shadow the combobox renders no input with element internals (TOOLCHAIN.md).
    setFeatureForTest('enableComboboxElementInternals', false);
    listenForToasts();
    showNavigation();
    const runtime = previewRuntime();
    const { scenario } = runtime;
    const constructor = components[scenario.component];
    if (constructor === undefined) {
        throw new Error(`The preview bundle has no component ${scenario.component}.`);
    }
    const element = createElement(tagNameOf(scenario.component), { is: constructor });
    Object.assign(element, scenario.props ?? {});
    const root = document.getElementById('relay-preview-root');
    if (root === null) {
        throw new Error('The host page has no #relay-preview-root.');
    }
    root.appendChild(element);
    runtime.rendered = true;
}
