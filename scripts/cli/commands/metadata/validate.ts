import path from 'node:path';
import { SfProject } from '@salesforce/core';
import { Flags } from '@salesforce/sf-plugins-core';
import { RelayCommand } from '../../relay-command.ts';
import { metadataMessages as messages } from '../../messages/metadata.ts';
import type { OrgConnection } from '../../../metadata/org.ts';
import { orgValidationContext } from '../../../metadata/org-context.ts';
import type { FileProblem } from '../../../metadata/records.ts';
import { setRelayRoot } from '../../../metadata/relay-root.ts';
import { apexTrim } from '../../../metadata/rules.ts';
import { formatProblem, projectComponents, readRecordFiles, validateProject } from '../../../metadata/validate.ts';

export interface MetadataValidateResult {
    records: number;
    settings: number;
    problems: FileProblem[];
}

setRelayRoot(path.resolve(import.meta.dirname, '..', '..', '..', '..'));

export default class MetadataValidate extends RelayCommand<MetadataValidateResult> {
    public static override readonly summary = messages.getMessage('validate.summary');
    public static override readonly description = messages.getMessage('validate.description');
    public static override readonly examples = messages.getMessages('validate.examples');

    public static override readonly flags = {
        'target-org': Flags.optionalOrg({ summary: messages.getMessage('flags.target-org.summary') }),
        'api-version': Flags.orgApiVersion()
    };

    public async run(): Promise<MetadataValidateResult> {
        const { flags } = await this.parse(MetadataValidate);
        // Resolved here rather than by requiresProject, so that outside a project the error is one line.
        const projectRoot = (await SfProject.resolve()).getPath();
        const org = flags['target-org'];
        let context = {};
        if (org) {
            // The objects the settings name, described by the org; everything else answered by the project.
            const { records } = readRecordFiles(projectRoot, projectComponents(projectRoot).recordFiles);
            const objects = records
                .map((record) => record.values.Source_Object__c)
                .filter((value): value is string => typeof value === 'string')
                .map(apexTrim);
            this.spinner.start(messages.getMessage('describing', [objects.length, org.getUsername() ?? '']));
            context = await orgValidationContext(
                projectRoot,
                org.getConnection(flags['api-version']) as unknown as OrgConnection,
                objects
            );
            this.spinner.stop();
        }
        const report = validateProject({ projectRoot, ...context });
        for (const problem of report.problems) {
            this.log(formatProblem(problem));
        }
        if (report.problems.length > 0) {
            this.logToStderr(
                messages.getMessage('validate.failed', [report.problems.length, report.records, report.settings])
            );
            process.exitCode = 1;
        } else {
            this.log(messages.getMessage('validate.ok', [report.records, report.settings]));
        }
        return report;
    }
}
