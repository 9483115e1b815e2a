// Writes docs/cli.md from the commands (npm run docs:cli), formatted as the repository's Prettier does;
// `--check` writes nothing and exits 1 when the file is not what it would write.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { COMMANDS } from '../cli/commands.ts';
import { cliReference } from '../cli/reference.ts';

const target = path.resolve(import.meta.dirname, '..', '..', 'docs', 'cli.md');
const options = (await resolveConfig(target)) ?? {};
const text = await format(cliReference(COMMANDS), { ...options, filepath: target });
if (process.argv.includes('--check')) {
    let current = '';
    try {
        current = readFileSync(target, 'utf8');
    } catch {
        current = '';
    }
    if (current !== text) {
        process.stderr.write('error: docs/cli.md is not what the commands say now: run npm run docs:cli.\n');
        process.exit(1);
    }
} else {
    writeFileSync(target, text);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), target)}.\n`);
}
