// How far each demo case has got and when it started: the fate drawn for a status, and the
// search for a start time whose replayed timeline fits that fate before now.
import { createRandom, type Random } from './demo-random';
import { atLocalHour, DAY, HOUR, MINUTE, shanghaiWeekday } from './demo-time';
import { simulate, type Fate, type HandlingMode, type Status, type Timeline, type TimelineContext } from './demo-timeline';

export type Severity = 'general' | 'serious' | 'major';

// How many days back a case of each status is first tried; older ones were closed long ago, open ones are recent.
export const WINDOW_DAYS: Partial<Record<Status, readonly [number, number]>> = {
  closed: [2, 58], rejected: [0.5, 58], submitted: [0, 1.5], registered: [0, 3], dispatched: [0, 5], in_progress: [0, 8], rectified: [0, 4],
};
// Problems an inspector can clear on the spot (马上办).
const QUICK = new Set(['floating_debris', 'bank_garbage', 'corridor_clutter', 'fire_lane_blocked', 'ebike_indoor', 'exit_blocked']);
const JOINT_HEAVY = new Set(['illegal_outfall', 'illegal_occupation', 'illegal_sand_fishing', 'three_in_one', 'combustible_panels', 'black_odorous_water']);
const HOUR_WEIGHTS = [[6, 0.3], [7, 1], [8, 3], [9, 4], [10, 4], [11, 2.5], [12, 1], [13, 1.5], [14, 3.5], [15, 4], [16, 3], [17, 1.5], [18, 0.8], [19, 0.6], [20, 0.5], [21, 0.3], [22, 0.15]] as const;
const WEEKDAY_WEIGHT = [0.35, 1, 1, 1, 1, 1, 0.45]; // Sunday … Saturday

/** Fisher–Yates, in place, with the given PRNG. */
export function shuffle<T>(items: T[], r: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** A moment `window` days back with the weekday and daytime rhythm of patrols, before `now`. */
export function reportMoment(now: number, [from, to]: readonly [number, number], r: Random): number {
  for (let tries = 0; tries < 200; tries++) {
    const day = now - r.range(from, to) * DAY;
    if (!r.chance(WEEKDAY_WEIGHT[shanghaiWeekday(day)]!)) continue;
    const t = atLocalHour(day, r.weighted(HOUR_WEIGHTS.map(([h, w]) => [h + r.next(), w] as const)));
    if (t < now - 15 * MINUTE) return t;
  }
  return now - r.range(20, 180) * MINUTE;
}

/** Mostly the category's default severity, sometimes a grade up or down. */
export function severityFor(def: Severity, r: Random): Severity {
  if (r.chance(0.7)) return def;
  return r.weighted(def === 'major' ? [['serious', 3], ['major', 7]] : def === 'serious' ? [['general', 2], ['major', 1]] : [['serious', 5], ['major', 1]]);
}

/** 马上办 / 协商办 / 联合办: enforcement-type problems mostly need joint action. */
export function handlingModeFor(category: string, r: Random): HandlingMode {
  if (JOINT_HEAVY.has(category)) return r.weighted([['on_the_spot', 1], ['consultation', 3], ['joint', 6]]);
  return r.weighted([['on_the_spot', 5], ['consultation', 4], ['joint', 1]]);
}

/** How a case reaches `status`: by which path, with how many reworks, at what pace. */
export function fateFor(status: Status, category: string, overdue: boolean | undefined, r: Random): Fate {
  const quick = QUICK.has(category);
  switch (status) {
    case 'closed': {
      const path = quick && r.chance(0.25) ? 'on_the_spot' : 'normal';
      const reworks = r.weighted([[0, 88], [1, 10], [2, 2]]);
      return { status, path, reworks: path === 'normal' ? reworks : 0, pace: r.weighted([['on_time', 86], ['late', 12], ['stuck', 2]]) };
    }
    case 'rectified': {
      const path = quick && r.chance(0.3) ? 'on_the_spot' : 'normal';
      const reworks = r.chance(0.15) ? 1 : 0;
      return { status, path, reworks: path === 'normal' ? reworks : 0, pace: 'on_time' };
    }
    case 'rejected':
      return { status, path: 'reject', reworks: 0, pace: 'on_time' };
    case 'dispatched':
    case 'in_progress':
      return { status, path: 'normal', reworks: r.chance(status === 'dispatched' ? 0.2 : 0.15) ? 1 : 0, pace: overdue ? 'late' : 'on_time', overdue: overdue ?? false };
    default:
      return { status, path: 'normal', reworks: 0, pace: 'on_time' };
  }
}

/** Tries later-to-earlier starts until the case's fate fits before `now`; each try replays the same draws. */
export function fitTimeline(fate: Fate, ctx: TimelineContext, first: number, seed: number): { createdAt: number; timeline: Timeline } | undefined {
  const open = fate.status !== 'closed' && fate.status !== 'rejected';
  const step = open ? 2 * HOUR : DAY;
  for (let k = 0; k < 400; k++) {
    const createdAt = first - k * step;
    if (createdAt < ctx.now - 70 * DAY) break;
    const timeline = simulate(fate, createdAt, ctx, createRandom(seed));
    if (timeline === 'impossible') return undefined;
    if (timeline !== 'try_earlier') return { createdAt, timeline };
  }
  return undefined;
}
