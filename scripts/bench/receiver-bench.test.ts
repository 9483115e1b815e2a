// A smoke test of the benchmark script (tiny sizes, no figures judged: the benchmark itself is not a timed test).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

describe('receiver-bench.ts', () => {
    it('runs both servers and reports throughput, latency and the ratio as JSON', () => {
        const output = execFileSync(
            process.execPath,
            [
                path.join('scripts', 'bench', 'receiver-bench.ts'),
                '--requests',
                '8',
                '--records',
                '10',
                '--senders',
                '2',
                '--json'
            ],
            { encoding: 'utf8', timeout: 60_000 }
        );
        const result = JSON.parse(output) as {
            figures: {
                server: string;
                records: number;
                recordsPerSecond: number;
                p50Ms: number;
                p99Ms: number;
                failures: number;
            }[];
            ratio: number;
        };

        expect(result.figures.map((run) => run.server)).toEqual([
            'bare node:http + JSON.parse',
            'reference receiver (WAL, synchronous=FULL)'
        ]);
        for (const run of result.figures) {
            expect(run.records).toBe(80);
            expect(run.failures).toBe(0);
            expect(run.recordsPerSecond).toBeGreaterThan(0);
            expect(run.p99Ms).toBeGreaterThanOrEqual(run.p50Ms);
        }
        expect(result.ratio).toBeGreaterThan(0);
    });
});
