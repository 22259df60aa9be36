// The demo's waters: 清溪河 meandering west to east across the district, and the canal 望湖港
// joining it from the north. Paths live in lattice index space and are mapped like the areas.
import type { DemoDistrict } from './demo-areas';
import type { LonLat } from './demo-lattice';
import type { Random } from './demo-random';

export type IndexPoint = readonly [number, number];

export type DemoRiverSegment = {
  code: string;
  riverName: string;
  name: string;
  /** The river chief 河长: a user when they have an account, otherwise only a name. */
  chiefUsername: string | null;
  chiefName: string;
  patrolEveryDays: number;
  areaCode: string;
  /** Names of the banks left and right of the path's direction. */
  banks: readonly [string, string];
  path: IndexPoint[];
  geometry: { type: 'LineString'; coordinates: LonLat[] };
};

// Where the canal meets the river, and where the river leaves 望湖街道.
const JUNCTION_U = 5.3;
const STREET_LINE_U = 11;
const CANAL_SPLIT_V = 15.5;

const riverV = (u: number) => 10 + 1.2 * Math.sin(u / 3.1 + 0.4) + 0.45 * Math.sin(u / 1.4 + 1);
const JUNCTION_V = riverV(JUNCTION_U);
const canalU = (v: number) => JUNCTION_U + 0.6 * Math.sin((v - JUNCTION_V) / 2.2);

/** Steps of about `step` from `from` to `to`, both included. */
function steps(from: number, to: number, step: number): number[] {
  const n = Math.max(1, Math.round((to - from) / step));
  return Array.from({ length: n + 1 }, (_, k) => from + ((to - from) * k) / n);
}

type SegmentSpec = Omit<DemoRiverSegment, 'path' | 'geometry'> & { path: IndexPoint[] };

const river = (from: number, to: number): IndexPoint[] => steps(from, to, 0.4).map((u) => [u, riverV(u)]);
const canal = (from: number, to: number): IndexPoint[] => steps(from, to, 0.4).map((v) => [canalU(v), v]);

const SEGMENTS: SegmentSpec[] = [
  { code: 'QXH-01', riverName: '清溪河', name: '清溪河望湖西段', chiefUsername: 'supervisor2', chiefName: '周晓梅',
    patrolEveryDays: 10, areaCode: '320599001', banks: ['北岸', '南岸'], path: river(-0.8, JUNCTION_U) },
  { code: 'QXH-02', riverName: '清溪河', name: '清溪河望湖东段', chiefUsername: null, chiefName: '何建平',
    patrolEveryDays: 7, areaCode: '320599001', banks: ['北岸', '南岸'], path: river(JUNCTION_U, STREET_LINE_U) },
  { code: 'QXH-03', riverName: '清溪河', name: '清溪河桂园段', chiefUsername: 'supervisor', chiefName: '刘建国',
    patrolEveryDays: 10, areaCode: '320599002', banks: ['北岸', '南岸'], path: river(STREET_LINE_U, 24.8) },
  { code: 'WHG-01', riverName: '望湖港', name: '望湖港南段', chiefUsername: null, chiefName: '钱国平',
    patrolEveryDays: 7, areaCode: '320599001', banks: ['西岸', '东岸'], path: canal(JUNCTION_V, CANAL_SPLIT_V) },
  { code: 'WHG-02', riverName: '望湖港', name: '望湖港北段', chiefUsername: null, chiefName: '孙丽',
    patrolEveryDays: 7, areaCode: '320599001', banks: ['西岸', '东岸'], path: canal(CANAL_SPLIT_V, 20.8) },
];

/** The five river segments with their geometry. */
export function buildDemoRivers(d: DemoDistrict): DemoRiverSegment[] {
  return SEGMENTS.map((s) => ({
    ...s,
    geometry: { type: 'LineString', coordinates: s.path.map(([u, v]) => d.lattice.toLonLat(u, v)) },
  }));
}

function distanceToPath(path: readonly IndexPoint[], u: number, v: number): number {
  let best = Infinity;
  for (let k = 0; k + 1 < path.length; k++) {
    const [ax, ay] = path[k]!;
    const [bx, by] = path[k + 1]!;
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.min(1, Math.max(0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)));
    best = Math.min(best, Math.hypot(u - ax - t * dx, v - ay - t * dy));
  }
  return best;
}

/** Distance in cells from an index point to the nearest river. */
export function distanceToRivers(segments: readonly DemoRiverSegment[], u: number, v: number): number {
  return Math.min(...segments.map((s) => distanceToPath(s.path, u, v)));
}

/** A spot on one bank of the segment, 10 to 45 m from the centre line, inside the district; undefined if the draw fell outside. */
export function pointOnBank(d: DemoDistrict, s: DemoRiverSegment, rand: Random): { point: IndexPoint; bank: string } | undefined {
  const k = rand.int(0, s.path.length - 2);
  const [ax, ay] = s.path[k]!;
  const [bx, by] = s.path[k + 1]!;
  const t = rand.next();
  const len = Math.hypot(bx - ax, by - ay);
  const left = rand.chance(0.5);
  const off = (left ? 1 : -1) * rand.range(0.04, 0.14);
  const u = ax + t * (bx - ax) - (off * (by - ay)) / len;
  const v = ay + t * (by - ay) + (off * (bx - ax)) / len;
  return d.microGridAt(u, v) ? { point: [u, v], bank: s.banks[left ? 0 : 1] } : undefined;
}
