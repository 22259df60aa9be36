// SQL for listing cases with filters, inside a scope, a page at a time.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from './case-scope';
import { deadlineFlags } from './cases.repo';

export type CaseFilter = {
  status?: string[] | undefined;
  category?: string[] | undefined;
  /** An area id: cases anywhere below it. */
  areaId?: number | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
  overdue?: boolean | undefined;
  dueSoon?: boolean | undefined;
  urgent?: boolean | undefined;
  q?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Only the cases this user reported (我的上报). */
  reporterId?: number | undefined;
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
  total: number;
};

// Every filter is a parameter that may be NULL; the scope predicate follows at $18.
const LIST = `
  SELECT c.id, c.code, c.status, c.category_code AS "categoryCode", c.severity, left(c.description, 200) AS description,
         ST_AsGeoJSON(c.location, 7)::json AS location,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'name', u.name) END AS unit,
         c.flags, c.urgent, ${deadlineFlags('$1::timestamptz')},
         c.created_at AS "createdAt", c.due_at AS "dueAt", count(*) OVER () AS total
  FROM cases c
  LEFT JOIN areas a ON a.id = c.area_id
  LEFT JOIN units u ON u.id = c.unit_id
  WHERE ($2::text[] IS NULL OR c.status = ANY ($2::text[]))
    AND ($3::text[] IS NULL OR c.category_code = ANY ($3::text[]))
    AND ($4::int IS NULL OR $4::int IN (c.area_id, c.micro_grid_id, c.grid_id, c.community_id, c.street_id, c.district_id))
    AND ($5::float8 IS NULL OR c.location && ST_MakeEnvelope($5, $6, $7, $8, 4326))
    AND ($9::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at < $1::timestamptz) = $9)
    AND ($10::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at >= $1::timestamptz
                                  AND $1::timestamptz >= c.due_at - (c.due_at - c.dispatched_at) * 0.2) = $10)
    AND ($11::boolean IS NULL OR c.urgent = $11)
    AND ($12::text IS NULL OR c.code ILIKE $12 OR c.description ILIKE $12)
    AND ($13::timestamptz IS NULL OR c.created_at >= $13)
    AND ($14::timestamptz IS NULL OR c.created_at < $14)
    AND ($17::int IS NULL OR c.reporter_id = $17::int)`;

const ORDER_PAGE = `ORDER BY c.created_at DESC, c.id DESC LIMIT $15 OFFSET $16`;

/** `%text%` for ILIKE, with the user's own % and _ taken literally. */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

export const listRepo = {
  list: (q: Queryable, f: CaseFilter, now: Date, page: { limit: number; offset: number }, scope: SqlFragment) =>
    q.query<CaseSummaryRow>(`${LIST} AND ${scope.sql} ${ORDER_PAGE}`, [
      now, f.status ?? null, f.category ?? null, f.areaId ?? null, ...(f.bbox ?? [null, null, null, null]),
      f.overdue ?? null, f.dueSoon ?? null, f.urgent ?? null, f.q ? contains(f.q) : null, f.from ?? null, f.to ?? null,
      page.limit, page.offset, f.reporterId ?? null, ...scope.params,
    ]),
};
