import { execFileSync } from 'node:child_process';

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
 * Formats sources with the project's Prettier configuration (plugins included), as `npx prettier --write` would,
 * in one child process: Prettier loads its plugins as ES modules, which Jest's CommonJS runtime cannot.
 */
export function formatWithPrettier(requests: readonly FormatRequest[], projectRoot: string): string[] {
    if (requests.length === 0) return [];
    try {
        const output = execFileSync(process.execPath, ['--input-type=module', '--eval', FORMAT_SCRIPT], {
            cwd: projectRoot,
            input: JSON.stringify(requests),
            encoding: 'utf8',
            stdio: ['pipe', 'pipe', 'pipe'],
            maxBuffer: 64 * 1024 * 1024
        });
        return JSON.parse(output) as string[];
    } catch (error) {
        const stderr = (error as { stderr?: string }).stderr ?? '';
        throw new Error(stderr.trim().split('\n')[0] || `Prettier failed: ${(error as Error).message.split('\n')[0]}`);
    }
}
