import { defineMessages } from '../messages.ts';

export const receiverMessages = defineMessages('relay.receiver', {
    summary: 'Run the reference receiver: an HTTP server that implements the Relay wire contract.',
    description:
        'Validates relay.v1 and CloudEvents batch requests against the JSON Schemas, deduplicates by idempotency key in a SQLite database (WAL, synchronous=FULL), applies changes in changedAt order per record, answers per record, answers reconciliation (§8) and one-record reads (§9), and can send acknowledgements (§7). Faults on demand with --faults. Stops gracefully on Ctrl-C (SIGINT) or SIGTERM.',
    examples: [
        '<%= config.bin %> <%= command.id %> --port 8787 --token local-secret',
        '<%= config.bin %> <%= command.id %> --faults "latency=200ms@0.5,status=503:retry-after=5@0.1,timeout@0.05,malformed@0.05,partial@0.2,5xx@0.1" --seed 42'
    ],
    'flags.port.summary': 'Port to listen on (0: any free port).',
    'flags.host.summary': 'Address to listen on; 0.0.0.0 to accept connections from other machines.',
    'flags.token.summary':
        'Bearer token callers must send (Authorization: Bearer <token>); default $RELAY_RECEIVER_TOKEN. Without one, no authentication.',
    'flags.faults.summary':
        'Faults to inject, e.g. "latency=200ms@0.5,status=503:retry-after=5@0.1,timeout@0.05,malformed@0.05,partial@0.2,5xx@0.1".',
    'flags.seed.summary': 'Seed of the fault draws (the same seed gives the same faults in the same order).',
    'flags.database.summary': 'SQLite database file (":memory:" for none).',
    'flags.key-retention-days.summary':
        'Days an idempotency key is kept (forgotten at start, then daily); each kept key costs memory (docs/receiver.md).',
    'flags.synchronous.summary':
        'SQLite synchronous mode: FULL (every commit survives power loss) or NORMAL (a process crash).',
    'flags.cloudevents.summary': 'Accept CloudEvents batches (wire contract §10): on, or off to refuse them.',
    'flags.reconciliation-path.summary':
        'Path answering reconciliation requests (§8), besides any request with X-Relay-Schema relay.reconcile.v1.',
    'flags.ack-url.summary': 'Send acknowledgements (§7) of processed changes to this URL.',
    'flags.ack-token.summary': 'Bearer token for the acknowledgement URL; default $RELAY_ACK_TOKEN.',
    listening: 'Relay reference receiver listening on %s (database %s, synchronous=%s%s). Ctrl-C stops it.',
    faults: ', faults %s',
    stopping: 'Stopping: finishing requests in progress…',
    stopped: 'Stopped after %s requests (%s).',
    'error.faults': 'Bad --faults: %s',
    'error.listen': 'Cannot listen on %s:%s: %s'
});
