// Least privilege: requests are served as xuncha_app, which may write rows but not rewrite history.
// Every statement the trials used to tamper is refused to it, and the closed loop still works as it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/db';
import { APP_ROLE, openDatabase } from '../../api/src/db/open-db';
import { openPg } from '../../api/src/db/pg-driver';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { caseState, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let app: Db;
let t: TestApp;
let fx: Fixtures;
let c: CaseJson;
const as: Record<string, Record<string, string>> = {};

/** The test database as the serving role: a pool whose connections start as xuncha_app, or PGlite's one session. */
async function asAppRole(owner: TestDb): Promise<Db> {
  if (!owner.url) {
    await owner.exec(`SET ROLE ${APP_ROLE}`);
    return owner;
  }
  const u = new URL(owner.url);
  u.searchParams.set('options', `-c role=${APP_ROLE}`);
  return openPg({ connectionString: u.toString(), max: 3 });
}

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  app = await asAppRole(db);
  t = createTestApp(app);
  for (const u of ['dispatcher1', 'handler1', 'inspector1']) as[u] = await bearerFor(t, u);
  c = await fileCase(t, as.inspector1!);
});
afterAll(async () => {
  if (app && app !== db) await app.close();
  await db?.close();
});

describe('the serving role', () => {
  it('is xuncha_app, not a superuser and not the owner', async () => {
    const [r] = await app.query<{ user: string; superuser: boolean; owner: boolean }>(
      `SELECT current_user AS user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              pg_has_role(current_user, 'xuncha_owner', 'MEMBER') AS owner`,
    );
    expect(r).toEqual({ user: APP_ROLE, superuser: false, owner: false });
  });

  it('still runs the closed loop: report, accept, dispatch, start, rectify, recheck', async () => {
    let k = await fileCase(t, as.inspector1!);
    k = await ok(t, as.dispatcher1!, k, 'accept', { handling_mode: 'consultation', severity: 'serious' });
    k = await ok(t, as.dispatcher1!, k, 'dispatch');
    k = await ok(t, as.handler1!, k, 'start');
    k = await ok(t, as.handler1!, k, 'rectify', { note: '已清理' }, [['after.jpg', fixture('jpg_orientation_landscape_1.jpg')]]);
    k = await ok(t, as.inspector1!, k, 'recheck_pass', { lat: IN_M1.lat + 0.0005, lon: IN_M1.lon });
    expect(k.status).toBe('closed');
  });

  const refused: [string, string, RegExp][] = [
    ['TRUNCATE case_events', 'TRUNCATE case_events', /permission denied/],
    ['TRUNCATE cases', 'TRUNCATE cases CASCADE', /permission denied/],
    ['disabling triggers', 'ALTER TABLE cases DISABLE TRIGGER ALL', /must be owner/],
    ['disabling the append-only trigger', 'ALTER TABLE case_events DISABLE TRIGGER case_events_append_only', /must be owner/],
    ['dropping a trigger', 'DROP TRIGGER cases_change_needs_event ON cases', /must be owner/],
    ['session_replication_role', 'SET session_replication_role = replica', /permission denied/],
    ['rewriting an event', 'UPDATE case_events SET note = $1 WHERE case_id = $2', /permission denied/],
    ['deleting an event', 'DELETE FROM case_events WHERE case_id = $2 AND $1::text IS NOT NULL', /permission denied/],
    ['deleting a case', 'DELETE FROM cases WHERE id = $2 AND $1::text IS NOT NULL', /permission denied/],
  ];
  it.each(refused)('refuses %s, and nothing changes', async (_name, sql, error) => {
    const before = await caseState(t, c.id);
    const params = sql.includes('$') ? ['x', c.id] : [];
    await expect(app.query(sql, params)).rejects.toThrow(error);
    expect(await caseState(t, c.id)).toEqual(before);
  });

  it('refuses UPDATE cases without an event, inside a transaction or not, and nothing changes', async () => {
    const before = await caseState(t, c.id);
    await expect(app.query(`UPDATE cases SET status = 'closed', version = version + 1 WHERE id = $1`, [c.id])).rejects.toThrow(/without a case event/);
    await expect(app.query(`UPDATE cases SET description = 'rewritten' WHERE id = $1`, [c.id])).rejects.toThrow(/without a case event/);
    await expect(
      app.transaction(async (tx) => {
        await tx.query(`UPDATE cases SET status = 'closed' WHERE id = $1`, [c.id]);
      }),
    ).rejects.toThrow(/without a case event/);
    expect(await caseState(t, c.id)).toEqual(before);
  });

  it('allows a case change that writes its event in the same transaction', async () => {
    await app.transaction(async (tx) => {
      await tx.query(`UPDATE cases SET version = version + 1 WHERE id = $1`, [c.id]);
      await tx.query(
        `INSERT INTO case_events (case_id, action, from_status, to_status) VALUES ($1, 'add_report', 'submitted', 'submitted')`,
        [c.id],
      );
    });
    expect((await caseState(t, c.id)).events).toBe(2);
  });
});

describe('openDatabase', () => {
  it('migrates as the login and serves as xuncha_app, even on a superuser DATABASE_URL', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-roles-'));
    try {
      const served = await openDatabase({ databaseUrl: db.url, databasePoolSize: 2, dataDir });
      try {
        expect(await served.query('SELECT current_user AS user')).toEqual([{ user: APP_ROLE }]);
        await expect(served.query('TRUNCATE case_events')).rejects.toThrow(/permission denied/);
      } finally {
        await served.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
    // A fresh embedded database runs every migration, which takes a while on a loaded machine.
  }, 300_000);

  it.runIf(process.env.DATABASE_URL)('uses DATABASE_MIGRATION_URL to migrate and DATABASE_URL to serve', async () => {
    const served = await openDatabase({ databaseUrl: db.url, databaseMigrationUrl: db.url, databasePoolSize: 2, dataDir: os.tmpdir() });
    try {
      expect(await served.query('SELECT current_user AS user')).toEqual([{ user: APP_ROLE }]);
    } finally {
      await served.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('keeps the owner for bulk tools that ask for it', async () => {
    const owner = await openDatabase({ databaseUrl: db.url, databasePoolSize: 1, dataDir: os.tmpdir() }, { as: 'owner' });
    try {
      const [r] = await owner.query<{ owner: boolean }>(`SELECT pg_has_role(current_user, 'xuncha_owner', 'MEMBER') AS owner`);
      expect(r!.owner).toBe(true);
    } finally {
      await owner.close();
    }
  });
});
