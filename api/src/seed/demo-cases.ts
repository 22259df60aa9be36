// About 200 demo cases over the last 60 days: where they are, what they are, and how far each has
// got, in realistic proportions (most closed, a few overdue), from one seeded PRNG.
import type { DemoDistrict } from './demo-areas';
import { placeFireReport, placeRiverReport, type Placed } from './demo-case-places';
import type { LonLat } from './demo-lattice';
import type { DemoPeople } from './demo-people';
import { fateFor, fitTimeline, handlingModeFor, reportMoment, severityFor, shuffle, WINDOW_DAYS, type Severity } from './demo-case-fates';
import { createRandom, type Random } from './demo-random';
import type { DemoRiverSegment } from './demo-rivers';
import { describe, NOTES } from './demo-texts';
import type { TimeLimit } from '../lib/time-limits';
import { daylight, HOUR, MINUTE, officeTime, shanghaiDate } from './demo-time';
import type { EventSpec, HandlingMode, Status, TimelineContext } from './demo-timeline';

export type DemoCategory = { code: string; domain: 'river' | 'fire'; defaultSeverity: Severity };

export type { Severity };

export type CaseWorld = {
  district: DemoDistrict;
  rivers: readonly DemoRiverSegment[];
  people: DemoPeople;
  categories: readonly DemoCategory[];
  /** Time limits keyed `category:severity`. */
  limits: ReadonlyMap<string, TimeLimit>;
  now: Date;
};

export type DemoCase = {
  ref: number;
  code: string;
  categoryCode: string;
  severity: Severity;
  status: Status;
  handlingMode: HandlingMode | null;
  description: string;
  lonLat: LonLat;
  locationSource: 'exif' | 'device' | 'manual';
  unitCode: string | null;
  reporter: string;
  flags: string[];
  reworkCount: number;
  mergedIntoRef: number | null;
  observedAt: number | null;
  createdAt: number;
  dispatchedAt: number | null;
  dueAt: number | null;
  closedAt: number | null;
  events: EventSpec[];
};

// How many cases end in each status; merged duplicates and the two unassigned reports come on top (200 in all).
const QUOTAS: readonly (readonly [Status, number])[] = [
  ['closed', 123], ['rejected', 11], ['submitted', 8], ['registered', 6], ['dispatched', 14], ['in_progress', 16], ['rectified', 12],
];
const OVERDUE: Partial<Record<Status, number>> = { dispatched: 3, in_progress: 4 };
const MERGED = 8;
type Draft = Omit<DemoCase, 'code'> & { placed?: Placed };

