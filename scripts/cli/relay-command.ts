import { Flags, SfCommand, StandardColors } from '@salesforce/sf-plugins-core';
import { SfError } from '@salesforce/core';
import { commonMessages } from './messages/common.ts';

/** An error as oclif and @salesforce/core shape it: an exit code in one of two places, "Try this" actions. */
type CommandError = Error & { exitCode?: number; oclif?: { exit?: number }; actions?: string[] };

/**
 * One line for any error: oclif's flag errors span lines ("Parsing --target-org\n\tNo authorization…\nSee more
 * help with --help"); keep what says what went wrong, joined with ": ".
 */
export function oneLine(message: string): string {
    const lines = message
        .split('\n')
        .map((line) => line.trim().replace(/\s+/g, ' '))
        .filter(
            (line) => line !== '' && line !== 'See more help with --help' && line !== 'The following error occurred:'
        );
    return lines.reduce(
        (joined, line) => (joined === '' ? line : `${joined}${joined.endsWith(':') ? ' ' : ': '}${line}`),
        ''
    );
}

/** Exit code of an error: oclif's (2 for flag errors), then @salesforce/core's, else 1. */
export function exitCodeOf(error: CommandError): number {
    const code = error.oclif?.exit ?? error.exitCode;
    return typeof code === 'number' && code !== 0 ? code : 1;
}

/**
 * The flags in `argv` that the command does not declare. oclif resolves flag values (an org's default included)
 * before it reports an unknown flag, so `--bogus` alone would otherwise surface as "no default org".
 */
export function unknownFlags(
    argv: readonly string[],
    flags: Record<string, { char?: string; aliases?: string[] }>
): string[] {
    const names = new Set<string>();
    for (const [name, flag] of Object.entries(flags)) {
        names.add(`--${name}`);
        (flag.aliases ?? []).forEach((alias) => names.add(alias.length === 1 ? `-${alias}` : `--${alias}`));
        if (flag.char) names.add(`-${flag.char}`);
    }
    const unknown: string[] = [];
    for (const token of argv) {
        if (token === '--') break;
        const name = token.split('=')[0];
        if (/^--?[A-Za-z]/.test(name) && !names.has(name)) unknown.push(name);
    }
    return unknown;
}

/**
 * The base class of every `relay` command. It is the Salesforce CLI's `SfCommand` (so `--json`, spinners,
 * `--target-org` by alias and the `sf` plugin install come from the ecosystem) plus Relay's error rule: every
 * failure is one `Error: …` line on stderr (and its "Try this:" actions, if any) with a non-zero exit code;
 * the stack trace only with `--verbose`. With `--json` the error is the ecosystem's JSON error on stdout.
 *
 * A command declares `static summary`/`description`/`examples` from its bundle in scripts/cli/messages/,
 * `static flags`, and `run()` returning its JSON result; it throws `messages.createError(key, tokens)` (or any
 * Error) to fail.
 */
export abstract class RelayCommand<T> extends SfCommand<T> {
    public static override enableJsonFlag = true;

    public static override baseFlags = {
        ...SfCommand.baseFlags,
        verbose: Flags.boolean({ summary: commonMessages.getMessage('flags.verbose.summary'), helpGroup: 'GLOBAL' })
    };

    public override async init(): Promise<void> {
        const declared = { ...this.ctor.flags, ...this.ctor.baseFlags, help: {}, json: {} };
        const unknown = unknownFlags(this.argv, declared);
        if (unknown.length > 0) {
            throw Object.assign(
                commonMessages.createError('error.unknownFlag', [
                    unknown.join(', '),
                    (this.id ?? '').replaceAll(':', ' ')
                ]),
                {
                    oclif: { exit: 2 }
                }
            );
        }
        await super.init();
    }

    protected override catch(error: CommandError): Promise<never> {
        this.spinner.stop(StandardColors.error('Error'));
        const exitCode = exitCodeOf(error);
        const failure = new SfError(
            oneLine(error.message),
            error.name,
            error.actions,
            exitCode,
            error instanceof Error ? error : undefined
        );
        process.exitCode = exitCode;
        if (this.jsonEnabled()) {
            const data = (error as { data?: unknown }).data;
            this.logJson({
                status: exitCode,
                name: failure.name,
                message: failure.message,
                actions: failure.actions,
                exitCode,
                ...(data === undefined ? {} : { data })
            });
        } else {
            this.logToStderr(`${StandardColors.error('Error:')} ${failure.message}`);
            for (const action of failure.actions ?? []) {
                this.logToStderr(`${StandardColors.info('Try this:')} ${action}`);
            }
            if (this.argv.includes('--verbose')) {
                for (let cause: unknown = error; cause instanceof Error; cause = cause.cause) {
                    this.logToStderr(
                        cause === error ? (cause.stack ?? '') : `Caused by: ${cause.stack ?? cause.message}`
                    );
                }
            }
        }
        // oclif prints nothing more for an error marked as handled, and exits with its code.
        return Promise.reject(Object.assign(failure, { skipOclifErrorHandling: true, oclif: { exit: exitCode } }));
    }
}
