// SQL for the 数字城管 evaluation indicators: FILTER aggregates over cases in scope, one row per group.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from '../cases/case-scope';
import type { StatGroup } from './stats.schemas';

export type IndicatorRow = {
  received: number;
  registered: number;
  registrationRate: number | null;
  dispatched: number;
  due: number;
  closed: number;
  closureRate: number | null;
  closedOnTime: number;
  onTimeRate: number | null;
  overdue: number;
  reworked: number;
  reworkRate: number | null;
  medianHoursToClose: number | null;
  p90HoursToClose: number | null;
};
export type GroupRow = IndicatorRow & { key: string | null; name: string | null };
export type AreaRow = { id: number; code: string; name: string; level: string };

/** The period, area and clock every statement shares; the scope predicate's parameters follow at $6. */
export type StatsParams = { from: Date; to: Date; now: Date; areaId: number | null; timeZone: string };
export const SCOPE_FIRST_PARAM = 6;

// $1 from, $2 to (exclusive), $3 now, $4 area id or NULL, $5 time zone. Closed means status = 'closed':
// a rejection also stamps closed_at, and a reopened case is no longer closed.
const AGGREGATES = `
  count(c.id)::int AS received,
  count(*) FILTER (WHERE c.registered_at IS NOT NULL
                      OR c.status IN ('registered', 'dispatched', 'in_progress', 'rectified', 'closed'))::int AS registered,
  count(*) FILTER (WHERE c.dispatched_at IS NOT NULL)::int AS dispatched,
  count(*) FILTER (WHERE c.status = 'closed'
                      OR (c.dispatched_at IS NOT NULL AND c.due_at < LEAST($2::timestamptz, $3::timestamptz)))::int AS due,
  count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
  count(*) FILTER (WHERE c.status = 'closed' AND c.closed_at <= c.due_at)::int AS "closedOnTime",
  count(*) FILTER (WHERE (c.status IN ('dispatched', 'in_progress') AND c.due_at < $3::timestamptz)
                      OR (c.status = 'closed' AND c.closed_at > c.due_at))::int AS overdue,
  count(*) FILTER (WHERE c.status = 'closed' AND c.rework_count > 0)::int AS reworked,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.created_at)::float8 / 3600)
    FILTER (WHERE c.status = 'closed') AS "medianHoursToClose",
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.created_at)::float8 / 3600)
    FILTER (WHERE c.status = 'closed') AS "p90HoursToClose"`;

// Rates over the aggregates; NULLIF makes a rate NULL when its denominator is 0.
const RATES = `s.*,
  s.registered::float8 / NULLIF(s.received, 0) AS "registrationRate",
  s.closed::float8 / NULLIF(s.due, 0) AS "closureRate",
  s."closedOnTime"::float8 / NULLIF(s.due, 0) AS "onTimeRate",
  s.reworked::float8 / NULLIF(s.closed, 0) AS "reworkRate"`;

// Types every shared parameter up front: not every statement uses the time zone.
const PARAMS = `WITH params AS (SELECT $1::timestamptz, $2::timestamptz, $3::timestamptz, $4::int, $5::text)`;

const IN_PERIOD = `c.created_at >= $1::timestamptz AND c.created_at < $2::timestamptz
  AND ($4::int IS NULL OR $4::int IN (c.area_id, c.micro_grid_id, c.grid_id, c.community_id, c.street_id, c.district_id))`;

const LOCAL_DAY = (unit: 'day' | 'week') => `to_char(date_trunc('${unit}', c.created_at AT TIME ZONE $5::text), 'YYYY-MM-DD')`;

// Each grouping as FROM … GROUP BY; the keys are fixed here, never taken from the request.
const GROUPED: Record<Exclude<StatGroup, 'area'>, { key: string; name: string; join: string }> = {
  category: { key: 'c.category_code', name: 'cat.name_zh', join: 'LEFT JOIN categories cat ON cat.code = c.category_code' },
  unit: { key: 'u.code', name: 'u.name', join: 'LEFT JOIN units u ON u.id = c.unit_id' },
  day: { key: LOCAL_DAY('day'), name: LOCAL_DAY('day'), join: '' },
  week: { key: LOCAL_DAY('week'), name: LOCAL_DAY('week'), join: '' },
};

const totalsSql = (scope: string) => `${PARAMS} SELECT ${RATES} FROM (SELECT ${AGGREGATES} FROM cases c WHERE ${IN_PERIOD} AND ${scope}) s`;

const groupedSql = (g: Exclude<StatGroup, 'area'>, scope: string) => {
  const { key, name, join } = GROUPED[g];
  return `${PARAMS} SELECT ${RATES} FROM (
    SELECT ${key} AS key, ${name} AS name, ${AGGREGATES}
    FROM cases c ${join} WHERE ${IN_PERIOD} AND ${scope}
    GROUP BY 1, 2) s
  ORDER BY s.key NULLS LAST`;
};

// Every child of the parent ($6, or the top level when NULL) gets a row, even with no cases;
// the scope predicate's parameters start at $7 here.
const byChildAreaSql = (scope: string) => `${PARAMS} SELECT ${RATES} FROM (
    SELECT ch.code AS key, ch.name, ${AGGREGATES}
    FROM areas ch
    LEFT JOIN cases c ON ch.id IN (c.area_id, c.micro_grid_id, c.grid_id, c.community_id, c.street_id, c.district_id)
                     AND ${IN_PERIOD} AND ${scope}
    WHERE ch.parent_id IS NOT DISTINCT FROM $6::int
    GROUP BY ch.id, ch.code, ch.name) s
  ORDER BY s.key`;

// A plain date is midnight in the deployment time zone.
const LOCAL_MIDNIGHT = `SELECT ($1::date::timestamp AT TIME ZONE $2::text) AS at`;

const base = (p: StatsParams) => [p.from, p.to, p.now, p.areaId, p.timeZone];

export const statsRepo = {
  localMidnight: async (q: Queryable, date: string, timeZone: string) => (await q.query<{ at: Date }>(LOCAL_MIDNIGHT, [date, timeZone]))[0]!.at,
  totals: async (q: Queryable, p: StatsParams, scope: SqlFragment) => (await q.query<IndicatorRow>(totalsSql(scope.sql), [...base(p), ...scope.params]))[0]!,
  grouped: (q: Queryable, g: Exclude<StatGroup, 'area'>, p: StatsParams, scope: SqlFragment) =>
    q.query<GroupRow>(groupedSql(g, scope.sql), [...base(p), ...scope.params]),
  /** `scope` must number its parameters from SCOPE_FIRST_PARAM + 1. */
  byChildArea: (q: Queryable, parentId: number | null, p: StatsParams, scope: SqlFragment) =>
    q.query<GroupRow>(byChildAreaSql(scope.sql), [...base(p), parentId, ...scope.params]),
};
