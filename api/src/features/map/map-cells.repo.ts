// SQL over the maintained cluster aggregates (map_cells, map_cells_detail; migration 0008).
import type { Queryable } from '../../db/db';
import type { CellRange } from '../../lib/tile-grid';

/** Zooms up to this one are stored; must equal map_cells_zmax() in migration 0008 (a test checks). */
export const MAP_CELLS_ZMAX = 17;

/** One cell's cases of one status: their count, coordinate sums (1e-7 degrees) and id sum. */
export type CellStatusRow = { gx: number; gy: number; status: string; n: number; sumX7: number; sumY7: number; sumId: number; ids: number[] | null };

/** What the aggregates can select on; null means "any". */
export type CellKeys = {
  /** Street ids, or district ids for cases in no street; 0 for unassigned cases. */
  areaKeys: number[] | null;
  status: string[] | null;
  category: string[] | null;
  /** Only cases dispatched to this unit (the handler scope). */
  unitKey: number | null;
};

const COLUMNS = `gx, gy, status, sum(n)::int AS n, sum(sum_x7) AS "sumX7", sum(sum_y7) AS "sumY7", sum(sum_id) AS "sumId", NULL::float8[] AS ids`;

// gx = ANY(…) walks the primary key once per column of cells; a range on gx would scan every row
// between the first and last column.
const WHERE = `z = $1 AND gx = ANY ($2::int[]) AND gy BETWEEN $3 AND $4 AND n <> 0
    AND ($5::int[] IS NULL OR area_key = ANY ($5::int[]))
    AND ($6::text[] IS NULL OR status = ANY ($6::text[]))`;

const FROM_MAP_CELLS = `SELECT ${COLUMNS} FROM map_cells WHERE ${WHERE} GROUP BY gx, gy, status ORDER BY gx, gy, status`;

const FROM_DETAIL = `SELECT ${COLUMNS} FROM map_cells_detail WHERE ${WHERE}
    AND ($7::text[] IS NULL OR category_code = ANY ($7::text[]))
    AND ($8::int IS NULL OR unit_key = $8::int)
  GROUP BY gx, gy, status ORDER BY gx, gy, status`;

const columns = (r: CellRange) => Array.from({ length: r.gx1 - r.gx0 + 1 }, (_, i) => r.gx0 + i);

export const mapCellsRepo = {
  /** Per cell and status, the cases matching `keys` in the cells of `range` (range.z ≤ MAP_CELLS_ZMAX). */
  cells(q: Queryable, range: CellRange, keys: CellKeys): Promise<CellStatusRow[]> {
    const base = [range.z, columns(range), range.gy0, range.gy1, keys.areaKeys, keys.status];
    // The narrow table suffices unless a category or a unit is asked for.
    if (keys.category === null && keys.unitKey === null) return q.query<CellStatusRow>(FROM_MAP_CELLS, base);
    return q.query<CellStatusRow>(FROM_DETAIL, [...base, keys.category, keys.unitKey]);
  },
};

/**
 * Recomputes the cluster aggregates from the cases table, in one transaction (the SQL function
 * map_cells_rebuild() in migration 0008). For bulk loads that ran with the cases triggers disabled.
 * @example await db.exec('ALTER TABLE cases DISABLE TRIGGER USER'); … load …; await db.exec('ALTER TABLE cases ENABLE TRIGGER USER'); await rebuildMapCells(db);
 */
export async function rebuildMapCells(q: Queryable): Promise<void> {
  await q.query('SELECT map_cells_rebuild()');
}
