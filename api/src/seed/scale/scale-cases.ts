// N synthetic cases over three years, in creation order, each with its timeline: river problems
// on the banks (hot stretches draw more), fire hazards in residential micro-grids (busy estates
// draw more), most cases closed, a few per cent open or overdue, some rejected or merged.
// Each case draws from its own PRNG (seed, index), so a first pass can sort the creation times
// and the second pass regenerate every case in that order without holding a million in memory.
import type { TimeLimit } from '../../lib/time-limits';
import { handlingModeFor, severityFor, type Severity } from '../demo-case-fates';
import type { LonLat } from '../demo-lattice';
import { createRandom, type Random } from '../demo-random';
import { describe } from '../demo-texts';
import { MINUTE, shanghaiDate } from '../demo-time';
import type { MicroGrid, Neighbourhood, ScaleCity } from './scale-city';
import { insideCell, pointOnBank, type ScaleRiverSegment } from './scale-rivers';
import { reportTime } from './scale-time';
import { walkTimeline, type Fate, type ScaleTimeline, type Status } from './scale-timeline';
import { weightedPicker } from './weighted-picker';

export type ScaleCategory = { code: string; domain: 'river' | 'fire'; defaultSeverity: Severity };

/** Ids the generator writes into rows, looked up once after the reference data is loaded. */
export type WorldIds = {
  areaId(code: string): number;
  unit(microGrid: MicroGrid, category: string): { id: number; name: string; handlerId: number };
  inspectorId(microGrid: MicroGrid): number;
  dispatcherId(streetCode: string): number;
  leaderIds(microGrid: MicroGrid): readonly number[];
};

export type CaseWorld = {
  city: ScaleCity;
  rivers: readonly ScaleRiverSegment[];
  categories: readonly ScaleCategory[];
  /** Time limits keyed `category:severity`. */
  limits: ReadonlyMap<string, TimeLimit>;
  ids: WorldIds;
  now: number;
  seed: number;
  count: number;
};

export type ScaleCase = {
  id: number;
  code: string;
  categoryCode: string;
  severity: Severity;
  locationSource: 'exif' | 'device' | 'manual';
  lonLat: LonLat;
  description: string;
  microGrid: MicroGrid;
  unitId: number;
  reporterId: number;
  flags: string[];
  mergedIntoId: number | null;
  observedAt: number | null;
  createdAt: number;
  timeline: ScaleTimeline;
};

export const HISTORY_DAYS = 3 * 365;
// How far each case is meant to get; open fates are drawn recent (`days` back), the rest over three years.
const FATES: readonly (readonly [Status, number, number])[] = [
  ['closed', 886, HISTORY_DAYS], ['rejected', 50, HISTORY_DAYS], ['merged', 25, HISTORY_DAYS],
  ['submitted', 4, 2], ['registered', 4, 4], ['dispatched', 10, 12], ['in_progress', 13, 20], ['rectified', 8, 6],
];
const FATE_PICK = weightedPicker(FATES.map(([s, w]) => [s, w] as const));
const DAYS_BACK = new Map(FATES.map(([s, , d]) => [s, d]));

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
  estate: { fire_lane_blocked: 1.5 }, old: { ebike_indoor: 1.5, illegal_wiring: 1.5, corridor_clutter: 1.3 },
  village: { combustible_panels: 2.5, illegal_wiring: 1.5, three_in_one: 2 }, shops: { exit_blocked: 2, three_in_one: 2.5 },
  works: { three_in_one: 4, combustible_panels: 3, fire_equipment: 1.5 }, green: {},
};
// Residential blocks are where fire hazards are found; parks see few.
const KIND_WEIGHT: Record<Neighbourhood, number> = { estate: 1, old: 1.8, village: 1.4, shops: 1.5, works: 1.3, green: 0.1 };
const QUICK = new Set(['floating_debris', 'bank_garbage', 'corridor_clutter', 'fire_lane_blocked', 'ebike_indoor', 'exit_blocked']);
const RIVER_SHARE = 0.45;

