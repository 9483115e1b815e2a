import { defineMessages } from '../messages.ts';

export const metadataMessages = defineMessages('relay.metadata', {
    'validate.summary': "Validate every Relay Custom Metadata record in the project with the Apex settings' own rules.",
    'validate.description':
        'Reads every Custom Metadata record of the project (customMetadata folders, through source-deploy-retrieve) and checks what the Metadata API would refuse (unknown fields, types, sizes, names) and, for Integration_Setting__mdt and Integration_Field__mdt, the rules of IntegrationSetting and IntegrationOperationsSetting word for word (ranges, required values, picklists, API names, source objects and fields, the allowlist, trigger fields), plus that each Named Credential exists in the project (or the org, with --target-org, whose describe then also answers for objects and fields). Prints every problem as file:line: message and exits 1 if there is any. Writes nothing.',
    'validate.examples': [
        '<%= config.bin %> <%= command.id %>',
        '<%= config.bin %> <%= command.id %> --target-org my-sandbox --json'
    ],
    'validate.ok': '%s records checked (%s integrations): no problems.',
    'validate.failed': '%s problems in %s records (%s integrations).',
    'flags.target-org.summary':
        'Org whose describe and Named Credentials to check against (default: the project only).',
    'generate.summary':
        'Write Integration_Setting__mdt and Integration_Field__mdt records from a YAML or JSON config file.',
    'generate.description':
        'Each integration of the config (key `integrations`) becomes one Integration_Setting__mdt record (settings under camelCase keys of the field names: recordsPerCallout, httpMethod, …) and one Integration_Field__mdt per entry of `fields` ({source, key}). The records are checked with the rules of `relay metadata validate` first: on any problem they are printed as file:line: message against the config and nothing is written. Files whose content would not change are left alone, so generating again yields no diff.',
    'generate.examples': [
        '<%= config.bin %> <%= command.id %> --from scripts/metadata/examples/erp-customer.yaml --output-dir examples/main/default/customMetadata'
    ],
    'flags.from.summary': 'The config file (YAML or JSON).',
    'flags.output-dir.summary':
        'Folder for the record files (default: <default package directory>/main/default/customMetadata).',
    'flags.dry-run.summary': 'Check and list the files without writing them.',
    'flags.prune.summary':
        'Delete the field records of the generated integrations that the config no longer lists (they would still be sent).',
    'generate.file': '%s  %s',
    'generate.stale':
        '%s field records belong to a generated integration but are not in the config: they are still allowlisted. Delete them, or run again with --prune.',
    'generate.done': '%s records: %s created, %s updated, %s unchanged.',
    'generate.dryRun': 'Dry run: nothing written.',
    'generate.failed': '%s problems in %s: nothing written.',
    'error.noConfig': 'No config file %s.',
    describing: 'Describing %s objects in %s'
});
