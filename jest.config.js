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
    collectCoverageFrom: ['<rootDir>/scripts/**/*.ts', '!**/*.test.ts', '!<rootDir>/scripts/bin/**']
};

module.exports = {
    projects: [lwcProject, scriptsProject],
    // Some script tests run the real Java tools (apex-ls, PMD) on fixture projects.
    testTimeout: 120000,
    coverageThreshold: {
        global: { lines: 90, statements: 90, functions: 85, branches: 80 }
    },
    coverageReporters: ['text-summary', 'lcov']
};
