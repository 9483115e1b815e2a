// The CLI reference (docs/cli.md), written from the commands' own summaries, descriptions, flags and examples, so it
// says what `--help` says: `npm run docs:cli` writes it, and reference.test.ts fails when the file is stale.
import type { Command } from '@oclif/core';
import type { CommandMap } from './command-registry.ts';

const HEADER = `# \`relay\` CLI reference

Written by \`npm run docs:cli\` from the commands themselves (what \`--help\` prints); do not edit by hand. Run the CLI
from a clone as \`npm run relay -- <command>\`, or as an \`sf\` plugin (\`sf plugins link .\`, then \`sf relay <command>\`).
Every command takes \`--json\` (the result as JSON on stdout) and prints one \`Error:\` line on failure, with the stack
only under \`--verbose\`; a wrong or unknown flag exits 2, any other failure 1.
`;

/** What a flag's table row shows of its default: a computed default is described, not evaluated. */
function defaultOf(flag: Command.Flag.Any): string {
    if (flag.default === undefined || typeof flag.default === 'function') {
        return '';
    }
    return `\`${String(flag.default)}\``;
}

function cell(text: string): string {
    return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function flagRow(name: string, flag: Command.Flag.Any): string {
    const names = [`\`--${name}\``, ...(flag.char ? [`\`-${flag.char}\``] : [])].join(', ');
    const value =
        flag.type === 'option'
            ? flag.options
                ? flag.options.map((option) => `\`${option}\``).join(', ')
                : 'value'
            : '';
    const notes = [
        flag.required ? 'required' : '',
        flag.env ? `env \`${flag.env}\`` : '',
        flag.type === 'option' && flag.multiple ? 'repeatable' : ''
    ].filter(Boolean);
    const summary = [flag.summary ?? flag.description ?? '', notes.length > 0 ? `(${notes.join(', ')})` : '']
        .filter(Boolean)
        .join(' ');
    return `| ${names} | ${cell(value)} | ${defaultOf(flag)} | ${cell(summary)} |`;
}

function examplesOf(command: Command.Class, id: string): string[] {
    const examples = (command.examples ?? []).map((example) =>
        typeof example === 'string' ? example : example.command
    );
    return examples.map((example) =>
        example.replaceAll('<%= config.bin %>', 'relay').replaceAll('<%= command.id %>', id.replaceAll(':', ' ')).trim()
    );
}

/** The whole reference, commands in id order. */
export function cliReference(commands: CommandMap): string {
    const sections = Object.keys(commands)
        .sort()
        .map((id) => {
            const command = commands[id];
            const name = id.replaceAll(':', ' ');
            const flags = Object.entries(command.flags ?? {})
                .filter(([, flag]) => !flag.hidden)
                .sort(([a], [b]) => a.localeCompare(b));
            const examples = examplesOf(command, id);
            return [
                `## \`relay ${name}\``,
                '',
                command.summary ?? '',
                ...(command.description ? ['', command.description.trim()] : []),
                ...(flags.length > 0
                    ? [
                          '',
                          '| Flag | Value | Default | Meaning |',
                          '| ---- | ----- | ------- | ------- |',
                          ...flags.map(([flagName, flag]) => flagRow(flagName, flag))
                      ]
                    : []),
                ...(examples.length > 0 ? ['', '```sh', ...examples, '```'] : [])
            ].join('\n');
        });
    return `${HEADER}\n${sections.join('\n\n')}\n`;
}
