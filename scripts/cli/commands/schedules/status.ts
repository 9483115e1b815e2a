import { OperationsCommand } from '../../operations-command.ts';
import { operationsMessages as messages } from '../../messages/operations.ts';
import type { ScheduleInfo } from '../../../org/operations-client.ts';

export interface SchedulesStatusResult {
    schedules: ScheduleInfo[];
}

export default class SchedulesStatus extends OperationsCommand<SchedulesStatusResult> {
    public static override readonly summary = messages.getMessage('schedules.status.summary');
    public static override readonly description = messages.getMessage('schedules.status.description');
    public static override readonly examples = messages.getMessages('schedules.status.examples');

    public async run(): Promise<SchedulesStatusResult> {
        const { flags } = await this.parse(SchedulesStatus);
        const org = flags['target-org'];
        this.spinner.start(messages.getMessage('schedules.spinner', [org.getUsername() ?? '']));
        const schedules = await this.operations(org, flags['api-version']).schedules();
        this.spinner.stop();
        if (schedules.length === 0) {
            this.log(messages.getMessage('schedules.none'));
        } else {
            this.table({
                data: schedules.map((schedule) => ({ ...schedule, nextFireTime: schedule.nextFireTime ?? '' })),
                columns: ['name', 'state', 'cron', 'nextFireTime', 'workClass']
            });
        }
        return { schedules };
    }
}
