// Time for a million synthetic cases: when reports come in (three years, growing use, the weekday
// and daytime rhythm of patrols) and deadlines, computed with plain arithmetic because Asia/Shanghai
// is UTC+8 all year; lib/time-limits gives the same answers (scale-time.test.ts checks it), slower.
import type { TimeLimit } from '../../lib/time-limits';
import type { Random } from '../demo-random';
import { DAY, HOUR } from '../demo-time';

const SHANGHAI_OFFSET = 8 * HOUR;
// Reports per hour of the day (Shanghai), from a real platform's shape: two peaks, a lunch dip, quiet nights.
const HOUR_WEIGHTS = [0.05, 0.02, 0.02, 0.02, 0.03, 0.1, 0.3, 1, 3, 4, 4, 2.5, 1, 1.5, 3.5, 4, 3, 1.5, 0.8, 0.6, 0.5, 0.3, 0.15, 0.08];
const WEEKDAY_WEIGHT = [0.35, 1, 1, 1, 1, 1, 0.45]; // Sunday … Saturday
const HOUR_CUMULATIVE = HOUR_WEIGHTS.map(((s) => (w: number) => (s += w))(0));
const HOUR_TOTAL = HOUR_CUMULATIVE.at(-1)!;

/** Local midnight in Shanghai of the day holding `t`, as a UTC timestamp. */
export const shanghaiMidnight = (t: number) => Math.floor((t + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
/** 0 = Sunday … 6 = Saturday, in Shanghai. */
export const shanghaiWeekday = (t: number) => new Date(t + SHANGHAI_OFFSET).getUTCDay();

/** An hour of the day drawn from the patrol rhythm, with its minutes. */
function reportHour(r: Random): number {
  const x = r.next() * HOUR_TOTAL;
  let h = 0;
  while (HOUR_CUMULATIVE[h]! <= x) h++;
  return h + r.next();
}

/**
 * A report time between `now - days` and `now`: later days are more likely (the platform is used
 * more as it matures: the last day is twice as busy as the first), weekends are quieter, nights quiet.
 */
export function reportTime(now: number, days: number, r: Random): number {
  for (let tries = 0; tries < 100; tries++) {
    const back = r.next() * days;
    if (!r.chance(1 - (0.5 * back) / Math.max(days, 1))) continue;
    const day = shanghaiMidnight(now - back * DAY);
    if (!r.chance(WEEKDAY_WEIGHT[shanghaiWeekday(day)]!)) continue;
    const t = day + reportHour(r) * HOUR;
    if (t < now - 2 * 60_000) return t;
  }
  return now - r.range(2, 60) * 60_000;
}

/** When `limit` runs out if it starts at `start`: hours on the clock, or the same time N weekdays later (no holidays). */
export function fastDueAt(start: number, limit: TimeLimit): number {
  if (limit.unit === 'hours') return start + limit.amount * HOUR;
  const midnight = shanghaiMidnight(start);
  let day = midnight;
  for (let counted = 0; counted < limit.amount; ) {
    day += DAY;
    const wd = shanghaiWeekday(day);
    if (wd !== 0 && wd !== 6) counted++;
  }
  return day + (start - midnight);
}
