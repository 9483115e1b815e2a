import { defineMessages } from '../messages.ts';

/** `relay schedules`, `replay`, `cancel`, `status` and the `--filter` they share. */
export const operationsMessages = defineMessages('relay.operations', {
    'flags.filter.summary':
        'Which log rows: key=value pairs separated by ";" (integration, status, category, from, to, recordId), or the filter as JSON.',
    'flags.filter.description':
        'Repeat the flag or separate pairs with ";". Several statuses: status=Dead Letter|Retry Scheduled. Dates are ISO 8601. A bulk operation needs an integration, a status or a record id.',
    'flags.withCurrentData.summary': "Send the record's current field values instead of the captured snapshot.",
    'filter.unknownKey': '--filter %s: unknown key (integration, status, category, from, to, recordId).',
    'filter.noValue': '--filter %s: no value.',
    'filter.notPair': '--filter %s: expected key=value.',
    'filter.notJson': '--filter is not valid JSON: %s',
    'filter.notDate': '--filter %s=%s: not a date (use ISO 8601, e.g. 2026-11-30 or 2026-11-30T08:00:00Z).',
    'filter.notStatus': '--filter status=%s: not a log status (%s).',
    'filter.notRecordId': '--filter %s=%s: not a Salesforce record id (15 or 18 characters).',
    'filter.notIntegration': '--filter %s=%s: not an integration name (a DeveloperName).',
    'filter.tooBroad':
        '--filter needs an integration, a status or a record id (for example --filter integration=ERP_Customer).',
    'filter.reversed': '--filter from (%s) is after to (%s).',

    'schedules.status.summary': 'List the Relay schedules of an org: state and next fire time.',
    'schedules.status.description':
        'GET /services/apexrest/relay/v1/operations/schedules. A schedule that is not scheduled shows state "Not Scheduled".',
    'schedules.status.examples': ['<%= config.bin %> <%= command.id %> --target-org my-sandbox'],
    'schedules.stop.summary': 'Stop every Relay schedule in an org (before a deploy that changes scheduled classes).',
    'schedules.stop.description':
        'POST /services/apexrest/relay/v1/operations/schedules/stop. Rows keep waiting; start the schedules again with "schedules start". Needs Relay_Admin.',
    'schedules.stop.examples': ['<%= config.bin %> <%= command.id %> --target-org my-sandbox'],
    'schedules.start.summary': 'Start every Relay schedule that is not running, with its registered cron.',
    'schedules.start.description':
        'POST /services/apexrest/relay/v1/operations/schedules/start. Schedules already running are left alone. Needs Relay_Admin.',
    'schedules.start.examples': ['<%= config.bin %> <%= command.id %> --target-org my-sandbox'],
    'schedules.spinner': 'Asking %s',
    'schedules.none': 'No Relay schedules are registered in this org.',
    'schedules.stopped': 'Stopped %s Relay schedules in %s.',
    'schedules.started': 'Started %s Relay schedules in %s.',

    'replay.summary': 'Replay the log rows that match a filter (dead letters, cancelled rows).',
    'replay.description':
        'POST /services/apexrest/relay/v1/operations/replay. The org queues the replay as an operation (Relay_Operation__c) and answers with its id and how many rows matched; the rows are sent again with their idempotency keys. Needs the replay permission (Relay_Admin).',
    'replay.examples': [
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --filter "integration=ERP_Customer;status=Dead Letter"',
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --filter recordId=001000000000001AAA --with-current-data'
    ],
    'replay.spinner': 'Replaying %s',
    'replay.done': 'Operation %s queued: %s rows match (%s). Follow it on the Relay_Operation__c record.',
    'cancel.summary': 'Cancel the unsent log rows that match a filter.',
    'cancel.description':
        'POST /services/apexrest/relay/v1/operations/cancel. The org queues the cancellation as an operation (Relay_Operation__c) and answers with its id and how many rows matched. Needs the cancel permission (Relay_Admin).',
    'cancel.examples': [
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --filter "integration=ERP_Customer;status=Retry Scheduled;to=2026-11-30"'
    ],
    'cancel.spinner': 'Cancelling %s',
    'cancel.done': 'Operation %s queued: %s rows match (%s). Follow it on the Relay_Operation__c record.',

    'status.summary': 'Show the sync status of one record, per integration.',
    'status.description':
        'GET /services/apexrest/relay/v1/operations/status?recordId=<id>: the newest log row of the record in each integration.',
    'status.examples': ['<%= config.bin %> <%= command.id %> 001000000000001AAA --target-org my-sandbox'],
    'status.args.recordId.description': 'The Salesforce record id (15 or 18 characters).',
    'status.notId': '%s is not a Salesforce record id (15 or 18 characters).',
    'status.spinner': 'Reading the sync status of %s',
    'status.none': 'Record %s has no Relay log rows.'
});