/** Generates the demo cases. Deterministic for a given world and seed. */
export function generateDemoCases(w: CaseWorld, seed = 2026): DemoCase[] {
  const r = createRandom(seed);
  const now = w.now.getTime();
  const byDomain = (d: 'river' | 'fire') => w.categories.filter((c) => c.domain === d).map((c) => c.code);
  const riverCats = byDomain('river');
  const fireCats = byDomain('fire');
  const categories = new Map(w.categories.map((c) => [c.code, c]));
  const statuses = shuffle(QUOTAS.flatMap(([s, n]) => Array.from({ length: n }, () => s)), r);
  const overdueLeft = { ...OVERDUE };
  const drafts: Draft[] = [];

  const source = () => r.weighted([['exif', 60], ['device', 33], ['manual', 7]] as const);
  const base = (ref: number, placed: Placed | undefined, categoryCode: string, severity: Severity, reporter: string, lonLat: LonLat) => {
    const locationSource = source();
    return {
      ref, categoryCode, severity, reporter, lonLat, locationSource, placed,
      // GPS and photo EXIF now and then disagree by more than the tolerance.
      flags: locationSource === 'exif' && r.chance(0.05) ? ['location_conflict'] : [],
    };
  };

  for (const status of statuses) {
    const wantsOverdue = OVERDUE[status] === undefined ? undefined : (overdueLeft[status] ?? 0) > 0;
    if (wantsOverdue) overdueLeft[status]! -= 1;
    // Some draws cannot reach their fate: an hours-limit case dispatched last Friday is overdue by
    // Sunday, whatever happens. Draw another report then; after many misses, take it as it comes.
    for (let attempt = 0; ; attempt++) {
      const placed = r.chance(0.45) ? placeRiverReport(w.district, w.rivers, riverCats, r) : placeFireReport(w.district, w.rivers, fireCats, r);
      const category = categories.get(placed.categoryCode)!;
      const severity = severityFor(category.defaultSeverity, r);
      const lineage = w.district.lineage(placed.microGrid.code);
      const street = lineage[lineage.length - 2]!;
      let reporter = w.people.inspectorFor(placed.microGrid.code);
      if (reporter === 'inspector' && r.chance(0.15)) reporter = 'inspector2';
      const unit = w.people.unitFor(placed.microGrid.code, category.code);
      const ctx: TimelineContext = {
        category: category.code, reporter, dispatcher: w.people.dispatcherFor(street),
        supervisors: w.people.supervisorsFor(street),
        handler: unit.handler.username, unitCode: unit.code, unitName: unit.name,
        limit: w.limits.get(`${category.code}:${severity}`) ?? { amount: 5, unit: 'working_days' },
        handlingMode: handlingModeFor(category.code, r), now,
      };
      const fate = fateFor(status, category.code, attempt < 40 ? wantsOverdue : undefined, r);
      const fit = fitTimeline(fate, ctx, reportMoment(now, WINDOW_DAYS[status] ?? [0, 30], r), r.int(1, 2 ** 31));
      if (!fit) {
        if (attempt >= 80) throw new Error(`no demo ${status} case fits before ${w.now.toISOString()}`);
        continue;
      }
      const { createdAt, timeline } = fit;
      drafts.push({
        ...base(drafts.length, placed, category.code, severity, reporter, w.district.lattice.toLonLat(...placed.point)),
        status: timeline.status, handlingMode: timeline.handlingMode, description: describe(category.code, placed.ctx, r),
        unitCode: timeline.dispatchedAt === null ? null : unit.code, reworkCount: timeline.reworkCount, mergedIntoRef: null,
        observedAt: null, createdAt, dispatchedAt: timeline.dispatchedAt, dueAt: timeline.dueAt, closedAt: timeline.closedAt,
        events: timeline.events,
      });
      break;
    }
  }

  drafts.push(...mergedDuplicates(w, drafts, r, base));
  drafts.push(...unassigned(w, drafts.length, r, base));
  return finalize(drafts, r);
}

type BaseFn = (ref: number, placed: Placed | undefined, categoryCode: string, severity: Severity, reporter: string, lonLat: LonLat) =>
  Pick<Draft, 'ref' | 'categoryCode' | 'severity' | 'reporter' | 'lonLat' | 'locationSource' | 'flags' | 'placed'>;

/** Reports of a problem already being handled, a few metres away: the street office merges them into the open case. */
function mergedDuplicates(w: CaseWorld, drafts: readonly Draft[], r: Random, base: BaseFn): Draft[] {
  const now = w.now.getTime();
  const targets = shuffle(drafts.filter((d) => ['registered', 'dispatched', 'in_progress', 'rectified'].includes(d.status) && d.placed), r);
  const out: Draft[] = [];
  for (const target of targets) {
    if (out.length === MERGED) break;
    const from = target.createdAt + HOUR;
    const to = now - 40 * MINUTE;
    if (to - from < HOUR) continue;
    const placed = target.placed!;
    // Stay in the target's cell, so the duplicate lands in the same micro-grid.
    const near = (x: number) => Math.min(Math.floor(x) + 0.97, Math.max(Math.floor(x) + 0.03, x + r.range(-0.1, 0.1)));
    const point = [near(placed.point[0]), near(placed.point[1])] as const;
    const reporter = w.people.inspectorFor(placed.microGrid.code);
    const street = w.district.lineage(placed.microGrid.code).at(-2)!;
    const dispatcher = w.people.dispatcherFor(street);
    const c = Math.min(daylight(r.range(from, to), r), to);
    const accept = Math.min(officeTime(c + r.range(10, 90) * MINUTE, r), now - 20 * MINUTE);
    const merge = Math.min(accept + r.range(2, 15) * MINUTE, now - MINUTE);
    out.push({
      ...base(drafts.length + out.length, { ...placed, point }, target.categoryCode, target.severity, reporter, w.district.lattice.toLonLat(...point)),
      status: 'merged', handlingMode: null, description: describe(target.categoryCode, placed.ctx, r), unitCode: null, reworkCount: 0,
      mergedIntoRef: target.ref, observedAt: null, createdAt: c, dispatchedAt: null, dueAt: null, closedAt: null,
      events: [
        { action: 'submit', from: null, to: 'submitted', actor: reporter, role: 'inspector', at: c, note: null, detail: {} },
        { action: 'accept', from: 'submitted', to: 'registered', actor: dispatcher, role: 'dispatcher', at: Math.max(accept, c + MINUTE), note: null, detail: {} },
        { action: 'merge', from: 'registered', to: 'merged', actor: dispatcher, role: 'dispatcher', at: Math.max(merge, c + 2 * MINUTE), note: null, detail: { mergedIntoRef: target.ref } },
      ],
    });
  }
  return out;
}

