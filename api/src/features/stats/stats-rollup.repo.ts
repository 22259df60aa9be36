// SQL over the statistics rollup (migration 0009): counters and time-to-close buckets summed per group over
// the local days and months it keeps, plus the cases of the other days (partial days at either end, days the
// rollup does not keep), plus due and overdue for the cases still open, counted at query time from `now`.
import type { Db, Queryable } from '../../db/db';
import type { HoursBucket } from './hours-percentile';
import { startOf, type Edge, type RollupRange } from './stats-period';
import type { AreaRow } from './stats.repo';

/** Which key columns the rows read keep: see the migration. */
export type RollupSlice = 'district' | 'street' | 'full';
/** `column = id` on both the rollup rows and the open cases; the columns are fixed here, never from a request. */
export type RollupCondition = { column: 'district_id' | 'street_id' | 'unit_id'; id: number };
export type ChildAreaGroup = { childColumn: 'district_id' | 'street_id'; parentId: number | null };
export type RollupGroup = 'none' | 'category' | 'unit' | 'day' | 'week' | ChildAreaGroup;

export type RollupQuery = {
  /** The whole local days, from the rollup; may be empty. */
  ranges: RollupRange[];
  /** The partial days at either end, always from the cases. */
  edges: Edge[];
  slice: RollupSlice;
  conditions: RollupCondition[];
  /** The handler scope: only cases dispatched (to the unit in `conditions`). */
  dispatchedOnly: boolean;
  group: RollupGroup;
  /** The whole period, as instants, and the clock: for the open cases. */
  from: Date;
  to: Date;
  now: Date;
  timeZone: string;
};

/** `k` is the raw group key that joins a row to its buckets (area id, unit id, …; '' for the totals). */
export type RollupCountRow = {
  k: string | null;
  key: string | null;
  name: string | null;
  received: number | null;
  registered: number | null;
  dispatched: number | null;
  closed: number | null;
  closedOnTime: number | null;
  closedLate: number | null;
  reworked: number | null;
  dueOpen: number | null;
  overdueOpen: number | null;
};
export type RollupHoursRow = HoursBucket & { k: string | null };

/** Numbers the parameters of a statement as they are added. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type: string): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

// Groups by the raw key (an id, a code, a date) and turns it into text only after summing: formatting
// tens of thousands of day rows first costs more than the sums. Weeks start on Monday (ISO).
const rollupKey = (g: RollupGroup): string => {
  if (typeof g === 'object') return `r.${g.childColumn}`;
  return {
    none: `''`,
    category: 'r.category_code',
    unit: 'r.unit_id',
    day: 'r.period_start',
    week: '(r.period_start - (extract(isodow FROM r.period_start)::int - 1))',
  }[g];
};

const caseKey = (g: RollupGroup, timeZone: string, p: Params): string => {
  if (typeof g === 'object') return `c.${g.childColumn}`;
  if (g === 'day' || g === 'week') return `date_trunc('${g}', c.created_at AT TIME ZONE ${p.add(timeZone, 'text')})::date`;
  return { none: `''`, category: 'c.category_code', unit: 'c.unit_id' }[g];
};

/** The raw key `x` as text: dates as YYYY-MM-DD (via timestamp, which needs no time zone). */
const keyText = (g: RollupGroup, x: string): string =>
  g === 'day' || g === 'week' ? `to_char(${x}::timestamp, 'YYYY-MM-DD')` : g === 'none' || g === 'category' ? x : `${x}::text`;

/**
 * Which (grain, slice) rows each table keeps, as migration 0009 writes them: rows that would hold about
 * one case each are not kept, and those days are read from the cases.
 */
const ROLLUP_STORES: Record<'counts' | 'hours', (grain: RollupRange['grain'], slice: RollupSlice) => boolean> = {
  counts: (grain, slice) => grain === 'month' || slice !== 'full',
  hours: (grain, slice) => grain === 'month' || slice === 'district',
};

type Source = { ranges: RollupRange[]; spans: Edge[] };

/** The rollup ranges a table keeps for this query, and every other stretch of the period as instants for the cases. */
function sourceOf(q: RollupQuery, table: keyof typeof ROLLUP_STORES): Source {
  const kept = q.ranges.filter((r) => ROLLUP_STORES[table](r.grain, q.slice));
  const days = q.ranges.filter((r) => !kept.includes(r)).map((r) => ({ from: startOf(r.from, q.timeZone), to: startOf(r.to, q.timeZone) }));
  return { ranges: kept, spans: [...q.edges, ...days] };
}

