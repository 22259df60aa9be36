// The case generator on its own: the same world and clock give the same cases, and every
// status quota is met whatever weekday and hour the first start happens at.
import { describe, expect, it } from 'vitest';
import { buildDemoDistrict } from './demo-areas';
import { generateDemoCases, type CaseWorld, type DemoCategory } from './demo-cases';
import { buildDemoPeople } from './demo-people';
import { buildDemoRivers } from './demo-rivers';
import type { TimeLimit } from '../lib/time-limits';

// A few categories of each domain, with hour limits among them, as migration 0002 has.
const CATEGORIES: [DemoCategory, TimeLimit][] = [
  [{ code: 'floating_debris', domain: 'river', defaultSeverity: 'general' }, { amount: 24, unit: 'hours' }],
  [{ code: 'illegal_outfall', domain: 'river', defaultSeverity: 'serious' }, { amount: 2, unit: 'working_days' }],
  [{ code: 'bank_damage', domain: 'river', defaultSeverity: 'general' }, { amount: 10, unit: 'working_days' }],
  [{ code: 'fire_lane_blocked', domain: 'fire', defaultSeverity: 'serious' }, { amount: 2, unit: 'hours' }],
  [{ code: 'ebike_indoor', domain: 'fire', defaultSeverity: 'serious' }, { amount: 8, unit: 'hours' }],
  [{ code: 'three_in_one', domain: 'fire', defaultSeverity: 'major' }, { amount: 2, unit: 'working_days' }],
];

function world(now: string): CaseWorld {
  const district = buildDemoDistrict();
  const limits = new Map<string, TimeLimit>();
  for (const [c, l] of CATEGORIES) for (const s of ['general', 'serious', 'major']) limits.set(`${c.code}:${s}`, l);
  return {
    district, rivers: buildDemoRivers(district), people: buildDemoPeople(district),
    categories: CATEGORIES.map(([c]) => c), limits, now: new Date(now),
  };
}

const count = (xs: readonly { status: string }[]) =>
  xs.reduce<Record<string, number>>((m, x) => ({ ...m, [x.status]: (m[x.status] ?? 0) + 1 }), {});

describe('generateDemoCases', () => {
  it('is deterministic', () => {
    const a = generateDemoCases(world('2026-11-22T09:00:00+08:00'));
    const b = generateDemoCases(world('2026-11-22T09:00:00+08:00'));
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it.each(['2026-11-23T07:00:00+08:00', '2026-11-22T12:00:00+08:00', '2026-11-27T17:45:00+08:00', '2027-02-10T03:00:00+08:00'])(
    'meets every status quota and keeps every step before now (%s)',
    (now) => {
      const cases = generateDemoCases(world(now));
      expect(cases).toHaveLength(200);
      expect(count(cases)).toEqual({
        closed: 123, rejected: 12, submitted: 9, registered: 6, dispatched: 14, in_progress: 16, rectified: 12, merged: 8,
      });
      const t = new Date(now).getTime();
      for (const c of cases) {
        expect(c.events.at(-1)!.to).toBe(c.status);
        expect(c.events.every((e, i) => e.at <= t && (i === 0 || e.at > c.events[i - 1]!.at))).toBe(true);
      }
      const overdue = cases.filter((c) => (c.status === 'dispatched' || c.status === 'in_progress') && c.dueAt! < t);
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.length).toBeLessThanOrEqual(10);
    },
  );
});
