// Web-Mercator cluster grid: 64-pixel cells at each zoom, the same arithmetic as map_cell() in
// migration 0008, so a viewport names exactly the cells the database groups cases into.

export type Bbox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/** Cells of one zoom: columns gx0..gx1 (west→east) and rows gy0..gy1 (north→south), inclusive. */
export type CellRange = { z: number; gx0: number; gx1: number; gy0: number; gy1: number };

export const GRID = {
  /** Cell size in screen pixels; 256-px tiles hold 4 × 4 cells. */
  cellPx: 64,
  /** Web maps stop at this latitude; the Mercator square ends there. */
  maxLat: 85.0511287798,
  /** The most cells (hence features) one request may cover; a 1920 × 1080 screen (about 31 × 18 cells)
   *  therefore clusters on the next coarser grid, 128-px cells. */
  maxCells: 500,
  /** A viewport too wide for its zoom is clustered on a coarser grid, at most this many zooms coarser. */
  maxCoarsen: 2,
};

const ONE_BELOW = 0.9999999999999999;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

/** Cells per axis at zoom z. */
export const cellsPerAxis = (z: number) => 4 * 2 ** z;

/** Mercator x in [0, 1). */
export const normX = (lon: number) => clamp((lon + 180) / 360, 0, ONE_BELOW);

/** Mercator y in [0, 1), north at 0. */
export function normY(lat: number): number {
  const s = Math.sin((clamp(lat, -GRID.maxLat, GRID.maxLat) * Math.PI) / 180);
  return clamp(0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI), 0, ONE_BELOW);
}

/** The cell [gx, gy] that holds lon/lat at zoom z. */
export function cellOf(lon: number, lat: number, z: number): [number, number] {
  const n = cellsPerAxis(z);
  return [Math.floor(normX(lon) * n), Math.floor(normY(lat) * n)];
}

/** The cells a bbox touches at zoom z. The bbox must not cross the antimeridian (minLon ≤ maxLon). */
export function cellRange(bbox: Bbox, z: number): CellRange {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const [gx0, gy0] = cellOf(minLon, maxLat, z);
  const [gx1, gy1] = cellOf(maxLon, minLat, z);
  return { z, gx0, gx1, gy0, gy1 };
}

export const cellCount = (r: CellRange) => (r.gx1 - r.gx0 + 1) * (r.gy1 - r.gy0 + 1);

const lonOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** The lon/lat bounds of cells gx0..gx1 × gy0..gy1 at zoom z. */
export function rangeBounds(r: CellRange): Bbox {
  const n = cellsPerAxis(r.z);
  return [lonOf(r.gx0 / n), latOf((r.gy1 + 1) / n), lonOf((r.gx1 + 1) / n), latOf(r.gy0 / n)];
}

/** The lon/lat bounds of one cell. */
export const cellBounds = (gx: number, gy: number, z: number): Bbox => rangeBounds({ z, gx0: gx, gx1: gx, gy0: gy, gy1: gy });

/**
 * The grid to cluster a viewport on: zoom z itself, or up to GRID.maxCoarsen zooms coarser when the
 * bbox spans more than GRID.maxCells cells; null when even that is too many (the viewport is far
 * larger than any screen at this zoom).
 * @example gridFor([120.5, 31.2, 120.6, 31.3], 14) // → { z: 14, gx0: …, … }
 */
export function gridFor(bbox: Bbox, z: number): CellRange | null {
  for (let g = z; g >= Math.max(0, z - GRID.maxCoarsen); g--) {
    const r = cellRange(bbox, g);
    if (cellCount(r) <= GRID.maxCells) return r;
  }
  return null;
}
