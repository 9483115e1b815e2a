import { OperationsCommand } from '../../operations-command.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';

export interface SchedulesStartResult {
    started: number;
}

export default class SchedulesStart extends OperationsCommand<SchedulesStartResult> {
    public static override readonly summary = messages.getMessage('schedules.start.summary');
    public static override readonly description = messages.getMessage('schedules.start.description');
    public static override readonly examples = messages.getMessages('schedules.start.examples');

    public async run(): Promise<SchedulesStartResult> {
        const { flags } = await this.parse(SchedulesStart);
        const org = flags['target-org'];
        this.spinner.start(messages.getMessage('schedules.spinner', [org.getUsername() ?? '']));
        const started = await this.operations(org, flags['api-version']).startSchedules();
        this.spinner.stop();
        this.log(messages.getMessage('schedules.started', [started, org.getUsername() ?? '']));
        return { started };
    }
}
