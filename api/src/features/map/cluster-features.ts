// Turns counted grid cells and the cases shown one by one into the RFC 7946 answer of /api/map/clusters.
import { cellBounds, GRID, type CellRange } from '../../lib/tile-grid';
import type { CaseMarkerRow } from './clusters.repo';
import type { ClusterPath } from './clusters.service';
import type { ClustersResponse } from './clusters.schemas';

/** One cell's cases: their count per state, sums of their coordinates (1e-7°) and ids. */
export type Cell = {
  gx: number;
  gy: number;
  count: number;
  byStatus: Record<string, number>;
  sumX7: number;
  sumY7: number;
  sumId: number;
  /** Every case id in the cell, when the query listed them (beyond the stored zooms). */
  ids: number[] | null;
};

type Feature = ClustersResponse['features'][number];
type Status = Extract<Feature['properties'], { kind: 'case' }>['status'];
type Severity = Extract<Feature['properties'], { kind: 'case' }>['severity'];

const round7 = (v: number) => Math.round(v * 1e7) / 1e7;

/** The FeatureCollection: each marker on its own, then each cell none of whose cases is drawn alone. */
export function toFeatureCollection(range: CellRange, cells: Cell[], markers: CaseMarkerRow[], source: ClusterPath): ClustersResponse {
  const found = new Set(markers.map((m) => m.id));
  // A cell gives way to its markers only when every one of its cases was found (a case changed
  // between the two reads stays counted in its cluster instead).
  const drawn = new Set<number>();
  const features: Feature[] = [];
  for (const cell of cells) {
    const alone = cell.count === 1 ? [cell.sumId] : (cell.ids ?? []);
    if (alone.length === cell.count && alone.every((id) => found.has(id))) {
      for (const id of alone) drawn.add(id);
      continue;
    }
    features.push({
      type: 'Feature',
      id: `${range.z}/${cell.gx}/${cell.gy}`,
      geometry: { type: 'Point', coordinates: [round7(cell.sumX7 / cell.count / 1e7), round7(cell.sumY7 / cell.count / 1e7)] },
      properties: {
        kind: 'cluster',
        count: cell.count,
        by_status: cell.byStatus,
        bbox: cellBounds(cell.gx, cell.gy, range.z).map(round7) as [number, number, number, number],
      },
    });
  }
  for (const m of markers) {
    if (!drawn.has(m.id)) continue;
    features.push({
      type: 'Feature',
      id: m.id,
      geometry: { type: 'Point', coordinates: [round7(m.lon), round7(m.lat)] },
      properties: {
        kind: 'case',
        id: m.id,
        code: m.code,
        status: m.status as Status,
        category: m.category,
        severity: m.severity as Severity,
        urgent: m.urgent,
        overdue: m.overdue,
        due_soon: m.dueSoon,
      },
    });
  }
  const total = cells.reduce((sum, c) => sum + c.count, 0);
  return { type: 'FeatureCollection', features, total, grid: { zoom: range.z, cell_px: GRID.cellPx }, source };
}
