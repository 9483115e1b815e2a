import { Command, CommanderError } from 'commander';

/** Options every verification command takes. */
export interface ProjectOptions {
    project: string;
}

/**
 * Parses the arguments of a check command. Wrong flags end the command with commander's one-line
 * message and exit code 2, never a stack trace.
 */
export function parseProjectOptions(name: string, description: string, argv: string[]): ProjectOptions {
    const program = new Command(name)
        .description(description)
        .option('--project <dir>', 'project root (holds sfdx-project.json)', process.cwd())
        .exitOverride()
        .configureOutput({ writeErr: (text) => process.stderr.write(text) });
    program.parse(argv, { from: 'user' });
    return program.opts<ProjectOptions>();
}

/** Runs a command's main function and turns its result or failure into an exit code. */
export async function runMain(main: () => Promise<number>): Promise<number> {
    try {
        return await main();
    } catch (error) {
        if (error instanceof CommanderError) {
            return error.exitCode === 0 ? 0 : 2;
        }
        process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
        return 1;
    }
}
