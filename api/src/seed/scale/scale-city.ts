// A synthetic city for benchmarks: four districts, each with eight streets, 32 communities,
// 128 grids and 512 micro-grids, cut from one jittered lattice (one cell = one micro-grid) so
// that every level tiles its parent exactly. Pure and deterministic for a given seed.
import type { AreaLevel } from '../../features/areas/areas.repo';
import { createLattice, type Lattice, type LonLat } from '../demo-lattice';
import { createRandom, vertexNoise, type Random } from '../demo-random';
import { regionRing, type Region } from '../demo-regions';

/** What a micro-grid mostly holds: it steers how many fire hazards are reported there, and which. */
export type Neighbourhood = 'estate' | 'old' | 'village' | 'works' | 'shops' | 'green';

export type ScaleArea = {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  geometry: { type: 'Polygon'; coordinates: LonLat[][] };
};

export type MicroGrid = {
  /** Index in `city.microGrids`, which is also column + row × cols. */
  index: number;
  col: number;
  row: number;
  code: string;
  /** The estate or block it is named after. */
  place: string;
  kind: Neighbourhood;
  /** Codes of the grid, community, street and district above it. */
  lineage: { grid: string; community: string; street: string; district: string };
};

export type ScaleCity = {
  lattice: Lattice;
  /** Parents before children. */
  areas: ScaleArea[];
  microGrids: MicroGrid[];
  streets: string[];
  districts: string[];
  /** The micro-grid under index point (u, v), or undefined outside the city. */
  microGridAt(u: number, v: number): MicroGrid | undefined;
};

// Cells per area along each axis at each level: district 32×16, street 8×8, community 4×4, grid 2×2, micro-grid 1×1.
export const CITY_COLS = 64;
export const CITY_ROWS = 32;
const SPLITS: readonly { level: AreaLevel; w: number; h: number }[] = [
  { level: 'district', w: 32, h: 16 }, { level: 'street', w: 8, h: 8 }, { level: 'community', w: 4, h: 4 },
  { level: 'grid', w: 2, h: 2 }, { level: 'micro_grid', w: 1, h: 1 },
];
const DISTRICTS = [['330701', '澄江区'], ['330702', '临湖区'], ['330703', '南桥区'], ['330704', '北塘区']] as const;
const HEADS = ['金', '银', '桂', '柳', '梅', '荷', '枫', '松', '桃', '杏', '兰', '竹', '湖', '清', '新', '东', '西', '南', '北', '文', '华', '锦', '瑞', '和'];
const TAILS = ['园', '湾', '桥', '塘', '港', '庄', '苑', '里', '坊', '湖', '山', '溪', '泾', '浜', '墩', '亭'];
const ESTATE_TAILS: Record<Neighbourhood, readonly string[]> = {
  estate: ['花园', '华庭', '雅苑', '公寓', '家园', '名邸'], old: ['新村', '小区', '一村', '二村'], village: ['村', '人家', '庄'],
  works: ['工业坊', '产业园', '物流园'], shops: ['商业街', '老街', '市场'], green: ['公园', '绿地', '湿地'],
};

const rect = (col: number, row: number, w: number, h: number): Region =>
  ({ row0: row, spans: Array.from({ length: h }, () => [col, col + w] as const) });

