import type { TestContext } from '@salesforce/core/testSetup';

/** One request the command sent to the fake org. */
export interface RecordedRequest {
    method: string;
    url: string;
    body: unknown;
}

/** What a route answers: a body, or an error as jsforce raises it for an HTTP failure. */
export type FakeAnswer =
    { body: unknown } | { status: number; error: string } | { platformError: string; code: string };

/**
 * Answers the org's requests through `$$.fakeConnectionRequest`: `route(request)` for Relay's own REST calls
 * (`/services/apexrest/...`) and the SOQL/sObject calls a command makes, an empty query result for the rest (the
 * Organization query @salesforce/core sends when it opens an org). Returns the recorded requests.
 */
export function fakeOrg(
    $$: TestContext,
    route: (request: RecordedRequest) => FakeAnswer | undefined
): RecordedRequest[] {
    const recorded: RecordedRequest[] = [];
    $$.fakeConnectionRequest = (request) => {
        const raw = request as { method?: string; url?: string; body?: unknown };
        const url = raw.url ?? '';
        const body: unknown =
            typeof raw.body === 'string' && raw.body.startsWith('{') ? JSON.parse(raw.body) : raw.body;
        const entry = { method: raw.method ?? 'GET', url, body };
        const answer = route(entry);
        if (answer === undefined) {
            return Promise.resolve({ totalSize: 0, done: true, records: [] } as never);
        }
        recorded.push(entry);
        if ('body' in answer) {
            return Promise.resolve(answer.body as never);
        }
        // jsforce: a JSON body without `message` becomes the message, raw, with the code ERROR_HTTP_<status>.
        const error =
            'status' in answer
                ? Object.assign(new Error(JSON.stringify({ error: answer.error })), {
                      errorCode: `ERROR_HTTP_${answer.status}`,
                      name: `ERROR_HTTP_${answer.status}`
                  })
                : Object.assign(new Error(answer.platformError), { errorCode: answer.code, name: answer.code });
        return Promise.reject(error);
    };
    return recorded;
}