/** A 32-bit seed for case `i`, so each case's draws depend on nothing else. */
const caseSeed = (seed: number, i: number) => Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35);

/** The first draws of case `i`: its fate and creation time. Pass one and pass two both start here. */
function opening(w: CaseWorld, i: number): { r: Random; target: Status; createdAt: number } {
  const r = createRandom(caseSeed(w.seed, i));
  const target = FATE_PICK(r);
  return { r, target, createdAt: reportTime(w.now, DAYS_BACK.get(target)!, r) };
}

/** Case indices in creation order; case ids follow it. */
export function creationOrder(w: CaseWorld): Uint32Array {
  const at = new Float64Array(w.count);
  for (let i = 0; i < w.count; i++) at[i] = opening(w, i).createdAt;
  const order = new Uint32Array(w.count);
  for (let i = 0; i < w.count; i++) order[i] = i;
  return order.sort((a, b) => at[a]! - at[b]! || a - b);
}

function fateFor(target: Status, category: string, r: Random): Fate {
  const quick = QUICK.has(category);
  switch (target) {
    case 'closed': {
      const path = quick && r.chance(0.25) ? 'on_the_spot' : 'normal';
      return { target, path, reworks: path === 'normal' ? r.weighted([[0, 88], [1, 10], [2, 2]]) : 0,
        pace: r.weighted([['on_time', 86], ['late', 12], ['stuck', 2]]) };
    }
    case 'rectified':
      return quick && r.chance(0.3) ? { target, path: 'on_the_spot', reworks: 0, pace: 'on_time' }
        : { target, path: 'normal', reworks: r.chance(0.15) ? 1 : 0, pace: 'on_time' };
    case 'rejected':
      return { target, path: 'reject', reworks: 0, pace: 'on_time' };
    case 'merged':
      return { target, path: 'merge', reworks: 0, pace: 'on_time' };
    case 'dispatched':
    case 'in_progress':
      return { target, path: 'normal', reworks: r.chance(0.15) ? 1 : 0, pace: r.weighted([['on_time', 7], ['late', 2], ['stuck', 1]]) };
    default:
      return { target, path: 'normal', reworks: 0, pace: 'on_time' };
  }
}

type Spot = { point: readonly [number, number]; microGrid: MicroGrid; category: string; ctx: { place: string; river?: string; bank?: string } };

