import { Flags } from '@salesforce/sf-plugins-core';
import { OperationsCommand } from '../../operations-command.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';
import { filterFlag } from '../../filter-flag.ts';
import { describeFilter, parseFilter } from '../../../org/log-filter.ts';
import type { LogFilter, OperationStarted } from '../../../org/operations-client.ts';

export interface ReplayResult extends OperationStarted {
    filter: LogFilter;
    withCurrentData: boolean;
}

export default class Replay extends OperationsCommand<ReplayResult> {
    public static override readonly summary = messages.getMessage('replay.summary');
    public static override readonly description = messages.getMessage('replay.description');
    public static override readonly examples = messages.getMessages('replay.examples');

    public static override readonly flags = {
        ...OperationsCommand.flags,
        filter: filterFlag,
        'with-current-data': Flags.boolean({ summary: messages.getMessage('flags.withCurrentData.summary') })
    };

    public async run(): Promise<ReplayResult> {
        const { flags } = await this.parse(Replay);
        const filter = parseFilter(flags.filter);
        const withCurrentData = flags['with-current-data'] === true;
        this.spinner.start(messages.getMessage('replay.spinner', [describeFilter(filter)]));
        const started = await this.operations(flags['target-org'], flags['api-version']).replay(
            filter,
            withCurrentData
        );
        this.spinner.stop();
        this.log(messages.getMessage('replay.done', [started.operationId, started.matched, describeFilter(filter)]));
        return { ...started, filter, withCurrentData };
    }
}
