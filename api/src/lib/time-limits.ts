// Deadlines from a time limit: hours run on the clock; working days skip weekends and
// holidays, and count China's make-up working days (调休) as working days.
import { wallTimeOf, wallTimeToInstant } from './zoned-time';

export type TimeLimit = { amount: number; unit: 'hours' | 'working_days' };

export type WorkCalendar = { isWorkingDay(date: string): boolean };

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * A calendar of Monday–Friday, minus `holidays`, plus `makeupWorkdays` (weekend days worked).
 * Dates are YYYY-MM-DD in the deployment's zone.
 */
export function workCalendar(holidays: Iterable<string> = [], makeupWorkdays: Iterable<string> = []): WorkCalendar {
  const off = new Set(holidays);
  const on = new Set(makeupWorkdays);
  return {
    isWorkingDay(date) {
      if (on.has(date)) return true;
      if (off.has(date)) return false;
      const d = weekday(date);
      return d !== 0 && d !== 6;
    },
  };
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * When a limit started at `start` runs out. Working days end at the same local time of day
 * as the start, on the Nth working day after the start's date.
 * @example dueAt(friday9am, { amount: 1, unit: 'working_days' }, workCalendar(), 'Asia/Shanghai') // Monday 9:00
 */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkCalendar, timeZone: string): Date {
  if (limit.unit === 'hours') return new Date(start.getTime() + limit.amount * 3_600_000);
  const w = wallTimeOf(start, timeZone);
  let date = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  // A limit can never need more than a year of days; the bound guards against an all-holiday calendar.
  for (let counted = 0, steps = 0; counted < limit.amount; steps++) {
    if (steps > 366 + limit.amount * 7) throw new Error('the work calendar has no working days ahead');
    date = nextDate(date);
    if (calendar.isWorkingDay(date)) counted++;
  }
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const ms = ((start.getTime() % 1000) + 1000) % 1000;
  return new Date(wallTimeToInstant({ year, month, day, hour: w.hour, minute: w.minute, second: w.second }, timeZone).getTime() + ms);
}
