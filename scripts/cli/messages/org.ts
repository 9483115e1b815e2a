import { defineMessages } from '../messages.ts';

/** `relay org setup` and its library (scripts/org/org-setup.ts). */
export const orgMessages = defineMessages('relay.org', {
    'setup.summary':
        'Create a scratch org for Relay, deploy it, assign permission sets and load sample data; resumable.',
    'setup.description':
        'Steps, in order: scratch-org (from --definition-file, through --target-dev-hub), deploy (preflight and SDR deploy, as relay deploy, no checks and no tests unless asked), permission-sets (assigned to the scratch org user), sample-data (sample Accounts the example ERP integration sends). Each finished step is written to .sf/relay-org-setup.json; run the command again after a failure and it carries on from the failed step. --restart starts over (a new scratch org).',
    'setup.examples': [
        '<%= config.bin %> <%= command.id %> --target-dev-hub devhub',
        '<%= config.bin %> <%= command.id %> --target-dev-hub devhub --alias relay-dev --duration-days 3',
        '<%= config.bin %> <%= command.id %> --restart --target-dev-hub devhub'
    ],
    'flags.alias.summary': 'Alias of the scratch org.',
    'flags.definition-file.summary': 'Scratch org definition.',
    'flags.duration-days.summary': 'Days before the scratch org expires (1-30).',
    'flags.permission-set.summary': 'Permission sets to assign to the scratch org user.',
    'flags.restart.summary': 'Forget the saved progress and start over with a new scratch org.',
    'flags.skip-sample-data.summary': 'Do not load the sample Accounts.',
    'flags.checks.summary': 'Offline checks to run before deploying (as relay deploy --checks); none by default.',
    'flags.test-level.summary': 'Apex tests to run during the deploy; NoTestRun by default.',

    'step.scratch-org': 'Creating the scratch org %s from %s',
    'step.deploy': 'Deploying Relay to %s',
    'step.permission-sets': 'Assigning %s',
    'step.sample-data': 'Loading sample data',
    'step.failed': 'failed',
    'step.skipped': '%s: done before (%s), skipped',
    'step.done': '%s: %s',
    'scratch.created': '%s (expires %s)',
    'deploy.done': '%s components deployed',
    'permissions.done': '%s assigned, %s already assigned',
    'sample.done': '%s Accounts created, %s already there',
    'sample.skipped': 'skipped (--skip-sample-data)',
    'setup.finished': 'Scratch org %s is ready: open it with `sf org open --target-org %s`.',
    'state.saved': 'Progress saved in %s.',

    'error.noDevHub':
        'No Dev Hub to create the scratch org: pass --target-dev-hub <alias> or set one (sf org login web --alias devhub --set-default-dev-hub).',
    'error.definitionFile': 'Scratch org definition %s: %s',
    'error.stateFile': '%s is not a Relay setup state file (%s): delete it or pass --restart.',
    'error.permissionSetMissing': 'Permission set %s is not in the org (was Relay deployed?).',
    'error.step': 'Step %s failed: %s (run the command again to carry on from here).',
    'error.deployFailed': '%s component errors, %s test failures',
    'error.otherOrg': 'The saved progress belongs to %s, not %s: pass --restart to start over.'
});
