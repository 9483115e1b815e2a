import { spawn } from 'node:child_process';

/** One verification step of `npm test`; each runs alone as `npm run <script>`. */
export interface Check {
    label: string;
    title: string;
    script: string;
}

/** The checks of `npm test`, in order: the type check also emits the .js the later checks read. */
export const CHECKS: readonly Check[] = [
    { label: 'a', title: 'TypeScript type check (LWC and scripts)', script: 'check:types' },
    { label: 'b', title: 'ESLint and Prettier', script: 'check:lint' },
    { label: 'c', title: 'Jest: LWC and script tests with coverage', script: 'check:jest' },
    { label: 'd', title: 'Apex semantic check (apex-ls, SOQL fields)', script: 'check:apex' },
    { label: 'e', title: 'Salesforce Code Analyzer (PMD, regex, Graph Engine)', script: 'check:analyzer' },
    { label: 'f', title: 'LWC bundles through the platform compiler', script: 'check:lwc' },
    { label: 'g', title: 'Metadata converts to deployable packages', script: 'check:metadata' },
    { label: 'h', title: 'Components in a real browser (Chromium, Playwright)', script: 'check:browser' }
];

export interface CheckResult {
    check: Check;
    passed: boolean;
    seconds: number;
    reason?: string;
}

/** Runs a check and resolves to its exit code (or the reason it could not start). */
export type CheckExecutor = (check: Check) => Promise<{ exitCode: number; reason?: string }>;

/** Runs `npm run -s <script>` with output streamed to this terminal. */
export const runNpmScript: CheckExecutor = (check) =>
    new Promise((resolve) => {
        const child = spawn('npm', ['run', '-s', check.script], { stdio: 'inherit' });
        child.on('error', (error) => resolve({ exitCode: 1, reason: `could not start npm: ${error.message}` }));
        child.on('close', (code, signal) =>
            resolve({ exitCode: code ?? 1, reason: signal ? `killed by ${signal}` : undefined })
        );
    });

/** Runs every check in order, continuing past failures so all results show. */
export async function runChecks(
    checks: readonly Check[],
    execute: CheckExecutor,
    log: (line: string) => void,
    now: () => number = () => performance.now()
): Promise<CheckResult[]> {
    const results: CheckResult[] = [];
    for (const check of checks) {
        log(`\n▶ ${check.label}. ${check.title}  (npm run ${check.script})`);
        const started = now();
        const { exitCode, reason } = await execute(check);
        results.push({ check, passed: exitCode === 0, seconds: (now() - started) / 1000, reason });
    }
    return results;
}

/** The closing report: one row per check, then `N passed, N failed` alone on the last line. */
export function formatSummary(results: readonly CheckResult[]): string[] {
    const rows = results.map((result) => {
        const status = result.passed ? 'PASS' : 'FAIL';
        const reason = result.reason ? ` — ${result.reason}` : '';
        return `${status}  ${result.check.label}. ${result.check.title} (${result.seconds.toFixed(1)} s)${reason}`;
    });
    const passed = results.filter((result) => result.passed).length;
    const total = results.reduce((sum, result) => sum + result.seconds, 0);
    return [
        '',
        'Summary',
        ...rows,
        `Total ${total.toFixed(1)} s`,
        `${passed} passed, ${results.length - passed} failed`
    ];
}
