// Working hours for the demo timeline, in Shanghai time.
import { describe, expect, it } from 'vitest';
import { createRandom } from './demo-random';
import { daylight, HOUR, officeTime, shanghaiDate } from './demo-time';

const at = (s: string) => new Date(s).getTime();

describe('demo time', () => {
  it('moves office work to the next weekday morning and field work to daylight', () => {
    const r = createRandom(1);
    const sat = officeTime(at('2026-11-21T11:00:00+08:00'), r);
    expect(sat).toBeGreaterThanOrEqual(at('2026-11-23T08:30:00+08:00'));
    expect(sat).toBeLessThan(at('2026-11-23T10:00:00+08:00'));
    expect(officeTime(at('2026-11-20T10:00:00+08:00'), r)).toBe(at('2026-11-20T10:00:00+08:00'));
    const night = daylight(at('2026-11-20T23:00:00+08:00'), r);
    expect(night).toBeGreaterThanOrEqual(at('2026-11-21T07:30:00+08:00'));
    expect(night - at('2026-11-21T07:30:00+08:00')).toBeLessThan(2 * HOUR);
  });

  it('dates cases by the Shanghai calendar day', () => {
    expect(shanghaiDate(at('2026-11-21T17:30:00Z'))).toBe('20261122');
  });
});
