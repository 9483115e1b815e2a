// Relay's custom regex rules in code-analyzer.yml: each one fires on the pattern it forbids, at a severity that
// fails the gate, and stays quiet on the code Relay writes instead, in comments, and inside suppression markers.
// Regex engine only (no Java), so this runs in about a second.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, LogEvent } from '@salesforce/code-analyzer-core';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import { FAILING_SEVERITY, toFinding } from './code-analyzer.ts';
import type { Finding } from './code-analyzer.ts';
import { createFixtureProject, writeApexClass } from '../test-support/fixture-project.ts';
import type { FixtureProject } from '../test-support/fixture-project.ts';

const REPO_CONFIG = path.resolve('code-analyzer.yml');

/** The custom rules and the selector that picks them (custom regex rules carry the `Custom` tag). */
const CUSTOM_RULES = [
    'RelayPublishStatesAccessLevel',
    'RelayHeaderLookupIgnoresCase',
    'RelayNoGlobalDescribe',
    'RelayNoTestIsRunningTest',
    'RelayNoSecurityEnforced',
    'RelayPlatformSeamOnly',
    'RelayNoWorkspaceSharedDocs'
];
const CUSTOM_SELECTOR = 'regex:Custom';

// Built at run time so this file itself holds no reference for the repository-wide check to find.
const SHARED_DOC = ['..', 'shared', 'PLATFORM.md'].join('/');

/** Runs only the regex engine, with the checked-in configuration, over a fixture project. */
async function analyzeWithRegex(root: string, selectors: string[]): Promise<{ rules: string[]; findings: Finding[] }> {
    const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromFile(REPO_CONFIG));
    const errors: string[] = [];
    analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
        if (event.logLevel === LogLevel.Error) errors.push(event.message);
    });
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
        if (event.logLevel === LogLevel.Error) errors.push(`${event.engineName}: ${event.message}`);
    });
    await analyzer.addEnginePlugin(regexEngine.createEnginePlugin());
    const workspace = await analyzer.createWorkspace([root]);
    const selection = await analyzer.selectRules(selectors, { workspace });
    const results = await analyzer.run(selection, { workspace });
    if (errors.length > 0) throw new Error(`Code Analyzer failed:\n${errors.join('\n')}`);
    return {
        rules: selection
            .getEngineNames()
            .flatMap((engine) => selection.getRulesFor(engine).map((rule) => rule.getName())),
        findings: results.getViolations().map(toFinding)
    };
}

/** One line per forbidden pattern, with the rule that must report it. */
const FORBIDDEN_LINES: [rule: string, line: string][] = [
    ['RelayPublishStatesAccessLevel', 'EventBus.publish(events);'],
    ['RelayPublishStatesAccessLevel', 'List<Database.SaveResult> r = eventbus . Publish ( events );'],
    ['RelayHeaderLookupIgnoresCase', "String retryAfter = response.getHeader('Retry-After');"],
    ['RelayHeaderLookupIgnoresCase', 'String id = httpResponse.GetHeader( "X-Request-Id" );'],
    ['RelayNoGlobalDescribe', 'Map<String, Schema.SObjectType> types = Schema.getGlobalDescribe();'],
    ['RelayNoTestIsRunningTest', 'if (Test.isRunningTest()) { return; }'],
    ['RelayNoSecurityEnforced', 'List<Account> a = [SELECT Id FROM Account WITH SECURITY_ENFORCED];'],
    ['RelayNoSecurityEnforced', "String q = 'SELECT Id FROM Account with   security_enforced';"],
    ['RelayPlatformSeamOnly', 'System.enqueueJob(job);'],
    ['RelayPlatformSeamOnly', 'Id batchId = Database.executeBatch(batch, 200);'],
    ['RelayPlatformSeamOnly', "System.schedule('Relay sweeper', '0 0 * * * ?', sweeper);"],
    ['RelayPlatformSeamOnly', "System.scheduleBatch(batch, 'Relay backfill', 5);"],
    ['RelayPlatformSeamOnly', 'System.attachFinalizer(finalizer);'],
    ['RelayNoWorkspaceSharedDocs', `// See ${SHARED_DOC} section 2.`]
];

