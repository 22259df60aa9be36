// Periods become plain dates in Asia/Shanghai, whatever the clock's UTC date says.
import { describe, expect, it } from 'vitest';
import { addDays, bucketStarts, localDate, periodRange, trendGroup } from './period';

// 2026-11-30 17:30 UTC is already 1 December 01:30 in Shanghai.
const SHANGHAI_DEC_1 = new Date('2026-11-30T17:30:00Z');

describe('periods', () => {
  it('reads today in the given time zone, not in UTC', () => {
    expect(localDate(SHANGHAI_DEC_1)).toBe('2026-12-01');
    expect(localDate(SHANGHAI_DEC_1, 'UTC')).toBe('2026-11-30');
  });

  it('this month starts on the 1st in Shanghai and includes today', () => {
    expect(periodRange({ kind: 'month' }, SHANGHAI_DEC_1)).toEqual({ from: '2026-12-01', to: '2026-12-02', last: '2026-12-01', days: 1 });
    expect(periodRange({ kind: 'month' }, new Date('2026-11-20T04:00:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-21', last: '2026-11-20', days: 20 });
  });

  it('the last 30 days are 30 whole days ending today', () => {
    expect(periodRange({ kind: 'last30' }, SHANGHAI_DEC_1)).toEqual({ from: '2026-11-02', to: '2026-12-02', last: '2026-12-01', days: 30 });
  });

  it('this year starts on 1 January in Shanghai, across the UTC new year', () => {
    const newYearShanghai = new Date('2026-12-31T16:30:00Z');
    expect(periodRange({ kind: 'year' }, newYearShanghai)).toEqual({ from: '2027-01-01', to: '2027-01-02', last: '2027-01-01', days: 1 });
    expect(periodRange({ kind: 'year' }, SHANGHAI_DEC_1)?.days).toBe(335);
  });

  it('a custom period includes its last day and refuses bad or reversed dates', () => {
    expect(periodRange({ kind: 'custom', first: '2026-02-27', last: '2026-03-01' }, SHANGHAI_DEC_1)).toEqual({
      from: '2026-02-27', to: '2026-03-02', last: '2026-03-01', days: 3,
    });
    expect(periodRange({ kind: 'custom', first: '2026-03-02', last: '2026-03-01' }, SHANGHAI_DEC_1)).toBeNull();
    expect(periodRange({ kind: 'custom', first: '2026-02-30', last: '2026-03-01' }, SHANGHAI_DEC_1)).toBeNull();
    expect(periodRange({ kind: 'custom', first: '', last: '2026-03-01' }, SHANGHAI_DEC_1)).toBeNull();
  });

  it('adds days across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('draws up to two months per day and longer periods per week', () => {
    expect(trendGroup(periodRange({ kind: 'last30' }, SHANGHAI_DEC_1)!)).toBe('day');
    expect(trendGroup(periodRange({ kind: 'year' }, SHANGHAI_DEC_1)!)).toBe('week');
  });

  it('lists every day, or every Monday-started week, that the period touches', () => {
    expect(bucketStarts({ from: '2026-11-29', to: '2026-12-02' }, 'day')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    // 2026-11-05 is a Thursday; its week starts on Monday 11-02; the last day, 11-16, is a Monday.
    expect(bucketStarts({ from: '2026-11-05', to: '2026-11-17' }, 'week')).toEqual(['2026-11-02', '2026-11-09', '2026-11-16']);
  });
});
