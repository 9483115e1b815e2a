import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { setupMessages as messages } from '../../messages/setup.ts';
import { OperationsClient } from '../../../org/operations-client.ts';
import type { SetupCheck } from '../../../org/operations-client.ts';

export interface SetupCheckResult {
    passed: boolean;
    checks: SetupCheck[];
}

export default class SetupCheckCommand extends RelayCommand<SetupCheckResult> {
    public static override readonly summary = messages.getMessage('check.summary');
    public static override readonly description = messages.getMessage('check.description');
    public static override readonly examples = messages.getMessages('check.examples');

    public static override readonly flags = {
        'target-org': Flags.requiredOrg(),
        'api-version': Flags.orgApiVersion()
    };

    public async run(): Promise<SetupCheckResult> {
        const { flags } = await this.parse(SetupCheckCommand);
        const connection = flags['target-org'].getConnection(flags['api-version']);
        this.spinner.start(messages.getMessage('check.spinner', [flags['target-org'].getUsername() ?? '']));
        const checks = await new OperationsClient(connection).setupChecks();
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
