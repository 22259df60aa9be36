// The Db interface behaves the same on both drivers: migrations, transactions, types, PostGIS.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/db';
import { loadMigrations, migrate, type Migration } from '../../api/src/db/migrate';
import { openPg } from '../../api/src/db/pg-driver';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db?.close());

function extraMigration(version: number, sql: string): Migration {
  return { version, name: `test_${version}`, sql, checksum: createHash('sha256').update(sql).digest('hex') };
}

describe('migrations', () => {
  it('are recorded, and a second run applies nothing', async () => {
    const rows = await db.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(loadMigrations().map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
  });

  it('apply each new file once even when two processes migrate at once', async () => {
    const extra = extraMigration(9001, 'CREATE TABLE migration_probe (id int PRIMARY KEY); INSERT INTO migration_probe VALUES (1);');
    const list = [...loadMigrations(), extra];
    // On PostgreSQL the second "process" is a separate pool; PGlite is one connection by nature.
    const other: Db = db.url ? await openPg({ connectionString: db.url, max: 2 }) : db;
    try {
      const [a, b] = await Promise.all([migrate(db, list), migrate(other, list)]);
      expect([...a, ...b]).toEqual([9001]);
      expect(await db.query('SELECT id FROM migration_probe')).toEqual([{ id: 1 }]);
    } finally {
      if (other !== db) await other.close();
    }
  });

  it('roll back a failing file completely and record nothing', async () => {
    const bad = extraMigration(9002, 'CREATE TABLE half_done (id int); SELECT no_such_function();');
    await expect(migrate(db, [...loadMigrations(), bad])).rejects.toThrow(/no_such_function/);
    expect(await db.query(`SELECT to_regclass('half_done') AS t`)).toEqual([{ t: null }]);
    expect(await db.query('SELECT version FROM schema_migrations WHERE version = 9002')).toEqual([]);
  });

  it('refuse a migration edited after it was applied', async () => {
    const edited = loadMigrations().map((m) => (m.version === 1 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/0*1_init was edited after it was applied/);
  });
});

describe('transactions', () => {
  it('commit on success and roll back on a throw', async () => {
    await db.exec('CREATE TABLE tx_probe (n int)');
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_probe VALUES ($1)', [1]);
    });
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO tx_probe VALUES ($1)', [2]);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.query('SELECT n FROM tx_probe ORDER BY n')).toEqual([{ n: 1 }]);
  });

  it('do not interleave with statements from other requests', async () => {
    await db.exec('CREATE TABLE tx_order (n int)');
    const inTx = db.transaction(async (tx) => {
      await tx.query('INSERT INTO tx_order VALUES (1)');
      await new Promise((r) => setTimeout(r, 50));
      await tx.query('INSERT INTO tx_order VALUES (2)');
      throw new Error('abort');
    });
    // Issued while the transaction is open: it must not see or join the rolled-back rows.
    const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM tx_order');
    await expect(inTx).rejects.toThrow('abort');
    expect(await outside).toEqual([{ n: 0 }]);
  });
});

describe('types and PostGIS', () => {
  it('return int8 and numeric as numbers, json parsed, timestamps as Dates', async () => {
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT 9007199254740::bigint AS big, 1.5::numeric AS num, '{"a":[1]}'::jsonb AS j, '2026-11-22T01:00:00Z'::timestamptz AS ts, count(*) AS c FROM (SELECT 1) x`,
    );
    expect(row).toEqual({ big: 9007199254740, num: 1.5, j: { a: [1] }, ts: new Date('2026-11-22T01:00:00Z'), c: 1 });
  });

  it('is a real PostGIS: ST_Covers and geodesic distance', async () => {
    const [row] = await db.query<{ covers: boolean; m: number; v: string }>(
      `SELECT ST_Covers(ST_MakeEnvelope(120.5, 31.2, 120.6, 31.3, 4326), ST_SetSRID(ST_MakePoint(120.55, 31.25), 4326)) AS covers,
              round(ST_Distance(ST_MakePoint(120.6, 31.3)::geography, ST_MakePoint(120.601, 31.3)::geography)) AS m,
              postgis_lib_version() AS v`,
    );
    expect(row!.covers).toBe(true);
    expect(row!.m).toBe(95);
    expect(row!.v).toMatch(/^3\.\d/);
  });

  it('keeps case_events append-only in the database itself', async () => {
    const [c] = await db.query<{ id: number }>(
      `INSERT INTO cases (code, category_code, severity, status, location, location_source)
       VALUES ('XC-TEST-1', 'bank_garbage', 'general', 'submitted', ST_SetSRID(ST_MakePoint(120.5, 31.2), 4326), 'device') RETURNING id`,
    );
    await db.query(`INSERT INTO case_events (case_id, action, to_status) VALUES ($1, 'submit', 'submitted')`, [c!.id]);
    await expect(db.query(`UPDATE case_events SET note = 'x' WHERE case_id = $1`, [c!.id])).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM case_events WHERE case_id = $1`, [c!.id])).rejects.toThrow(/append-only/);
  });
});
