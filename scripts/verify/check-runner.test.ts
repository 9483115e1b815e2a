import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { CHECKS, formatSummary, runChecks, runNpmScript } from './check-runner.ts';
import type { Check } from './check-runner.ts';

const twoChecks: Check[] = [
    { label: 'a', title: 'first', script: 'check:first' },
    { label: 'b', title: 'second', script: 'check:second' }
];

describe('runChecks', () => {
    it('runs every check in order and keeps going after a failure', async () => {
        const ran: string[] = [];
        let clock = 0;
        const results = await runChecks(
            twoChecks,
            (check) => {
                ran.push(check.script);
                clock += 1500;
                return Promise.resolve({ exitCode: check.label === 'a' ? 1 : 0 });
            },
            () => undefined,
            () => clock
        );

        expect(ran).toEqual(['check:first', 'check:second']);
        expect(results.map((result) => result.passed)).toEqual([false, true]);
        expect(results[0].seconds).toBe(1.5);
    });
});

describe('formatSummary', () => {
    it('ends with the pass/fail count alone on the last line', () => {
        const lines = formatSummary([
            { check: twoChecks[0], passed: false, seconds: 2, reason: 'killed by SIGTERM' },
            { check: twoChecks[1], passed: true, seconds: 0.25 }
        ]);

        expect(lines.at(-1)).toBe('1 passed, 1 failed');
        expect(lines.at(-2)).toBe('Total 2.3 s');
        expect(lines).toContain('FAIL  a. first (2.0 s) — killed by SIGTERM');
        expect(lines).toContain('PASS  b. second (0.3 s)');
    });
});

describe('CHECKS', () => {
    it('lists checks a to h, each backed by an npm script of package.json', () => {
        const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };

        expect(CHECKS.map((check) => check.label).join('')).toBe('abcdefgh');
        for (const check of CHECKS) {
            expect(packageJson.scripts[check.script]).toBeDefined();
        }
    });
});

describe('runNpmScript', () => {
    it('reports a failing exit code for a script that does not exist', async () => {
        const outcome = await runNpmScript({ label: 'x', title: 'missing', script: 'no-such-script-here' });

        expect(outcome.exitCode).not.toBe(0);
    });
});
