import 'expect';

declare module 'expect' {
    interface Matchers<R extends void | Promise<void>> {
        /** From @sa11y/jest: the element passes the axe accessibility rules. */
        toBeAccessible(): Promise<R>;
    }
}
