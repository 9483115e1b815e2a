import { OperationsCommand } from '../../operations-command.ts';
import { requiredStringArg } from '../../args.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';
import { isSalesforceId } from '../../../org/log-filter.ts';
import type { RecordStatus } from '../../../org/operations-client.ts';

export default class Status extends OperationsCommand<RecordStatus> {
    public static override readonly summary = messages.getMessage('status.summary');
    public static override readonly description = messages.getMessage('status.description');
    public static override readonly examples = messages.getMessages('status.examples');

    public static override readonly args = {
        recordId: requiredStringArg(messages.getMessage('status.args.recordId.description'))
    };

    public async run(): Promise<RecordStatus> {
        const { args, flags } = await this.parse(Status);
        const recordId = String(args.recordId);
        if (!isSalesforceId(recordId)) {
            throw Object.assign(messages.createError('status.notId', [recordId]), { exitCode: 2 });
        }
        this.spinner.start(messages.getMessage('status.spinner', [recordId]));
        const status = await this.operations(flags['target-org'], flags['api-version']).status(recordId);
        this.spinner.stop();
        if (status.integrations.length === 0) {
            this.log(messages.getMessage('status.none', [recordId]));
        } else {
            this.table({
                data: status.integrations.map((row) => ({
                    integration: row.integration,
                    status: row.status,
                    attempts: row.attempts,
                    lastError: row.lastError ?? '',
                    nextAttemptAt: row.nextAttemptAt ?? '',
                    deliveredAt: row.deliveredAt ?? '',
                    correlationId: row.correlationId ?? ''
                }))
            });
        }
        return status;
    }
}
