// The city's waters: a main river meandering west to east, two tributaries from the north and
// south, and a canal. Paths live in lattice index space and are cut into segments of about
// eight cells, each with the street at its middle and a river chief (河长).
import type { LonLat } from '../demo-lattice';
import type { Random } from '../demo-random';
import { CITY_COLS, CITY_ROWS, type ScaleCity } from './scale-city';

export type IndexPoint = readonly [number, number];

export type ScaleRiverSegment = {
  code: string;
  riverName: string;
  name: string;
  streetCode: string;
  banks: readonly [string, string];
  /** How many reports this stretch draws compared with others of the same length (outfalls, markets, bridges). */
  hotness: number;
  path: IndexPoint[];
  geometry: { type: 'LineString'; coordinates: LonLat[] };
};

type RiverSpec = { code: string; name: string; banks: readonly [string, string]; path: IndexPoint[] };

const steps = (from: number, to: number, step: number) => {
  const n = Math.max(1, Math.round(Math.abs(to - from) / step));
  return Array.from({ length: n + 1 }, (_, k) => from + ((to - from) * k) / n);
};
const mainV = (u: number) => 14.5 + 3 * Math.sin(u / 9 + 0.3) + 0.8 * Math.sin(u / 2.9 + 1);

const RIVERS: readonly RiverSpec[] = [
  { code: 'CJ', name: '澄江', banks: ['北岸', '南岸'], path: steps(-0.5, CITY_COLS + 0.5, 0.4).map((u) => [u, mainV(u)]) },
  { code: 'LX', name: '柳溪', banks: ['西岸', '东岸'],
    path: steps(CITY_ROWS + 0.5, mainV(20), 0.4).map((v) => [20 + 2 * Math.sin(v / 4), v]) },
  { code: 'TH', name: '塘河', banks: ['西岸', '东岸'],
    path: steps(-0.5, mainV(45), 0.4).map((v) => [45 + 2.5 * Math.sin(v / 5 + 1), v]) },
  { code: 'XG', name: '新港', banks: ['北岸', '南岸'], path: steps(30, CITY_COLS + 0.5, 0.4).map((u) => [u, 25.5 + Math.sin(u / 6)]) },
];
const POINTS_PER_SEGMENT = 20;

/** The river segments of the city with their geometry, street and hotness. */
export function buildScaleRivers(city: ScaleCity, r: Random): ScaleRiverSegment[] {
  const out: ScaleRiverSegment[] = [];
  for (const river of RIVERS) {
    // Only the parts inside the city; the river runs on beyond it.
    const inside = river.path.filter(([u, v]) => city.microGridAt(u, v));
    for (let k = 0, n = 1; k + 1 < inside.length; k += POINTS_PER_SEGMENT, n++) {
      const path = inside.slice(k, k + POINTS_PER_SEGMENT + 1);
      if (path.length < 2) break;
      const mid = path[Math.floor(path.length / 2)]!;
      const street = city.microGridAt(mid[0], mid[1])!.lineage.street;
      out.push({
        code: `${river.code}-${String(n).padStart(2, '0')}`, riverName: river.name, name: `${river.name}第${n}段`,
        streetCode: street, banks: river.banks, hotness: r.weighted([[0.4, 3], [1, 5], [2.5, 2], [6, 1]]), path,
        geometry: { type: 'LineString', coordinates: path.map(([u, v]) => city.lattice.toLonLat(u, v)) },
      });
    }
  }
  return out;
}

/** A spot on one bank, 15 to 60 m from the centre line and clear of cell edges, or undefined if the draw fell outside. */
export function pointOnBank(city: ScaleCity, s: ScaleRiverSegment, r: Random): { point: IndexPoint; bank: string } | undefined {
  const k = r.int(0, s.path.length - 2);
  const [ax, ay] = s.path[k]!;
  const [bx, by] = s.path[k + 1]!;
  const t = r.next();
  const len = Math.hypot(bx - ax, by - ay);
  const left = r.chance(0.5);
  const off = (left ? 1 : -1) * r.range(0.04, 0.16);
  const u = ax + t * (bx - ax) - (off * (by - ay)) / len;
  const v = ay + t * (by - ay) + (off * (bx - ax)) / len;
  return insideCell(u) && insideCell(v) && city.microGridAt(u, v) ? { point: [u, v], bank: s.banks[left ? 0 : 1] } : undefined;
}

/** Away from the cell's edges, so rounding can never put a point in the neighbouring micro-grid. */
export const insideCell = (x: number) => {
  const f = x - Math.floor(x);
  return f > 0.01 && f < 0.99;
};
