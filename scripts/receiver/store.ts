// The reference receiver's database: node:sqlite (SQLite in WAL mode). The accepted changes of each request are one
// row appended to `change_batches`, in one transaction per group of requests, committed before any of them is
// answered (wire contract §6 item 4: the key commits with the change, so a crash never leaves one without the other).
//
// Why a log and not a table per concept with unique indexes: a unique index on a random id (the idempotency key, the
// record id) puts every change on a random b-tree page, so a commit of 400 fresh changes rewrote most leaf pages of two
// indexes (~1.4 MB of WAL, synced) and the receiver spent half its time committing; one row per change still cost
// more in binding its columns than everything else the receiver does per change (docs/receiver.md, Benchmark).
// Appended rows fill the table's last pages only. The questions the indexes answered — is this key known, what is
// this record's current version — are answered by an index in memory, built from the table when the store opens and
// rebuilt whenever another connection has written to the file (PRAGMA data_version), so the table stays the one truth.
// Views (`changes`, `records`, `idempotency_keys`) show the rows one change or one record at a time.
import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import { DatabaseSync } from 'node:sqlite';
import type { StatementSync } from 'node:sqlite';
import { BackgroundCheckpointer } from './checkpointer.ts';
import type { DataValue, RelayRecord } from './contract.ts';

/** How durable a commit is. FULL: the WAL is synced at every commit (survives power loss). NORMAL: synced at
 * checkpoints only (survives a crash of the process, not of the machine). */
export type Synchronous = 'FULL' | 'NORMAL';

export interface StoreOptions {
    /** File path, or ':memory:' (tests). */
    file: string;
    synchronous?: Synchronous;
    /** Told when the checkpoint thread fails (the WAL is then checkpointed inside commits, at ~100 MB). */
    onCheckpointError?: (message: string) => void;
}

/** V8's Set and Map stop at 2^24 (16,777,216) entries; a RangeError there would fail every request. */
const MAX_COLLECTION_ENTRIES = 16_000_000;
/** Heap per index entry, measured: 285-290 bytes per change of a new record, which is one key and one record. */
const HEAP_BYTES_PER_ENTRY = 150;

/**
 * How many keys and records (together) the index may hold: half the heap this process may grow to, and never more
 * than a Set or Map takes. With Node's default heap of about 4 GB that is about 14 million.
 */
export function indexCapacity(heapLimitBytes = getHeapStatistics().heap_size_limit): number {
    return Math.min(2 * MAX_COLLECTION_ENTRIES, Math.floor(heapLimitBytes / 2 / HEAP_BYTES_PER_ENTRY));
}

/** What a purge did: keys forgotten, current versions moved into compacted batches, and how long it took. */
export interface PurgeResult {
    forgotten: number;
    moved: number;
    ms: number;
}

/** The in-memory index is full: nothing of the change was stored (the server answers 503 with Retry-After). */
export class IndexFullError extends Error {}

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

/**
 * One accepted change as stored: an array (positions below), so a request's changes are one JSON text. 'applied'
 * entries carry the record as the change left it (a delete is a tombstone with its changedAt, so an older upsert
 * replayed later is skipped); 'older' entries only keep the key (the change was older than the record and changed
 * nothing); 'migrated' entries are keys moved from a file written before this layout, whose changes were not kept.
 */
type StoredChange =
    | [
          idempotencyKey: string,
          recordId: string,
          outcome: 'applied',
          sourceObject: string,
          changedAt: string,
          deleted: 0 | 1,
          data: Record<string, DataValue>,
          externalId: string,
          applications: number
      ]
    | [idempotencyKey: string, recordId: string, outcome: 'older' | 'migrated'];

/** What the index keeps of a record's current version (its data stays in the table). */
interface CurrentVersion {
    batchId: number;
    position: number;
    /** As received: compared through sortableTime only when a later change of the record arrives. */
    changedAt: string;
    externalId: string;
    applications: number;
}

/** What a transaction changed in the index, undone if it rolls back. */
export interface IndexChanges {
    addedKeys: string[];
    /** Each record whose version changed (in order), and its version before (undefined: the record was new). */
    replacedIds: string[];
    replacedVersions: (CurrentVersion | undefined)[];
}

