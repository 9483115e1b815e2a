import { Messages } from '@salesforce/core';

/**
 * A bundle of user-facing messages, in @salesforce/core's `Messages` (tokens as `%s`, `<key>.actions` for the
 * "Try this:" lines of an error). Every bundle lives in scripts/cli/messages/<topic>.ts; commands and libraries
 * never write user-facing text inline.
 */
export function defineMessages<const T extends Record<string, string | string[]>>(
    bundle: string,
    entries: T
): Messages<Extract<keyof T, string>> {
    const stored = new Map<string, string | string[]>(Object.entries(entries));
    return new Messages<Extract<keyof T, string>>(bundle, Messages.getLocale(), stored);
}