/** The slice, the ranges and the conditions, on rollup rows aliased r. Slice and grain are literals, so partial indexes match. */
function rollupWhere(q: RollupQuery, ranges: RollupRange[], p: Params): string {
  const within = ranges.map(
    (r) => `(r.grain = '${r.grain}' AND r.period_start >= ${p.add(r.from, 'date')} AND r.period_start < ${p.add(r.to, 'date')})`,
  );
  const conditions = q.conditions.map((c) => `r.${c.column} = ${p.add(c.id, 'int')}`);
  if (q.dispatchedOnly) conditions.push('r.was_dispatched');
  return [`r.slice = '${q.slice}'`, `(${within.join(' OR ') || 'FALSE'})`, ...conditions].join(' AND ');
}

/** The conditions on cases aliased c, created in one of `spans`. */
function casesWhere(q: RollupQuery, spans: Edge[], p: Params): string {
  const created = spans.map((e) => `(c.created_at >= ${p.add(e.from, 'timestamptz')} AND c.created_at < ${p.add(e.to, 'timestamptz')})`);
  const conditions = q.conditions.map((c) => `c.${c.column} = ${p.add(c.id, 'int')}`);
  if (q.dispatchedOnly) conditions.push('c.dispatched_at IS NOT NULL');
  return [`(${created.join(' OR ') || 'FALSE'})`, ...conditions].join(' AND ');
}

// The rollup's counters per row, and the same for each case of the other days (as migration 0009 counts them).
function countedRows(q: RollupQuery, p: Params): string {
  const { ranges, spans } = sourceOf(q, 'counts');
  const rollup = `SELECT ${rollupKey(q.group)} AS k, r.received, r.registered, r.dispatched, r.closed, r.closed_on_time, r.closed_late, r.reworked
    FROM stats_rollup r WHERE ${rollupWhere(q, ranges, p)}`;
  if (!spans.length) return rollup;
  return `${rollup}
    UNION ALL
    SELECT ${caseKey(q.group, q.timeZone, p)}, 1,
           (c.registered_at IS NOT NULL OR c.status IN ('registered', 'dispatched', 'in_progress', 'rectified', 'closed'))::int,
           (c.dispatched_at IS NOT NULL)::int, (c.status = 'closed')::int,
           ((c.status = 'closed' AND c.closed_at <= c.due_at) IS TRUE)::int, ((c.status = 'closed' AND c.closed_at > c.due_at) IS TRUE)::int,
           (c.status = 'closed' AND c.rework_count > 0)::int
    FROM cases c WHERE ${casesWhere(q, spans, p)}`;
}

// Always true; it lets only the city-wide statement use stats_open_dispatched_citywide (migration 0011).
const CITY_WIDE = ' AND c.id > 0';

// Due and overdue need `now`: counted from the open dispatched cases (the stats_open_dispatched indexes).
function openPart(q: RollupQuery, p: Params): string {
  return `SELECT ${caseKey(q.group, q.timeZone, p)} AS k,
      count(*) FILTER (WHERE c.due_at < ${p.add(new Date(Math.min(q.to.getTime(), q.now.getTime())), 'timestamptz')})::int AS due_open,
      count(*) FILTER (WHERE c.status IN ('dispatched', 'in_progress'))::int AS overdue_open
    FROM cases c
    WHERE c.dispatched_at IS NOT NULL AND c.status <> 'closed' AND c.due_at < ${p.add(q.now, 'timestamptz')}
      AND ${casesWhere(q, [{ from: q.from, to: q.to }], p)}${q.conditions.length ? '' : CITY_WIDE}
    GROUP BY 1`;
}

const COUNTERS = `m.received, m.registered, m.dispatched, m.closed, m."closedOnTime", m."closedLate", m.reworked,
  m."dueOpen", m."overdueOpen"`;

// Names each group the way the query-time statements do, and lists every child area, even without cases.
function labelled(g: RollupGroup, p: Params): string {
  if (typeof g === 'object') {
    return `SELECT ch.id::text AS k, ch.code AS key, ch.name, ${COUNTERS}
      FROM areas ch LEFT JOIN merged m ON m.k = ch.id
      WHERE ch.parent_id IS NOT DISTINCT FROM ${p.add(g.parentId, 'int')} ORDER BY ch.code`;
  }
  const k = keyText(g, 'm.k');
  return {
    none: `SELECT ${COUNTERS}, '' AS k, NULL::text AS key, NULL::text AS name FROM merged m`,
    category: `SELECT ${COUNTERS}, ${k} AS k, m.k AS key, cat.name_zh AS name
      FROM merged m LEFT JOIN categories cat ON cat.code = m.k ORDER BY m.k NULLS LAST`,
    unit: `SELECT ${COUNTERS}, ${k} AS k, u.code AS key, u.name FROM merged m LEFT JOIN units u ON u.id = m.k ORDER BY u.code NULLS LAST`,
    day: `SELECT ${COUNTERS}, ${k} AS k, ${k} AS key, ${k} AS name FROM merged m ORDER BY m.k`,
    week: `SELECT ${COUNTERS}, ${k} AS k, ${k} AS key, ${k} AS name FROM merged m ORDER BY m.k`,
  }[g];
}

