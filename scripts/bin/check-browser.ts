import path from 'node:path';
import { Command } from 'commander';
import { runMain } from '../lib/command-line.ts';
import { runScenariosInBrowser } from '../preview/browser.ts';
import { preparePreview, requireChromium } from '../preview/run.ts';
import { startPreviewServer } from '../preview/server.ts';
import { summaryLine } from '../preview/steps.ts';

// `npm run check:browser`: every preview scenario rendered in Chromium, asserted, screenshotted (docs/preview.md).
process.exitCode = await runMain(async () => {
    const options = new Command('check-browser')
        .description('Render every preview scenario in Chromium, check it and write screenshots')
        .option('--project <dir>', 'project root (holds sfdx-project.json)', process.cwd())
        .option('--only <text>', 'only the scenarios whose id contains this text')
        .exitOverride()
        .parse(process.argv.slice(2), { from: 'user' })
        .opts<{ project: string; only?: string }>();
    const started = performance.now();
    const executablePath = requireChromium();
    const log = (line: string): void => console.log(line);
    const prepared = await preparePreview(options.project, log);
    const scenarios = prepared.scenarios.filter(({ scenario }) => !options.only || scenario.id.includes(options.only));
    const server = await startPreviewServer({
        projectRoot: options.project,
        scenarios: prepared.scenarios,
        components: prepared.components,
        bundle: () => prepared.bundle,
        port: 0
    });
    const screenshotDir = path.join(options.project, 'dist/preview/screenshots');
    try {
        log(`Rendering ${scenarios.length} scenarios in ${executablePath}`);
        const outcomes = await runScenariosInBrowser({
            baseUrl: server.url,
            scenarios,
            components: prepared.components,
            executablePath,
            screenshotDir,
            onOutcome: (outcome) => log(summaryLine(outcome))
        });
        const failed = outcomes.filter((outcome) => !outcome.passed).length;
        log(`Screenshots in ${path.relative(options.project, screenshotDir)}/`);
        log(
            `${outcomes.length - failed} scenarios passed, ${failed} failed ` +
                `(${((performance.now() - started) / 1000).toFixed(1)} s)`
        );
        return failed === 0 && outcomes.length > 0 ? 0 : 1;
    } finally {
        await server.close();
    }
});
