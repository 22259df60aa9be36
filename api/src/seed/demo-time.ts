// Wall-clock rules for the demo timeline, in Asia/Shanghai (UTC+8 all year, no daylight saving):
// office hours for dispatchers and daylight for field work.
import type { TimeLimit } from '../lib/time-limits';
import type { Random } from './demo-random';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
const SHANGHAI_OFFSET = 8 * HOUR;

const local = (t: number) => new Date(t + SHANGHAI_OFFSET);
/** Midnight in Shanghai of the day holding `t`, as a UTC timestamp. */
const localMidnight = (t: number) => Math.floor((t + SHANGHAI_OFFSET) / DAY) * DAY - SHANGHAI_OFFSET;
const hourOf = (t: number) => (t - localMidnight(t)) / HOUR;
const isWeekend = (t: number) => [0, 6].includes(local(t).getUTCDay());

/** `YYYYMMDD` of the Shanghai calendar day holding `t`. */
export function shanghaiDate(t: number): string {
  return local(t).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Sunday … 6 = Saturday, in Shanghai. */
export function shanghaiWeekday(t: number): number {
  return local(t).getUTCDay();
}

/** `t` moved to hour `h` (fractional) of its Shanghai day. */
export function atLocalHour(t: number, h: number): number {
  return localMidnight(t) + h * HOUR;
}

/** When a street-office dispatcher gets to it: `t` itself in office hours, else soon after the next weekday opens. */
export function officeTime(t: number, rand: Random): number {
  const h = hourOf(t);
  if (!isWeekend(t) && h >= 8.5 && h < 17.5) return t;
  let day = h >= 17.5 ? localMidnight(t) + DAY : localMidnight(t);
  while (isWeekend(day)) day += DAY;
  return day + 8.5 * HOUR + rand.range(5, 80) * MINUTE;
}

/** When field work happens: `t` itself between 07:30 and 20:00, else early the next morning. */
export function daylight(t: number, rand: Random): number {
  const h = hourOf(t);
  if (h >= 7.5 && h < 20) return t;
  const day = h >= 20 ? localMidnight(t) + DAY : localMidnight(t);
  return day + 7.5 * HOUR + rand.range(10, 100) * MINUTE;
}

/** "24小时" or "5个工作日", for notes. */
export function limitText(limit: TimeLimit): string {
  return limit.unit === 'hours' ? `${limit.amount}小时` : `${limit.amount}个工作日`;
}
