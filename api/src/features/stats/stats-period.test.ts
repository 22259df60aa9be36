import { describe, expect, it } from 'vitest';
import { localMidnightDate, rollupRanges, splitPeriod } from './stats-period';

describe('localMidnightDate', () => {
  it('names the local date of a local midnight', () => {
    expect(localMidnightDate(new Date('2026-10-31T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-01');
    expect(localMidnightDate(new Date('2026-11-01T00:00:00Z'), 'UTC')).toBe('2026-11-01');
  });

  it('refuses any other instant', () => {
    expect(localMidnightDate(new Date('2026-11-01T00:00:00Z'), 'Asia/Shanghai')).toBeNull();
    expect(localMidnightDate(new Date('2026-10-31T16:00:00.001Z'), 'Asia/Shanghai')).toBeNull();
    expect(localMidnightDate(new Date('2026-10-31T16:00:01Z'), 'Asia/Shanghai')).toBeNull();
  });
});

describe('rollupRanges', () => {
  it('splits a period into leading days, whole months and trailing days', () => {
    expect(rollupRanges('2026-01-15', '2026-04-03', true)).toEqual([
      { grain: 'day', from: '2026-01-15', to: '2026-02-01' },
      { grain: 'month', from: '2026-02-01', to: '2026-04-01' },
      { grain: 'day', from: '2026-04-01', to: '2026-04-03' },
    ]);
  });

  it('reads a year of whole months at month grain only, across the new year', () => {
    expect(rollupRanges('2025-12-01', '2026-12-01', true)).toEqual([{ grain: 'month', from: '2025-12-01', to: '2026-12-01' }]);
  });

  it('keeps days when no whole month fits, or when days are asked for', () => {
    expect(rollupRanges('2026-11-03', '2026-11-20', true)).toEqual([{ grain: 'day', from: '2026-11-03', to: '2026-11-20' }]);
    expect(rollupRanges('2026-11-15', '2026-12-10', true)).toEqual([{ grain: 'day', from: '2026-11-15', to: '2026-12-10' }]);
    expect(rollupRanges('2026-01-01', '2026-12-01', false)).toEqual([{ grain: 'day', from: '2026-01-01', to: '2026-12-01' }]);
  });
});

describe('splitPeriod', () => {
  const TZ = 'Asia/Shanghai';
  const at = (iso: string) => new Date(iso);

  it('keeps a period on local midnights whole', () => {
    expect(splitPeriod(at('2026-10-31T16:00:00Z'), at('2026-11-30T16:00:00Z'), TZ)).toEqual({
      wholeDays: { from: '2026-11-01', to: '2026-12-01' },
      edges: [],
    });
  });

  it('reads the partial days at either end from the cases', () => {
    expect(splitPeriod(at('2026-11-01T01:00:00Z'), at('2026-11-20T04:00:00Z'), TZ)).toEqual({
      wholeDays: { from: '2026-11-02', to: '2026-11-20' },
      edges: [
        { from: at('2026-11-01T01:00:00Z'), to: at('2026-11-01T16:00:00Z') },
        { from: at('2026-11-19T16:00:00Z'), to: at('2026-11-20T04:00:00Z') },
      ],
    });
  });

  it('reads a period without a whole day from the cases only', () => {
    expect(splitPeriod(at('2026-11-01T01:00:00Z'), at('2026-11-01T20:00:00Z'), TZ)).toEqual({
      wholeDays: null,
      edges: [{ from: at('2026-11-01T01:00:00Z'), to: at('2026-11-01T20:00:00Z') }],
    });
  });

  it('starts a day at its first instant where midnight is skipped', () => {
    // Santiago skips 2026-09-06 00:00 (clocks go to 01:00).
    const split = splitPeriod(at('2026-09-05T12:00:00Z'), at('2026-09-07T12:00:00Z'), 'America/Santiago');
    expect(split.wholeDays).toEqual({ from: '2026-09-06', to: '2026-09-07' });
    expect(split.edges[0]!.to.toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });
});
