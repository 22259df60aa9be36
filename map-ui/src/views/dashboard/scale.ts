// The choropleth's sequential colour scale for overdue rates: five classes from pale to dark, plus "no data".
import type { Indicators } from './stats-api';

/** Upper class edges (exclusive): 0–5 %, 5–10 %, 10–20 %, 20–40 %, 40 % and more. */
export const OVERDUE_BREAKS = [0.05, 0.1, 0.2, 0.4] as const;
/** ColorBrewer OrRd, 5 classes: sequential, print- and colour-blind-safe. */
export const OVERDUE_COLORS = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'] as const;
/** Areas with no dispatched case have no rate; grey says "nothing to measure", not "good". */
export const NO_DATA_COLOR = '#d5d9de';

/**
 * 超期率: the share of dispatched cases that ran past their deadline (超期数 / 派遣数), null with none dispatched.
 * Dispatched, not due, is the denominator: every overdue case was dispatched, so the rate stays within 0..1
 * even for a period that ended before an open case fell due.
 */
export function overdueRate(s: Pick<Indicators, 'overdue' | 'dispatched'>): number | null {
  return s.dispatched > 0 ? Math.min(1, s.overdue / s.dispatched) : null;
}

/** The class (0 = lowest) of `value`, or null for no value. @example scaleClass(0.05) === 1 */
export function scaleClass(value: number | null, breaks: readonly number[] = OVERDUE_BREAKS): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const i = breaks.findIndex((edge) => value < edge);
  return i === -1 ? breaks.length : i;
}

/** The fill colour of `value` on the overdue scale. */
export function overdueColor(value: number | null): string {
  const c = scaleClass(value);
  return c === null ? NO_DATA_COLOR : OVERDUE_COLORS[c]!;
}

/** The legend's rows: each class's bounds (`to` null for the open top class) and colour. */
export function legendClasses(breaks: readonly number[] = OVERDUE_BREAKS, colors: readonly string[] = OVERDUE_COLORS) {
  return colors.map((color, i) => ({ from: i === 0 ? 0 : breaks[i - 1]!, to: i < breaks.length ? breaks[i]! : null, color }));
}