const UTC_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;

/** `changedAt` as a string that sorts in time order whatever its number of fractional digits (0 to 9). */
export function sortableTime(iso: string): string {
    if (!UTC_DATE_TIME.test(iso)) {
        throw new Error(`Not a UTC date-time: ${iso}`);
    }
    // 'YYYY-MM-DDTHH:MM:SS' then the fraction padded to nine digits.
    return iso.length === 20 ? `${iso.slice(0, 19)}.000000000Z` : `${iso.slice(0, -1).padEnd(29, '0')}Z`;
}

const SCHEMA = `
    -- One row per request: the changes it brought that were new (known keys are not stored again), in request order.
    -- compacted = 1: a batch the purge wrote with records' current versions moved out of older batches.
    CREATE TABLE IF NOT EXISTS change_batches (
        id INTEGER PRIMARY KEY,
        correlation_id TEXT,
        integration TEXT NOT NULL,
        accepted_at TEXT NOT NULL,
        changes TEXT NOT NULL,
        compacted INTEGER NOT NULL DEFAULT 0
    );
    CREATE VIEW IF NOT EXISTS changes AS
        SELECT b.id AS batch_id, c.key AS position, b.correlation_id, b.integration, b.accepted_at,
               c.value ->> 0 AS idempotency_key, c.value ->> 1 AS record_id, c.value ->> 2 AS outcome,
               c.value ->> 3 AS source_object, c.value ->> 4 AS changed_at, c.value ->> 5 AS deleted,
               c.value -> 6 AS data, c.value ->> 7 AS external_id, c.value ->> 8 AS applications
        FROM change_batches b, json_each(b.changes) c;
    -- A record is its latest applied change.
    CREATE VIEW IF NOT EXISTS records AS
        SELECT record_id, source_object, integration, changed_at, deleted, data, external_id, applications,
               idempotency_key AS last_key, accepted_at AS updated_at
        FROM (SELECT *, row_number() OVER (PARTITION BY record_id ORDER BY batch_id DESC, position DESC) AS latest
              FROM changes WHERE outcome = 'applied')
        WHERE latest = 1;
    CREATE VIEW IF NOT EXISTS idempotency_keys AS
        SELECT idempotency_key, record_id, outcome, correlation_id, accepted_at FROM changes;
`;

/**
 * A file written by the receiver before the log layout had a `records` table and an `idempotency_keys` table (rowid
 * tables with unique indexes, or earlier WITHOUT ROWID tables keyed by the ids). Their rows move into batches in one
 * transaction: the keys in acceptance order, then each record's current version (which keeps its last key).
 */
const MIGRATE_TABLES = `
    INSERT INTO change_batches (correlation_id, integration, accepted_at, changes)
        SELECT correlation_id, '', accepted_at,
               json_array(json_array(idempotency_key, record_id, iif(outcome = 'older', 'older', 'migrated')))
        FROM old_keys
        WHERE idempotency_key NOT IN (SELECT last_key FROM old_records)
        ORDER BY accepted_at;
    INSERT INTO change_batches (correlation_id, integration, accepted_at, changes)
        SELECT k.correlation_id, r.integration, coalesce(k.accepted_at, r.updated_at),
               json_array(json_array(r.last_key, r.record_id, 'applied', r.source_object, r.changed_at, r.deleted,
                                     json(r.data), r.external_id, r.applications))
        FROM old_records r LEFT JOIN old_keys k ON k.idempotency_key = r.last_key
        ORDER BY r.updated_at;
    DROP TABLE old_keys;
    DROP TABLE old_records;
`;

