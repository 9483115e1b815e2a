// The reference receiver's database: node:sqlite (SQLite in WAL mode), one transaction per request holding both
// the applied changes and their idempotency keys (wire contract §6 item 4: the key commits with the change, so a
// crash never leaves one without the other).
import { randomUUID } from 'node:crypto';
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
    private readonly findKey: StatementSync;
    private readonly insertKey: StatementSync;
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
            CREATE TABLE IF NOT EXISTS records (
                record_id TEXT PRIMARY KEY,
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
                idempotency_key TEXT PRIMARY KEY,
                record_id TEXT NOT NULL,
                outcome TEXT NOT NULL,
                correlation_id TEXT,
                accepted_at TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE INDEX IF NOT EXISTS idempotency_keys_accepted_at ON idempotency_keys (accepted_at);
        `);
        this.findKey = this.db.prepare('SELECT outcome FROM idempotency_keys WHERE idempotency_key = ?');
        this.insertKey = this.db.prepare(
            `INSERT INTO idempotency_keys (idempotency_key, record_id, outcome, correlation_id, accepted_at)
             VALUES (?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`
        );
        this.findRecord = this.db.prepare(
            `SELECT record_id, source_object, integration, changed_at, changed_sort, deleted, external_id, data,
                    applications, last_key
             FROM records WHERE record_id = ?`
        );
        this.upsertRecord = this.db.prepare(
            `INSERT INTO records (record_id, source_object, integration, changed_at, changed_sort, deleted, data,
                                  external_id, applications, last_key, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
             ON CONFLICT (record_id) DO UPDATE SET source_object = excluded.source_object,
                 integration = excluded.integration, changed_at = excluded.changed_at,
                 changed_sort = excluded.changed_sort, deleted = excluded.deleted, data = excluded.data,
                 applications = records.applications + 1, last_key = excluded.last_key,
                 updated_at = excluded.updated_at`
        );
        this.countKeys = this.db.prepare('SELECT COUNT(*) AS n FROM idempotency_keys');
        this.purgeKeys = this.db.prepare('DELETE FROM idempotency_keys WHERE accepted_at < ?');
    }

    /**
     * Applies the accepted changes of one request in array order, in one transaction with their keys: a known key
     * changes nothing; a change older than the last one applied to its record is skipped (and its key kept, so it
     * stays answered); anything else is applied. Throws (and rolls everything back) when the database fails.
     */
    applyAll(records: readonly RelayRecord[], integration: string, correlationId: string): Applied[] {
        const now = new Date().toISOString();
        this.db.exec('BEGIN IMMEDIATE');
        try {
            const outcomes = records.map((record) => this.applyOne(record, integration, correlationId, now));
            this.db.exec('COMMIT');
            return outcomes;
        } catch (error) {
            this.db.exec('ROLLBACK');
            throw error;
        }
    }

    /** Whether a key was accepted before. Dedupe is on the key alone: attempt and correlation id do not matter. */
    protected isKnown(idempotencyKey: string): boolean {
        return this.findKey.get(idempotencyKey) !== undefined;
    }

    private applyOne(record: RelayRecord, integration: string, correlationId: string, now: string): Applied {
        if (this.isKnown(record.idempotencyKey)) {
            return 'duplicate';
        }
        const current = this.findRecord.get(record.recordId) as (RecordRow & { changed_sort: string }) | undefined;
        const sort = sortableTime(record.changedAt);
        let outcome: Applied = 'applied';
        if (current && sort < current.changed_sort) {
            outcome = 'older';
        } else {
            const isDelete = record.operation === 'delete';
            this.upsertRecord.run(
                record.recordId,
                record.sourceObject,
                integration,
                record.changedAt,
                sort,
                isDelete ? 1 : 0,
                // A delete keeps the record as a tombstone with its changedAt, so an older upsert that arrives
                // later (an admin's replay) is skipped instead of bringing the record back.
                isDelete ? '{}' : JSON.stringify(record.data ?? {}),
                current?.external_id ?? randomUUID(),
                record.idempotencyKey,
                now
            );
        }
        this.insertKey.run(record.idempotencyKey, record.recordId, outcome, correlationId, now);
        return outcome;
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
