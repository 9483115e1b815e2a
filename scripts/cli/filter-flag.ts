import { Flags } from '@salesforce/sf-plugins-core';
import { operationsMessages as messages } from './messages/operations.ts';

/** `--filter` of `relay replay` and `relay cancel`: repeatable, parsed by scripts/org/log-filter.ts. */
export const filterFlag = Flags.string({
    char: 'f',
    summary: messages.getMessage('flags.filter.summary'),
    description: messages.getMessage('flags.filter.description'),
    required: true,
    multiple: true
});
