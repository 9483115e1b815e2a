import { defineMessages } from '../messages.ts';

export const setupMessages = defineMessages('relay.setup', {
    'check.summary': "Check the org's Relay setup: permission sets, credentials, settings, schedules.",
    'check.description':
        'Calls the Relay operations API (GET /services/apexrest/relay/v1/operations/setup) and prints one line per check. Exits 1 when any check fails.',
    'check.examples': ['<%= config.bin %> <%= command.id %> --target-org my-sandbox'],
    'check.spinner': 'Asking %s for its Relay setup',
    'check.line': '%s  %s — %s',
    'check.summaryLine': '%s of %s checks passed.',
    'check.failed': '%s setup checks failed.'
});
