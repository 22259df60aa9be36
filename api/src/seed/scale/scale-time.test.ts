import { describe, expect, it } from 'vitest';
import { dueAt, workCalendar } from '../../lib/time-limits';
import { createRandom } from '../demo-random';
import { DAY, HOUR } from '../demo-time';
import { fastDueAt, reportTime, shanghaiWeekday } from './scale-time';

describe('fastDueAt', () => {
  it('gives the same deadline as lib/time-limits for hours and working days (no holidays)', () => {
    const r = createRandom(7);
    const calendar = workCalendar();
    for (let k = 0; k < 2000; k++) {
      const start = Date.UTC(2024, 0, 1) + Math.floor(r.next() * 1000 * DAY);
      const limit = r.chance(0.5) ? { amount: r.int(1, 48), unit: 'hours' as const } : { amount: r.int(1, 15), unit: 'working_days' as const };
      expect(fastDueAt(start, limit), `${new Date(start).toISOString()} ${limit.amount} ${limit.unit}`)
        .toBe(dueAt(new Date(start), limit, calendar, 'Asia/Shanghai').getTime());
    }
  });
});

describe('reportTime', () => {
  const now = Date.parse('2026-11-22T01:00:00Z');
  const r = createRandom(3);
  const times = Array.from({ length: 20_000 }, () => reportTime(now, 365, r));

  it('stays inside the window, before now', () => {
    expect(times.every((t) => t < now && t >= now - 366 * DAY)).toBe(true);
  });

  it('has the weekday rhythm: a weekday gets about twice a Saturday and three times a Sunday', () => {
    const byDay = [0, 0, 0, 0, 0, 0, 0];
    for (const t of times) byDay[shanghaiWeekday(t)]!++;
    const weekday = (byDay[1]! + byDay[2]! + byDay[3]! + byDay[4]! + byDay[5]!) / 5;
    expect(weekday / byDay[6]!).toBeGreaterThan(1.7);
    expect(weekday / byDay[0]!).toBeGreaterThan(2.2);
  });

  it('comes mostly in working hours and grows toward now', () => {
    const hourOf = (t: number) => new Date(t + 8 * HOUR).getUTCHours();
    const office = times.filter((t) => hourOf(t) >= 8 && hourOf(t) < 18).length;
    expect(office / times.length).toBeGreaterThan(0.75);
    const recentHalf = times.filter((t) => t > now - 182.5 * DAY).length;
    expect(recentHalf / times.length).toBeGreaterThan(0.55);
  });
});
