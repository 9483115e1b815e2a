// `@salesforce/customPermission/*`, `@salesforce/user/*`, `@salesforce/label/*` (those the base components
// package does not ship), `@salesforce/schema/*` and `@salesforce/resourceUrl/*`: the values the preview's virtual
// modules export (scripts/preview/build.ts).
import { previewRuntime } from './runtime.ts';

/** `@salesforce/customPermission/<Name>`: true only when the scenario grants it. */
export function hasPermission(name: string): boolean {
    return previewRuntime().scenario.permissions?.[name] === true;
}

/** `@salesforce/userPermission/<Name>`: the scenario's `permissions` too. */
export const hasUserPermission = hasPermission;

export const PREVIEW_USER_ID = '005000000000001AAA';

/** `@salesforce/user/<property>`. */
export function userValue(property: string): unknown {
    switch (property) {
        case 'Id':
            return PREVIEW_USER_ID;
        case 'isGuest':
            return false;
        default:
            return undefined;
    }
}
