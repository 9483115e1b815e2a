import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { metadataMessages as messages } from '../../messages/metadata.ts';
import { configSourceObjects } from '../../../metadata/config.ts';
import { generateRecords } from '../../../metadata/generate.ts';
import type { GenerateResult } from '../../../metadata/generate.ts';
import type { OrgConnection } from '../../../metadata/org.ts';
import { orgValidationContext } from '../../../metadata/org-context.ts';
import { setRelayRoot } from '../../../metadata/relay-root.ts';
import { formatProblem } from '../../../metadata/validate.ts';

setRelayRoot(path.resolve(import.meta.dirname, '..', '..', '..', '..'));

export default class MetadataGenerate extends RelayCommand<GenerateResult> {
    public static override readonly summary = messages.getMessage('generate.summary');
    public static override readonly description = messages.getMessage('generate.description');
    public static override readonly examples = messages.getMessages('generate.examples');

    public static override readonly flags = {
        from: Flags.file({ summary: messages.getMessage('flags.from.summary'), required: true }),
        'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary') }),
        'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
        prune: Flags.boolean({ summary: messages.getMessage('flags.prune.summary') }),
        'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
        'api-version': Flags.orgApiVersion()
    };

    public async run(): Promise<GenerateResult> {
        const { flags } = await this.parse(MetadataGenerate);
        // Resolved here rather than by requiresProject, so that outside a project the error is one line.
        const projectRoot = (await SfProject.resolve()).getPath();
        const configFile = path.resolve(flags.from);
        const org = flags['target-org'];
        let context = {};
        if (org) {
            // Only the objects the config names are described.
            if (!existsSync(configFile)) throw messages.createError('error.noConfig', [flags.from]);
            const objects = configSourceObjects(readFileSync(configFile, 'utf8'));
            this.spinner.start(messages.getMessage('describing', [objects.length, org.getUsername() ?? '']));
            context = await orgValidationContext(
                projectRoot,
                org.getConnection(flags['api-version']) as unknown as OrgConnection,
                objects
            );
            this.spinner.stop();
        }
        const result = generateRecords({
            projectRoot,
            configFile,
            outputDir: flags['output-dir'] === undefined ? undefined : path.resolve(flags['output-dir']),
            dryRun: flags['dry-run'],
            prune: flags.prune,
            ...context
        });
        if (result.problems.length > 0) {
            result.problems.forEach((problem) => this.log(formatProblem(problem)));
            this.logToStderr(
                messages.getMessage('generate.failed', [result.problems.length, path.relative(projectRoot, configFile)])
            );
            process.exitCode = 1;
            return result;
        }
        for (const file of result.files) {
            this.log(messages.getMessage('generate.file', [file.status.padEnd(9), file.file]));
        }
        const count = (status: string): number => result.files.filter((file) => file.status === status).length;
        this.log(
            messages.getMessage('generate.done', [
                count('created') + count('updated') + count('unchanged'),
                count('created'),
                count('updated'),
                count('unchanged')
            ])
        );
        if (count('stale') > 0) this.warn(messages.getMessage('generate.stale', [count('stale')]));
        if (flags['dry-run']) this.log(messages.getMessage('generate.dryRun'));
        return result;
    }
}
