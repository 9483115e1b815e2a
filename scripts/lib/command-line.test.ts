import { describe, expect, it, jest } from '@jest/globals';
import { parseProjectOptions, runMain } from './command-line.ts';

describe('parseProjectOptions', () => {
    it('defaults the project to the working directory and takes --project', () => {
        expect(parseProjectOptions('x', 'test', []).project).toBe(process.cwd());
        expect(parseProjectOptions('x', 'test', ['--project', '/tmp/p']).project).toBe('/tmp/p');
    });
});

describe('runMain', () => {
    it('returns 2 with one line for a wrong flag', async () => {
        const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

        const exitCode = await runMain(async () => Promise.resolve(parseProjectOptions('x', 'test', ['--bogus']) && 0));

        expect(exitCode).toBe(2);
        expect(String(stderr.mock.calls[0][0])).toContain("unknown option '--bogus'");
        stderr.mockRestore();
    });

    it('returns 1 and prints the message of any other failure', async () => {
        const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);

        const exitCode = await runMain(() => Promise.reject(new Error('no sfdx-project.json')));

        expect(exitCode).toBe(1);
        expect(stderr).toHaveBeenCalledWith('error: no sfdx-project.json\n');
        stderr.mockRestore();
    });

    it('passes through the exit code of a successful run', async () => {
        expect(await runMain(() => Promise.resolve(0))).toBe(0);
    });
});
