// The reference receiver's database: node:sqlite (SQLite in WAL mode), one transaction per request holding both
// the applied changes and their idempotency keys (wire contract §6 item 4: the key commits with the change, so a
// crash never leaves one without the other).
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import type { DataValue, RelayRecord } from './contract.ts';

/** How durable a commit is. FULL: the WAL is synced at every commit (survives power loss). NORMAL: synced at
 * checkpoints only (survives a crash of the process, not of the machine). */
export type Synchronous = 'FULL' | 'NORMAL';

export interface StoreOptions {
    /** File path, or ':memory:' (tests). */
    file: string;
    synchronous?: Synchronous;
}

/** The changes of one request to apply. */
export interface ApplyBatch {
    records: readonly RelayRecord[];
    integration: string;
    correlationId: string;
}

/** What the receiver did with one change it accepted. */
export type Applied = 'applied' | 'duplicate' | 'older';

/** The receiver's current view of one record. */
export interface StoredRecord {
    recordId: string;
    sourceObject: string;
    integration: string;
    changedAt: string;
    deleted: boolean;
    externalId: string;
    data: Record<string, DataValue>;
    /** How many changes were applied to it (tests read it to prove a change was applied once). */
    applications: number;
    lastIdempotencyKey: string;
}

interface RecordRow {
    record_id: string;
    source_object: string;
    integration: string;
    changed_at: string;
    deleted: number;
    external_id: string;
    data: string;
    applications: number;
    last_key: string;
}

/** `changedAt` as a string that sorts in time order whatever its number of fractional digits (0 to 9). */
export function sortableTime(iso: string): string {
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z$/.exec(iso);
    if (!match) {
        throw new Error(`Not a UTC date-time: ${iso}`);
    }
    return `${match[1]}.${(match[2] ?? '').padEnd(9, '0')}Z`;
}

export class ReceiverStore {
    readonly synchronous: Synchronous;
    private readonly db: DatabaseSync;
    private readonly insertKey: StatementSync;
    private readonly markOlder: StatementSync;
    private readonly findRecord: StatementSync;
    private readonly upsertRecord: StatementSync;
    private readonly countKeys: StatementSync;
    private readonly purgeKeys: StatementSync;

    constructor(options: StoreOptions) {
        this.synchronous = options.synchronous ?? 'FULL';
        this.db = new DatabaseSync(options.file);
        this.db.exec(`
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = ${this.synchronous};
            PRAGMA busy_timeout = 5000;
            PRAGMA cache_size = -65536;
            PRAGMA temp_store = MEMORY;
            -- Checkpoint every ~40 MB of WAL instead of ~4 MB: a checkpoint writes each page changed since the last
            -- one once (and syncs the database file), so fewer checkpoints write fewer pages. Durability is the
            -- WAL's, synced at every commit (synchronous=FULL); the limit trims the WAL file after a checkpoint.
            PRAGMA wal_autocheckpoint = 10000;
            PRAGMA journal_size_limit = 67108864;
            -- Rowid tables with a unique index, not WITHOUT ROWID tables keyed by the random ids: a new row is
            -- appended to the table's last page and only its small index entry lands on a random page. Keyed by
            -- the random record id and key themselves, every change split or rewrote a random page of wide rows,
            -- and each commit wrote roughly a page per change to the WAL (measured 2-3x slower; docs/receiver.md).
            -- A database file created with the old layout keeps it and still works: the statements below name
            -- only columns and conflict targets both layouts have.
            CREATE TABLE IF NOT EXISTS records (
                id INTEGER PRIMARY KEY,
                record_id TEXT NOT NULL UNIQUE,
                source_object TEXT NOT NULL,
                integration TEXT NOT NULL,
                changed_at TEXT NOT NULL,
                changed_sort TEXT NOT NULL,
                deleted INTEGER NOT NULL,
                data TEXT NOT NULL,
                external_id TEXT NOT NULL,
                applications INTEGER NOT NULL,
                last_key TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE TABLE IF NOT EXISTS idempotency_keys (
                id INTEGER PRIMARY KEY,
                idempotency_key TEXT NOT NULL UNIQUE,
                record_id TEXT NOT NULL,
                outcome TEXT NOT NULL,
                correlation_id TEXT,
                accepted_at TEXT NOT NULL
            );
            -- No index on accepted_at: keys are appended in acceptance order, so the rowid order is the time order and
            -- the purge walks the table from its start (purgeKeysBefore). The index cost a third b-tree write per
            -- change on the hot path; a file that still has it drops it here.
            DROP INDEX IF EXISTS idempotency_keys_accepted_at;
        `);
        this.insertKey = this.db.prepare(
            `INSERT INTO idempotency_keys (idempotency_key, record_id, outcome, correlation_id, accepted_at)
             VALUES (?, ?, 'applied', ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`
        );
        this.markOlder = this.db.prepare("UPDATE idempotency_keys SET outcome = 'older' WHERE idempotency_key = ?");
        this.findRecord = this.db.prepare(
            `SELECT record_id, source_object, integration, changed_at, changed_sort, deleted, external_id, data,
                    applications, last_key
             FROM records WHERE record_id = ?`
        );
        this.upsertRecord = this.db.prepare(
            `INSERT INTO records (record_id, source_object, integration, changed_at, changed_sort, deleted, data,
                                  external_id, applications, last_key, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, lower(hex(randomblob(16))), 1, ?, ?)
             ON CONFLICT (record_id) DO UPDATE SET source_object = excluded.source_object,
                 integration = excluded.integration, changed_at = excluded.changed_at,
                 changed_sort = excluded.changed_sort, deleted = excluded.deleted, data = excluded.data,
                 applications = records.applications + 1, last_key = excluded.last_key,
                 updated_at = excluded.updated_at
             WHERE excluded.changed_sort >= records.changed_sort`
        );
        this.countKeys = this.db.prepare('SELECT COUNT(*) AS n FROM idempotency_keys');
        // The first key accepted at or after the cutoff, found in rowid order (a scan of just the rows to purge); every
        // key before it is older. A clock set back between two runs can only keep a few keys a little longer.
        this.purgeKeys = this.db.prepare(
            `DELETE FROM idempotency_keys WHERE id < coalesce(
                 (SELECT id FROM idempotency_keys WHERE accepted_at >= ? ORDER BY id LIMIT 1),
                 (SELECT max(id) + 1 FROM idempotency_keys))`
        );
    }

