// Two Jest projects in one run: the Lightning Web Components (sfdx-lwc-jest) and the TypeScript
// scripts. Coverage is enforced over both; `npm run test:unit -- --selectProjects lwc` runs one.
const { jestConfig: lwcJestConfig } = require('@salesforce/sfdx-lwc-jest/config');

const lwcProject = {
    ...lwcJestConfig,
    displayName: 'lwc',
    // Tests import `c/x`: load the TypeScript source, not the emitted .js beside it.
    moduleFileExtensions: ['ts', 'js', 'html', 'json'],
    roots: ['<rootDir>/force-app', '<rootDir>/examples'].filter((root) =>
        require('node:fs').existsSync(root.replace('<rootDir>', __dirname))
    ),
    testMatch: ['**/lwc/**/__tests__/**/*.test.ts'],
    moduleNameMapper: {
        '^lightning/empApi$': '<rootDir>/jest/mocks/lightning/empApi.ts'
    },
    setupFilesAfterEnv: [...(lwcJestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest/setup-lwc.ts'],
    collectCoverageFrom: ['<rootDir>/{force-app,examples}/**/lwc/**/*.ts', '!**/__tests__/**']
};

const scriptsProject = {
    displayName: 'scripts',
    rootDir: __dirname,
    roots: ['<rootDir>/scripts'],
    testEnvironment: 'node',
    testMatch: ['**/*.test.ts'],
    moduleFileExtensions: ['ts', 'js', 'json'],
    // The platform LWC compiler's @lwc/* dependencies ship as ES modules: let Babel make them CommonJS for Jest.
    transformIgnorePatterns: ['/node_modules/(?!@lwc/)'],
    transform: {
        '^.+\\.(ts|js|mjs)$': [
            'babel-jest',
            {
                configFile: false,
                babelrc: false,
                presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
                plugins: ['@babel/plugin-transform-modules-commonjs']
            }
        ]
    },
    // The benchmark runs as a child process in its smoke test: its figures are the point, not its coverage.
    // The preview's stubs run in the browser (bundled into the page) and browser.ts drives Chromium: both are
    // exercised by `npm run check:browser`, not by Node unit tests.
    collectCoverageFrom: [
        '<rootDir>/scripts/**/*.ts',
        '!**/*.test.ts',
        '!<rootDir>/scripts/bin/**',
        '!<rootDir>/scripts/bench/**',
        '!<rootDir>/scripts/preview/stubs/**',
        '!<rootDir>/scripts/preview/browser.ts'
    ]
};

// The `relay` CLI (scripts/cli, scripts/deploy, scripts/org): its commands extend @salesforce/sf-plugins-core, an ES
// module package (with ES module dependencies and `import.meta.url`), so Babel makes those CommonJS too.
// @oclif/table's renderer needs yoga-layout (top-level await, impossible in CommonJS): a plain-text stand-in.
const CLI_TESTS = ['<rootDir>/scripts/cli/', '<rootDir>/scripts/deploy/', '<rootDir>/scripts/org/'];
// `import.meta` and `import()` as CommonJS, for ES modules (and TypeScript-emitted CommonJS with native `import()`)
// that Jest loads: Jest's CommonJS runtime supports neither without --experimental-vm-modules.
const importMetaToCommonJs = ({ types: t, template }) => ({
    visitor: {
        CallExpression(path) {
            if (path.node.callee.type === 'Import') {
                path.replaceWith(
                    template.expression.ast`Promise.resolve().then(() => {
                        const loaded = require(${path.node.arguments[0]});
                        return loaded && loaded.__esModule ? loaded : { ...loaded, default: loaded };
                    })`
                );
            }
        },
        MetaProperty(path) {
            const property = path.parentPath.isMemberExpression() ? path.parentPath.node.property.name : undefined;
            if (property === 'url') {
                path.parentPath.replaceWithSourceString("require('node:url').pathToFileURL(__filename).href");
            } else if (property === 'dirname') {
                path.parentPath.replaceWith(t.identifier('__dirname'));
            } else if (property === 'filename') {
                path.parentPath.replaceWith(t.identifier('__filename'));
            }
        }
    }
});
const cliProject = {
    ...scriptsProject,
    displayName: 'cli',
    setupFiles: ['<rootDir>/jest/setup-cli.ts'],
    roots: CLI_TESTS.map((root) => root.replace(/\/$/, '')).filter((root) =>
        require('node:fs').existsSync(root.replace('<rootDir>', __dirname))
    ),
    transformIgnorePatterns: [
        '/node_modules/(?!(@salesforce/sf-plugins-core|@oclif/core|ansis|terminal-link|ansi-escapes|supports-hyperlinks|environment|@inquirer|is-wsl|wsl-utils|is-docker|is-inside-container|powershell-utils)/)'
    ],
    moduleNameMapper: { '^@oclif/table$': '<rootDir>/scripts/cli/test-support/oclif-table.ts' },
    transform: {
        '^.+\\.(ts|js|mjs)$': [
            'babel-jest',
            {
                configFile: false,
                babelrc: false,
                presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
                plugins: [
                    // The plugin's own text as an option, so Jest's transform cache key changes with it.
                    [importMetaToCommonJs, { source: String(importMetaToCommonJs) }],
                    '@babel/plugin-transform-modules-commonjs'
                ]
            }
        ]
    },
    // commands.ts discovers the commands with top-level await: only Node loads it (scripts/cli/relay.test.ts runs it).
    collectCoverageFrom: CLI_TESTS.map((root) => `${root}**/*.ts`).concat([
        '!**/*.test.ts',
        '!**/test-support/**',
        '!<rootDir>/scripts/cli/commands.ts'
    ])
};
// The scripts project leaves the CLI's tests to the cli project.
scriptsProject.testPathIgnorePatterns = ['/node_modules/', ...CLI_TESTS];
scriptsProject.collectCoverageFrom = [...scriptsProject.collectCoverageFrom, ...CLI_TESTS.map((root) => `!${root}**`)];

module.exports = {
    projects: [lwcProject, scriptsProject, cliProject],
    // Some script tests run the real Java tools (apex-ls, PMD) on fixture projects.
    testTimeout: 120000,
    coverageThreshold: {
        global: { lines: 90, statements: 90, functions: 85, branches: 80 }
    },
    coverageReporters: ['text-summary', 'lcov']
};
