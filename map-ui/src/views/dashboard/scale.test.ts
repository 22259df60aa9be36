// The overdue scale puts every rate in exactly one class, with edges belonging to the class above.
import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, OVERDUE_COLORS, legendClasses, overdueColor, overdueRate, scaleClass } from './scale';

describe('overdue scale', () => {
  it('computes the overdue rate over dispatched cases, null with none', () => {
    expect(overdueRate({ overdue: 2, dispatched: 8 })).toBe(0.25);
    expect(overdueRate({ overdue: 0, dispatched: 0 })).toBeNull();
    expect(overdueRate({ overdue: 3, dispatched: 3 })).toBe(1);
  });

  it('classes rates with each edge in the class above it', () => {
    expect(scaleClass(0)).toBe(0);
    expect(scaleClass(0.0499)).toBe(0);
    expect(scaleClass(0.05)).toBe(1);
    expect(scaleClass(0.1)).toBe(2);
    expect(scaleClass(0.3)).toBe(3);
    expect(scaleClass(0.4)).toBe(4);
    expect(scaleClass(1)).toBe(4);
    expect(scaleClass(null)).toBeNull();
    expect(scaleClass(Number.NaN)).toBeNull();
  });

  it('colours from pale to dark, and grey for no data', () => {
    expect(overdueColor(0)).toBe(OVERDUE_COLORS[0]);
    expect(overdueColor(0.5)).toBe(OVERDUE_COLORS[4]);
    expect(overdueColor(null)).toBe(NO_DATA_COLOR);
  });

  it('lists one legend row per colour, the top one open-ended', () => {
    const rows = legendClasses();
    expect(rows).toHaveLength(OVERDUE_COLORS.length);
    expect(rows[0]).toEqual({ from: 0, to: 0.05, color: OVERDUE_COLORS[0] });
    expect(rows[4]).toEqual({ from: 0.4, to: null, color: OVERDUE_COLORS[4] });
  });
});