export class ReceiverStore {
    readonly synchronous: Synchronous;
    private readonly db: DatabaseSync;
    private readonly checkpointer?: BackgroundCheckpointer;
    private readonly insertBatch: StatementSync;
    private readonly readChange: StatementSync;
    private readonly readBatches: StatementSync;
    private readonly readDataVersion: StatementSync;
    private readonly countKeys: StatementSync;
    private readonly findFirstBatchAfter: StatementSync;
    private readonly readOldBatches: StatementSync;
    private readonly deleteBatch: StatementSync;
    private readonly insertCompacted: StatementSync;
    /** Every key in the table. */
    private keys = new Set<string>();
    /** Each record's latest applied change. */
    private versions = new Map<string, CurrentVersion>();
    /** PRAGMA data_version when the index was built: it changes when another connection commits to the file. */
    private indexedVersion = -1;
    /** The open transaction's changes to the index (undone on rollback); undefined when none is open. */
    private open: IndexChanges | undefined;
    /** Set when a ROLLBACK failed: the connection's state is unknown, so nothing more is written until a restart. */
    private failure: Error | undefined;
    /** At most this many keys and records together in the index (a subclass in tests lowers it). */
    protected readonly maxIndexEntries: number = indexCapacity();
    /** External ids are this store's random prefix and a counter: unique across restarts, and cheap to make. */
    private readonly externalIdPrefix = randomUUID().slice(0, 8);
    private externalIds = 0;

    constructor(options: StoreOptions) {
        this.synchronous = options.synchronous ?? 'FULL';
        this.db = new DatabaseSync(options.file);
        try {
            this.db.exec(`
                PRAGMA journal_mode = WAL;
                PRAGMA synchronous = ${this.synchronous};
                PRAGMA busy_timeout = 5000;
                PRAGMA cache_size = -65536;
                PRAGMA temp_store = MEMORY;
                -- Checkpoints run on a worker thread (checkpointer.ts); this is the backstop should it fall behind (~100 MB).
                -- The limit trims the WAL file after a checkpoint.
                PRAGMA wal_autocheckpoint = 25000;
                PRAGMA journal_size_limit = 67108864;
            `);
            this.openLayout();
            this.insertBatch = this.db.prepare(
                'INSERT INTO change_batches (correlation_id, integration, accepted_at, changes) VALUES (?, ?, ?, ?)'
            );
            this.readChange = this.db.prepare(
                'SELECT integration, changes -> ? AS change FROM change_batches WHERE id = ?'
            );
            // (The path is text: node:sqlite binds a JS number as a REAL, which `->` does not take as an array index.)
            this.readBatches = this.db.prepare('SELECT id, changes FROM change_batches ORDER BY id');
            this.readDataVersion = this.db.prepare('PRAGMA data_version');
            this.countKeys = this.db.prepare(
                'SELECT coalesce(sum(json_array_length(changes)), 0) AS n FROM change_batches'
            );
            // Batches are appended in acceptance order: the ones to forget are before the first accepted at or after
            // the cutoff (a scan of just those rows).
            this.findFirstBatchAfter = this.db.prepare(
                `SELECT coalesce((SELECT id FROM change_batches WHERE accepted_at >= ? ORDER BY id LIMIT 1),
                                 (SELECT max(id) + 1 FROM change_batches), 0) AS id`
            );
            this.readOldBatches = this.db.prepare(
                'SELECT id, integration, changes, compacted FROM change_batches WHERE id < ? ORDER BY id'
            );
            this.deleteBatch = this.db.prepare('DELETE FROM change_batches WHERE id = ?');
            this.insertCompacted = this.db.prepare(
                `INSERT INTO change_batches (correlation_id, integration, accepted_at, changes, compacted)
                 VALUES (NULL, ?, ?, ?, 1)`
            );
            this.refreshIndex();
        } catch (error) {
            this.db.close();
            throw error;
        }
        if (options.file !== ':memory:' && options.file !== '') {
            this.checkpointer = new BackgroundCheckpointer(options.file, { onError: options.onCheckpointError });
        }
    }