/** Two reports from just outside the district: kept, unassigned, one waiting and one turned away. */
function unassigned(w: CaseWorld, firstRef: number, r: Random, base: BaseFn): Draft[] {
  const now = w.now.getTime();
  const river = w.rivers[0]!.path[0]!;
  const waiting = now - r.range(2, 6) * HOUR;
  const turnedAway = reportMoment(now, [3, 20], r);
  const common = { handlingMode: null, unitCode: null, reworkCount: 0, mergedIntoRef: null, observedAt: null, dispatchedAt: null, dueAt: null, closedAt: null };
  return [
    {
      ...base(firstRef, undefined, 'bank_garbage', 'general', 'inspector3', w.district.lattice.toLonLat(river[0], river[1] + 0.12)),
      ...common, status: 'submitted', description: '清溪河出区界处岸边堆放生活垃圾约6袋', createdAt: waiting,
      events: [{ action: 'submit', from: null, to: 'submitted', actor: 'inspector3', role: 'inspector', at: waiting, note: null, detail: {} }],
    },
    {
      ...base(firstRef + 1, undefined, 'fire_lane_blocked', 'general', 'inspector6', w.district.lattice.toLonLat(25.4, 12.6)),
      ...common, status: 'rejected', description: '东侧道路消防车通道被货车占用', createdAt: turnedAway,
      events: [
        { action: 'submit', from: null, to: 'submitted', actor: 'inspector6', role: 'inspector', at: turnedAway, note: null, detail: {} },
        { action: 'reject', from: 'submitted', to: 'rejected', actor: 'dispatcher2', role: 'dispatcher', at: turnedAway + r.range(30, 240) * MINUTE, note: NOTES.rejectOutside, detail: {} },
      ],
    },
  ];
}

/** Codes `XC-YYYYMMDD-NNNN` by Shanghai creation day, observation times, and merge notes naming the kept case. */
function finalize(drafts: Draft[], r: Random): DemoCase[] {
  const perDay = new Map<string, number>();
  const codes = new Map<number, string>();
  for (const d of [...drafts].sort((a, b) => a.createdAt - b.createdAt || a.ref - b.ref)) {
    const day = shanghaiDate(d.createdAt);
    const n = (perDay.get(day) ?? 0) + 1;
    perDay.set(day, n);
    codes.set(d.ref, `XC-${day}-${String(n).padStart(4, '0')}`);
  }
  return drafts.map(({ placed: _placed, ...d }) => ({
    ...d,
    code: codes.get(d.ref)!,
    // A photo is taken a little before it is sent; a typed-in location has no observation time.
    observedAt: d.locationSource === 'manual' ? null : d.createdAt - (d.locationSource === 'exif' ? r.range(2, 40) : r.range(0, 3)) * MINUTE,
    events: d.events.map((e) =>
      e.detail.mergedIntoRef === undefined ? e : { ...e, note: `与${codes.get(e.detail.mergedIntoRef)}为同一问题，已合并办理` }),
  }));
}
