import { describe, expect, it } from 'vitest';
import { exifTimeToDate, parseExifDateTime, parseUtcOffset } from './exif-time';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('parseExifDateTime', () => {
  it('reads the EXIF form and the common variants', () => {
    expect(parseExifDateTime('2008:10:22 16:28:39')).toEqual({ year: 2008, month: 10, day: 22, hour: 16, minute: 28, second: 39, ms: 0 });
    expect(parseExifDateTime('2008-10-22T16:28:39')?.hour).toBe(16);
    expect(parseExifDateTime('2008:10:22 16:28:39\0')?.second).toBe(39);
    expect(parseExifDateTime('2008:10:22 16:28:39.25')?.ms).toBe(250);
  });

  it('refuses blanks, zeros and impossible dates', () => {
    for (const bad of ['', '    :  :     :  :  ', '0000:00:00 00:00:00', '2021:02:29 10:00:00', '2021:13:01 10:00:00', '2021:01:01 24:00:00', 'yesterday']) {
      expect(parseExifDateTime(bad), bad).toBeNull();
    }
    expect(parseExifDateTime('2024:02:29 10:00:00')?.day).toBe(29); // a leap year
  });
});

describe('parseUtcOffset', () => {
  it('reads ±HH:MM into minutes east of UTC', () => {
    expect(parseUtcOffset('+08:00')).toBe(480);
    expect(parseUtcOffset('-05:00')).toBe(-300);
    expect(parseUtcOffset('+05:30')).toBe(330);
    expect(parseUtcOffset('+0200')).toBe(120);
    for (const bad of ['', '08:00', '+8:00', '+25:00', 'Z', '+02:00:00']) expect(parseUtcOffset(bad), bad).toBeNull();
  });
});

describe('exifTimeToDate', () => {
  it('reads a zone-less EXIF time in the deployment zone, never as UTC (the DSCN0010 case)', () => {
    expect(iso(exifTimeToDate('2008:10:22 16:28:39', null, 'Asia/Shanghai'))).toBe('2008-10-22T08:28:39.000Z');
    expect(iso(exifTimeToDate('2008:10:22 16:28:39', undefined, 'UTC'))).toBe('2008-10-22T16:28:39.000Z');
  });

  it('reads the same wall time in Rome as CEST in summer and CET in winter', () => {
    expect(iso(exifTimeToDate('2021:07:01 12:00:00', null, 'Europe/Rome'))).toBe('2021-07-01T10:00:00.000Z');
    expect(iso(exifTimeToDate('2021:01:15 12:00:00', null, 'Europe/Rome'))).toBe('2021-01-15T11:00:00.000Z');
  });

  it('honours OffsetTimeOriginal over the deployment zone', () => {
    expect(iso(exifTimeToDate('2022:02:16 12:55:41', '+02:00', 'Asia/Shanghai'))).toBe('2022-02-16T10:55:41.000Z');
    expect(iso(exifTimeToDate('2021:04:11 15:47:53', '-05:00', 'Asia/Shanghai'))).toBe('2021-04-11T20:47:53.000Z');
  });

  it('falls back to the zone when the offset is malformed, and gives null for a bad time', () => {
    expect(iso(exifTimeToDate('2008:10:22 16:28:39', '+99:99', 'Asia/Shanghai'))).toBe('2008-10-22T08:28:39.000Z');
    expect(exifTimeToDate('0000:00:00 00:00:00', '+08:00', 'Asia/Shanghai')).toBeNull();
    expect(exifTimeToDate(null, '+08:00', 'Asia/Shanghai')).toBeNull();
  });

  it('does not depend on the process time zone', () => {
    // vitest.config.ts runs the suite with TZ=Asia/Shanghai; a Rome reading must still be Rome time.
    expect(iso(exifTimeToDate('2021:01:01 00:00:00', null, 'Europe/Rome'))).toBe('2020-12-31T23:00:00.000Z');
  });
});
