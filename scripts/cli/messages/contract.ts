import { defineMessages } from '../messages.ts';

export const contractMessages = defineMessages('relay.contract', {
    'check.summary': "Check a receiver against the wire contract's receiver checklist (§6).",
    'check.description':
        'Sends a scripted series of relay.v1 requests (first delivery, the same keys again, a retry after a timeout, out-of-order changedAt, a delete, a schema violation, a wrong schema version, wrong credentials, and a CloudEvents batch when the receiver advertises it) with fresh record ids, and reports item by item what the receiver got right and wrong. Records are read back through §9 (GET one record) when the receiver serves it. Exits 1 when an item fails.',
    'check.examples': [
        '<%= config.bin %> <%= command.id %> --url http://localhost:8787/customers/batch --token local-secret',
        '<%= config.bin %> <%= command.id %> --url https://erp.example.com/customers/batch --record-path /customers/{recordId} --json'
    ],
    'check.flags.url.summary': 'The endpoint Relay posts changes to (Named Credential URL + Path).',
    'check.flags.token.summary':
        'Bearer token the receiver expects; default $RELAY_RECEIVER_TOKEN. Without one, credentials are not checked.',
    'check.flags.record-path.summary': "Path of one record (§9) on the URL's host, with {recordId}.",
    'check.flags.cloudevents.summary':
        'CloudEvents batches (§10): auto checks them when the receiver advertises them (OPTIONS Accept-Post), on always, off never.',
    'check.flags.timeout.summary': 'Seconds an answer must come within (the callout timeout).',
    'check.spinner': 'Checking %s',
    'error.url': '--url must be an http or https URL (was %s).'
});
