import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { discoverCommands } from './command-registry.ts';
import { cliReference } from './reference.ts';

const ROOT = path.resolve(__dirname, '..', '..');

describe('the CLI reference (docs/cli.md)', () => {
    it('is what the commands say now (npm run docs:cli rewrites it)', () => {
        // A child process: Prettier formats through dynamic imports, which Jest's CommonJS runtime refuses.
        const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bin', 'cli-reference.ts'), '--check'], {
            cwd: ROOT,
            encoding: 'utf8'
        });

        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
    });

    it('lists every command with its flags and examples', async () => {
        const commands = await discoverCommands(path.join(ROOT, 'scripts', 'cli', 'commands'));
        const reference = cliReference(commands);

        for (const id of Object.keys(commands)) {
            expect(reference).toContain(`## \`relay ${id.replaceAll(':', ' ')}\``);
        }
        expect(reference).toContain('| `--key-retention-days` | value | `30` |');
        expect(reference).toMatch(/\| `--synchronous` \| `FULL`, `NORMAL` \| `FULL` \|/);
        expect(reference).toContain('relay receiver --port 8787');
        expect(reference).not.toContain('<%=');
    });
});
