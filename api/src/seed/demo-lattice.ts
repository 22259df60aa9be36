// Maps the demo's lattice index space (column u east, row v north) to WGS-84. Each vertex is
// jittered by a hash of its indices, the whole lattice gently warped and rotated, so area edges
// look like streets rather than a chessboard while every cell stays a convex quadrilateral.
import { vertexNoise } from './demo-random';

export type LonLat = [number, number];

export type LatticeOptions = {
  cols: number;
  rows: number;
  /** Cell width and height in metres. */
  cellWidthM: number;
  cellHeightM: number;
  /** Where the lattice's centre lies. */
  center: LonLat;
  /** Counter-clockwise turn of the whole lattice. */
  rotationDeg: number;
  /** Largest vertex displacement as a fraction of a cell; below ~0.2 every cell stays convex. */
  jitter: number;
  /** Amplitude in metres of the slow sine warp that bends the street lines. */
  warpM: number;
  salt: number;
};

export type Lattice = {
  readonly cols: number;
  readonly rows: number;
  /** The position of lattice vertex (i, j), rounded to 1e-7° (about 1 cm) so shared edges match exactly. */
  vertex(i: number, j: number): LonLat;
  /** Any index-space point, bilinear inside its cell (and extrapolated beyond the edge cells). */
  toLonLat(u: number, v: number): LonLat;
};

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;
const M_PER_DEG_LAT = 110_850;

export function createLattice(o: LatticeOptions): Lattice {
  const mPerDegLon = 111_320 * Math.cos((o.center[1] * Math.PI) / 180);
  const rot = (o.rotationDeg * Math.PI) / 180;
  const cos = Math.cos(rot);
  const sin = Math.sin(rot);
  const halfW = (o.cols * o.cellWidthM) / 2;
  const halfH = (o.rows * o.cellHeightM) / 2;

  const place = (i: number, j: number): LonLat => {
    let x = i * o.cellWidthM + vertexNoise(i, j, o.salt) * o.jitter * o.cellWidthM - halfW;
    let y = j * o.cellHeightM + vertexNoise(i, j, o.salt + 1) * o.jitter * o.cellHeightM - halfH;
    // Long, gentle waves: their slope stays under ~0.15, so convexity survives the jitter.
    const wx = o.warpM * Math.sin((2 * Math.PI * y) / 3600 + 0.6);
    const wy = o.warpM * 0.8 * Math.sin((2 * Math.PI * x) / 4300 + 1.9);
    x += wx;
    y += wy;
    const xr = x * cos - y * sin;
    const yr = x * sin + y * cos;
    return [round7(o.center[0] + xr / mPerDegLon), round7(o.center[1] + yr / M_PER_DEG_LAT)];
  };

  const grid: LonLat[][] = [];
  for (let j = 0; j <= o.rows; j++) {
    const row: LonLat[] = [];
    for (let i = 0; i <= o.cols; i++) row.push(place(i, j));
    grid.push(row);
  }
  const vertex = (i: number, j: number): LonLat => {
    const p = grid[j]?.[i];
    if (!p) throw new Error(`no lattice vertex (${i}, ${j})`);
    return p;
  };

  return {
    cols: o.cols,
    rows: o.rows,
    vertex,
    toLonLat(u, v) {
      const i = Math.min(Math.max(Math.floor(u), 0), o.cols - 1);
      const j = Math.min(Math.max(Math.floor(v), 0), o.rows - 1);
      const s = u - i;
      const t = v - j;
      const [p00, p10, p01, p11] = [vertex(i, j), vertex(i + 1, j), vertex(i, j + 1), vertex(i + 1, j + 1)];
      const at = (k: 0 | 1) => (1 - s) * (1 - t) * p00[k] + s * (1 - t) * p10[k] + (1 - s) * t * p01[k] + s * t * p11[k];
      return [round7(at(0)), round7(at(1))];
    },
  };
}

/** Whether the four corners of cell (i, j) turn left at every corner, i.e. the cell is convex and counter-clockwise. */
export function cellIsConvex(l: Lattice, i: number, j: number): boolean {
  const q = [l.vertex(i, j), l.vertex(i + 1, j), l.vertex(i + 1, j + 1), l.vertex(i, j + 1)];
  return q.every((p, k) => {
    const a = q[(k + 3) % 4]!;
    const b = q[(k + 1) % 4]!;
    return (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]) > 0;
  });
}
