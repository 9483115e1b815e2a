import { execFileSync } from 'node:child_process';
import { relayRoot } from './relay-root.ts';

/** A file's content and the path that decides its parser and options (it need not exist). */
export interface FormatRequest {
    filePath: string;
    source: string;
}

const FORMAT_SCRIPT = `
import * as prettier from 'prettier';
import path from 'node:path';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const output = [];
for (const { filePath, source } of JSON.parse(input)) {
    // The project's configuration applies wherever the file goes (a folder outside the project included).
    const probe = path.join(process.cwd(), path.basename(filePath));
    const options = (await prettier.resolveConfig(probe)) ?? {};
    try {
        output.push(await prettier.format(source, { ...options, filepath: probe }));
    } catch (error) {
        process.stderr.write('Prettier could not format ' + filePath + ': ' + String(error.message).split('\\n')[0]);
        process.exit(1);
    }
}
process.stdout.write(JSON.stringify(output));
`;

/**
 * Formats sources with Relay's Prettier configuration (plugins included), as `npx prettier --write` in Relay's
 * repository would, wherever the files go, in one child process: Prettier loads its plugins as ES modules, which
 * Jest's CommonJS runtime cannot. `toolRoot` holds .prettierrc.json and node_modules.
 */
export function formatWithPrettier(requests: readonly FormatRequest[], toolRoot = relayRoot()): string[] {
    if (requests.length === 0) return [];
    try {
        const output = execFileSync(process.execPath, ['--input-type=module', '--eval', FORMAT_SCRIPT], {
            cwd: toolRoot,
            input: JSON.stringify(requests),
            encoding: 'utf8',
            stdio: ['pipe', 'pipe', 'pipe'],
            maxBuffer: 64 * 1024 * 1024
        });
        return JSON.parse(output) as string[];
    } catch (error) {
        const stderr = (error as { stderr?: string }).stderr ?? '';
        const lines = stderr.split('\n').map((line) => line.trim());
        const reason =
            lines.find((line) => /^Prettier could not|Error/.test(line)) ?? (error as Error).message.split('\n')[0];
        throw new Error(reason.startsWith('Prettier') ? reason : `Prettier failed: ${reason}`);
    }
}