/** The generator: `cases()` yields every case in creation order; `codeCounters` holds each day's last code number afterwards. */
export function createCaseGenerator(w: CaseWorld) {
  const pickSegment = weightedPicker(w.rivers.map((s) => [s, s.path.length * s.hotness] as const));
  const activity = createRandom(w.seed ^ 0xac7);
  const pickMicroGrid = weightedPicker(w.city.microGrids.map((m) =>
    [m, KIND_WEIGHT[m.kind] * Math.exp(1.5 * (activity.next() + activity.next() + activity.next() - 1.5))] as const));
  const codesOf = (d: 'river' | 'fire') => w.categories.filter((c) => c.domain === d).map((c) => c.code);
  const pickRiverCategory = weightedPicker(codesOf('river').map((c) => [c, RIVER_WEIGHTS[c] ?? 2] as const));
  const fireByKind = new Map(Object.entries(FIRE_BIAS).map(([kind, bias]) =>
    [kind, weightedPicker(codesOf('fire').map((c) => [c, (FIRE_WEIGHTS[c] ?? 2) * (bias[c] ?? 1)] as const))]));
  const categories = new Map(w.categories.map((c) => [c.code, c]));
  const codeCounters = new Map<string, number>();

  const riverSpot = (r: Random): Spot => {
    for (;;) {
      const segment = pickSegment(r);
      const spot = pointOnBank(w.city, segment, r);
      if (!spot) continue;
      const microGrid = w.city.microGridAt(spot.point[0], spot.point[1])!;
      return { point: spot.point, microGrid, category: pickRiverCategory(r), ctx: { place: microGrid.place, river: segment.riverName, bank: spot.bank } };
    }
  };
  const fireSpot = (r: Random): Spot => {
    const microGrid = pickMicroGrid(r);
    const point = [microGrid.col + r.range(0.02, 0.98), microGrid.row + r.range(0.02, 0.98)] as const;
    return { point, microGrid, category: fireByKind.get(microGrid.kind)!(r), ctx: { place: microGrid.place } };
  };

  function* cases(order: Uint32Array): Generator<ScaleCase> {
    let previous: ScaleCase | undefined;
    for (let k = 0; k < order.length; k++) {
      const id = k + 1;
      const { r, target, createdAt } = opening(w, order[k]!);
      // A duplicate is reported next to an open problem reported just before; with none yet, it is a report like any other.
      const mergeInto = target === 'merged' && previous && previous.timeline.status !== 'merged' ? previous : undefined;
      let spot: Spot;
      if (mergeInto) {
        const [u, v] = [mergeInto.microGrid.col, mergeInto.microGrid.row];
        spot = { point: [u + r.range(0.02, 0.98), v + r.range(0.02, 0.98)], microGrid: mergeInto.microGrid, category: mergeInto.categoryCode, ctx: { place: mergeInto.microGrid.place } };
      } else {
        spot = r.chance(RIVER_SHARE) ? riverSpot(r) : fireSpot(r);
      }
      const category = categories.get(spot.category)!;
      const severity = severityFor(category.defaultSeverity, r);
      const unit = w.ids.unit(spot.microGrid, category.code);
      const reporterId = w.ids.inspectorId(spot.microGrid);
      const day = shanghaiDate(createdAt);
      const n = (codeCounters.get(day) ?? 0) + 1;
      codeCounters.set(day, n);
      const code = `XC-${day}-${String(n).padStart(4, '0')}`;
      const fate = mergeInto ? fateFor('merged', category.code, r) : fateFor(target === 'merged' ? 'closed' : target, category.code, r);
      const timeline = walkTimeline(fate, createdAt, {
        category: category.code, reporterId, dispatcherId: w.ids.dispatcherId(spot.microGrid.lineage.street),
        leaderIds: w.ids.leaderIds(spot.microGrid), handlerId: unit.handlerId, unitId: unit.id, unitName: unit.name,
        limit: w.limits.get(`${category.code}:${severity}`) ?? { amount: 5, unit: 'working_days' },
        handlingMode: handlingModeFor(category.code, r), mergedIntoId: mergeInto?.id ?? null, mergedIntoCode: mergeInto?.code ?? null,
        now: w.now,
      }, r);
      const locationSource = r.weighted([['exif', 60], ['device', 33], ['manual', 7]] as const);
      if (!insideCell(spot.point[0]) || !insideCell(spot.point[1])) throw new Error(`case ${code} lies on a cell edge`);
      const c: ScaleCase = {
        id, code, categoryCode: category.code, severity, locationSource,
        lonLat: w.city.lattice.toLonLat(spot.point[0], spot.point[1]),
        description: describe(category.code, spot.ctx, r), microGrid: spot.microGrid, unitId: unit.id, reporterId,
        // GPS and photo EXIF now and then disagree by more than the tolerance.
        flags: locationSource === 'exif' && r.chance(0.05) ? ['location_conflict'] : [],
        mergedIntoId: timeline.status === 'merged' ? mergeInto!.id : null,
        // A photo is taken a little before it is sent; a typed-in location has no observation time.
        observedAt: locationSource === 'manual' ? null : createdAt - (locationSource === 'exif' ? r.range(2, 40) : r.range(0, 3)) * MINUTE,
        createdAt, timeline,
      };
      if (c.timeline.status !== 'merged' && c.timeline.status !== 'rejected') previous = c;
      yield c;
    }
  }

  return { cases, codeCounters };
}
