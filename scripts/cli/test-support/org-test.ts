import { MockTestOrgData, TestContext } from '@salesforce/core/testSetup';
import { afterEach, beforeEach } from '@jest/globals';
import { fakeOrg } from './fake-org.ts';
import type { FakeAnswer, RecordedRequest } from './fake-org.ts';

/** The part of a sinon sandbox tests use, typed (the project has no @types/sinon; TestContext's is unresolved). */
export interface TypedSandbox {
    stub<O extends object, K extends keyof O>(
        object: O,
        method: K
    ): {
        callsFake(fake: (this: O, ...args: never[]) => unknown): unknown;
        resolves(value: unknown): unknown;
        returns(value: unknown): unknown;
        rejects(error: unknown): unknown;
    };
    restore(): void;
}

/** A connected test org for a describe block: `$$`, the org's username, and `answer()` for Relay's REST calls. */
export interface OrgTest {
    $$: TestContext;
    /** `$$.SANDBOX`, typed. */
    sandbox: TypedSandbox;
    username(): string;
    /**
     * TestContext pins the SFDX project to a temporary folder; call in `beforeEach` to find it from the working
     * directory instead, as users do (commands that read the project: deploy, metadata, integration new).
     */
    useRealProject(): void;
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
        // sinon's types are not installed: read the sandboxes untyped, then give them the typed view.
        sandbox: Reflect.get($$, 'SANDBOX') as TypedSandbox,
        username: () => testOrg.username,
        useRealProject: () => {
            const sandboxes = Reflect.get($$, 'SANDBOXES') as Record<string, TypedSandbox>;
            sandboxes.PROJECT.restore();
        },
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
