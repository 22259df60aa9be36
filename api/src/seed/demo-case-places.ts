// Where reports come from and what they are about: river problems on the banks of the rivers,
// fire hazards in the estates, weighted by what kind of neighbourhood a micro-grid is.
import type { DemoArea, DemoDistrict, Neighbourhood } from './demo-areas';
import type { Random } from './demo-random';
import { distanceToRivers, pointOnBank, type DemoRiverSegment, type IndexPoint } from './demo-rivers';
import type { PlaceContext } from './demo-texts';

export type Placed = { point: IndexPoint; microGrid: DemoArea; categoryCode: string; ctx: PlaceContext };

const RIVER_WEIGHTS: Record<string, number> = {
  floating_debris: 24, bank_garbage: 24, illegal_outfall: 10, black_odorous_water: 6,
  illegal_occupation: 9, illegal_sand_fishing: 8, bank_damage: 10, river_sign: 7,
};
const FIRE_WEIGHTS: Record<string, number> = {
  fire_lane_blocked: 16, ebike_indoor: 24, corridor_clutter: 18, exit_blocked: 8, fire_equipment: 12,
  illegal_wiring: 8, combustible_panels: 4, three_in_one: 3, fire_other: 3,
};
// Old estates charge e-bikes in corridors, villages build with steel panels, workshops house workers upstairs.
const FIRE_BIAS: Record<Neighbourhood, Record<string, number>> = {
  estate: { fire_lane_blocked: 1.5 },
  old: { ebike_indoor: 1.5, illegal_wiring: 1.5, corridor_clutter: 1.3 },
  village: { combustible_panels: 2.5, illegal_wiring: 1.5, three_in_one: 2 },
  shops: { exit_blocked: 2, three_in_one: 2.5, illegal_wiring: 1.3 },
  works: { three_in_one: 4, combustible_panels: 3, fire_equipment: 1.5 },
};
// Estates of these kinds see more patrols and more reports.
const KIND_WEIGHT: Record<Neighbourhood, number> = { estate: 1, old: 1.6, village: 1.3, shops: 1.4, works: 1.4 };

/** Categories of a domain with their weights; a category unknown here still gets a small share. */
function weightsFor(categories: readonly string[], table: Record<string, number>, bias: Record<string, number> = {}) {
  return categories.map((code) => [code, (table[code] ?? 2) * (bias[code] ?? 1)] as const);
}

/** A report on a river bank: the segment drawn by length, the category by river weights. */
export function placeRiverReport(d: DemoDistrict, rivers: readonly DemoRiverSegment[], riverCategories: readonly string[], r: Random): Placed {
  const segment = r.weighted(rivers.map((s) => [s, s.path.length] as const));
  for (;;) {
    const spot = pointOnBank(d, segment, r);
    const microGrid = spot && d.microGridAt(spot.point[0], spot.point[1]);
    if (!spot || !microGrid) continue;
    return {
      point: spot.point,
      microGrid,
      categoryCode: r.weighted(weightsFor(riverCategories, RIVER_WEIGHTS)),
      ctx: { place: microGrid.place?.name ?? microGrid.name, river: segment.riverName, bank: spot.bank },
    };
  }
}

/** A fire hazard somewhere in a micro-grid, away from the water. */
export function placeFireReport(d: DemoDistrict, rivers: readonly DemoRiverSegment[], fireCategories: readonly string[], r: Random): Placed {
  const microGrids = d.areas.filter((a) => a.level === 'micro_grid');
  const microGrid = r.weighted(microGrids.map((m) => [m, KIND_WEIGHT[m.place?.kind ?? 'estate']] as const));
  const cells = microGrid.region.spans.flatMap(([a, b], k) => Array.from({ length: b - a }, (_, i) => [a + i, microGrid.region.row0 + k] as const));
  for (;;) {
    const [i, j] = r.pick(cells);
    const point: IndexPoint = [i + r.range(0.08, 0.92), j + r.range(0.08, 0.92)];
    if (distanceToRivers(rivers, point[0], point[1]) < 0.25) continue;
    const kind = microGrid.place?.kind ?? 'estate';
    return {
      point,
      microGrid,
      categoryCode: r.weighted(weightsFor(fireCategories, FIRE_WEIGHTS, FIRE_BIAS[kind])),
      ctx: { place: microGrid.place?.name ?? microGrid.name },
    };
  }
}
