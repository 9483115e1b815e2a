// Checkpoints of the receiver's WAL on a worker thread of their own, so the HTTP thread never copies the WAL into the
// database file. SQLite runs a checkpoint inside the COMMIT that crosses `wal_autocheckpoint`: with 40 MB of WAL
// that one commit took 240-660 ms in the benchmark, every sender waiting on it (docs/receiver.md, Benchmark).
//
// A PASSIVE checkpoint from another connection copies the frames committed so far without waiting for, or blocking,
// the writer; once it has copied them all, the writer's next transaction starts the WAL again from its beginning
// (the file is reused, not grown). Durability is the WAL's and does not depend on checkpoints. It does not change
// the writer's PRAGMA data_version (only commits by other connections do), so the store's index is not rebuilt.
// The writer keeps a far larger `wal_autocheckpoint` as a backstop, should this thread fall behind or fail.
import { Worker } from 'node:worker_threads';

/** How often the worker tries a checkpoint; one with nothing to copy only reads the WAL index. */
export const CHECKPOINT_INTERVAL_MS = 100;

// Plain JavaScript evaluated as the worker (a file would need a loader for TypeScript under Jest and under node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
db.exec('PRAGMA busy_timeout = 0');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const timer = setInterval(() => {
    try {
        checkpoint.get();
    } catch (error) {
        // SQLITE_BUSY: another checkpoint is running; the next tick tries again.
        if (!/busy|locked/i.test(String(error && error.message))) {
            parentPort.postMessage({ error: String(error && error.message) });
        }
    }
}, workerData.intervalMs);
parentPort.on('message', () => {
    clearInterval(timer);
    db.close();
    parentPort.close();
});
`;

export class BackgroundCheckpointer {
    private readonly worker: Worker;
    private readonly exited: Promise<void>;
    /** The last error the worker reported (the backstop checkpoint keeps the WAL bounded meanwhile). */
    lastError: string | undefined;

    constructor(file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
        this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, intervalMs } });
        this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
        this.worker.on('message', (message: { error?: string }) => {
            this.lastError = message.error;
        });
        this.worker.on('error', (error) => {
            this.lastError = error.message;
        });
        // Never what keeps the process alive.
        this.worker.unref();
    }

    /** Stops the timer and closes the worker's connection (a checkpoint in progress finishes first). */
    stop(): Promise<void> {
        this.worker.postMessage('stop');
        return this.exited;
    }
}
