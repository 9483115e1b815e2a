import { runMain } from '../lib/command-line.ts';
import { CHECKS, formatSummary, runChecks, runNpmScript } from '../verify/check-runner.ts';

// `npm test`: every offline check in order; exit 1 when any failed.
process.exitCode = await runMain(async () => {
    const results = await runChecks(CHECKS, runNpmScript, (line) => console.log(line));
    formatSummary(results).forEach((line) => console.log(line));
    return results.every((result) => result.passed) ? 0 : 1;
});