/** A name of two characters from the pools plus a suffix, unique within `used`. */
function uniqueName(r: Random, used: Set<string>, suffix: string): string {
  for (;;) {
    const name = `${r.pick(HEADS)}${r.pick(TAILS)}${suffix}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

/** Old town in the middle, estates around it, villages and works at the edge, parks here and there. */
function neighbourhood(col: number, row: number, r: Random): Neighbourhood {
  const dx = (col - CITY_COLS / 2) / (CITY_COLS / 2);
  const dy = (row - CITY_ROWS / 2) / (CITY_ROWS / 2);
  const d = Math.hypot(dx, dy) + 0.25 * vertexNoise(col >> 2, row >> 2, 7);
  if (r.chance(0.05)) return 'green';
  if (d < 0.35) return r.weighted([['old', 5], ['shops', 3], ['estate', 2]]);
  if (d < 0.8) return r.weighted([['estate', 7], ['old', 2], ['shops', 1]]);
  return r.weighted([['village', 4], ['works', 3], ['estate', 3]]);
}

/** Builds the city. The same seed always gives the same names; the geometry never changes. */
export function buildScaleCity(seed = 1): ScaleCity {
  const r = createRandom(seed ^ 0x5ca1e);
  const lattice = createLattice({
    cols: CITY_COLS, rows: CITY_ROWS, cellWidthM: 320, cellHeightM: 420,
    center: [120.95, 31.38], rotationDeg: 8, jitter: 0.15, warpM: 90, salt: 20_261_122,
  });
  const areas: ScaleArea[] = [];
  const microGrids: MicroGrid[] = new Array(CITY_COLS * CITY_ROWS);
  const names = new Set<string>();
  const add = (code: string, name: string, level: AreaLevel, parentCode: string | null, region: Region) => {
    const ring = regionRing(region).map(([i, j]) => lattice.vertex(i, j));
    areas.push({ code, name, level, parentCode, geometry: { type: 'Polygon', coordinates: [ring] } });
  };

  // Walks each level's rectangles inside its parent, west to east, then south to north.
  const children = (col: number, row: number, parent: { w: number; h: number }, child: { w: number; h: number }) => {
    const out: [number, number][] = [];
    for (let y = row; y < row + parent.h; y += child.h) for (let x = col; x < col + parent.w; x += child.w) out.push([x, y]);
    return out;
  };
  const [dS, sS, cS, gS, mS] = SPLITS as [typeof SPLITS[0], typeof SPLITS[0], typeof SPLITS[0], typeof SPLITS[0], typeof SPLITS[0]];
  const streets: string[] = [];
  children(0, 0, { w: CITY_COLS, h: CITY_ROWS }, dS).forEach(([dx, dy], di) => {
    const [dCode, dName] = DISTRICTS[di]!;
    add(dCode, dName, 'district', null, rect(dx, dy, dS.w, dS.h));
    children(dx, dy, dS, sS).forEach(([sx, sy], si) => {
      const sCode = `${dCode}${String(si + 1).padStart(3, '0')}`;
      streets.push(sCode);
      add(sCode, uniqueName(r, names, '街道'), 'street', dCode, rect(sx, sy, sS.w, sS.h));
      children(sx, sy, sS, cS).forEach(([cx, cy], ci) => {
        const cCode = `${sCode}${String(ci + 1).padStart(3, '0')}`;
        const cName = uniqueName(r, names, '社区');
        add(cCode, cName, 'community', sCode, rect(cx, cy, cS.w, cS.h));
        children(cx, cy, cS, gS).forEach(([gx, gy], gi) => {
          const gCode = `${cCode}${String(gi + 1).padStart(2, '0')}`;
          add(gCode, `${cName}第${'一二三四'[gi]}网格`, 'grid', cCode, rect(gx, gy, gS.w, gS.h));
          children(gx, gy, gS, mS).forEach(([mx, my], mi) => {
            const code = `${gCode}${String(mi + 1).padStart(2, '0')}`;
            const kind = neighbourhood(mx, my, r);
            const place = uniqueName(r, names, r.pick(ESTATE_TAILS[kind]));
            add(code, `${place}微网格`, 'micro_grid', gCode, rect(mx, my, 1, 1));
            const index = mx + my * CITY_COLS;
            microGrids[index] = { index, col: mx, row: my, code, place, kind, lineage: { grid: gCode, community: cCode, street: sCode, district: dCode } };
          });
        });
      });
    });
  });

  // Parents before children, as the area loader needs.
  const depth: Record<AreaLevel, number> = { district: 0, street: 1, community: 2, grid: 3, micro_grid: 4 };
  areas.sort((a, b) => depth[a.level] - depth[b.level]);
  return {
    lattice, areas, microGrids, streets, districts: DISTRICTS.map(([c]) => c),
    microGridAt(u, v) {
      if (!(u >= 0 && v >= 0 && u < CITY_COLS && v < CITY_ROWS)) return undefined;
      return microGrids[Math.floor(u) + Math.floor(v) * CITY_COLS];
    },
  };
}
