import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BackgroundCheckpointer } from './checkpointer.ts';
import { IndexFullError, ReceiverStore, indexCapacity, sortableTime } from './store.ts';
import { failStatement, upsert } from './test-requests.ts';

const RECORD_ID = '001Hs00001AbCdEIAZ';
const open: ReceiverStore[] = [];
let directory: string;

function storeAt(file: string): ReceiverStore {
    const store = new ReceiverStore({ file });
    open.push(store);
    return store;
}

beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'relay-store-'));
});

afterEach(async () => {
    await Promise.all(open.splice(0).map((store) => store.close()));
    rmSync(directory, { recursive: true, force: true });
});

function pause(ms: number): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('receiver store: the change log and its index', () => {
    it('applies a change once, skips an older one and keeps the newest version of a record', () => {
        const store = storeAt(':memory:');
        const first = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:00:00.000Z' });
        const newer = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T11:00:00.000Z', data: { name: 'B' } });
        const older = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:30:00Z', data: { name: 'old' } });

        expect(store.applyAll([first, newer, older, first], 'ERP_Customer', 'c1')).toEqual([
            'applied',
            'applied',
            'older',
            'duplicate'
        ]);
        expect(store.applyAll([newer, older], 'ERP_Customer', 'c2')).toEqual(['duplicate', 'duplicate']);
        expect(store.record(RECORD_ID)).toMatchObject({
            data: { name: 'B' },
            applications: 2,
            lastIdempotencyKey: newer.idempotencyKey,
            changedAt: '2026-11-20T11:00:00.000Z'
        });
        expect(store.keyCount()).toBe(3);
    });

    it('keeps the external id of a record across its versions, a delete included', () => {
        const store = storeAt(':memory:');
        store.applyAll([upsert({ recordId: RECORD_ID })], 'ERP_Customer', 'c');
        const externalId = store.record(RECORD_ID)?.externalId;
        store.applyAll([upsert({ recordId: RECORD_ID, operation: 'delete', data: undefined })], 'ERP_Customer', 'c');

        expect(externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{8}$/);
        expect(store.record(RECORD_ID)).toMatchObject({ externalId, deleted: true, data: {}, applications: 2 });
    });

    it('puts back the versions a failed transaction changed (a reused batch id never shows another record)', () => {
        const store = storeAt(':memory:');
        const other = '001Hs00001OtHeRIAZ';
        store.applyAll(
            [upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:00:00Z', data: { who: 'R' } })],
            'I',
            'c'
        );

        expect(() =>
            store.applyBatches([
                {
                    records: [upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T12:00:00Z', data: { who: 'R2' } })],
                    integration: 'I',
                    correlationId: 'c'
                },
                { records: [upsert({ changedAt: 'noon' })], integration: 'I', correlationId: 'c' }
            ])
        ).toThrow(/Not a UTC date-time/);
        // The rolled-back batch's id is taken by the next batch, a change of another record.
        store.applyAll([upsert({ recordId: other, data: { who: 'S' } })], 'I', 'c');

        expect(store.record(RECORD_ID)).toMatchObject({ data: { who: 'R' }, applications: 1 });
        expect(store.applyAll([upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T11:00:00Z' })], 'I', 'c')).toEqual([
            'applied'
        ]);
    });

    it('refuses to write after a ROLLBACK failed, and recovers from the file when reopened', async () => {
        const file = path.join(directory, 'receiver.db');
        const store = storeAt(file);
        const change = upsert();
        failStatement(store, 'ROLLBACK');

        expect(() =>
            store.applyBatches([
                { records: [change], integration: 'I', correlationId: 'c' },
                { records: [upsert({ changedAt: 'noon' })], integration: 'I', correlationId: 'c' }
            ])
        ).toThrow(/Not a UTC date-time/);
        expect(() => store.applyAll([change], 'I', 'c')).toThrow(/connection failed \(disk I\/O error\); restart/);
        await store.close();

        expect(storeAt(file).applyAll([change], 'I', 'c')).toEqual(['applied']);
    });

    it('refuses to read or write after a COMMIT failed (its frames may still be recovered)', () => {
        const store = storeAt(':memory:');
        failStatement(store, 'COMMIT');
        const change = upsert();

        expect(() => store.applyAll([change], 'I', 'c')).toThrow(/disk I\/O error/);
        expect(store.failed?.message).toBe('disk I/O error');
        expect(() => store.record(change.recordId)).toThrow(/connection failed \(disk I\/O error\); restart/);
        expect(() => store.applyAll([change], 'I', 'c')).toThrow(/connection failed/);
    });

    it('refuses new keys and records past the size of its index, with what to do', () => {
        class SmallIndex extends ReceiverStore {
            protected override readonly maxIndexEntries = 4;
        }
        const store = new SmallIndex({ file: ':memory:' });
        open.push(store);
        const [first, second] = [upsert(), upsert()];
        store.applyAll([first, second], 'I', 'c');

        expect(() => store.applyAll([upsert()], 'I', 'c')).toThrow(IndexFullError);
        expect(() => store.applyAll([upsert()], 'I', 'c')).toThrow(/index is full \(2 keys, 2 records\)/);
        expect(indexCapacity(4_000_000_000)).toBe(13_333_333);
        expect(indexCapacity(1e12)).toBe(32_000_000);
        expect(store.applyAll([first], 'I', 'c')).toEqual(['duplicate']);
        expect(store.keyCount()).toBe(2);
    });

    it('leaves the index as it was when a transaction fails', () => {
        const store = storeAt(':memory:');
        const good = upsert();

        expect(() =>
            store.applyBatches([
                { records: [good], integration: 'ERP_Customer', correlationId: 'c' },
                { records: [upsert({ changedAt: 'yesterday' })], integration: 'ERP_Customer', correlationId: 'c' }
            ])
        ).toThrow(/Not a UTC date-time/);
        expect(store.keyCount()).toBe(0);
        expect(store.record(good.recordId)).toBeUndefined();
        expect(store.applyAll([good], 'ERP_Customer', 'c')).toEqual(['applied']);
    });

    it('rolls back the batches applied before a failing one in the same transaction', () => {
        const store = storeAt(':memory:');
        const first = upsert();
        store.begin();
        expect(store.apply({ records: [first], integration: 'ERP_Customer', correlationId: 'c' })).toEqual(['applied']);

        expect(() =>
            store.apply({ records: [upsert({ changedAt: 'later' })], integration: 'ERP_Customer', correlationId: 'c' })
        ).toThrow(/Not a UTC date-time/);
        expect(store.inTransaction).toBe(false);
        expect(store.record(first.recordId)).toBeUndefined();
        expect(store.keyCount()).toBe(0);
        expect(() => store.commit()).toThrow();
        expect(store.applyAll([first], 'ERP_Customer', 'c')).toEqual(['applied']);
    });

    it('refuses to apply outside a transaction or to open a second one', () => {
        const store = storeAt(':memory:');

        expect(() => store.apply({ records: [upsert()], integration: 'ERP_Customer', correlationId: 'c' })).toThrow(
            /No transaction is open/
        );
        store.begin();
        expect(() => store.begin()).toThrow(/already open/);
        store.rollback();
        expect(store.inTransaction).toBe(false);
    });

    it('rebuilds the index from the file when reopened', async () => {
        const file = path.join(directory, 'receiver.db');
        const change = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:00:00Z' });
        const first = storeAt(file);
        first.applyAll([change], 'ERP_Customer', 'c');
        await first.close();

        const reopened = storeAt(file);

        expect(reopened.applyAll([change], 'ERP_Customer', 'c')).toEqual(['duplicate']);
        expect(
            reopened.applyAll([upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T09:00:00Z' })], 'ERP_Customer', 'c')
        ).toEqual(['older']);
        expect(reopened.record(RECORD_ID)).toMatchObject({
            applications: 1,
            lastIdempotencyKey: change.idempotencyKey
        });
    });

    it('sees what another connection wrote to the same file (its index is refreshed, not trusted)', () => {
        const file = path.join(directory, 'receiver.db');
        const mine = storeAt(file);
        const other = storeAt(file);
        const change = upsert({ recordId: RECORD_ID });

        expect(other.applyAll([change], 'ERP_Customer', 'other')).toEqual(['applied']);
        expect(mine.record(RECORD_ID)).toMatchObject({ applications: 1 });
        expect(mine.applyAll([change], 'ERP_Customer', 'mine')).toEqual(['duplicate']);
        expect(mine.applyAll([upsert({ recordId: RECORD_ID })], 'ERP_Customer', 'mine')).toEqual(['applied']);
        expect(other.record(RECORD_ID)).toMatchObject({ applications: 2 });
    });

    it('shows records and keys through views for people reading the file', () => {
        const file = path.join(directory, 'receiver.db');
        const store = storeAt(file);
        store.applyAll(
            [upsert({ recordId: RECORD_ID }), upsert({ recordId: RECORD_ID, data: { name: 'latest' } })],
            'ERP_Customer',
            'c'
        );
        const reader = new DatabaseSync(file, { readOnly: true });
        try {
            expect(reader.prepare('SELECT record_id, data, applications FROM records').all()).toEqual([
                { record_id: RECORD_ID, data: '{"name":"latest"}', applications: 2 }
            ]);
            expect(reader.prepare('SELECT count(*) AS n FROM idempotency_keys').get()).toEqual({ n: 2 });
        } finally {
            reader.close();
        }
    });
});

describe('receiver store: checkpoints on their own thread', () => {
    it('copies the WAL into the database file without the writer checkpointing', async () => {
        const file = path.join(directory, 'receiver.db');
        const store = storeAt(file);
        const data = { notes: 'x'.repeat(1000) };
        for (let i = 0; i < 20; i++) {
            store.applyAll(
                Array.from({ length: 50 }, () => upsert({ data })),
                'ERP_Customer',
                'c'
            );
        }
        // ~1 MB committed; the writer's own checkpoint would start at ~100 MB of WAL.
        for (let waited = 0; statSync(file).size < 512 * 1024; waited += 20) {
            if (waited > 5000) {
                throw new Error(`The database file is still ${statSync(file).size} bytes after 5 s.`);
            }
            await pause(20);
        }
        expect(statSync(file).size).toBeGreaterThanOrEqual(512 * 1024);
        expect(store.keyCount()).toBe(1000);
    });

    it('starts the WAL again under sustained writes (a PASSIVE checkpoint alone never catches up)', async () => {
        const file = path.join(directory, 'sustained.db');
        const db = new DatabaseSync(file);
        db.exec(`PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 0;
                 PRAGMA busy_timeout = 5000; CREATE TABLE t (x TEXT)`);
        const checkpointer = new BackgroundCheckpointer(file, { intervalMs: 10, restartAfterBytes: 512 * 1024 });
        const insert = db.prepare('INSERT INTO t VALUES (?)');
        const row = 'x'.repeat(40_000);
        // 1,000 commits of 40 KB, about one a millisecond: PASSIVE alone left 27-58 MB of WAL here.
        for (let commit = 0; commit < 1000; commit++) {
            db.exec('BEGIN IMMEDIATE');
            insert.run(row);
            db.exec('COMMIT');
            await pause(1);
        }
        // The frames in the WAL now (since it last started again), whatever the file's size.
        const { log } = db.prepare('PRAGMA wal_checkpoint(PASSIVE)').get() as { log: number };
        db.close();
        await checkpointer.stop();

        expect(log * 4096).toBeLessThan(16 * 1024 * 1024);
    });

    it('reports why it cannot checkpoint', async () => {
        const checkpointer = new BackgroundCheckpointer(path.join(directory, 'missing', 'receiver.db'), {
            intervalMs: 10
        });
        for (let waited = 0; checkpointer.lastError === undefined; waited += 10) {
            if (waited > 5000) {
                throw new Error('No error reported after 5 s.');
            }
            await pause(10);
        }
        expect(checkpointer.lastError).toMatch(/unable to open|cannot open/i);
        await checkpointer.stop();
    });
});

describe('receiver store: forgetting keys', () => {
    it('forgets the other keys of a batch whose one change is still a record (it moves to a new batch)', async () => {
        const store = storeAt(':memory:');
        const replaced = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:00:00Z' });
        const current = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T11:00:00Z', data: { name: 'now' } });
        const others = Array.from({ length: 198 }, () => upsert({ recordId: '001Hs00001ZzZzZIAZ' }));
        store.applyAll([replaced, current, ...others], 'ERP_Customer', 'c');
        await pause(5);

        expect(store.purgeKeysBefore(new Date())).toMatchObject({ forgotten: 198, moved: 2 });
        expect(store.keyCount()).toBe(2);
        expect(store.record(RECORD_ID)).toMatchObject({
            data: { name: 'now' },
            applications: 2,
            integration: 'ERP_Customer'
        });
        expect(store.record('001Hs00001ZzZzZIAZ')).toMatchObject({ applications: 198 });
        expect(store.applyAll([current, others[197]], 'ERP_Customer', 'c')).toEqual(['duplicate', 'duplicate']);
    });

    it('refuses to purge while a transaction is open', () => {
        const store = storeAt(':memory:');
        store.begin();

        expect(() => store.purgeKeysBefore(new Date())).toThrow(/already open/);
        store.rollback();
    });

    it('forgets keys accepted before the cutoff but keeps the change each record is now', async () => {
        const store = storeAt(':memory:');
        const replaced = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T10:00:00Z' });
        const current = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T11:00:00Z', data: { name: 'now' } });
        const skipped = upsert({ recordId: RECORD_ID, changedAt: '2026-11-20T09:00:00Z' });
        const other = upsert();
        // One request each: keys are forgotten a request's batch at a time.
        for (const change of [replaced, current, skipped, other]) {
            store.applyAll([change], 'ERP_Customer', 'c');
        }
        await pause(5);
        const cutoff = new Date();
        await pause(5);
        const later = upsert();
        store.applyAll([later], 'ERP_Customer', 'c');

        expect(store.purgeKeysBefore(new Date(0))).toMatchObject({ forgotten: 0, moved: 0 });
        expect(store.purgeKeysBefore(cutoff)).toMatchObject({ forgotten: 2, moved: 2 });
        // A later purge moves the batch of `later`; the compacted batch holds only current versions and stays.
        await pause(5);
        expect(store.purgeKeysBefore(new Date())).toMatchObject({ forgotten: 0, moved: 1 });
        expect(store.record(RECORD_ID)).toMatchObject({ data: { name: 'now' } });
        expect(store.keyCount()).toBe(3);
        expect(store.record(RECORD_ID)).toMatchObject({ data: { name: 'now' }, applications: 2 });
        // A forgotten key of a change older than the record is still skipped; the kept ones are still known.
        expect(store.applyAll([replaced, current, other, later], 'ERP_Customer', 'c')).toEqual([
            'older',
            'duplicate',
            'duplicate',
            'duplicate'
        ]);
    });
});

describe('receiver store: a file written with the earlier tables', () => {
    function writeEarlierLayout(file: string): void {
        const db = new DatabaseSync(file);
        db.exec(`
            CREATE TABLE records (id INTEGER PRIMARY KEY, record_id TEXT NOT NULL UNIQUE, source_object TEXT NOT NULL,
                integration TEXT NOT NULL, changed_at TEXT NOT NULL, changed_sort TEXT NOT NULL, deleted INTEGER NOT NULL,
                data TEXT NOT NULL, external_id TEXT NOT NULL, applications INTEGER NOT NULL, last_key TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE TABLE idempotency_keys (id INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL UNIQUE,
                record_id TEXT NOT NULL, outcome TEXT NOT NULL, correlation_id TEXT, accepted_at TEXT NOT NULL);
            INSERT INTO idempotency_keys (idempotency_key, record_id, outcome, correlation_id, accepted_at) VALUES
                ('key-1', '${RECORD_ID}', 'applied', 'c1', '2026-11-01T10:00:00.000Z'),
                ('key-2', '${RECORD_ID}', 'applied', 'c2', '2026-11-02T10:00:00.000Z'),
                ('key-3', '${RECORD_ID}', 'older', 'c3', '2026-11-03T10:00:00.000Z');
            INSERT INTO records (record_id, source_object, integration, changed_at, changed_sort, deleted, data,
                external_id, applications, last_key, updated_at) VALUES
                ('${RECORD_ID}', 'Account', 'ERP_Customer', '2026-11-02T09:00:00Z', '${sortableTime('2026-11-02T09:00:00Z')}',
                 0, '{"name":"kept"}', 'ext-1', 2, 'key-2', '2026-11-02T10:00:00.000Z');
        `);
        db.close();
    }

    it('moves its keys and records into the log and goes on deduplicating them', () => {
        const file = path.join(directory, 'receiver.db');
        writeEarlierLayout(file);

        const store = storeAt(file);

        expect(store.keyCount()).toBe(3);
        expect(store.record(RECORD_ID)).toMatchObject({
            data: { name: 'kept' },
            externalId: 'ext-1',
            applications: 2,
            lastIdempotencyKey: 'key-2'
        });
        const again = ['key-1', 'key-2', 'key-3'].map((idempotencyKey) =>
            upsert({ idempotencyKey, recordId: RECORD_ID })
        );
        expect(store.applyAll(again, 'ERP_Customer', 'c')).toEqual(['duplicate', 'duplicate', 'duplicate']);
        expect(store.applyAll([upsert({ recordId: RECORD_ID })], 'ERP_Customer', 'c')).toEqual(['applied']);
        expect(store.record(RECORD_ID)).toMatchObject({ externalId: 'ext-1', applications: 3 });
    });

    it('refuses a file with only one of the two tables and changes nothing in it', () => {
        const file = path.join(directory, 'receiver.db');
        const db = new DatabaseSync(file);
        db.exec('CREATE TABLE records (record_id TEXT)');
        db.close();

        expect(() => storeAt(file)).toThrow(/has a table records but not its companion/);
        const check = new DatabaseSync(file, { readOnly: true });
        expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all()).toEqual([
            { name: 'records' }
        ]);
        check.close();
    });
});