/** What Relay writes instead, and mentions of the forbidden calls in comments: none may be reported. */
const CLEAN_CLASS = `/**
 * @description Publishes through the seam. Never EventBus.publish(events) and never Test.isRunningTest()
 * here; Schema.getGlobalDescribe() and System.enqueueJob(job) are mentioned in this comment only.
 */
public with sharing class Clean {
    public static List<Database.SaveResult> publish(List<SObject> events) {
        return EventBus.publishWithAccessLevel(events, AccessLevel.SYSTEM_MODE);
    }

    public static String retryAfter(HttpResponse response) {
        return HttpHeaders.valueOf(response, 'Retry-After'); // not response.getHeader('Retry-After')
    }

    public static String attemptOf(HttpRequest request) {
        // A request Relay built itself carries its header names exactly as Relay spelled them.
        return request.getHeader('X-Relay-Attempt');
    }

    public static String headerNamed(HttpResponse response, String key) {
        return response.getHeader(key);
    }

    public static Integer count() {
        Schema.DescribeSObjectResult[] described = Schema.describeSObjects(new List<String>{ 'Account' });
        RelayPlatform.instance.enqueue(new Job(), 0, 'Relay.Dispatch');
        RelayPlatform.instance.executeBatch(new Batch(), 200);
        return [SELECT COUNT() FROM Account WITH USER_MODE] + described.size();
    }
}
`;

/** The seam itself: its direct calls sit between suppression markers, as RelayPlatform.cls writes them. */
const SEAM_CLASS = `public virtual inherited sharing class Seam {
    public virtual void enqueue(Queueable job) {
        // code-analyzer-suppress(regex:RelayPlatformSeamOnly)
        System.enqueueJob(job);
        // code-analyzer-unsuppress(regex:RelayPlatformSeamOnly)
    }

    public virtual void attachFinalizer(Finalizer finalizer) {
        // code-analyzer-suppress(regex:RelayPlatformSeamOnly)
        System.attachFinalizer(finalizer);
        // code-analyzer-unsuppress(regex:RelayPlatformSeamOnly)
    }

    public virtual Id executeBatch(Database.Batchable<SObject> batch) {
        return Database.executeBatch(batch, 200);
    }
}
`;

function forbiddenClass(): string {
    const body = FORBIDDEN_LINES.map(([, line]) => `        ${line}`).join('\n');
    return `public with sharing class Forbidden {\n    public static void run() {\n${body}\n    }\n}\n`;
}

describe("Relay's custom regex rules (code-analyzer.yml)", () => {
    let project: FixtureProject;
    let selected: string[];
    let findings: Finding[];
    const classes = 'force-app/main/default/classes';
    const inFile = (name: string) => findings.filter((finding) => path.basename(finding.file) === name);

    beforeAll(async () => {
        project = createFixtureProject();
        writeApexClass(project, 'Forbidden', forbiddenClass());
        writeApexClass(project, 'Clean', CLEAN_CLASS);
        writeApexClass(project, 'Seam', SEAM_CLASS);
        project.write('force-app/main/default/objects/Log__c/fields/Note__c.field-meta.xml', `<d>${SHARED_DOC}</d>\n`);
        project.write('force-app/README.md', `Facts: [platform](${SHARED_DOC}).\n`);
        ({ rules: selected, findings } = await analyzeWithRegex(project.root, [CUSTOM_SELECTOR]));
    });
    afterAll(() => project.remove());

    it('are all configured, and every one fails the gate', () => {
        expect([...selected].sort()).toEqual([...CUSTOM_RULES].sort());
        for (const finding of findings) {
            expect(finding.severity).toBeLessThanOrEqual(FAILING_SEVERITY);
            expect(finding.engine).toBe('regex');
        }
    });

    it.each(CUSTOM_RULES)('%s reports each forbidden line in an Apex class', (rule) => {
        const expectedLines = FORBIDDEN_LINES.flatMap(([owner], index) => (owner === rule ? [index + 3] : []));
        const reported = inFile('Forbidden.cls').filter((finding) => finding.rule === rule);
        expect(reported.map((finding) => finding.line)).toEqual(expectedLines);
        // A configured message says what to do instead; the engine's default only repeats the regex.
        expect(reported[0].message).not.toMatch(/^A match of the regular expression/);
    });

    it('reports no custom rule on the code written instead or on mentions in comments', () => {
        expect(inFile('Clean.cls')).toEqual([]);
    });

    it('honours suppression markers in the seam, and only between them', () => {
        const seam = inFile('Seam.cls');
        expect(seam.map((finding) => `${finding.rule}:${finding.line}`)).toEqual(['RelayPlatformSeamOnly:15']);
    });

    it('reports shared-document references in metadata and Markdown too', () => {
        const sharedDocs = findings.filter((finding) => finding.rule === 'RelayNoWorkspaceSharedDocs');
        expect(sharedDocs.map((finding) => path.relative(project.root, finding.file)).sort()).toEqual([
            path.join('force-app', 'README.md'),
            path.join(classes, 'Forbidden.cls'),
            path.join('force-app/main/default/objects/Log__c/fields/Note__c.field-meta.xml')
        ]);
    });
});
