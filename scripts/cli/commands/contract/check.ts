import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { contractMessages as messages } from '../../messages/contract.ts';
import { checkReceiver, formatReport } from '../../../conformance/kit.ts';
import type { ConformanceReport } from '../../../conformance/kit.ts';

export default class ContractCheck extends RelayCommand<ConformanceReport> {
    public static override readonly summary = messages.getMessage('check.summary');
    public static override readonly description = messages.getMessage('check.description');
    public static override readonly examples = messages.getMessages('check.examples');

    public static override readonly flags = {
        url: Flags.string({ char: 'u', summary: messages.getMessage('check.flags.url.summary'), required: true }),
        token: Flags.string({ summary: messages.getMessage('check.flags.token.summary'), env: 'RELAY_RECEIVER_TOKEN' }),
        'record-path': Flags.string({
            summary: messages.getMessage('check.flags.record-path.summary'),
            default: '/records/{recordId}'
        }),
        cloudevents: Flags.option({
            summary: messages.getMessage('check.flags.cloudevents.summary'),
            options: ['auto', 'on', 'off'] as const,
            default: 'auto'
        })(),
        timeout: Flags.integer({
            summary: messages.getMessage('check.flags.timeout.summary'),
            default: 10,
            min: 1,
            max: 120
        })
    };

    public async run(): Promise<ConformanceReport> {
        const { flags } = await this.parse(ContractCheck);
        if (!/^https?:\/\/[^/]+/i.test(flags.url) || !URL.canParse(flags.url)) {
            throw Object.assign(messages.createError('error.url', [flags.url]), { oclif: { exit: 2 } });
        }
        this.spinner.start(messages.getMessage('check.spinner', [flags.url]));
        const report = await checkReceiver({
            url: flags.url,
            token: flags.token,
            recordPath: flags['record-path'],
            // auto: the receiver's OPTIONS answer decides.
            cloudEvents: flags.cloudevents === 'auto' ? undefined : flags.cloudevents === 'on',
            timeoutMs: flags.timeout * 1000
        });
        this.spinner.stop();
        this.log(formatReport(report));
        if (!report.passed) {
            process.exitCode = 1;
        }
        return report;
    }
}
