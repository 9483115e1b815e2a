// Benchmark (not a timed test): the reference receiver's throughput and latency for 100-record relay.v1 requests
// from 4 concurrent senders, beside a bare node:http server that only parses the JSON, in the same run.
//
//   node scripts/bench/receiver-bench.ts [--requests 400] [--records 100] [--senders 4] [--synchronous FULL] [--json]
//
// Each server runs in a child process of its own (one core for it, one for the senders on a 2-core machine); the
// receiver writes to a database file exactly as in normal use (WAL, synchronous=FULL by default: every request's
// transaction is on disk before its answer). Every request carries fresh keys and record ids, so nothing is a
// duplicate; bodies are built before the clock starts, so the senders' cost is sending and reading only.
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ReferenceReceiver } from '../receiver/server.ts';
import { relayRequest, upsert } from '../receiver/test-requests.ts';
import type { Synchronous } from '../receiver/store.ts';

interface RunFigures {
    server: string;
    requests: number;
    records: number;
    seconds: number;
    recordsPerSecond: number;
    p50Ms: number;
    p99Ms: number;
    failures: number;
}

const SERVE_FLAG = '--serve';

async function serve(kind: string, databaseFile: string, synchronous: Synchronous): Promise<void> {
    let port: number;
    if (kind === 'bare') {
        const server = createServer((request, response) => {
            const chunks: Buffer[] = [];
            request.on('data', (chunk: Buffer) => chunks.push(chunk));
            request.on('end', () => {
                JSON.parse(Buffer.concat(chunks).toString('utf8'));
                response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': 2 }).end('{}');
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        port = (server.address() as AddressInfo).port;
    } else {
        const receiver = new ReferenceReceiver({ databaseFile, synchronous, token: 'bench' });
        port = Number(new URL(await receiver.start()).port);
        process.on('disconnect', () => void receiver.stop());
    }
    process.send?.({ port });
}

function startServer(
    kind: string,
    databaseFile: string,
    synchronous: Synchronous
): Promise<{ child: ChildProcess; port: number }> {
    const child = fork(import.meta.filename, [SERVE_FLAG, kind, databaseFile, synchronous], { stdio: 'inherit' });
    return new Promise((resolve, reject) => {
        child.once('message', (message) => resolve({ child, port: (message as { port: number }).port }));
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`The ${kind} server exited with ${code}.`)));
    });
}

function post(agent: Agent, port: number, body: string): Promise<number> {
    return new Promise((resolve, reject) => {
        const req = httpRequest(
            {
                host: '127.0.0.1',
                port,
                path: '/customers/batch',
                method: 'POST',
                agent,
                headers: {
                    'Content-Type': 'application/json',
                    'Content-Length': Buffer.byteLength(body),
                    'X-Relay-Schema': 'relay.v1',
                    'X-Relay-Correlation-Id': '3f2c8a1e-9b4d-4c7a-8e21-5d6f0a9b7c13',
                    'X-Relay-Attempt': '1',
                    Authorization: 'Bearer bench'
                }
            },
            (response) => {
                response.resume();
                response.on('end', () => resolve(response.statusCode ?? 0));
            }
        );
        req.on('error', reject);
        req.end(body);
    });
}

function percentile(sorted: number[], share: number): number {
    return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function bodies(count: number, records: number): string[] {
    return Array.from({ length: count }, () =>
        JSON.stringify(relayRequest(Array.from({ length: records }, () => upsert())))
    );
}

async function measure(
    server: string,
    port: number,
    options: { requests: number; records: number; senders: number }
): Promise<RunFigures> {
    const agent = new Agent({ keepAlive: true, maxSockets: options.senders });
    const warmUp = bodies(options.senders * 5, options.records);
    const queue = bodies(options.requests, options.records);
    const send = async (list: string[], latencies: number[], failures: { count: number }) => {
        for (let body = list.pop(); body !== undefined; body = list.pop()) {
            const started = performance.now();
            const status = await post(agent, port, body);
            latencies.push(performance.now() - started);
            if (status !== 200) {
                failures.count++;
            }
        }
    };
    await Promise.all(Array.from({ length: options.senders }, () => send(warmUp, [], { count: 0 })));
    const latencies: number[] = [];
    const failures = { count: 0 };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.senders }, () => send(queue, latencies, failures)));
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    latencies.sort((a, b) => a - b);
    return {
        server,
        requests: options.requests,
        records: options.requests * options.records,
        seconds: Math.round(seconds * 100) / 100,
        recordsPerSecond: Math.round((options.requests * options.records) / seconds),
        p50Ms: Math.round(percentile(latencies, 0.5) * 10) / 10,
        p99Ms: Math.round(percentile(latencies, 0.99) * 10) / 10,
        failures: failures.count
    };
}

async function main(): Promise<void> {
    const { values } = parseArgs({
        options: {
            requests: { type: 'string', default: '400' },
            records: { type: 'string', default: '100' },
            senders: { type: 'string', default: '4' },
            synchronous: { type: 'string', default: 'FULL' },
            json: { type: 'boolean', default: false },
            // Also run the receiver on an in-memory database (not durable): splits the cost of the writes from the rest.
            memory: { type: 'boolean', default: false }
        }
    });
    const synchronous = values.synchronous.toUpperCase() as Synchronous;
    if (synchronous !== 'FULL' && synchronous !== 'NORMAL') {
        throw new Error('--synchronous must be FULL or NORMAL.');
    }
    const options = {
        requests: Number(values.requests),
        records: Number(values.records),
        senders: Number(values.senders)
    };
    const directory = mkdtempSync(path.join(tmpdir(), 'relay-bench-'));
    const figures: RunFigures[] = [];
    try {
        for (const kind of ['bare', 'receiver', ...(values.memory ? ['memory'] : [])]) {
            const file = kind === 'memory' ? ':memory:' : path.join(directory, 'receiver.db');
            const { child, port } = await startServer(kind, file, synchronous);
            try {
                figures.push(
                    await measure(
                        kind === 'bare'
                            ? 'bare node:http + JSON.parse'
                            : kind === 'memory'
                              ? 'reference receiver (:memory:, not durable)'
                              : `reference receiver (WAL, synchronous=${synchronous})`,
                        port,
                        options
                    )
                );
            } finally {
                child.removeAllListeners('exit');
                child.kill('SIGTERM');
            }
        }
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
    const [bare, receiver] = figures;
    const ratio = Math.round((receiver.recordsPerSecond / bare.recordsPerSecond) * 1000) / 1000;
    const result = {
        node: process.version,
        ...options,
        figures,
        ratio,
        targets: { recordsPerSecond: receiver.recordsPerSecond >= 2000, quarterOfBare: ratio >= 0.25 }
    };
    if (values.json) {
        process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
    }
    process.stdout.write(
        `${options.senders} senders × ${options.records}-record requests, ${options.requests} requests per server (${process.version})\n`
    );
    for (const run of figures) {
        process.stdout.write(
            `${run.server.padEnd(44)} ${String(run.recordsPerSecond).padStart(8)} records/s  p50 ${run.p50Ms} ms  p99 ${run.p99Ms} ms  failures ${run.failures}\n`
        );
    }
    process.stdout.write(
        `ratio receiver / bare: ${ratio} (targets: ≥ 2,000 records/s ${result.targets.recordsPerSecond ? 'met' : 'MISSED'}, ≥ 0.25 of bare ${result.targets.quarterOfBare ? 'met' : 'MISSED'})\n`
    );
}

if (process.argv[2] === SERVE_FLAG) {
    await serve(process.argv[3], process.argv[4], process.argv[5] as Synchronous);
} else {
    await main();
}
