// The demo district 清溪区 (fictional, around 31.3 N 120.6 E): two streets, five communities,
// ten grids and thirty micro-grids, cut from one jittered lattice so that children tile their parent.
import type { AreaLevel } from '../features/areas/areas.repo';
import { createLattice, type Lattice, type LonLat } from './demo-lattice';
import { checkRegion, evenSizes, regionCells, regionRing, splitCols, splitRows, type Region } from './demo-regions';

/** What a micro-grid mostly holds; it steers which fire hazards are reported there. */
export type Neighbourhood = 'estate' | 'old' | 'village' | 'works' | 'shops';

export type DemoArea = {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  region: Region;
  geometry: { type: 'Polygon'; coordinates: LonLat[][] };
  /** For micro-grids: the estate or block it is named after, and its kind. */
  place?: { name: string; kind: Neighbourhood };
};

export type DemoDistrict = {
  lattice: Lattice;
  /** Parents before children. */
  areas: DemoArea[];
  byCode: Map<string, DemoArea>;
  /** The micro-grid holding the cell under index point (u, v), if any. */
  microGridAt(u: number, v: number): DemoArea | undefined;
  /** The area and its ancestors' codes, deepest first. */
  lineage(code: string): string[];
};

type MicroSpec = readonly [name: string, kind: Neighbourhood];
type GridSpec = { split: 'rows' | 'quad'; micro: readonly MicroSpec[] };
type CommunitySpec = { name: string; rows: number; grids: readonly [GridSpec, GridSpec] };

const DISTRICT = { code: '320599', name: '清溪区' };
const STREETS: readonly { code: string; name: string; communities: readonly CommunitySpec[] }[] = [
  {
    code: '320599001', name: '望湖街道', communities: [
      { name: '湖滨社区', rows: 7, grids: [
        { split: 'rows', micro: [['湖滨花园', 'estate'], ['观湖苑', 'estate']] },
        { split: 'rows', micro: [['湖畔新村', 'old'], ['临湖雅居', 'estate'], ['望湖公寓', 'estate']] },
      ] },
      { name: '渔港社区', rows: 6, grids: [
        { split: 'rows', micro: [['渔港新村', 'old'], ['渔港老街', 'shops'], ['船舫里', 'village']] },
        { split: 'rows', micro: [['清溪人家', 'village'], ['鱼市弄', 'shops']] },
      ] },
      { name: '新桥社区', rows: 7, grids: [
        { split: 'rows', micro: [['新桥苑', 'estate'], ['新桥新村', 'old'], ['石桥弄', 'village']] },
        { split: 'rows', micro: [['桥东小区', 'old'], ['桥西花苑', 'estate'], ['虹桥公寓', 'estate']] },
      ] },
    ],
  },
  {
    code: '320599002', name: '桂园街道', communities: [
      { name: '桂香社区', rows: 10, grids: [
        { split: 'quad', micro: [['桂香园', 'estate'], ['丹桂苑', 'estate'], ['香樟公寓', 'estate'], ['桂花新村', 'old']] },
        { split: 'rows', micro: [['银杏小区', 'estate'], ['芳草苑', 'old'], ['桂香工业坊', 'works']] },
      ] },
      { name: '金桂社区', rows: 10, grids: [
        { split: 'quad', micro: [['金桂华庭', 'estate'], ['金桂新村', 'old'], ['玉兰苑', 'estate'], ['金桂商业街', 'shops']] },
        { split: 'rows', micro: [['枫林小区', 'estate'], ['和园', 'estate'], ['锦绣花园', 'estate']] },
      ] },
    ],
  },
];

// The district outline, row by row from the south: corners cut off in steps.
const DISTRICT_SPANS: readonly (readonly [number, number])[] = [
  [3, 21], [2, 22], [1, 23],
  ...Array.from({ length: 13 }, () => [0, 24] as const),
  [0, 23], [1, 23], [1, 22], [2, 21],
];
const GRID_ORDINALS = ['第一网格', '第二网格'];

// A street-like staircase for internal cuts: -1, 0 or +1 cell, changing every few rows.
const stairs = (phase: number) => (row: number) => Math.round(0.9 * Math.sin(row * 0.8 + phase));

/** Builds the district. Pure and deterministic: the same call always returns the same geometry. */
export function buildDemoDistrict(): DemoDistrict {
  const lattice = createLattice({
    cols: 24, rows: 20, cellWidthM: 300, cellHeightM: 320,
    center: [120.6, 31.3], rotationDeg: 11, jitter: 0.18, warpM: 90, salt: 20_260_401,
  });
  const areas: DemoArea[] = [];
  const owner = new Map<string, DemoArea>();
  const add = (a: Omit<DemoArea, 'geometry'>) => {
    checkRegion(a.region, a.code);
    const ring = regionRing(a.region).map(([i, j]) => lattice.vertex(i, j));
    const area: DemoArea = { ...a, geometry: { type: 'Polygon', coordinates: [ring] } };
    areas.push(area);
    if (a.level === 'micro_grid') for (const [i, j] of regionCells(a.region)) owner.set(`${i},${j}`, area);
    return area;
  };

  const district = add({ ...DISTRICT, level: 'district', parentCode: null, region: { row0: 0, spans: DISTRICT_SPANS } });
  // The street boundary jogs one cell west through the middle rows.
  const streetRegions = splitCols(district.region, 2, (row) => (row >= 6 && row <= 11 ? -1 : 0));
  STREETS.forEach((s, si) => {
    const street = add({ code: s.code, name: s.name, level: 'street', parentCode: district.code, region: streetRegions[si]! });
    const communityRegions = splitRows(street.region, s.communities.map((c) => c.rows));
    s.communities.forEach((c, ci) => {
      const community = add({
        code: `${s.code}${String(ci + 1).padStart(3, '0')}`, name: c.name, level: 'community',
        parentCode: street.code, region: communityRegions[ci]!,
      });
      const gridRegions = splitCols(community.region, 2, stairs(si * 3 + ci));
      c.grids.forEach((g, gi) => {
        const grid = add({
          code: `${community.code}${String(gi + 1).padStart(2, '0')}`, name: `${c.name}${GRID_ORDINALS[gi]}`,
          level: 'grid', parentCode: community.code, region: gridRegions[gi]!,
        });
        const microRegions = g.split === 'quad'
          ? splitRows(grid.region, evenSizes(grid.region.spans.length, 2)).flatMap((band) => splitCols(band, 2))
          : splitRows(grid.region, evenSizes(grid.region.spans.length, g.micro.length, gi === 1));
        g.micro.forEach(([name, kind], mi) => {
          add({
            code: `${grid.code}${String(mi + 1).padStart(2, '0')}`, name: `${name}微网格`, level: 'micro_grid',
            parentCode: grid.code, region: microRegions[mi]!, place: { name, kind },
          });
        });
      });
    });
  });

  const byCode = new Map(areas.map((a) => [a.code, a]));
  return {
    lattice,
    areas,
    byCode,
    microGridAt: (u, v) => owner.get(`${Math.floor(u)},${Math.floor(v)}`),
    lineage(code) {
      const out: string[] = [];
      for (let a = byCode.get(code); a; a = a.parentCode ? byCode.get(a.parentCode) : undefined) out.push(a.code);
      return out;
    },
  };
}