    /**
     * Applies the accepted changes of one request in array order, in one transaction with their keys: a known key
     * changes nothing; a change older than the last one applied to its record is skipped (and its key kept, so it
     * stays answered); anything else is applied. Throws (and rolls everything back) when the database fails.
     */
    applyAll(records: readonly RelayRecord[], integration: string, correlationId: string): Applied[] {
        return this.applyBatches([{ records, integration, correlationId }])[0];
    }

    /**
     * Group commit: the batches of several requests (in arrival order) in one transaction, so one WAL sync covers
     * them all. Each batch sees the changes of the batches before it, exactly as if they had committed one by one;
     * if the transaction fails, none of them is stored (each of their requests is answered 500).
     */
    applyBatches(batches: readonly ApplyBatch[]): Applied[][] {
        const now = new Date().toISOString();
        this.db.exec('BEGIN IMMEDIATE');
        try {
            const outcomes = batches.map((batch) =>
                batch.records.map((record) => this.applyOne(record, batch.integration, batch.correlationId, now))
            );
            this.db.exec('COMMIT');
            return outcomes;
        } catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
        }
    }

    /**
     * Stores the key unless it is known; true when it was new. Dedupe is on the key alone: attempt and correlation
     * id do not matter. One statement, no read first: the unique key decides (the hot path is two statements per
     * change: this one and the conditional upsert).
     */
    protected claimKey(idempotencyKey: string, recordId: string, correlationId: string, now: string): boolean {
        return Number(this.insertKey.run(idempotencyKey, recordId, correlationId, now).changes) === 1;
    }

    private applyOne(record: RelayRecord, integration: string, correlationId: string, now: string): Applied {
        if (!this.claimKey(record.idempotencyKey, record.recordId, correlationId, now)) {
            return 'duplicate';
        }
        const isDelete = record.operation === 'delete';
        // The upsert's WHERE skips a change older than the one applied (its changedAt sorts lower): nothing changes.
        const changed = this.upsertRecord.run(
            record.recordId,
            record.sourceObject,
            integration,
            record.changedAt,
            sortableTime(record.changedAt),
            isDelete ? 1 : 0,
            // A delete keeps the record as a tombstone with its changedAt, so an older upsert that arrives later
            // (an admin's replay) is skipped instead of bringing the record back.
            isDelete ? '{}' : JSON.stringify(record.data ?? {}),
            record.idempotencyKey,
            now
        ).changes;
        if (Number(changed) === 0) {
            this.markOlder.run(record.idempotencyKey);
            return 'older';
        }
        return 'applied';
    }

    /** The receiver's view of a record, deleted ones included; undefined when it never had it. */
    record(recordId: string): StoredRecord | undefined {
        const row = this.findRecord.get(recordId) as RecordRow | undefined;
        if (!row) {
            return undefined;
        }
        return {
            recordId: row.record_id,
            sourceObject: row.source_object,
            integration: row.integration,
            changedAt: row.changed_at,
            deleted: row.deleted === 1,
            externalId: row.external_id,
            data: JSON.parse(row.data) as Record<string, DataValue>,
            applications: row.applications,
            lastIdempotencyKey: row.last_key
        };
    }

    /** How many idempotency keys are stored. */
    keyCount(): number {
        return Number((this.countKeys.get() as { n: number }).n);
    }

    /** Forgets keys accepted before the cutoff (keep them as long as admins may replay dead letters: §6 item 4). */
    purgeKeysBefore(cutoff: Date): number {
        return Number(this.purgeKeys.run(cutoff.toISOString()).changes);
    }

    close(): void {
        if (this.db.isOpen) {
            this.db.close();
        }
    }
}
