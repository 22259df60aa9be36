// SQL for clusters at query time (grouping the cases in a viewport by grid cell), the cases shown
// one by one, and the areas the aggregates key on.
import type { Queryable } from '../../db/db';
import { rangeBounds, type CellRange } from '../../lib/tile-grid';
import type { SqlFragment } from '../cases/case-scope';
import { deadlineFlags } from '../cases/cases.repo';
import type { CaseFilter } from '../cases/list.repo';
import type { CellStatusRow } from './map-cells.repo';

// The same cell arithmetic as the triggers (map_cell, map_e7) and the same predicates as the case
// list (list.repo.ts), so both paths and the list agree case for case. The envelope only narrows
// the GiST search; the cell range decides. The scope predicate follows at $22.
const CELLS = `
  WITH hits AS (
    SELECT c.id, c.status, c.location,
           map_cell(map_norm_x(ST_X(c.location)), $1) AS gx, map_cell(map_norm_y(ST_Y(c.location)), $1) AS gy
    FROM cases c
    WHERE c.location && ST_MakeEnvelope($2, $3, $4, $5, 4326)
      AND ($12::text[] IS NULL OR c.status = ANY ($12::text[]))
      AND ($13::text[] IS NULL OR c.category_code = ANY ($13::text[]))
      AND ($14::int IS NULL OR $14::int IN (c.area_id, c.micro_grid_id, c.grid_id, c.community_id, c.street_id, c.district_id))
      AND ($15::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at < $11::timestamptz) = $15)
      AND ($16::boolean IS NULL OR (c.status IN ('dispatched', 'in_progress') AND c.due_at >= $11::timestamptz
                                    AND $11::timestamptz >= c.due_at - (c.due_at - c.dispatched_at) * 0.2) = $16)
      AND ($17::boolean IS NULL OR c.urgent = $17)
      AND ($18::text IS NULL OR c.code ILIKE $18 OR c.description ILIKE $18)
      AND ($19::timestamptz IS NULL OR c.created_at >= $19)
      AND ($20::timestamptz IS NULL OR c.created_at < $20)
      AND ($21::int IS NULL OR c.reporter_id = $21::int)
      AND SCOPE)
  SELECT gx, gy, status, count(*)::int AS n, sum(map_e7(ST_X(location))) AS "sumX7", sum(map_e7(ST_Y(location))) AS "sumY7",
         sum(id) AS "sumId", array_agg(id::float8 ORDER BY id) FILTER (WHERE $10::boolean) AS ids
  FROM hits
  WHERE gx BETWEEN $6 AND $7 AND gy BETWEEN $8 AND $9
  GROUP BY gx, gy, status ORDER BY gx, gy, status`;

export type CaseMarkerRow = {
  id: number;
  code: string;
  status: string;
  category: string;
  severity: string;
  urgent: boolean;
  overdue: boolean;
  dueSoon: boolean;
  lon: number;
  lat: number;
};

const MARKERS = `
  SELECT c.id, c.code, c.status, c.category_code AS category, c.severity, c.urgent, ${deadlineFlags('$1::timestamptz')},
         ST_X(c.location) AS lon, ST_Y(c.location) AS lat
  FROM cases c
  WHERE c.id = ANY ($2::bigint[]) AND SCOPE
  ORDER BY c.id`;

const AREA_LEVEL = `SELECT level FROM areas WHERE id = $1`;
const FIND_AREA = `SELECT id, level FROM areas WHERE code = $1 OR id::text = $1`;

// The aggregates key cases on their street, else their district: a street is itself, a district is
// itself and every street below it.
const AREA_KEYS = `SELECT id FROM areas WHERE id = $1 UNION SELECT id FROM areas WHERE level = 'street' AND $1 = ANY (ancestor_ids)`;

/** `%text%` for ILIKE, with the user's own % and _ taken literally (as the case list does). */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

// A hair wider than the cells, so no case on a cell edge is lost to rounding in the envelope.
const EDGE = 1e-9;

/** Where each query numbers the scope predicate's parameters from (caseScope's firstParam). */
export const SCOPE_PARAM = { cells: 22, markers: 3 } as const;

export const clustersRepo = {
  /** Per cell and status, the cases in `range` that match the filter and the scope; `withIds` adds their ids. */
  cells(q: Queryable, range: CellRange, f: CaseFilter, now: Date, scope: SqlFragment, withIds: boolean): Promise<CellStatusRow[]> {
    const [w, s, e, n] = rangeBounds(range);
    return q.query<CellStatusRow>(CELLS.replace('SCOPE', scope.sql), [
      range.z, w - EDGE, s - EDGE, e + EDGE, n + EDGE, range.gx0, range.gx1, range.gy0, range.gy1, withIds, now,
      f.status ?? null, f.category ?? null, f.areaId ?? null, f.overdue ?? null, f.dueSoon ?? null, f.urgent ?? null,
      f.q ? contains(f.q) : null, f.from ?? null, f.to ?? null, f.reporterId ?? null, ...scope.params,
    ]);
  },

  /** What a marker needs, for each of these cases the scope lets the user see. */
  markers: (q: Queryable, ids: number[], now: Date, scope: SqlFragment) =>
    q.query<CaseMarkerRow>(MARKERS.replace('SCOPE', scope.sql), [now, ids, ...scope.params]),

  findArea: async (q: Queryable, codeOrId: string) => (await q.query<{ id: number; level: string }>(FIND_AREA, [codeOrId]))[0],

  areaLevel: async (q: Queryable, id: number) => (await q.query<{ level: string }>(AREA_LEVEL, [id]))[0]?.level,

  /** The aggregate area keys for a street or district. */
  areaKeys: async (q: Queryable, areaId: number) => (await q.query<{ id: number }>(AREA_KEYS, [areaId])).map((r) => r.id),
};
