// The scale seeder on a small run (2,000 cases): COPY on PostgreSQL, batched INSERTs on PGlite.
// Checks the invariants a benchmark relies on: every state, timelines that agree with their case,
// cases in the micro-grid that covers them, dispatched work with a unit and a deadline, and
// derived tables (map cells, statistics rollup) equal to a rebuild, with their triggers back on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../api/src/lib/password';
import { seedScale, type ScaleSeedSummary } from '../../api/src/seed/scale/scale-seed';
import { openTestDb, type TestDb } from '../helpers/test-db';

const NOW = new Date('2026-11-22T09:00:00+08:00');
const CASES = 2000;
let db: TestDb;
let summary: ScaleSeedSummary;

beforeAll(async () => {
  db = await openTestDb();
  summary = await seedScale(db, { cases: CASES, seed: 42, now: NOW, passwordHash: await hashPassword('scale-test', 10), log: () => undefined });
}, 240_000);
afterAll(() => db?.close());

const value = async <T>(sql: string, params: unknown[] = []) => Object.values((await db.query<Record<string, T>>(sql, params))[0]!)[0] as T;

describe('the scale seed', () => {
  it('writes the cases asked for, with their events, and records what it did', async () => {
    expect(await value<number>('SELECT count(*)::int FROM cases')).toBe(CASES);
    expect(await value<number>('SELECT count(*)::int FROM case_events')).toBe(summary.events);
    expect(summary.areas).toBe(2724);
    expect(JSON.parse(await value<string>(`SELECT value FROM app_meta WHERE key = 'scale_seeded'`))).toMatchObject({ cases: CASES, seed: 42 });
  });

  it('has every state, most cases closed, and a few per cent open', async () => {
    const rows = await db.query<{ status: string; n: number }>('SELECT status, count(*)::int AS n FROM cases GROUP BY status');
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    expect(Object.keys(by).sort()).toEqual(['closed', 'dispatched', 'in_progress', 'merged', 'rectified', 'registered', 'rejected', 'submitted']);
    expect(by.closed! / CASES).toBeGreaterThan(0.8);
    const open = by.submitted! + by.registered! + by.dispatched! + by.in_progress! + by.rectified!;
    expect(open / CASES).toBeGreaterThan(0.01);
    expect(open / CASES).toBeLessThan(0.1);
  });

  it('keeps each case in step with its events: last status, version, times in order', async () => {
    const bad = await value<number>(`
      SELECT count(*)::int FROM cases c
      JOIN LATERAL (SELECT count(*) AS n, (array_agg(e.to_status ORDER BY e.id DESC))[1] AS last, min(e.created_at) AS first,
                           max(e.created_at) AS latest, bool_and(e.tx_id IS NOT NULL) AS tx,
                           (array_agg(e.from_status ORDER BY e.id))[1] AS first_from
                    FROM case_events e WHERE e.case_id = c.id) ev ON true
      WHERE ev.n <> c.version OR ev.last <> c.status OR ev.first <> c.created_at OR ev.latest <> c.updated_at
         OR NOT ev.tx OR ev.first_from IS NOT NULL`);
    expect(bad).toBe(0);
    const outOfOrder = await value<number>(`
      SELECT count(*)::int FROM (
        SELECT e.created_at <= lag(e.created_at) OVER w AS back, e.from_status IS DISTINCT FROM lag(e.to_status) OVER w AS broken,
               row_number() OVER w AS k
        FROM case_events e WINDOW w AS (PARTITION BY e.case_id ORDER BY e.id)) x
      WHERE x.k > 1 AND (x.back OR x.broken)`);
    expect(outOfOrder).toBe(0);
    expect(await value<number>('SELECT count(*)::int FROM cases WHERE created_at > $1 OR updated_at > $1', [NOW])).toBe(0);
  });

  it('places every case in the micro-grid that covers it, with that micro-grid’s ancestors', async () => {
    const bad = await value<number>(`
      SELECT count(*)::int FROM cases c
      JOIN areas m ON m.id = c.micro_grid_id AND m.level = 'micro_grid'
      WHERE NOT ST_Covers(m.geom, c.location) OR c.area_id <> m.id
         OR ARRAY[c.district_id, c.street_id, c.community_id, c.grid_id] <> m.ancestor_ids`);
    expect(bad).toBe(0);
    expect(await value<number>('SELECT count(*)::int FROM cases WHERE micro_grid_id IS NULL')).toBe(0);
    // No other micro-grid covers the point: the tiling has no overlaps where cases are.
    const twice = await value<number>(`
      SELECT count(*)::int FROM cases c WHERE (SELECT count(*) FROM areas a WHERE a.level = 'micro_grid' AND ST_Covers(a.geom, c.location)) <> 1`);
    expect(twice).toBe(0);
  });

  it('gives dispatched work a unit and a deadline after dispatch, and merged cases an earlier case', async () => {
    expect(await value<number>(`
      SELECT count(*)::int FROM cases WHERE (dispatched_at IS NOT NULL AND (unit_id IS NULL OR due_at IS NULL OR due_at <= dispatched_at))
         OR (status IN ('dispatched', 'in_progress') AND dispatched_at IS NULL)`)).toBe(0);
    expect(await value<number>(`
      SELECT count(*)::int FROM cases c LEFT JOIN cases t ON t.id = c.merged_into_id
      WHERE (c.status = 'merged') <> (c.merged_into_id IS NOT NULL) OR (c.merged_into_id IS NOT NULL AND (t.id IS NULL OR t.id >= c.id))`)).toBe(0);
    expect(await value<number>(`
      SELECT count(*)::int FROM cases c JOIN case_events e ON e.case_id = c.id AND e.action = 'dispatch'
      WHERE (e.payload->>'unit_id')::int <> c.unit_id`)).toBe(0);
    expect(await value<number>(`SELECT count(*)::int FROM cases WHERE urgent <> (supervision_count > 0)`)).toBe(0);
  });

  it('moves the sequences and code counters past the loaded rows', async () => {
    expect(await value<boolean>(`SELECT nextval(pg_get_serial_sequence('cases', 'id')) > (SELECT max(id) FROM cases)`)).toBe(true);
    expect(await value<boolean>(`SELECT nextval(pg_get_serial_sequence('case_events', 'id')) > (SELECT max(id) FROM case_events)`)).toBe(true);
    const behind = await value<number>(`
      SELECT count(*)::int FROM (SELECT to_date(substr(code, 4, 8), 'YYYYMMDD') AS day, max(substr(code, 13)::int) AS last FROM cases GROUP BY 1) x
      LEFT JOIN case_code_counters k ON k.day = x.day WHERE k.last IS DISTINCT FROM x.last`);
    expect(behind).toBe(0);
  });

  it('leaves map cells and the statistics rollup equal to a rebuild, and their triggers on', async () => {
    const snapshot = (table: string) => db.query(`SELECT * FROM ${table} WHERE ${table === 'map_cells' ? 'n <> 0' : 'true'} ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`);
    const before = { cells: await snapshot('map_cells'), rollup: await snapshot('stats_rollup') };
    expect(await value<number>('SELECT sum(n)::int FROM map_cells WHERE z = 10')).toBe(CASES);
    await db.exec('SELECT map_cells_rebuild(); SELECT stats_rollup_rebuild()');
    expect(await snapshot('map_cells')).toEqual(before.cells);
    expect(await snapshot('stats_rollup')).toEqual(before.rollup);
    // An ordinary write after the load is counted by the triggers again.
    await db.query(`UPDATE cases SET status = 'rejected', closed_at = now() WHERE id = (SELECT min(id) FROM cases WHERE status = 'submitted')`);
    expect(await value<number>(`SELECT sum(n)::int FROM map_cells WHERE z = 10 AND status = 'rejected'`))
      .toBe(await value<number>(`SELECT count(*)::int FROM cases WHERE status = 'rejected'`));
  });

  it('refuses to load over existing data', async () => {
    await expect(seedScale(db, { cases: 10, seed: 1, now: NOW, passwordHash: 'x', log: () => undefined })).rejects.toThrow(/--reset/);
  });
});