    /** Creates the log (and its views), moving the rows of a file written with the earlier tables into it. */
    private openLayout(): void {
        const tables = this.db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('records', 'idempotency_keys')")
            .all() as { name: string }[];
        if (tables.length === 0) {
            this.db.exec(SCHEMA);
            return;
        }
        if (tables.length !== 2) {
            throw new Error(
                `The receiver database has a table ${tables[0].name} but not its companion; it was not written by this receiver.`
            );
        }
        this.db.exec('BEGIN IMMEDIATE');
        try {
            this.db.exec(`
                ALTER TABLE records RENAME TO old_records;
                ALTER TABLE idempotency_keys RENAME TO old_keys;
                ${SCHEMA}
                ${MIGRATE_TABLES}
            `);
            this.db.exec('COMMIT');
        } catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
        }
    }

    /** Rebuilds the index from the table when the file changed under it (or was never read). */
    private refreshIndex(force = false): void {
        const version = Number((this.readDataVersion.get() as { data_version: number }).data_version);
        if (version === this.indexedVersion && !force) {
            return;
        }
        // The old index is dropped first (a second one beside it would double the memory) and the index counts as
        // not built until the last row is read, so a failure half-way makes the next read or transaction start again.
        this.indexedVersion = -1;
        this.keys = new Set<string>();
        this.versions = new Map<string, CurrentVersion>();
        const { keys, versions } = this;
        for (const row of this.readBatches.iterate() as Iterable<{ id: number; changes: string }>) {
            (JSON.parse(row.changes) as StoredChange[]).forEach((change, position) => {
                keys.add(change[0]);
                if (keys.size + versions.size > this.maxIndexEntries) {
                    throw new IndexFullError(
                        `The database holds more keys and records than the receiver's index can (${this.maxIndexEntries} with this heap): start it with more heap (NODE_OPTIONS=--max-old-space-size=<MB>).`
                    );
                }
                if (change[2] === 'applied') {
                    versions.set(change[1], {
                        batchId: row.id,
                        position,
                        changedAt: change[4],
                        externalId: change[7],
                        applications: change[8]
                    });
                }
            });
        }
        this.indexedVersion = version;
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
     * if the transaction fails, none of them is stored (each of their requests is answered 500) and the index is
     * put back as it was.
     */
    applyBatches(batches: readonly ApplyBatch[]): Applied[][] {
        this.begin();
        const outcomes = batches.map((batch) => this.apply(batch));
        this.commit();
        return outcomes;
    }

    private refuseIfFailed(): void {
        if (this.failure) {
            throw new Error(
                `The database connection failed (${this.failure.message}); restart the receiver, it recovers from the file.`
            );
        }
    }

    /** Whether a transaction is open (batches applied, not yet committed). */
    get inTransaction(): boolean {
        return this.open !== undefined;
    }

    /**
     * Opens the transaction later batches join, so each request's changes are applied as it arrives and the commit
     * is all that is left when the group is complete. BEGIN IMMEDIATE takes the write lock until commit or rollback.
     */
    begin(): void {
        this.refuseIfFailed();
        if (this.open) {
            throw new Error('A transaction is already open.');
        }
        this.db.exec('BEGIN IMMEDIATE');
        this.open = { addedKeys: [], replacedIds: [], replacedVersions: [] };
        try {
            // Under the write lock: no other connection can commit until this transaction ends.
            this.refreshIndex();
        } catch (error) {
            this.rollback();
            throw error;
        }
    }

    /** Applies one request's changes in the open transaction; when that fails, the whole transaction is rolled back. */
    apply(batch: ApplyBatch): Applied[] {
        if (!this.open) {
            throw new Error('No transaction is open.');
        }
        try {
            return this.applyBatch(batch, new Date().toISOString(), this.open);
        } catch (error) {
            this.rollback();
            throw error;
        }
    }

    /**
     * Commits the open transaction (with synchronous=FULL, once the WAL is synced). A COMMIT that fails may still have
     * left its frames in the WAL (a failed sync), to be recovered at the next start: the store rolls back what it can
     * and then refuses to read or write until a restart rebuilds it from the file.
     */
    commit(): void {
        if (!this.open) {
            throw new Error('No transaction is open.');
        }
        try {
            this.db.exec('COMMIT');
        } catch (error) {
            this.rollback();
            this.fail(error);
            throw error;
        }
        this.open = undefined;
    }

    /** Set when the connection can no longer be trusted; the receiver's /health reports it. */
    get failed(): Error | undefined {
        return this.failure;
    }

    private fail(error: unknown): void {
        this.failure ??= error instanceof Error ? error : new Error(String(error));
        this.indexedVersion = -1;
        if (this.db.isOpen) {
            // Reads through a connection left inside a failed transaction would see what was never committed.
            this.db.close();
        }
    }

    /**
     * Rolls the open transaction back and puts the index back as it was before it. A ROLLBACK that fails leaves the
     * connection in a state nobody knows: the store then refuses to write until a restart rebuilds it from the file.
     */
    rollback(): void {
        const changes = this.open;
        this.open = undefined;
        if (changes) {
            for (const key of changes.addedKeys) {
                this.keys.delete(key);
            }
            for (let i = changes.replacedIds.length - 1; i >= 0; i--) {
                const before = changes.replacedVersions[i];
                if (before) {
                    this.versions.set(changes.replacedIds[i], before);
                } else {
                    this.versions.delete(changes.replacedIds[i]);
                }
            }
        }
        try {
            if (this.db.isOpen && this.db.isTransaction) {
                this.db.exec('ROLLBACK');
            }
        } catch (error) {
            this.fail(error);
        }
    }

    private applyBatch(batch: ApplyBatch, now: string, changes: IndexChanges): Applied[] {
        const stored: StoredChange[] = [];
        const newVersions: CurrentVersion[] = [];
        const outcomes = batch.records.map((record): Applied => {
            if (!this.claimKey(record.idempotencyKey, changes)) {
                return 'duplicate';
            }
            const changedSort = sortableTime(record.changedAt);
            const current = this.versions.get(record.recordId);
            if (current && changedSort < sortableTime(current.changedAt)) {
                stored.push([record.idempotencyKey, record.recordId, 'older']);
                return 'older';
            }
            if (!current && this.indexIsFull(this.versions)) {
                throw this.indexFull('records');
            }
            const isDelete = record.operation === 'delete';
            const version: CurrentVersion = {
                batchId: 0,
                position: stored.length,
                changedAt: record.changedAt,
                externalId: current?.externalId ?? this.newExternalId(),
                applications: (current?.applications ?? 0) + 1
            };
            stored.push([
                record.idempotencyKey,
                record.recordId,
                'applied',
                record.sourceObject,
                record.changedAt,
                isDelete ? 1 : 0,
                isDelete ? {} : (record.data ?? {}),
                version.externalId,
                version.applications
            ]);
            changes.replacedIds.push(record.recordId);
            changes.replacedVersions.push(current);
            this.versions.set(record.recordId, version);
            newVersions.push(version);
            return 'applied';
        });
        if (stored.length > 0) {
            const { lastInsertRowid } = this.insertBatch.run(
                batch.correlationId,
                batch.integration,
                now,
                JSON.stringify(stored)
            );
            for (const version of newVersions) {
                version.batchId = Number(lastInsertRowid);
            }
        }
        return outcomes;
    }

    /**
     * Takes the key unless it is known (stored, or taken earlier in the same transaction); true when it was new.
     * Dedupe is on the key alone: attempt and correlation id do not matter.
     */
    protected claimKey(idempotencyKey: string, changes: IndexChanges): boolean {
        const known = this.keys.size;
        if (this.indexIsFull(this.keys) && !this.keys.has(idempotencyKey)) {
            throw this.indexFull('keys');
        }
        this.keys.add(idempotencyKey);
        if (this.keys.size === known) {
            return false;
        }
        changes.addedKeys.push(idempotencyKey);
        return true;
    }

    private indexIsFull(collection: Set<string> | Map<string, CurrentVersion>): boolean {
        return this.keys.size + this.versions.size >= this.maxIndexEntries || collection.size >= MAX_COLLECTION_ENTRIES;
    }

    private indexFull(what: 'keys' | 'records'): IndexFullError {
        return new IndexFullError(
            what === 'keys'
                ? `The receiver's index is full (${this.keys.size} keys, ${this.versions.size} records): restart it with a shorter --key-retention-days or more heap (NODE_OPTIONS=--max-old-space-size=<MB>).`
                : `The receiver's index is full (${this.versions.size} records, each kept with its key): restart it with more heap (NODE_OPTIONS=--max-old-space-size=<MB>) or on a new --database.`
        );
    }

    /** A new record's id in the receiver's system (what Relay stores as the external id): prefix-counter. */
    private newExternalId(): string {
        return `${this.externalIdPrefix}-${(++this.externalIds).toString(16).padStart(8, '0')}`;
    }

    /** The external id the receiver gave a record; undefined when it never had it. */
    externalIdOf(recordId: string): string | undefined {
        this.refuseIfFailed();
        this.refreshIndex();
        return this.versions.get(recordId)?.externalId;
    }

    /**
     * The receiver's view of a record, deleted ones included; undefined when it never had it. Called while a
     * transaction is open it sees that transaction's changes (the server reads only between groups).
     */
    record(recordId: string): StoredRecord | undefined {
        this.refuseIfFailed();
        this.refreshIndex();
        const current = this.versions.get(recordId);
        const row =
            current &&
            (this.readChange.get(`$[${current.position}]`, current.batchId) as
                { integration: string; change: string } | undefined);
        if (!row) {
            return undefined;
        }
        const [lastIdempotencyKey, , , sourceObject, changedAt, deleted, data, externalId, applications] = JSON.parse(
            row.change
        ) as Extract<StoredChange, { length: 9 }>;
        return {
            recordId,
            sourceObject,
            integration: row.integration,
            changedAt,
            deleted: deleted === 1,
            externalId,
            data,
            applications,
            lastIdempotencyKey
        };
    }

    /** How many idempotency keys are stored (a scan of the table; inside an open transaction, its keys included). */
    keyCount(): number {
        return Number((this.countKeys.get() as { n: number }).n);
    }

    /**
     * Forgets keys accepted before the cutoff (keep them as long as admins may replay dead letters: §6 item 4), in one
     * transaction. Each batch accepted before it is deleted, and its changes that are still a record's current version
     * move, with their keys, into new compacted batches (up to 200 changes each): they are the records, and a key
     * still dedupes a late replay of that very change. A compacted batch is left alone while at least half of its
     * changes are still current, so a purge does not rewrite the same unchanged records every retention period.
     */
    purgeKeysBefore(cutoff: Date): PurgeResult {
        const started = performance.now();
        this.begin();
        const changes = this.open as IndexChanges;
        const result: PurgeResult = { forgotten: 0, moved: 0, ms: 0 };
        try {
            const before = Number((this.findFirstBatchAfter.get(cutoff.toISOString()) as { id: number }).id);
            const now = new Date().toISOString();
            const moving = new Map<string, StoredChange[]>();
            const flush = (integration: string, all: boolean) => {
                const kept = moving.get(integration) ?? [];
                while (kept.length >= 200 || (all && kept.length > 0)) {
                    this.insertCompacted.run(integration, now, JSON.stringify(kept.splice(0, 200)));
                }
            };
            for (const row of this.readOldBatches.iterate(before) as Iterable<{
                id: number;
                integration: string;
                changes: string;
                compacted: number;
            }>) {
                const entries = JSON.parse(row.changes) as StoredChange[];
                const current = entries.filter((change, position) => {
                    const version = this.versions.get(change[1]);
                    return change[2] === 'applied' && version?.batchId === row.id && version.position === position;
                });
                if (row.compacted === 1 && current.length * 2 >= entries.length) {
                    continue;
                }
                this.deleteBatch.run(row.id);
                result.forgotten += entries.length - current.length;
                result.moved += current.length;
                const kept = moving.get(row.integration) ?? [];
                kept.push(...current);
                moving.set(row.integration, kept);
                flush(row.integration, false);
            }
            for (const integration of moving.keys()) {
                flush(integration, true);
            }
            this.commit();
        } catch (error) {
            if (this.open === changes) {
                this.rollback();
            }
            throw error;
        }
        if (result.forgotten + result.moved > 0) {
            // The kept versions moved to new batches.
            this.refreshIndex(true);
        }
        result.ms = Math.round(performance.now() - started);
        return result;
    }

    /**
     * Closes the database (an open transaction is rolled back), then waits for the checkpoint thread to close its
     * connection (the last connection to close checkpoints the WAL and removes it).
     */
    async close(): Promise<void> {
        this.rollback();
        if (this.db.isOpen) {
            this.db.close();
        }
        await this.checkpointer?.stop();
    }
}
