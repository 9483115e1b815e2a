// The preview's HTTP server (node:http): an index of the scenarios, one host page per scenario (SLDS, the
// injected scenario, the bundle), the bundle, SLDS assets and the project's static resources.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { PreviewScenario } from 'relay/preview';
import { packageDirFrom } from './build.ts';
import { isRecordPageComponent } from './scenarios.ts';
import type { ComponentInfo, LoadedScenario } from './scenarios.ts';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
    '.css': 'text/css; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.json': 'application/json; charset=utf-8',
    '.html': 'text/html; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.jpg': 'image/jpeg',
    '.gif': 'image/gif',
    '.woff': 'font/woff',
    '.woff2': 'font/woff2',
    '.ttf': 'font/ttf',
    '.txt': 'text/plain; charset=utf-8'
};

export function contentTypeOf(file: string): string {
    return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** JSON safe inside a <script> element. */
export function scriptJson(value: unknown): string {
    return JSON.stringify(value)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}

/** The host page of one scenario: a record page column for record page components, a console page otherwise. */
export function hostPage(scenario: PreviewScenario, recordPage: boolean): string {
    const layout = recordPage ? 'relay-preview_record' : 'relay-preview_console';
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(scenario.title)} · Relay preview</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">
<style>
    html, body { background: #f3f3f3; margin: 0; }
    [hidden] { display: none !important; }
    .relay-preview_record { padding: 0.75rem; }
    .relay-preview_console { padding: 0.75rem 1rem; }
</style>
</head>
<body>
<div id="relay-preview-navigation" class="slds-notify slds-notify_alert slds-theme_info" role="status" hidden></div>
<main class="${layout}"><div id="relay-preview-root"></div></main>
<script>window.__RELAY_SCENARIO__ = ${scriptJson(scenario)};</script>
<script src="/bundle.js"></script>
</body>
</html>
`;
}

/** The index: every scenario by component, with its title. */
export function indexPage(scenarios: readonly LoadedScenario[]): string {
    const byComponent = new Map<string, PreviewScenario[]>();
    for (const { scenario } of scenarios) {
        byComponent.set(scenario.component, [...(byComponent.get(scenario.component) ?? []), scenario]);
    }
    const sections = [...byComponent.entries()]
        .map(
            ([component, list]) => `<section class="slds-m-bottom_large">
<h2 class="slds-text-heading_medium slds-m-bottom_small">${escapeHtml(component)}</h2>
<ul class="slds-list_dotted">
${list
    .map(
        (scenario) =>
            `<li><a href="/scenario/${encodeURIComponent(scenario.id)}">${escapeHtml(scenario.title)}</a> <span class="slds-text-color_weak">(${escapeHtml(scenario.id)})</span></li>`
    )
    .join('\n')}
</ul>
</section>`
        )
        .join('\n');
    return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Relay component preview</title><link rel="icon" href="data:,">
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css"></head>
<body class="slds-p-around_large">
<h1 class="slds-text-heading_large slds-m-bottom_medium">Relay component preview</h1>
<p class="slds-m-bottom_large">${scenarios.length} scenarios with the Jest tests' fixtures, rendered by the open-source LWC engine with lightning-base-components and SLDS.</p>
${sections}
</body>
</html>
`;
}

/** A file under `root` for a URL path below it, or undefined when it escapes the root or does not exist. */
export function fileUnder(root: string, relativeUrlPath: string): string | undefined {
    const file = path.resolve(root, `.${path.posix.normalize(`/${decodeURIComponent(relativeUrlPath)}`)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
        return undefined;
    }
    return file;
}

/**
 * A static resource: `staticresources/<name>.<ext>` (single file, content type from its resource-meta.xml) or a
 * file inside the folder `staticresources/<name>/` (an unzipped archive resource).
 */
export function staticResourceFile(
    projectRoot: string,
    urlPath: string
): { file: string; contentType: string } | undefined {
    const dir = path.join(projectRoot, 'force-app/main/default/staticresources');
    const [name, ...rest] = urlPath.split('/').filter(Boolean);
    if (name === undefined || !existsSync(dir)) {
        return undefined;
    }
    if (rest.length > 0) {
        const file = fileUnder(path.join(dir, name), rest.join('/'));
        return file === undefined ? undefined : { file, contentType: contentTypeOf(file) };
    }
    const match = readdirSync(dir).find(
        (entry) => entry.startsWith(`${name}.`) && !entry.endsWith('.resource-meta.xml')
    );
    if (match === undefined) {
        return undefined;
    }
    const metaFile = path.join(dir, `${name}.resource-meta.xml`);
    const declared = existsSync(metaFile)
        ? /<contentType>\s*([^<\s]+)\s*<\/contentType>/.exec(readFileSync(metaFile, 'utf8'))?.[1]
        : undefined;
    const file = path.join(dir, match);
    return { file, contentType: declared ?? contentTypeOf(file) };
}

export interface PreviewServerOptions {
    projectRoot: string;
    scenarios: readonly LoadedScenario[];
    components: readonly ComponentInfo[];
    /** The bundle's code, read on each request (the preview can rebuild it). */
    bundle: () => string;
    port: number;
    host?: string;
}

export interface RunningServer {
    server: Server;
    url: string;
    close: () => Promise<void>;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
    response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store' });
    response.end(body);
}

/** Routes one request; exported for the unit tests. */
export function handleRequest(options: PreviewServerOptions, request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://preview.local');
    const pathname = url.pathname;
    const sldsAssets = path.join(packageDirFrom(options.projectRoot, '@salesforce-ux/design-system'), 'assets');
    if (pathname === '/') {
        send(response, 200, CONTENT_TYPES['.html'], indexPage(options.scenarios));
        return;
    }
    if (pathname === '/bundle.js') {
        send(response, 200, CONTENT_TYPES['.js'], options.bundle());
        return;
    }
    if (pathname.startsWith('/scenario/')) {
        const id = decodeURIComponent(pathname.slice('/scenario/'.length));
        const found = options.scenarios.find(({ scenario }) => scenario.id === id);
        if (found === undefined) {
            send(response, 404, CONTENT_TYPES['.txt'], `No scenario ${id}.`);
            return;
        }
        const recordPage = isRecordPageComponent(found.scenario.component, options.components);
        send(response, 200, CONTENT_TYPES['.html'], hostPage(found.scenario, recordPage));
        return;
    }
    if (pathname.startsWith('/assets/')) {
        const file = fileUnder(sldsAssets, pathname.slice('/assets/'.length));
        if (file !== undefined) {
            send(response, 200, contentTypeOf(file), readFileSync(file));
            return;
        }
    }
    if (pathname.startsWith('/resource/')) {
        const resource = staticResourceFile(options.projectRoot, pathname.slice('/resource/'.length));
        if (resource !== undefined) {
            send(response, 200, resource.contentType, readFileSync(resource.file));
            return;
        }
    }
    send(response, 404, CONTENT_TYPES['.txt'], `Not found: ${pathname}`);
}

/** Starts the server; port 0 picks a free one. */
export function startPreviewServer(options: PreviewServerOptions): Promise<RunningServer> {
    const server = createServer((request, response) => {
        try {
            handleRequest(options, request, response);
        } catch (error) {
            send(response, 500, CONTENT_TYPES['.txt'], error instanceof Error ? error.message : String(error));
        }
    });
    return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(options.port, options.host ?? '127.0.0.1', () => {
            const { port } = server.address() as AddressInfo;
            resolve({
                server,
                url: `http://${options.host ?? '127.0.0.1'}:${port}`,
                close: () =>
                    new Promise<void>((done) => {
                        server.closeAllConnections();
                        server.close(() => done());
                    })
            });
        });
    });
}
