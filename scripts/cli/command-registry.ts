import { readdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Command } from '@oclif/core';

/** Command classes by oclif id (`deploy`, `schedules:stop`). */
export type CommandMap = Record<string, Command.Class>;

/** Files under the commands folder that are commands: TypeScript modules, not tests or declarations. */
export function isCommandFile(file: string): boolean {
    return file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts');
}

/** `deploy/index.ts` → `deploy`, `schedules/stop.ts` → `schedules:stop`. */
export function commandId(relativeFile: string): string {
    const parts = relativeFile.replace(/\.ts$/, '').split(/[\\/]/);
    if (parts[parts.length - 1] === 'index') {
        parts.pop();
    }
    return parts.join(':');
}

/** Every command file below `directory`, relative to it, sorted (tests and `__tests__` folders skipped). */
export function listCommandFiles(directory: string, prefix = ''): string[] {
    return readdirSync(path.join(directory, prefix), { withFileTypes: true })
        .flatMap((entry) => {
            const relative = path.join(prefix, entry.name);
            if (entry.isDirectory()) {
                return entry.name === '__tests__' ? [] : listCommandFiles(directory, relative);
            }
            return isCommandFile(entry.name) ? [relative] : [];
        })
        .sort();
}

/**
 * Imports every command file below `directory`: each must default-export its command class. A file that does
 * not fails loudly here rather than vanishing from `--help`.
 */
export async function discoverCommands(directory: string): Promise<CommandMap> {
    const commands: CommandMap = {};
    for (const file of listCommandFiles(directory)) {
        const absolute = path.join(directory, file);
        // An absolute path is a valid specifier on POSIX (and what Jest's require understands); Windows needs a URL.
        const specifier = process.platform === 'win32' ? pathToFileURL(absolute).href : absolute;
        const module = (await import(specifier)) as { default?: unknown };
        if (typeof module.default !== 'function') {
            throw new Error(`${path.join(directory, file)} must export its command class as default.`);
        }
        commands[commandId(file)] = module.default as Command.Class;
    }
    return commands;
}

/** The same commands under a topic: `deploy` → `relay:deploy` (how `sf` lists a plugin's commands). */
export function underTopic(commands: CommandMap, topic: string): CommandMap {
    return Object.fromEntries(Object.entries(commands).map(([id, command]) => [`${topic}:${id}`, command]));
}