function countsSql(q: RollupQuery, p: Params): string {
  // A group exists when it has a case (rows that counted a case which has since moved keep zeros).
  // Every open case is also a received case under the same key, so its key has a row here.
  const closedPart = `SELECT k,
      sum(received)::int AS received, sum(registered)::int AS registered, sum(dispatched)::int AS dispatched,
      sum(closed)::int AS closed, sum(closed_on_time)::int AS "closedOnTime", sum(closed_late)::int AS "closedLate",
      sum(reworked)::int AS reworked
    FROM (${countedRows(q, p)}) x
    GROUP BY k HAVING sum(received) > 0`;
  return `WITH closed_part AS (${closedPart}),
    open_part AS (${openPart(q, p)}),
    merged AS (
      SELECT cp.*, coalesce(op.due_open, 0) AS "dueOpen", coalesce(op.overdue_open, 0) AS "overdueOpen"
      FROM closed_part cp LEFT JOIN open_part op ON op.k IS NOT DISTINCT FROM cp.k)
    ${labelled(q.group, p)}`;
}

// Sums in float8: exact for integers below 2^53 µs (285 years per bucket), and far cheaper than numeric.
// Buckets come back unordered; the service sorts each group's few.
function hoursSql(q: RollupQuery, p: Params): string {
  const { ranges, spans } = sourceOf(q, 'hours');
  const fromCases = spans.length
    ? `UNION ALL
      SELECT ${caseKey(q.group, q.timeZone, p)}, stats_hours_bucket(c.us), 1, c.us::float8
      FROM (SELECT c.*, (extract(epoch FROM c.closed_at - c.created_at) * 1000000)::bigint AS us
            FROM cases c WHERE c.status = 'closed' AND ${casesWhere(q, spans, p)}) c`
    : '';
  return `SELECT ${keyText(q.group, 'h.k')} AS k, h.bucket, sum(h.n)::int AS n, sum(h.us) AS "sumUs" FROM (
      SELECT ${rollupKey(q.group)} AS k, r.bucket, r.n, r.sum_us::float8 AS us
      FROM stats_rollup_hours r WHERE ${rollupWhere(q, ranges, p)}
      ${fromCases}) h
    GROUP BY h.k, h.bucket HAVING sum(h.n) > 0`;
}

const ROLLUP_TIME_ZONE = `SELECT time_zone AS "timeZone" FROM stats_rollup_settings`;
const SET_ROLLUP_TIME_ZONE = `UPDATE stats_rollup_settings SET time_zone = $1 WHERE time_zone <> $1 RETURNING 1`;
const FIND_AREA_BY_ID = `SELECT id, code, name, level FROM areas WHERE id = $1`;

/** Recomputes the whole rollup from cases in one statement (after a bulk load with triggers off). */
export async function rebuildStatsRollup(q: Queryable): Promise<void> {
  await q.query('SELECT stats_rollup_rebuild()');
}

export const statsRollupRepo = {
  counts: (q: Queryable, query: RollupQuery) => {
    const p = new Params();
    const sql = countsSql(query, p);
    return q.query<RollupCountRow>(sql, p.values);
  },
  hours: (q: Queryable, query: RollupQuery) => {
    const p = new Params();
    const sql = hoursSql(query, p);
    return q.query<RollupHoursRow>(sql, p.values);
  },
  findAreaById: async (q: Queryable, id: number) => (await q.query<AreaRow>(FIND_AREA_BY_ID, [id]))[0],
  /** The zone whose local days the rollup counts in. */
  timeZone: async (q: Queryable) => (await q.query<{ timeZone: string }>(ROLLUP_TIME_ZONE))[0]!.timeZone,
  /** Sets the zone and rebuilds, in one transaction; false when it was already set. */
  setTimeZone: (db: Db, timeZone: string) =>
    db.transaction(async (tx) => {
      // The row lock makes a second process wait, then find the zone already set.
      if (!(await tx.query(SET_ROLLUP_TIME_ZONE, [timeZone])).length) return false;
      await rebuildStatsRollup(tx);
      return true;
    }),
};
