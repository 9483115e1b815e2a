import { defineMessages } from '../messages.ts';

/** `relay deploy` and its libraries (scripts/deploy). */
export const deployMessages = defineMessages('relay.deploy', {
    summary: 'Check, build and deploy Relay: compile the LWCs, run the offline checks, convert, deploy through SDR.',
    description:
        'Preflight: compiles the TypeScript LWCs in place (as npm run build:lwc), refuses a bundle without its .js, runs the offline checks of npm test (all, or the --checks you name), and converts every package directory to a Metadata API package in --output-dir (dist/). Then it deploys the source to --target-org (or the default org) through source-deploy-retrieve with live progress and a summary: components, tests, coverage, failures with file and line. With no org connected it stops there, with the packages built, and says how to connect one. --dry-run validates the deployment in the org (tests run) without saving it.',
    examples: [
        '<%= config.bin %> <%= command.id %>',
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --test-level RunLocalTests',
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --dry-run --checks types,jest',
        '<%= config.bin %> <%= command.id %> --checks none --package-dir force-app'
    ],
    'flags.target-org.summary': 'Org to deploy to (alias or username); the default org when left out.',
    'flags.test-level.summary': 'Apex tests to run in the org during the deployment.',
    'flags.tests.summary': 'Apex test classes to run with --test-level RunSpecifiedTests.',
    'flags.dry-run.summary': 'Validate the deployment in the org and run its tests, without saving anything.',
    'flags.checks.summary':
        'Offline checks to run first: all (default), none, or a list of labels or names (a-g; types, lint, jest, apex, analyzer, lwc, metadata).',
    'flags.output-dir.summary': 'Where the deployable Metadata API packages are written (cleared first).',
    'flags.package-dir.summary': 'Package directories to build and deploy (default: every one in sfdx-project.json).',
    'flags.wait.summary': 'Minutes to wait for the deployment to finish.',

    'step.compile': 'Compiling the TypeScript LWCs',
    'step.compile.none': 'no TypeScript LWCs',
    'step.compile.done': '%s files emitted from %s',
    'step.bundles': 'Checking every LWC bundle has its .js',
    'step.bundles.done': '%s bundles, each with its .js',
    'step.xml': 'Parsing every XML file',
    'step.xml.done': 'well-formed',
    'error.malformedXml': '%s:%s: malformed XML: %s%s',
    'error.malformedXml.more': ' (and %s more files)',
    'step.checks': 'Running the offline checks: %s',
    'step.checks.skipped': 'Offline checks skipped (--checks none)',
    'step.convert': 'Converting the source to Metadata API packages',
    'step.convert.done': '%s: %s components → %s',

    'error.compile': 'The TypeScript LWCs do not compile: %s',
    'error.bundleWithoutJs':
        'LWC bundle %s has no %s.js: the converter would drop every component (compile it with npm run build:lwc).',
    'error.checksFailed': 'Offline checks failed: %s (run npm run %s alone to see why).',
    'error.convert': 'The source does not convert: %s',
    'error.unknownCheck': 'Unknown check %s: use all, none, a-g or %s.',
    'error.testsWithoutLevel': '--tests needs --test-level RunSpecifiedTests.',
    'error.levelWithoutTests': '--test-level RunSpecifiedTests needs --tests.',
    'error.unknownPackageDir': '%s is not a package directory of sfdx-project.json (%s).',

    boundary:
        'No org connected: the deployable packages are built (%s). Connect an org with `sf org login web --alias relay-dev --set-default`, then run `npm run relay -- deploy --target-org relay-dev`.',
    'deploy.start': 'Deploying %s components to %s%s',
    'deploy.dryRunSuffix': ' (validation only, nothing saved)',
    'deploy.progress': '%s',
    'deploy.status': 'components %s/%s, tests %s/%s',
    'deploy.id': 'Deploy id %s',
    'summary.status': '%s: %s',
    'summary.components': 'Components: %s deployed, %s failed, %s total',
    'summary.tests': 'Apex tests: %s run, %s failed',
    'summary.testsNone': 'Apex tests: none run (%s)',
    'summary.coverage': 'Code coverage: %s%% of %s lines (%s)',
    'summary.coverageLow': '  %s: %s%%',
    'summary.componentFailure': '  %s:%s: %s (%s %s)',
    'summary.testFailure': '  %s.%s: %s%s',
    'summary.coverageWarning': '  coverage: %s',
    'error.deployFailed': 'The deployment %s failed: %s component errors, %s test failures (see the lines above).'
});
