import { stubSfCommandUx, stubSpinner } from '@salesforce/sf-plugins-core';
import type { TestContext } from '@salesforce/core/testSetup';

type Sandbox = TestContext['SANDBOX'];

/** What one in-process run of a command printed, returned and exited with. */
export interface CommandRun<T> {
    result: T | undefined;
    error: (Error & { exitCode?: number }) | undefined;
    exitCode: number;
    stdout: string;
    stderr: string;
    json: unknown[];
}

/** A command class as tests call it: `SetupCheckCommand.run(argv)`; its instances' `run()` gives the result type. */
export interface RunnableCommand<T> {
    prototype: { run(): Promise<T> };
    run(argv?: string[]): Promise<unknown>;
}

type Calls = unknown[][];
type Stub = { args: Calls; restore(): void };
type UxStubs = Record<'log' | 'logSuccess' | 'table' | 'logToStderr' | 'warn' | 'logJson', Stub>;

/**
 * Runs a command in-process with its output captured (sf-plugins-core's own ux stubs), so a test reads what the
 * user would see, the JSON result and the exit code. `process.exitCode` is restored afterwards.
 */
export async function runCommand<T>(
    command: RunnableCommand<T>,
    argv: string[],
    sandbox: Sandbox
): Promise<CommandRun<T>> {
    const ux = stubSfCommandUx(sandbox) as unknown as UxStubs;
    const spinner = stubSpinner(sandbox) as unknown as Record<string, Stub>;
    const previousExitCode = process.exitCode;
    process.exitCode = undefined;
    let result: T | undefined;
    let error: CommandRun<T>['error'];
    try {
        result = (await command.run(argv)) as T;
    } catch (caught) {
        error = caught as CommandRun<T>['error'];
    }
    const exitCode = Number(process.exitCode ?? (error ? 1 : 0));
    process.exitCode = previousExitCode;
    // Unwrap this run's stubs so a test can run several commands.
    [...Object.values(ux as unknown as Record<string, Stub>), ...Object.values(spinner)].forEach((stub) =>
        stub.restore()
    );
    const lines = (calls: Calls): string => calls.map((args) => args.map(String).join(' ')).join('\n');
    const tables = ux.table.args.map((args) => [JSON.stringify((args[0] as { data: unknown }).data)]);
    return {
        result,
        error,
        exitCode,
        stdout: lines([...ux.log.args, ...ux.logSuccess.args, ...tables]),
        stderr: lines([...ux.logToStderr.args, ...ux.warn.args]),
        json: ux.logJson.args.map((args) => args[0])
    };
}
