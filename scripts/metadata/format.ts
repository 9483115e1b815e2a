import { execFileSync } from 'node:child_process';

/** A file's content and the path that decides its parser and options (it need not exist). */
export interface FormatRequest {
    filePath: string;
    source: string;
}

const FORMAT_SCRIPT = `
import * as prettier from 'prettier';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const output = [];
for (const { filePath, source } of JSON.parse(input)) {
    const options = (await prettier.resolveConfig(filePath)) ?? {};
    output.push(await prettier.format(source, { ...options, filepath: filePath }));
}
process.stdout.write(JSON.stringify(output));
`;

/**
 * Formats sources with the project's Prettier configuration (plugins included), as `npx prettier --write` would,
 * in one child process: Prettier loads its plugins as ES modules, which Jest's CommonJS runtime cannot.
 */
export function formatWithPrettier(requests: readonly FormatRequest[], projectRoot: string): string[] {
    if (requests.length === 0) return [];
    const output = execFileSync(process.execPath, ['--input-type=module', '--eval', FORMAT_SCRIPT], {
        cwd: projectRoot,
        input: JSON.stringify(requests),
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024
    });
    return JSON.parse(output) as string[];
}
