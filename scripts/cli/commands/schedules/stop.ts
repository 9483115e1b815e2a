import { OperationsCommand } from '../../operations-command.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';

export interface SchedulesStopResult {
    stopped: number;
}

export default class SchedulesStop extends OperationsCommand<SchedulesStopResult> {
    public static override readonly summary = messages.getMessage('schedules.stop.summary');
    public static override readonly description = messages.getMessage('schedules.stop.description');
    public static override readonly examples = messages.getMessages('schedules.stop.examples');

    public async run(): Promise<SchedulesStopResult> {
        const { flags } = await this.parse(SchedulesStop);
        const org = flags['target-org'];
        this.spinner.start(messages.getMessage('schedules.spinner', [org.getUsername() ?? '']));
        const stopped = await this.operations(org, flags['api-version']).stopSchedules();
        this.spinner.stop();
        this.log(messages.getMessage('schedules.stopped', [stopped, org.getUsername() ?? '']));
        return { stopped };
    }
}
