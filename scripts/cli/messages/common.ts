import { defineMessages } from '../messages.ts';

/** Messages every command shares (flags of the base class, errors of the framework). */
export const commonMessages = defineMessages('relay.common', {
    'flags.verbose.summary': 'Print the stack trace of an error.',
    'error.unknownFlag': 'Unknown flag %s (see --help for the flags of this command).',
    'error.unexpected': 'Unexpected error: %s',
    'error.noOrg': 'No org connected: pass --target-org <alias> or set a default org.',
    'error.noOrg.actions': ['Connect one with: sf org login web --alias <alias> --set-default'],
    'error.httpStatus': 'The org answered %s: %s',
    'error.notInstalled':
        'The org has no Relay operations API (%s): deploy Relay first (npm run relay -- deploy --target-org <alias>).'
});
