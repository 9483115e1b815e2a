import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig, EventType, LogLevel } from '@salesforce/code-analyzer-core';
import type { EngineLogEvent, LogEvent, Violation } from '@salesforce/code-analyzer-core';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as regexEngine from '@salesforce/code-analyzer-regex-engine';
import * as sfgeEngine from '@salesforce/code-analyzer-sfge-engine';
import { requireJava } from '../lib/java.ts';
import { readPackageDirectories } from '../lib/project.ts';

/** The rules Relay runs; severities are adjusted in code-analyzer.yml. */
export const RULE_SELECTORS = ['pmd:Recommended', 'pmd:Security', 'pmd:AppExchange', 'regex', 'sfge'];

/** Severity 1 (Critical) and 2 (High) fail the build. */
export const FAILING_SEVERITY = 2;

export interface Finding {
    engine: string;
    rule: string;
    severity: number;
    file: string;
    line: number;
    message: string;
}

export function toFinding(violation: Violation): Finding {
    const location = violation.getPrimaryLocation();
    return {
        engine: violation.getRule().getEngineName(),
        rule: violation.getRule().getName(),
        severity: violation.getRule().getSeverityLevel(),
        file: location.getFile() ?? '(no file)',
        line: location.getStartLine() ?? 0,
        message: violation.getMessage().trim()
    };
}

/** Runs the selected rules over the package directories with the checked-in configuration. */
export async function analyze(
    projectRoot: string,
    configFile: string,
    selectors: string[] = RULE_SELECTORS
): Promise<Finding[]> {
    requireJava();
    const analyzer = new CodeAnalyzer(CodeAnalyzerConfig.fromFile(configFile));
    const engineErrors: string[] = [];
    analyzer.onEvent(EventType.LogEvent, (event: LogEvent) => {
        if (event.logLevel === LogLevel.Error) engineErrors.push(event.message);
    });
    analyzer.onEvent(EventType.EngineLogEvent, (event: EngineLogEvent) => {
        if (event.logLevel === LogLevel.Error) engineErrors.push(`${event.engineName}: ${event.message}`);
    });
    await analyzer.addEnginePlugin(pmdEngine.createEnginePlugin());
    await analyzer.addEnginePlugin(regexEngine.createEnginePlugin());
    await analyzer.addEnginePlugin(sfgeEngine.createEnginePlugin());
    const workspace = await analyzer.createWorkspace(
        readPackageDirectories(projectRoot).map((directory) => directory.absolutePath)
    );
    const rules = await analyzer.selectRules(selectors, { workspace });
    if (rules.getCount() === 0) {
        throw new Error(`No Code Analyzer rule matched ${selectors.join(', ')}: the engines did not load.`);
    }
    const results = await analyzer.run(rules, { workspace });
    // An engine that fails reports an error event, not an exception: treat it as a failed check.
    if (engineErrors.length > 0) {
        throw new Error(`Code Analyzer engines failed:\n${engineErrors.join('\n')}`);
    }
    return results.getViolations().map(toFinding);
}

/** The Code Analyzer check. Returns the exit code. */
export async function checkCodeAnalyzer(
    projectRoot: string,
    log: (line: string) => void,
    selectors: string[] = RULE_SELECTORS
): Promise<number> {
    const findings = await analyze(projectRoot, path.join(projectRoot, 'code-analyzer.yml'), selectors);
    const failing = findings.filter((finding) => finding.severity <= FAILING_SEVERITY);
    for (const finding of [...findings].sort((a, b) => a.severity - b.severity)) {
        const marker = finding.severity <= FAILING_SEVERITY ? 'FAIL' : 'note';
        log(
            `${marker} sev${finding.severity} ${finding.engine}:${finding.rule} ${path.relative(projectRoot, finding.file)}:${finding.line} ${finding.message}`
        );
    }
    log(
        `Code Analyzer (${selectors.join(', ')}): ${failing.length} violations at severity 1-2, ${findings.length - failing.length} below the gate.`
    );
    return failing.length === 0 ? 0 : 1;
}
