import { defineMessages } from '../messages.ts';

export const integrationMessages = defineMessages('relay.integration', {
    'new.summary':
        'Scaffold a new integration: settings and field records, credentials, permission set, trigger and test.',
    'new.description':
        'Writes, in the shape of the Account → ERP sample: an inactive Integration_Setting__mdt and one Integration_Field__mdt per field, a Named Credential and External Credential template (unless the Named Credential exists in the project or the org), a permission set for the integration user (the credential principal and read access to exactly the allowlisted fields), an after trigger calling IntegrationCapture.fromTrigger() and its test (unless the object already has one). Fields are checked against the object definitions in the project, or the org describe with --target-org. Refuses to overwrite any file.',
    'new.examples': [
        '<%= config.bin %> <%= command.id %> --object Contact --named-credential Billing_API --fields LastName,Email,Phone --output-dir examples --dry-run',
        '<%= config.bin %> <%= command.id %> --object Invoice__c --named-credential Relay_ERP --fields Amount__c,Status__c --target-org my-sandbox'
    ],
    'flags.object.summary': 'API name of the source object, for example Account.',
    'flags.named-credential.summary': 'API name of the Named Credential the integration calls.',
    'flags.fields.summary': 'Comma-separated source fields to allowlist (each sent under its camelCase name).',
    'flags.name.summary': 'DeveloperName of the integration (default: <Named Credential>_<Object>).',
    'flags.path.summary': 'Path below the Named Credential URL (default: /<object in lower case>).',
    'flags.output-dir.summary': 'Package directory to write into (default: the default package directory).',
    'flags.dry-run.summary': 'List the files without writing them.',
    'flags.target-org.summary': 'Org whose describe checks the object and fields, and whose Named Credentials count.',
    'new.file': 'create  %s',
    'new.reused': 'reuse   %s',
    'new.done':
        'Integration %s scaffolded (%s files). Next: set the Named Credential URL and secret in Setup, assign the permission set to the integration user, set Active__c when ready, run relay metadata validate.',
    'new.dryRun': 'Dry run: %s files would be written for %s.',
    'error.exists': 'Refusing to overwrite %s: remove them or choose another --name.'
});
