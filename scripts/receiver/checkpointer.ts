// Checkpoints of the receiver's WAL on a worker thread of their own, so the HTTP thread never copies the WAL into the
// database file. SQLite runs a checkpoint inside the COMMIT that crosses `wal_autocheckpoint`: with 40 MB of WAL
// that one commit took 240-660 ms in the benchmark, every sender waiting on it (docs/receiver.md, Benchmark).
//
// Every tick, a PASSIVE checkpoint from this second connection copies the frames committed so far without waiting
// for, or blocking, the writer. Under sustained load it never catches up with the writer, and the WAL only starts
// again from its beginning once it has, so past RESTART_AFTER_BYTES of WAL the tick asks for a RESTART checkpoint:
// it waits (briefly) for the writer's transaction to end, copies the little PASSIVE left, and makes the writer's next
// transaction start the WAL again. Durability is the WAL's and does not depend on checkpoints. Neither mode changes
// the writer's PRAGMA data_version (only commits by other connections do; TRUNCATE would), so the store's index is
// not rebuilt. The writer keeps SQLite's own checkpoint at ~100 MB as the backstop, should this thread fail.
import { Worker } from 'node:worker_threads';

export interface CheckpointerOptions {
    /** How often the worker tries a checkpoint; one with nothing to copy only reads the WAL index. */
    intervalMs?: number;
    /** WAL size past which a tick also restarts the WAL. */
    restartAfterBytes?: number;
    /** Told of each failure of the worker (it goes on trying; the writer's backstop bounds the WAL meanwhile). */
    onError?: (message: string) => void;
}

export const CHECKPOINT_INTERVAL_MS = 100;
export const RESTART_AFTER_BYTES = 32 * 1024 * 1024;

// Plain JavaScript evaluated as the worker (a file would need a loader for TypeScript under Jest and under node).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { statSync } = require('node:fs');
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
// RESTART waits this long for the writer's transaction (a group holds it a few ms); busy: the next tick tries again.
db.exec('PRAGMA busy_timeout = 50');
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
function walBytes() {
    try {
        return statSync(workerData.file + '-wal').size;
    } catch {
        return 0;
    }
}
const timer = setInterval(() => {
    try {
        passive.get();
        if (walBytes() > workerData.restartAfterBytes) {
            restart.get();
        }
    } catch (error) {
        const message = String((error && error.message) || error);
        if (!/busy|locked/i.test(message)) {
            parentPort.postMessage({ error: message });
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
    /** The last error the worker reported. */
    lastError: string | undefined;

    constructor(file: string, options: CheckpointerOptions = {}) {
        this.worker = new Worker(WORKER_SOURCE, {
            eval: true,
            workerData: {
                file,
                intervalMs: options.intervalMs ?? CHECKPOINT_INTERVAL_MS,
                restartAfterBytes: options.restartAfterBytes ?? RESTART_AFTER_BYTES
            }
        });
        this.exited = new Promise((resolve) => this.worker.once('exit', () => resolve()));
        const report = (message: string) => {
            this.lastError = message;
            options.onError?.(message);
        };
        this.worker.on('message', (message: { error: string }) => report(message.error));
        this.worker.on('error', (error: Error) => report(error.message));
        // Never what keeps the process alive.
        this.worker.unref();
    }

    /**
     * Stops the timer and closes the worker's connection (a checkpoint in progress finishes first); until then the
     * worker keeps the process alive, so a caller awaiting this is not cut short by an empty event loop.
     */
    stop(): Promise<void> {
        this.worker.ref();
        this.worker.postMessage('stop');
        return this.exited;
    }
}
