import { registerSa11yMatcher } from '@sa11y/jest';

// Adds expect(element).toBeAccessible(): every component test asserts accessibility.
registerSa11yMatcher();
