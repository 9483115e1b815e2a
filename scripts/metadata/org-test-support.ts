/**
 * A fake org for the metadata commands' tests, on @salesforce/core's TestContext: answers sObject describes (which
 * jsforce requests by a bare URL string) and the Named Credential query; an empty result for the rest.
 */
import type { TestContext } from '@salesforce/core/testSetup';

export interface FakeConnectionContext {
    $$: Pick<TestContext, 'fakeConnectionRequest'>;
}

export function describingOrg(
    org: FakeConnectionContext,
    objects: Readonly<Record<string, readonly string[]>>,
    namedCredentials: readonly string[]
): string[] {
    const urls: string[] = [];
    org.$$.fakeConnectionRequest = (request) => {
        const url = typeof request === 'string' ? request : ((request as { url?: string }).url ?? '');
        urls.push(url);
        const describe = /\/sobjects\/([^/]+)\/describe/.exec(url);
        if (describe) {
            const fields = objects[decodeURIComponent(describe[1])];
            if (!fields) {
                return Promise.reject(
                    Object.assign(new Error('The requested resource does not exist'), { errorCode: 'NOT_FOUND' })
                );
            }
            return Promise.resolve({
                name: describe[1],
                fields: fields.map((name) => ({ name, length: 80 }))
            } as never);
        }
        if (/FROM(%20|\+| )NamedCredential/.test(url)) {
            const records = namedCredentials.map((name) => ({ DeveloperName: name }));
            return Promise.resolve({ totalSize: records.length, done: true, records } as never);
        }
        return Promise.resolve({ totalSize: 0, done: true, records: [] } as never);
    };
    return urls;
}
