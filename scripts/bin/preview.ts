import { Command, InvalidArgumentError } from 'commander';
import { runMain } from '../lib/command-line.ts';
import { preparePreview } from '../preview/run.ts';
import { startPreviewServer } from '../preview/server.ts';

const parsePort = (value: string): number => {
    const port = Number(value);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new InvalidArgumentError('a port is a whole number from 0 to 65535.');
    }
    return port;
};

// `npm run preview`: every component with its fixture scenarios in a browser; Ctrl+C stops it (docs/preview.md).
process.exitCode = await runMain(async () => {
    const options = new Command('preview')
        .description('Serve every component with its preview scenarios (fixture data) on a local port')
        .option('--project <dir>', 'project root (holds sfdx-project.json)', process.cwd())
        .option('--port <port>', 'port to listen on', parsePort, 3333)
        .option('--host <host>', 'interface to listen on', '127.0.0.1')
        .exitOverride()
        .parse(process.argv.slice(2), { from: 'user' })
        .opts<{ project: string; port: number; host: string }>();
    const prepared = await preparePreview(options.project, (line) => console.log(line));
    const server = await startPreviewServer({
        projectRoot: options.project,
        scenarios: prepared.scenarios,
        components: prepared.components,
        bundle: () => prepared.bundle,
        port: options.port,
        host: options.host
    });
    console.log(`Relay preview: ${server.url}/ (${prepared.scenarios.length} scenarios) — Ctrl+C stops it`);
    await new Promise<void>((resolve) => {
        const stop = (): void => {
            void server.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
    });
    return 0;
});
