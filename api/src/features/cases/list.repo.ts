// SQL for listing cases with filters, inside a scope, a page at a time.
import type { Queryable } from '../../db/db';
import { belowArea, type SqlFragment } from './case-scope';
import { deadlineFlags } from './cases.repo';

export type CaseFilter = {
  status?: string[] | undefined;
  category?: string[] | undefined;
  /** An area id: cases anywhere below it. */
  areaId?: number | undefined;
  /** The level of `areaId`, so the query can test one indexed column. */
  areaLevel?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
  overdue?: boolean | undefined;
  dueSoon?: boolean | undefined;
  urgent?: boolean | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only the cases this user reported (我的上报). */
  reporterId?: number | undefined;
  /** Oldest first instead of newest first. */
  oldestFirst?: boolean | undefined;
};

export type CaseSummaryRow = {
  id: number;
  code: string;
  status: string;
  categoryCode: string;
  severity: string;
  description: string;
  location: { type: 'Point'; coordinates: [number, number] };
  area: { id: number; code: string; name: string; level: string } | null;
  unit: { id: number; name: string } | null;
  flags: string[];
  urgent: boolean;
  overdue: boolean;
  dueSoon: boolean;
  createdAt: Date;
  dueAt: Date | null;
};

/**
 * The list's filters on cases `c`, each a parameter that may be NULL, numbered from `first` ($first is the
 * clock, then status, category, area, bbox ×4, overdue, due soon, urgent, text, from, to, reporter: see
 * caseFilterParams). The area is tested on the column of its level (see belowArea), so one index serves it.
 * The map's query-time clusters use the same conditions, so both agree case for case.
 */
export function caseFilterSql(first: number, areaLevel: string | null | undefined): string {
  const $ = (i: number) => `$${first + i}`;
  const now = `${$(0)}::timestamptz`;
  return `(${$(1)}::text[] IS NULL OR c.status = ANY (${$(1)}::text[]))
    AND (${$(2)}::text[] IS NULL OR c.category_code = ANY (${$(2)}::text[]))
    AND (${$(3)}::int IS NULL OR ${belowArea('c', `${$(3)}::int`, areaLevel)})
    AND (${$(4)}::float8 IS NULL OR c.location && ST_MakeEnvelope(${$(4)}, ${$(5)}, ${$(6)}, ${$(7)}, 4326))
    AND (${$(8)}::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at < ${now}) = ${$(8)})
    AND (${$(9)}::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at >= ${now}
                                  AND ${now} >= c.due_at - (c.due_at - c.dispatched_at) * 0.2) = ${$(9)})
    AND (${$(10)}::boolean IS NULL OR c.urgent = ${$(10)})
    AND (${$(11)}::text IS NULL OR c.code ILIKE ${$(11)} OR c.description ILIKE ${$(11)})
    AND (${$(12)}::timestamptz IS NULL OR c.created_at >= ${$(12)})
    AND (${$(13)}::timestamptz IS NULL OR c.created_at < ${$(13)})
    AND (${$(14)}::int IS NULL OR c.reporter_id = ${$(14)}::int)`;
}

/** The values for caseFilterSql's parameters, in its order. */
export function caseFilterParams(f: CaseFilter, now: Date): unknown[] {
  return [
    now, f.status ?? null, f.category ?? null, f.areaId ?? null, ...(f.bbox ?? [null, null, null, null]),
    f.overdue ?? null, f.dueSoon ?? null, f.urgent ?? null, f.q ? contains(f.q) : null, f.from ?? null, f.to ?? null,
    f.reporterId ?? null,
  ];
}

const where = (areaLevel: string | null | undefined) => `WHERE ${caseFilterSql(1, areaLevel)}`;

// The page is chosen from cases alone, and only its rows are joined to areas and units; the total is
// a separate count that stops at COUNT_CAP, so neither reads every match of a broad filter.
const pageSql = (areaLevel: string | null | undefined, scope: string, oldestFirst: boolean, limitParam: number) => {
  const order = oldestFirst ? 'c.created_at, c.id' : 'c.created_at DESC, c.id DESC';
  return `
  WITH page AS (
    SELECT c.* FROM cases c ${where(areaLevel)} AND ${scope}
    ORDER BY ${order} LIMIT $${limitParam} OFFSET $${limitParam + 1})
  SELECT c.id, c.code, c.status, c.category_code AS "categoryCode", c.severity, left(c.description, 200) AS description,
         ST_AsGeoJSON(c.location, 7)::json AS location,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS unit,
         c.flags, c.urgent, ${deadlineFlags('$1::timestamptz')},
         c.created_at AS "createdAt", c.due_at AS "dueAt"
  FROM page c
  LEFT JOIN areas a ON a.id = c.area_id
  LEFT JOIN units u ON u.id = c.unit_id
  ORDER BY ${order}`;
};

// Ordered like the page, so the count walks the same index and stops at the cap.
const countSql = (areaLevel: string | null | undefined, scope: string, capParam: number) => `
  SELECT count(*)::int AS n FROM (SELECT 1 FROM cases c ${where(areaLevel)} AND ${scope} ORDER BY c.created_at DESC LIMIT $${capParam}) m`;

/** The list counts matches up to this many; past it the total says "at least". */
export const COUNT_CAP = 10_000;

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** The scope predicate must number its parameters from SCOPE_FIRST_PARAM. */
export const SCOPE_FIRST_PARAM = 16;

export const listRepo = {
  page: (q: Queryable, f: CaseFilter, now: Date, page: { limit: number; offset: number }, scope: SqlFragment) =>
    q.query<CaseSummaryRow>(pageSql(f.areaLevel, scope.sql, f.oldestFirst ?? false, SCOPE_FIRST_PARAM + scope.params.length), [
      ...caseFilterParams(f, now), ...scope.params, page.limit, page.offset,
    ]),
  /** How many cases match, counting no further than COUNT_CAP + 1. */
  count: async (q: Queryable, f: CaseFilter, now: Date, scope: SqlFragment) =>
    (await q.query<{ n: number }>(countSql(f.areaLevel, scope.sql, SCOPE_FIRST_PARAM + scope.params.length), [
      ...caseFilterParams(f, now), ...scope.params, COUNT_CAP + 1,
    ]))[0]!.n,
};
