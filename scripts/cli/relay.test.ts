import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { commandId, discoverCommands, isCommandFile, listCommandFiles, underTopic } from './command-registry.ts';
import type { CommandMap } from './command-registry.ts';
import { STANDALONE_IDENTIFIER, standaloneManifest } from './standalone.ts';
import { exitCodeOf, oneLine, unknownFlags } from './relay-command.ts';
import type { Interfaces } from '@oclif/core';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs the real CLI the way `npm run relay --` does: Node 24 strips the types, no build, no ts-node. */
function relay(...args: string[]) {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'bin', 'relay.ts'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, SF_DISABLE_TELEMETRY: 'true', SF_AUTOUPDATE_DISABLE: 'true', NODE_ENV: 'production' }
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the relay CLI', () => {
    it('runs from the .ts sources under Node 24 and lists every topic', () => {
        const run = relay('--help');
        expect(run.status).toBe(0);
        for (const topic of ['deploy', 'org', 'schedules', 'setup', 'replay', 'cancel', 'status']) {
            expect(run.stdout).toMatch(new RegExp(`^  ${topic}\\s`, 'm'));
        }
        expect(run.stdout).toContain('$ relay [COMMAND]');
    });

    it('refuses an unknown flag in one line with exit code 2', () => {
        const run = relay('deploy', '--bogus');
        expect(run.status).toBe(2);
        expect(run.stderr.trim()).toBe('Error: Unknown flag --bogus (see --help for the flags of this command).');
    });

    it('loads as an sf plugin with every command under the relay topic', () => {
        // The Salesforce CLI reads package.json's oclif section as is: command ids under `relay:`.
        const script = `
            const { createRequire } = require('node:module');
            const oclif = createRequire(require.resolve('@salesforce/sf-plugins-core'))('@oclif/core');
            oclif.Config.load(${JSON.stringify(ROOT)}).then((config) => console.log(JSON.stringify(config.commandIDs)));`;
        const result = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
        const ids = JSON.parse(result.stdout) as string[];
        expect(ids).toEqual(
            expect.arrayContaining(['relay:deploy', 'relay:org:setup', 'relay:schedules:stop', 'relay:status'])
        );
        expect(ids.every((id) => id.startsWith('relay:'))).toBe(true);
    });
});

describe('command discovery', () => {
    it('maps files to oclif ids', () => {
        expect(commandId('deploy/index.ts')).toBe('deploy');
        expect(commandId('schedules/stop.ts')).toBe('schedules:stop');
        expect(commandId(path.join('metadata', 'validate.ts'))).toBe('metadata:validate');
    });

    it('takes TypeScript modules only, never tests or declarations', () => {
        expect(isCommandFile('stop.ts')).toBe(true);
        expect(isCommandFile('stop.test.ts')).toBe(false);
        expect(isCommandFile('types.d.ts')).toBe(false);
        expect(isCommandFile('README.md')).toBe(false);
    });

    it('finds the command files of this project', () => {
        const files = listCommandFiles(path.join(__dirname, 'commands'));
        expect(files).toEqual(
            expect.arrayContaining([
                'deploy/index.ts',
                'org/setup.ts',
                'schedules/status.ts',
                'setup/check.ts',
                'status/index.ts'
            ])
        );
        expect(files.some((file) => file.endsWith('.test.ts'))).toBe(false);
    });

    it('imports each command file and needs its class as the default export', async () => {
        const folder = mkdtempSync(path.join(tmpdir(), 'relay-commands-'));
        try {
            mkdirSync(path.join(folder, 'greet', '__tests__'), { recursive: true });
            writeFileSync(path.join(folder, 'greet', 'index.ts'), 'export default class Greet {}\n');
            writeFileSync(path.join(folder, 'greet', 'loud.ts'), 'export default class Loud {}\n');
            writeFileSync(path.join(folder, 'greet', 'loud.test.ts'), 'throw new Error("not a command");\n');
            writeFileSync(path.join(folder, 'greet', '__tests__', 'x.ts'), 'throw new Error("not a command");\n');
            const commands = await discoverCommands(folder);
            expect(Object.keys(commands)).toEqual(['greet', 'greet:loud']);
            writeFileSync(path.join(folder, 'greet', 'quiet.ts'), 'export const Quiet = 1;\n');
            await expect(discoverCommands(folder)).rejects.toThrow(
                /quiet\.ts must export its command class as default\./
            );
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });

    it('puts the commands under a topic for sf', () => {
        const commands = { deploy: class {}, 'schedules:stop': class {} } as unknown as CommandMap;
        expect(Object.keys(underTopic(commands, 'relay'))).toEqual(['relay:deploy', 'relay:schedules:stop']);
    });
});

describe('the standalone manifest', () => {
    const pjson = {
        name: 'relay',
        version: '0.1.0',
        oclif: {
            bin: 'relay',
            commands: { strategy: 'explicit', target: './scripts/cli/commands.ts', identifier: 'SF_COMMANDS' },
            topics: { relay: { description: 'Relay', subtopics: { deploy: { description: 'Deploy' } } } }
        }
    } as unknown as Interfaces.PJSON;

    it('names the unprefixed commands and lifts the relay subtopics to the top', () => {
        const manifest = standaloneManifest(pjson);
        expect(manifest.oclif.commands).toEqual(expect.objectContaining({ identifier: STANDALONE_IDENTIFIER }));
        expect(manifest.oclif.topics).toEqual({ deploy: { description: 'Deploy' } });
    });

    it('needs the explicit strategy', () => {
        const pattern = { ...pjson, oclif: { ...pjson.oclif, commands: './commands' } } as Interfaces.PJSON;
        expect(() => standaloneManifest(pattern)).toThrow(/explicit strategy/);
    });
});

describe('errors in one line', () => {
    it('joins oclif’s multi-line flag errors and drops the help hint', () => {
        expect(
            oneLine('Parsing --target-org \n\tNo authorization information found for x.\nSee more help with --help')
        ).toBe('Parsing --target-org: No authorization information found for x.');
        expect(
            oneLine('The following error occurred:\n  Missing required flag filter\nSee more help with --help')
        ).toBe('Missing required flag filter');
        expect(oneLine('Missing 1 required arg:\nrecordId  The record id')).toBe(
            'Missing 1 required arg: recordId The record id'
        );
    });

    it('keeps oclif’s exit code, then @salesforce/core’s, else 1', () => {
        expect(exitCodeOf(Object.assign(new Error('x'), { oclif: { exit: 2 } }))).toBe(2);
        expect(exitCodeOf(Object.assign(new Error('x'), { exitCode: 3 }))).toBe(3);
        expect(exitCodeOf(Object.assign(new Error('x'), { exitCode: 0 }))).toBe(1);
        expect(exitCodeOf(new Error('x'))).toBe(1);
    });

    it('finds undeclared flags, long and short, before `--`', () => {
        const flags = { 'target-org': { char: 'o', aliases: ['targetusername', 'u'] }, json: {} };
        expect(unknownFlags(['-o', 'x', '--json', '--targetusername=y', '-u', 'z'], flags)).toEqual([]);
        expect(unknownFlags(['--bogus', '-x', 'value', '--', '--after'], flags)).toEqual(['--bogus', '-x']);
        expect(unknownFlags(['-1', 'a b'], flags)).toEqual([]);
    });
});
