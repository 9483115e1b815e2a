// Checkpoints of the receiver's WAL on a worker thread of their own, so the HTTP thread never copies the WAL into the
// database file. SQLite runs a checkpoint inside the COMMIT that crosses `wal_autocheckpoint`: with 40 MB of WAL
// that one commit took 240-660 ms in the benchmark, every sender waiting on it (docs/receiver.md, Benchmark).
//
// Every tick, a PASSIVE checkpoint from this second connection copies the frames committed so far without waiting
// for, or blocking, the writer. Under sustained load the writer starts the WAL again from its beginning only if it
// finds everything copied when it begins a transaction, which rarely happens, so when the WAL holds more than
// RESTART_AFTER_BYTES and the PASSIVE just copied all of it, the tick asks for a RESTART checkpoint, without waiting
// (busy_timeout 0: when the writer's group or a reader holds the WAL it gives up and a later tick tries again); while
// it runs (copying the few frames committed since and syncing) the writer's next BEGIN waits for it.
// Durability is the WAL's and does not depend on checkpoints. Neither mode changes
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
const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(workerData.file);
// Never wait for the writer or a reader: a busy RESTART is tried again at a later tick.
db.exec('PRAGMA busy_timeout = 0');
const pageSize = db.prepare('PRAGMA page_size').get().page_size;
const passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');
const restart = db.prepare('PRAGMA wal_checkpoint(RESTART)');
let lastReport = '';
let lastReportAt = 0;
function report(message) {
    // The same failure at most once a minute.
    if (message !== lastReport || Date.now() - lastReportAt > 60000) {
        lastReport = message;
        lastReportAt = Date.now();
        parentPort.postMessage({ error: message });
    }
}
const timer = setInterval(() => {
    try {
        // log: frames in the WAL now (its live size, whatever the file's); checkpointed: how many are copied.
        const copied = passive.get();
        if (copied.log * pageSize > workerData.restartAfterBytes && copied.checkpointed === copied.log) {
            restart.get();
        }
    } catch (error) {
        const message = String((error && error.message) || error);
        if (!/busy|locked/i.test(message)) {
            report(message);
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
     * worker keeps the process alive, so a caller awaiting this is not cut short by an empty event loop. A worker
     * still busy after `graceMs` is terminated (the WAL it leaves is recovered at the next open).
     */
    async stop(graceMs = 10_000): Promise<void> {
        this.worker.ref();
        this.worker.postMessage('stop');
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), graceMs)));
        if ((await Promise.race([this.exited, late])) === 'late') {
            await this.worker.terminate();
        }
        clearTimeout(timer);
    }
}
