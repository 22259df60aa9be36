import { describe, expect, it } from 'vitest';
import { isValidTimeZone, localDate, offsetMinutes, wallTimeOf, wallTimeToInstant } from './zoned-time';

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => ({ year, month, day, hour, minute, second });

describe('zoned time', () => {
  it('reads Shanghai wall time, which is UTC+8 all year', () => {
    expect(wallTimeOf(new Date('2026-11-21T23:30:00Z'), 'Asia/Shanghai')).toEqual(wall(2026, 11, 22, 7, 30));
    expect(offsetMinutes(new Date('2026-07-01T00:00:00Z'), 'Asia/Shanghai')).toBe(480);
    expect(localDate(new Date('2026-11-21T23:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-22');
  });

  it('turns a wall time into the instant, round trip', () => {
    expect(wallTimeToInstant(wall(2008, 10, 22, 16, 28, 39), 'Asia/Shanghai').toISOString()).toBe('2008-10-22T08:28:39.000Z');
    expect(wallTimeToInstant(wall(2026, 7, 1, 12), 'Europe/Rome').toISOString()).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToInstant(wall(2026, 1, 1, 12), 'Europe/Rome').toISOString()).toBe('2026-01-01T11:00:00.000Z');
    expect(wallTimeToInstant(wall(2026, 1, 1, 12), 'UTC').toISOString()).toBe('2026-01-01T12:00:00.000Z');
  });

  it('handles DST gaps and overlaps deterministically', () => {
    // 02:30 does not exist in Rome on 2026-03-29: it becomes 03:30 CEST, 01:30 UTC.
    expect(wallTimeToInstant(wall(2026, 3, 29, 2, 30), 'Europe/Rome').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice on 2026-10-25; the earlier one (+2) is 00:30 UTC.
    expect(wallTimeToInstant(wall(2026, 10, 25, 2, 30), 'Europe/Rome').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('knows Rome changes with DST, UTC does not, and unknown zones', () => {
    expect(offsetMinutes(Date.UTC(2021, 0, 15), 'Europe/Rome')).toBe(60);
    expect(offsetMinutes(Date.UTC(2021, 6, 15), 'Europe/Rome')).toBe(120);
    expect(offsetMinutes(Date.UTC(2021, 6, 15), 'UTC')).toBe(0);
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => offsetMinutes(0, 'Mars/Olympus_Mons')).toThrow(RangeError);
  });

  it('keeps milliseconds', () => {
    expect(wallTimeToInstant({ ...wall(2026, 1, 1, 12), ms: 250 }, 'Asia/Shanghai').toISOString()).toBe('2026-01-01T04:00:00.250Z');
  });
});
