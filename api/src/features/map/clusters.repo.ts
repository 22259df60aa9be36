// SQL for clusters at query time (grouping the cases in a viewport by grid cell), the cases shown
// one by one, and the areas the aggregates key on.
import type { Queryable } from '../../db/db';
import { rangeBounds, type CellRange } from '../../lib/tile-grid';
import type { SqlFragment } from '../cases/case-scope';
import { deadlineFlags } from '../cases/cases.repo';
import { caseFilterParams, caseFilterSql, type CaseFilter } from '../cases/list.repo';
import type { CellStatusRow } from './map-cells.repo';

// The same cell arithmetic as the triggers (map_cell, map_e7) and the case list's own filter conditions
// (caseFilterSql, from $11), so both paths and the list agree case for case. The envelope only narrows
// the GiST search; the cell range decides. The scope predicate follows the filters' parameters.
const cellsSql = (areaLevel: string | null | undefined, scope: string) => `
  WITH hits AS (
    SELECT c.id, c.status, c.location,
           map_cell(map_norm_x(ST_X(c.location)), $1) AS gx, map_cell(map_norm_y(ST_Y(c.location)), $1) AS gy
    FROM cases c
    WHERE c.location && ST_MakeEnvelope($2, $3, $4, $5, 4326)
      AND ${caseFilterSql(FILTER_FIRST_PARAM, areaLevel)}
      AND ${scope})
  SELECT gx, gy, status, count(*)::int AS n, sum(map_e7(ST_X(location))) AS "sumX7", sum(map_e7(ST_Y(location))) AS "sumY7",
         sum(id) AS "sumId", array_agg(id::float8 ORDER BY id) FILTER (WHERE $10::boolean) AS ids
  FROM hits
  WHERE gx BETWEEN $6 AND $7 AND gy BETWEEN $8 AND $9
  GROUP BY gx, gy, status ORDER BY gx, gy, status`;
const FILTER_FIRST_PARAM = 11;

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


// The aggregates key cases on their street, else their district: a street is itself, a district is
// itself and every street below it.
const AREA_KEYS = `SELECT id FROM areas WHERE id = $1 UNION SELECT id FROM areas WHERE level = 'street' AND $1 = ANY (ancestor_ids)`;

// A hair wider than the cells, so no case on a cell edge is lost to rounding in the envelope.
const EDGE = 1e-9;

/** Where each query numbers the scope predicate's parameters from (caseScope's firstParam). */
export const SCOPE_PARAM = { cells: FILTER_FIRST_PARAM + 15, markers: 3 } as const;

export const clustersRepo = {
  /** Per cell and status, the cases in `range` that match the filter and the scope; `withIds` adds their ids. */
  cells(q: Queryable, range: CellRange, f: CaseFilter, now: Date, scope: SqlFragment, withIds: boolean): Promise<CellStatusRow[]> {
    const [w, s, e, n] = rangeBounds(range);
    // The viewport is the envelope above; the list's own bbox filter stays unset here.
    return q.query<CellStatusRow>(cellsSql(f.areaLevel, scope.sql), [
      range.z, w - EDGE, s - EDGE, e + EDGE, n + EDGE, range.gx0, range.gx1, range.gy0, range.gy1, withIds,
      ...caseFilterParams({ ...f, bbox: undefined }, now), ...scope.params,
    ]);
  },

  /** What a marker needs, for each of these cases the scope lets the user see. */
  markers: (q: Queryable, ids: number[], now: Date, scope: SqlFragment) =>
    q.query<CaseMarkerRow>(MARKERS.replace('SCOPE', scope.sql), [now, ids, ...scope.params]),



  /** The aggregate area keys for a street or district. */
  areaKeys: async (q: Queryable, areaId: number) => (await q.query<{ id: number }>(AREA_KEYS, [areaId])).map((r) => r.id),
};
