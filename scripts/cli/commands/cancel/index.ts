import { OperationsCommand } from '../../operations-command.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';
import { filterFlag } from '../../filter-flag.ts';
import { describeFilter, parseFilter } from '../../../org/log-filter.ts';
import type { LogFilter, OperationStarted } from '../../../org/operations-client.ts';

export interface CancelResult extends OperationStarted {
    filter: LogFilter;
}

export default class Cancel extends OperationsCommand<CancelResult> {
    public static override readonly summary = messages.getMessage('cancel.summary');
    public static override readonly description = messages.getMessage('cancel.description');
    public static override readonly examples = messages.getMessages('cancel.examples');

    public static override readonly flags = { ...OperationsCommand.flags, filter: filterFlag };

    public async run(): Promise<CancelResult> {
        const { flags } = await this.parse(Cancel);
        const filter = parseFilter(flags.filter);
        this.spinner.start(messages.getMessage('cancel.spinner', [describeFilter(filter)]));
        const started = await this.operations(flags['target-org'], flags['api-version']).cancel(filter);
        this.spinner.stop();
        this.log(messages.getMessage('cancel.done', [started.operationId, started.matched, describeFilter(filter)]));
        return { ...started, filter };
    }
}
