// ESLint 9 flat config for Relay (TOOLCHAIN.md, "ESLint 9").
//
// - LWC TypeScript (`**/lwc/**/*.ts`): eslint-config-lwc's recommended rules under the typescript-eslint
//   parser with type information, plus typescript-eslint's recommendedTypeChecked. The emitted `.js` beside
//   each `.ts` is not linted here: the platform's LWC compiler checks it.
// - LWC Jest tests (`**/lwc/**/__tests__/**/*.ts`): the same, plus eslint-plugin-jest's recommended rules.
// - scripts/ (Node 24 TypeScript): recommendedTypeChecked against scripts/tsconfig.json.
// - jest/ (mocks and setup): typescript-eslint recommended, without type information.
import { createRequire } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import lwcConfig from '@salesforce/eslint-config-lwc';
import jestPlugin from 'eslint-plugin-jest';

// @eslint/js is ESLint's own dependency (not a devDependency here): load the copy ESLint itself uses.
const requireFromEslint = createRequire(createRequire(import.meta.url).resolve('eslint/package.json'));
const js = requireFromEslint('@eslint/js');

const LWC_TS = ['**/lwc/**/*.ts'];
const LWC_TESTS = ['**/lwc/**/__tests__/**/*.ts'];
// types/lwc/ matches `**/lwc/**` but holds ambient declarations, linted on their own below.
const NOT_LWC = ['types/**'];

/**
 * eslint-config-lwc's recommended config without what does not fit TypeScript: its configs carry no `files`
 * (the `files` of the object that extends them scopes them), set the Babel parser (replaced by
 * typescript-eslint's below), and include eslint-plugin-jest's recommended config for every file (added
 * back for tests only).
 */
const lwcRecommended = lwcConfig.configs.recommended
    .filter((config) => !config.plugins?.jest)
    .map((config) => Object.fromEntries(Object.entries(config).filter(([key]) => key !== 'languageOptions')));

/**
 * Core rules enabled by eslint-config-lwc that misread TypeScript (types, overloads, `void` returns), swapped
 * for their typescript-eslint equivalents with the same options.
 */
const typescriptEquivalentsOfLwcRules = {
    'consistent-return': 'off',
    '@typescript-eslint/consistent-return': 'error',
    'dot-notation': 'off',
    '@typescript-eslint/dot-notation': ['error', { allowKeywords: true }],
    'no-empty-function': 'off',
    '@typescript-eslint/no-empty-function': ['error', { allow: ['arrowFunctions', 'functions', 'methods'] }],
    'no-shadow': 'off',
    '@typescript-eslint/no-shadow': 'error',
    'no-use-before-define': 'off',
    '@typescript-eslint/no-use-before-define': ['error', { functions: false }],
    'no-useless-constructor': 'off',
    '@typescript-eslint/no-useless-constructor': 'error'
};

export default defineConfig([
    globalIgnores([
        '**/node_modules/',
        '**/dist/',
        '**/coverage/',
        '**/.sf/',
        '**/.sfdx/',
        // Emitted by tsc from the .ts beside them; the platform's LWC compiler checks these.
        '**/lwc/**/*.js',
        // Emitted from scripts/**/*.ts, if ever.
        'scripts/**/*.js'
    ]),

    // Lightning Web Components, TypeScript sources.
    {
        name: 'relay/lwc',
        files: LWC_TS,
        ignores: [...LWC_TESTS, ...NOT_LWC],
        extends: [lwcRecommended, tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: {
                // Finds force-app/main/default/lwc/tsconfig.json (nearest tsconfig.json).
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            },
            globals: { ...globals.browser }
        },
        rules: {
            ...typescriptEquivalentsOfLwcRules,
            // The emitted .js goes through PMD (Code Analyzer), whose JavaScript parser (Rhino) fails on an optional
            // catch binding (`catch {`): write `catch (ignored)` (or any `ignored…` name) when the error is not used.
            'no-restricted-syntax': [
                'error',
                {
                    selector: 'CatchClause[param=null]',
                    message:
                        'PMD cannot parse `catch {` in the emitted .js: name the error, for example `catch (ignored)`.'
                }
            ],
            '@typescript-eslint/no-unused-vars': ['error', { caughtErrorsIgnorePattern: '^ignored' }]
        }
    },

    // Lightning Web Components, Jest tests.
    {
        name: 'relay/lwc-tests',
        files: LWC_TESTS,
        ignores: NOT_LWC,
        extends: [lwcRecommended, tseslint.configs.recommendedTypeChecked, jestPlugin.configs['flat/recommended']],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: {
                // The project service only opens the nearest tsconfig.json, and the lwc one excludes
                // __tests__: name both explicitly (the first one that includes a file is used).
                projectService: false,
                project: [
                    './force-app/main/default/lwc/tsconfig.json',
                    './force-app/main/default/lwc/tsconfig.test.json'
                ],
                tsconfigRootDir: import.meta.dirname
            },
            globals: { ...globals.browser, ...globals.node, ...globals.jest }
        },
        rules: {
            ...typescriptEquivalentsOfLwcRules,
            // Tests provision wire adapters themselves (as in Salesforce's project template).
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            // eslint-plugin-jest's type-aware variant understands `expect(mock.method)`.
            '@typescript-eslint/unbound-method': 'off',
            'jest/unbound-method': 'error'
        }
    },

    // Node 24 TypeScript tooling.
    {
        name: 'relay/scripts',
        files: ['scripts/**/*.ts'],
        extends: [tseslint.configs.recommendedTypeChecked],
        languageOptions: {
            parserOptions: {
                // Finds scripts/tsconfig.json (nearest tsconfig.json).
                projectService: true,
                tsconfigRootDir: import.meta.dirname
            },
            globals: { ...globals.node }
        }
    },
    {
        name: 'relay/scripts-tests',
        files: ['scripts/**/*.test.ts'],
        extends: [jestPlugin.configs['flat/recommended']],
        languageOptions: { globals: { ...globals.jest } },
        rules: {
            '@typescript-eslint/unbound-method': 'off',
            'jest/unbound-method': 'error'
        }
    },

    // Jest mocks and setup files (no tsconfig covers them: no type information).
    {
        name: 'relay/jest-support',
        files: ['jest/**/*.ts'],
        extends: [tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node, ...globals.jest } }
    },

    // Ambient declarations.
    {
        name: 'relay/types',
        files: ['types/**/*.d.ts'],
        extends: [tseslint.configs.recommended]
    },

    // Root configuration files.
    {
        name: 'relay/config-commonjs',
        files: ['jest.config.js'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } }
    },
    {
        name: 'relay/config-esm',
        files: ['eslint.config.mjs'],
        extends: [js.configs.recommended],
        languageOptions: { sourceType: 'module', globals: { ...globals.node } }
    }
]);
