import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { integrationMessages as messages } from '../../messages/integration.ts';
import type { OrgConnection } from '../../../metadata/org.ts';
import { orgValidationContext } from '../../../metadata/org-context.ts';
import { setRelayRoot } from '../../../metadata/relay-root.ts';
import { existingFiles, planIntegration, writeIntegration } from '../../../metadata/scaffold.ts';

export interface IntegrationNewResult {
    name: string;
    sourceObject: string;
    files: string[];
    reused: string[];
    written: boolean;
}

setRelayRoot(path.resolve(import.meta.dirname, '..', '..', '..', '..'));

export default class IntegrationNew extends RelayCommand<IntegrationNewResult> {
    public static override readonly summary = messages.getMessage('new.summary');
    public static override readonly description = messages.getMessage('new.description');
    public static override readonly examples = messages.getMessages('new.examples');

    public static override readonly flags = {
        object: Flags.string({ summary: messages.getMessage('flags.object.summary'), required: true }),
        'named-credential': Flags.string({
            summary: messages.getMessage('flags.named-credential.summary'),
            required: true
        }),
        fields: Flags.string({
            summary: messages.getMessage('flags.fields.summary'),
            required: true,
            multiple: true,
            delimiter: ','
        }),
        name: Flags.string({ summary: messages.getMessage('flags.name.summary') }),
        path: Flags.string({ summary: messages.getMessage('flags.path.summary') }),
        'output-dir': Flags.directory({ summary: messages.getMessage('flags.output-dir.summary') }),
        'dry-run': Flags.boolean({ summary: messages.getMessage('flags.dry-run.summary') }),
        'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
        'api-version': Flags.orgApiVersion()
    };

    public async run(): Promise<IntegrationNewResult> {
        const { flags } = await this.parse(IntegrationNew);
        // Resolved here rather than by requiresProject, so that outside a project the error is one line.
        const projectRoot = (await SfProject.resolve()).getPath();
        const org = flags['target-org'];
        let context = {};
        if (org) {
            context = await orgValidationContext(
                projectRoot,
                org.getConnection(flags['api-version']) as unknown as OrgConnection,
                [flags.object]
            );
        }
        const plan = planIntegration({
            projectRoot,
            sourceObject: flags.object,
            namedCredential: flags['named-credential'],
            fields: flags.fields,
            name: flags.name,
            path: flags.path,
            outputDir:
                flags['output-dir'] === undefined
                    ? undefined
                    : path.relative(projectRoot, path.resolve(flags['output-dir'])),
            ...context
        });
        const taken = existingFiles(projectRoot, plan);
        if (taken.length > 0) {
            throw messages.createError('error.exists', [taken.join(', ')]);
        }
        plan.files.forEach((file) => this.log(messages.getMessage('new.file', [file.file])));
        plan.reused.forEach((reason) => this.log(messages.getMessage('new.reused', [reason])));
        if (flags['dry-run']) {
            this.log(messages.getMessage('new.dryRun', [plan.files.length, plan.name]));
        } else {
            writeIntegration(projectRoot, plan);
            this.log(messages.getMessage('new.done', [plan.name, plan.files.length]));
        }
        return {
            name: plan.name,
            sourceObject: plan.sourceObject,
            files: plan.files.map((file) => file.file),
            reused: plan.reused,
            written: !flags['dry-run']
        };
    }
}
