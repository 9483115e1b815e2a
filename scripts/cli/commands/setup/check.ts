import { OperationsCommand } from '../../operations-command.ts';
import { setupMessages as messages } from '../../messages/setup.ts';
import type { SetupCheck } from '../../../org/operations-client.ts';

export interface SetupCheckResult {
    passed: boolean;
    checks: SetupCheck[];
}

export default class SetupCheckCommand extends OperationsCommand<SetupCheckResult> {
    public static override readonly summary = messages.getMessage('check.summary');
    public static override readonly description = messages.getMessage('check.description');
    public static override readonly examples = messages.getMessages('check.examples');

    public async run(): Promise<SetupCheckResult> {
        const { flags } = await this.parse(SetupCheckCommand);
        const org = flags['target-org'];
        this.spinner.start(messages.getMessage('check.spinner', [org.getUsername() ?? '']));
        const checks = await this.operations(org, flags['api-version']).setupChecks();
        this.spinner.stop();
        for (const check of checks) {
            this.log(messages.getMessage('check.line', [check.ok ? 'PASS' : 'FAIL', check.name, check.message]));
        }
        const passedCount = checks.filter((check) => check.ok).length;
        this.log(messages.getMessage('check.summaryLine', [passedCount, checks.length]));
        const passed = passedCount === checks.length;
        if (!passed) {
            process.exitCode = 1;
        }
        return { passed, checks };
    }
}
