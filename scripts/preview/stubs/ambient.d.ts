// The browser side of the preview (these stubs, bundled for the page) type-checks with the DOM library and the
// declarations of the platform modules it imports; the rest of scripts/ is Node code.
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// An ambient module declaration ('relay/preview') cannot be imported: it is referenced.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../../types/lwc-test/preview.d.ts" />

declare module 'lightning/features' {
    export function setFeatureForTest(name: string, value: unknown): void;
}
declare module 'lightning/toast' {
    export default class Toast {
        static show(
            config: { label: string; message?: string; variant?: string; mode?: string },
            source?: EventTarget
        ): void;
    }
}
