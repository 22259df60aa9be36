// Server-side clustering for the map: one feature per grid cell of the viewport, from the maintained
// aggregates when the caller's scope and filters map onto their keys, else grouped at query time.
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { GRID, gridFor, type Bbox, type CellRange } from '../../lib/tile-grid';
import type { SessionUser } from '../auth/auth.types';
import { findAreaFilter } from '../areas/areas.service';
import { checkCategoryFilter } from '../categories/category-filter';
import { caseScope } from '../cases/case-scope';
import type { CaseFilter } from '../cases/list.repo';
import { clustersRepo, SCOPE_PARAM } from './clusters.repo';
import { toFeatureCollection, type Cell } from './cluster-features';
import { MAP_CELLS_ZMAX, mapCellsRepo, type CellKeys, type CellStatusRow } from './map-cells.repo';

export type ClustersDeps = { db: Db; clock: Clock };

export type ClustersQuery = Omit<CaseFilter, 'areaId' | 'areaLevel' | 'reporterId' | 'bbox'> & {
  bbox: Bbox;
  zoom: number;
  area?: string | undefined;
  mine?: boolean | undefined;
};

export type ClusterPath = 'aggregates' | 'query';

/** Past the stored zooms, cells with at most this many cases show each case. */
const EXPAND_MAX = 8;

// Areas the aggregates key on: a caller or filter at one of these levels stays on the fast path.
const KEYED_LEVELS = new Set(['street', 'district']);

/**
 * The viewport's clusters and single cases as GeoJSON. `path` forces one way of counting (tests
 * use it to prove both agree); by default the aggregates are used whenever they can answer.
 */
export async function mapClusters(deps: ClustersDeps, user: SessionUser, query: ClustersQuery, path?: ClusterPath) {
  const range = gridFor(query.bbox, query.zoom);
  if (!range) {
    throw new ApiError(400, 'viewport_too_large', `this bbox spans more than ${GRID.maxCells} cells even ${GRID.maxCoarsen} zooms out; zoom in or send the visible bbox`, {
      field: 'bbox',
    });
  }
  const { area, mine, bbox: _bbox, zoom: _zoom, ...filter } = query;
  const [areaRow] = await Promise.all([findAreaFilter(deps.db, area), checkCategoryFilter(deps.db, filter.category)]);

  const keys = range.z <= MAP_CELLS_ZMAX ? await aggregateKeys(deps.db, user, query, areaRow) : null;
  const chosen = path ?? (keys ? 'aggregates' : 'query');
  const now = deps.clock.now();
  let rows: CellStatusRow[];
  if (chosen === 'aggregates') {
    if (!keys) throw new Error('these filters cannot be answered from the aggregates');
    rows = await mapCellsRepo.cells(deps.db, range, keys);
  } else {
    const caseFilter: CaseFilter = { ...filter, areaId: areaRow?.id, areaLevel: areaRow?.level, reporterId: mine ? user.id : undefined };
    rows = await clustersRepo.cells(deps.db, range, caseFilter, now, caseScope(user, 'c', SCOPE_PARAM.cells), range.z > MAP_CELLS_ZMAX);
  }
  const cells = combine(rows);
  const shown = casesToShow(cells, range);
  const markers = shown.length ? await clustersRepo.markers(deps.db, shown, now, caseScope(user, 'c', SCOPE_PARAM.markers)) : [];
  return toFeatureCollection(range, cells, markers, chosen);
}

/** The aggregate keys for this caller and these filters, or null when only the cases can answer. */
async function aggregateKeys(db: Db, user: SessionUser, q: ClustersQuery, area: { id: number; level: string } | undefined): Promise<CellKeys | null> {
  if (q.overdue !== undefined || q.dueSoon !== undefined || q.urgent !== undefined || q.q || q.from || q.to || q.mine) return null;
  if (area && !KEYED_LEVELS.has(area.level)) return null;
  let areaKeys: number[] | null = area ? await clustersRepo.areaKeys(db, area.id) : null;
  let unitKey: number | null = null;
  switch (user.role) {
    case 'admin':
      break;
    case 'dispatcher':
    case 'supervisor': {
      // A home area below a street (not expected, but allowed) is not a key: count at query time.
      if (user.areaId === null || !user.areaLevel || !KEYED_LEVELS.has(user.areaLevel)) return null;
      const home = await clustersRepo.areaKeys(db, user.areaId);
      areaKeys = areaKeys === null ? home : areaKeys.filter((k) => home.includes(k));
      break;
    }
    case 'handler':
      if (user.unitId === null) return null;
      unitKey = user.unitId;
      break;
    case 'inspector':
      // Their own micro-grid or grid plus their own reports: selective, so grouped at query time.
      return null;
  }
  return { areaKeys, status: q.status ?? null, category: q.category ?? null, unitKey };
}

/** Folds the per-status rows of each cell into one cell, in the rows' (gx, gy, status) order. */
export function combine(rows: CellStatusRow[]): Cell[] {
  const cells: Cell[] = [];
  for (const r of rows) {
    let cell = cells.at(-1);
    if (!cell || cell.gx !== r.gx || cell.gy !== r.gy) {
      cell = { gx: r.gx, gy: r.gy, count: 0, byStatus: {}, sumX7: 0, sumY7: 0, sumId: 0, ids: [] };
      cells.push(cell);
    }
    cell.count += r.n;
    cell.byStatus[r.status] = r.n;
    cell.sumX7 += Number(r.sumX7);
    cell.sumY7 += Number(r.sumY7);
    cell.sumId += Number(r.sumId);
    if (r.ids && cell.ids) cell.ids.push(...r.ids.map(Number));
    else cell.ids = null;
  }
  return cells;
}

/**
 * The cases drawn one by one: the only case of a one-case cell (its id is the cell's id sum), and
 * beyond the stored zooms the cases of small cells, smallest cells first, while the whole answer
 * stays within GRID.maxCells features.
 */
export function casesToShow(cells: Cell[], range: CellRange): number[] {
  const ids = cells.filter((c) => c.count === 1).map((c) => c.sumId);
  if (range.z <= MAP_CELLS_ZMAX) return ids;
  let features = cells.length;
  const small = cells.filter((c) => c.count > 1 && c.count <= EXPAND_MAX && c.ids).sort((a, b) => a.count - b.count || a.gx - b.gx || a.gy - b.gy);
  for (const c of small) {
    if (features + c.count - 1 > GRID.maxCells) break;
    features += c.count - 1;
    ids.push(...c.ids!);
  }
  return ids;
}
