import { Flags } from '@salesforce/sf-plugins-core';
import type { Org } from '@salesforce/core';
import { RelayCommand } from './relay-command.ts';
import { commonMessages } from './messages/common.ts';
import { OperationsClient, OperationsError } from '../org/operations-client.ts';

/**
 * The base of the commands that call Relay's operations REST API (RelayOperationsResource) in an org:
 * `--target-org` (an alias or username the Salesforce CLI knows; the default org when left out) and
 * `--api-version`. `operations(flags)` gives the typed client; its failures become one line that names the
 * HTTP status and the resource's own sentence, or says that Relay is not deployed in the org.
 */
export abstract class OperationsCommand<T> extends RelayCommand<T> {
    public static override readonly flags = {
        'target-org': Flags.requiredOrg(),
        'api-version': Flags.orgApiVersion()
    };

    protected operations(org: Org, apiVersion: string | undefined): OperationsClient {
        return new OperationsClient(org.getConnection(apiVersion));
    }

    protected override catch(error: Error & { exitCode?: number }): Promise<never> {
        if (error instanceof OperationsError) {
            const translated = error.notInstalled
                ? commonMessages.createError('error.notInstalled', [error.message])
                : commonMessages.createError('error.httpStatus', [error.statusCode ?? 'an error', error.message]);
            return super.catch(translated);
        }
        return super.catch(error);
    }
}
