// lightning/navigation, which @salesforce/lightning-types does not declare (TOOLCHAIN.md).

declare module 'lightning/navigation' {
    import type { LightningElement, WireAdapterConstructor } from 'lwc';

    /** Where a page is: `type`, its `attributes` and the URL `state` (custom keys are `c__` prefixed strings). */
    export interface PageReference {
        type: string;
        attributes?: Record<string, unknown>;
        state?: Record<string, string | undefined>;
    }

    /** The current page's reference; re-provisioned whenever the page state changes. */
    export const CurrentPageReference: WireAdapterConstructor<Record<string, never>, PageReference>;

    export interface NavigationMixinApi {
        /** Navigates to the page; `replace` replaces the browser history entry instead of adding one. */
        [NavigationMixin.Navigate](pageReference: PageReference, replace?: boolean): void;
        [NavigationMixin.GenerateUrl](pageReference: PageReference): Promise<string>;
    }

    export function NavigationMixin<T extends new () => LightningElement>(
        Base: T
    ): Omit<T, 'prototype'> & (new () => InstanceType<T> & NavigationMixinApi);
    export namespace NavigationMixin {
        const Navigate: unique symbol;
        const GenerateUrl: unique symbol;
    }
}
