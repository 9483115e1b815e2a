import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { afterEach, beforeEach } from '@jest/globals';
import { fakeOrg } from './fake-org.ts';
import type { FakeAnswer, RecordedRequest } from './fake-org.ts';

/** A connected test org for a describe block: `$$`, the org's username, and `answer()` for Relay's REST calls. */
export interface OrgTest {
    $$: TestContext;
    username(): string;
    /** Answers every `/services/apexrest/` request with `answer`; returns the requests it answered. */
    answerRest(answer: FakeAnswer | ((request: RecordedRequest) => FakeAnswer)): RecordedRequest[];
}

export function useTestOrg(): OrgTest {
    const $$ = new TestContext();
    const testOrg = new MockTestOrgData();
    beforeEach(async () => {
        await $$.stubAuths(testOrg);
        // @salesforce/core creates a missing alias file on ENOENT, but checks `instanceof Error`, which fails
        // across Jest's realms: give it one.
        $$.stubAliases({});
    });
    afterEach(() => $$.restore());
    return {
        $$,
        username: () => testOrg.username,
        answerRest: (answer) =>
            fakeOrg($$, (request) =>
                request.url.includes('/services/apexrest/')
                    ? typeof answer === 'function'
                        ? answer(request)
                        : answer
                    : undefined
            )
    };
}
