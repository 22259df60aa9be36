// SQL the scale seeder needs beyond the demo seed's loaders: state checks, the wipe, secondary
// indexes off and on around the bulk load, sequences and code counters after it.
import type { Queryable } from '../../db/db';

export const SCALE_META_KEY = 'scale_seeded';

// Everything a scale dataset writes, children first; TRUNCATE … CASCADE would also reach tables we do not know.
const WIPE = `TRUNCATE notifications, photos, case_events, cases, case_code_counters, idempotency_keys, sessions,
  login_failures, river_segments, users, area_units, units, areas RESTART IDENTITY CASCADE`;

// Secondary indexes of a table: not those behind a primary key or unique constraint.
const SECONDARY_INDEXES = `
  SELECT i.indexname AS name, i.indexdef AS def
  FROM pg_indexes i
  WHERE i.schemaname = current_schema() AND i.tablename = $1
    AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
  ORDER BY i.indexname`;

export type IndexDef = { name: string; def: string };

export const scaleSeedRepo = {
  state: async (q: Queryable) => (await q.query<{ scale: string | null; areas: boolean; users: boolean; cases: boolean }>(
    `SELECT (SELECT value FROM app_meta WHERE key = $1) AS scale, EXISTS (SELECT 1 FROM areas) AS areas,
            EXISTS (SELECT 1 FROM users) AS users, EXISTS (SELECT 1 FROM cases) AS cases`, [SCALE_META_KEY]))[0]!,
  wipe: async (q: Queryable) => {
    await q.exec(WIPE);
    await q.query('DELETE FROM app_meta WHERE key = $1', [SCALE_META_KEY]);
  },
  idsByCode: (q: Queryable, table: 'areas' | 'units') => q.query<{ id: number; code: string }>(`SELECT id, code FROM ${table}`),
  userIds: (q: Queryable) => q.query<{ id: number; username: string }>('SELECT id, username FROM users'),
  secondaryIndexes: (q: Queryable, table: string) => q.query<IndexDef>(SECONDARY_INDEXES, [table]),
  /** Moves a serial column's sequence past the ids the load gave out. */
  bumpSequence: (q: Queryable, table: string, column: string) =>
    q.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST((SELECT max(${column}) FROM ${table}), 1))`, [table, column]),
  codeCounters: (q: Queryable, rows: { day: string; last: number }[]) =>
    q.query(`INSERT INTO case_code_counters (day, last) SELECT to_date(x.day, 'YYYYMMDD'), x.last
             FROM json_to_recordset($1::json) AS x(day text, last int)
             ON CONFLICT (day) DO UPDATE SET last = GREATEST(case_code_counters.last, EXCLUDED.last)`, [JSON.stringify(rows)]),
  markSeeded: (q: Queryable, summary: object) =>
    q.query(`INSERT INTO app_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [SCALE_META_KEY, JSON.stringify(summary)]),
};
