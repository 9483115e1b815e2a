import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import { TestContext } from '@salesforce/core/testSetup';
import { runCommand } from '../../test-support/command-test.ts';
import { relayHeaders, relayRequest, sendHttp, upsert } from '../../../receiver/test-requests.ts';
import Receiver, { untilStopped } from './index.ts';

async function freePort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    return port;
}

async function waitUntilUp(url: string): Promise<void> {
    for (let i = 0; i < 200; i++) {
        const up = await sendHttp(`${url}/health`, { method: 'GET', timeoutMs: 500 }).catch(() => undefined);
        if (up?.status === 200) {
            return;
        }
        await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`${url} did not come up`);
}

describe('relay receiver', () => {
    const $$ = new TestContext();
    const original = Receiver.stopSignal;

    afterEach(() => {
        Receiver.stopSignal = original;
        $$.restore();
    });

    it('serves the wire contract until stopped, then stops gracefully and sums up', async () => {
        const directory = mkdtempSync(path.join(tmpdir(), 'relay-receiver-command-'));
        let stop: (signal: string) => void = () => undefined;
        Receiver.stopSignal = () => new Promise((resolve) => (stop = resolve));
        const port = await freePort();
        try {
            const pending = runCommand(
                Receiver,
                [
                    '--port',
                    String(port),
                    '--token',
                    'secret',
                    '--database',
                    path.join(directory, 'sub', 'r.db'),
                    '--seed',
                    '1',
                    '--key-retention-days',
                    '7',
                    '--faults',
                    'latency=1ms'
                ],
                $$.SANDBOX
            );
            const url = `http://127.0.0.1:${port}`;
            await waitUntilUp(url);
            const request = relayRequest([upsert()]);
            const answer = await sendHttp(`${url}/customers/batch`, {
                headers: relayHeaders(request, 'secret'),
                body: JSON.stringify(request)
            });
            expect(answer.status).toBe(200);

            stop('SIGTERM');
            const run = await pending;

            expect(run.exitCode).toBe(0);
            expect(run.stdout).toContain('Stopping: finishing requests in progress…');
            expect(run.stdout).toMatch(/Stopped after 2 requests \(2× 200\)\./);
            expect(run.result?.answered).toEqual({ 200: 2 });
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });

    it('refuses a bad fault spec in one line with exit code 2', async () => {
        const run = await runCommand(Receiver, ['--faults', 'latency@2'], $$.SANDBOX);

        expect(run.stderr).toBe(
            'Error: Bad --faults: Fault "latency@2": the rate must be between 0 and 1 (or 0% and 100%).'
        );
        expect(run.exitCode).toBe(2);
    });

    it('refuses a key retention under one day with exit code 2', async () => {
        const run = await runCommand(Receiver, ['--key-retention-days', '0'], $$.SANDBOX);

        expect(run.stderr).toMatch(/key-retention-days/);
        expect(run.stderr).toMatch(/greater than or equal to 1/);
        expect(run.stderr.trim().split('\n')).toHaveLength(1);
        expect(run.exitCode).toBe(2);
    });

    it('says why it cannot listen', async () => {
        Receiver.stopSignal = () => new Promise(() => undefined);
        const run = await runCommand(
            Receiver,
            ['--port', '1', '--host', '203.0.113.1', '--database', ':memory:'],
            $$.SANDBOX
        );

        expect(run.stderr).toMatch(/^Error: Cannot listen on 203\.0\.113\.1:1: /);
        expect(run.exitCode).toBe(1);
    });

    it('resolves on SIGTERM and takes over the signal handlers', async () => {
        const stopped = untilStopped();
        process.emit('SIGTERM');

        await expect(stopped).resolves.toBe('SIGTERM');
        expect(process.listenerCount('SIGTERM')).toBe(0);
    });
});
