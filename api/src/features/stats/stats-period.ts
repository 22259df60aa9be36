// How a period splits for the rollup: whole local days from the rollup (whole months at month grain, the
// days around them at day grain), and the partial days at either end from the cases themselves.
import { localDate, wallTimeOf, wallTimeToInstant } from '../../lib/zoned-time';

/** Local dates [from, to) at one grain; for 'month' both are first days of months. */
export type RollupRange = { grain: 'day' | 'month'; from: string; to: string };
/** Instants [from, to) inside one local day, read from the cases. */
export type Edge = { from: Date; to: Date };
export type PeriodSplit = { wholeDays: { from: string; to: string } | null; edges: Edge[] };

/** The local date an instant starts, or null when it is not a local midnight. */
export function localMidnightDate(instant: Date, timeZone: string): string | null {
  const w = wallTimeOf(instant, timeZone);
  const midnight = w.hour === 0 && w.minute === 0 && w.second === 0 && instant.getUTCMilliseconds() === 0;
  return midnight ? localDate(instant, timeZone) : null;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The first instant of a local date (after a skipped midnight, the first that exists). */
export function startOf(date: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return wallTimeToInstant({ year, month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

/**
 * [from, to) as the whole local days inside it, and the partial days before and after them.
 * @example splitPeriod(new Date('2026-11-01T01:00:00Z'), new Date('2026-11-20T04:00:00Z'), 'Asia/Shanghai')
 *   // wholeDays 2026-11-02..2026-11-20, edges [11-01 01:00Z, 11-01 16:00Z) and [11-19 16:00Z, 11-20 04:00Z)
 */
export function splitPeriod(from: Date, to: Date, timeZone: string): PeriodSplit {
  const firstDay = localMidnightDate(from, timeZone) ?? nextDate(localDate(from, timeZone));
  const lastDay = localDate(to, timeZone);
  if (firstDay >= lastDay) return { wholeDays: null, edges: [{ from, to }] };
  const first = startOf(firstDay, timeZone);
  const last = startOf(lastDay, timeZone);
  const edges = [
    ...(from < first ? [{ from, to: first }] : []),
    ...(last < to ? [{ from: last, to }] : []),
  ];
  return { wholeDays: { from: firstDay, to: lastDay }, edges };
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

function nextMonthStart(date: string): string {
  const [y, m] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The local days [from, to) as at most three ranges: leading days, whole months, trailing days.
 * Without `months` (day and week buckets need days), one day range.
 * @example rollupRanges('2026-01-15', '2026-04-03', true)
 *   // [{day 01-15..02-01}, {month 02-01..04-01}, {day 04-01..04-03}]
 */
export function rollupRanges(from: string, to: string, months: boolean): RollupRange[] {
  const firstMonth = from === monthStart(from) ? from : nextMonthStart(from);
  const lastMonth = monthStart(to);
  if (!months || firstMonth >= lastMonth) return [{ grain: 'day', from, to }];
  const ranges: RollupRange[] = [];
  if (from < firstMonth) ranges.push({ grain: 'day', from, to: firstMonth });
  ranges.push({ grain: 'month', from: firstMonth, to: lastMonth });
  if (lastMonth < to) ranges.push({ grain: 'day', from: lastMonth, to });
  return ranges;
}
