import { describe, expect, it } from 'vitest';
import { decide } from '../../lib/case-workflow';
import { createRandom } from '../demo-random';
import { DAY } from '../demo-time';
import { STATUSES, walkTimeline, type Fate, type Status, type TimelineContext } from './scale-timeline';

const NOW = Date.parse('2026-11-22T01:00:00Z');
const ctx = (limitHours: boolean): TimelineContext => ({
  category: 'bank_garbage', reporterId: 1, dispatcherId: 2, leaderIds: [3, 4], handlerId: 5, unitId: 6, unitName: '保洁所',
  limit: limitHours ? { amount: 24, unit: 'hours' } : { amount: 5, unit: 'working_days' }, handlingMode: 'consultation',
  mergedIntoId: 9, mergedIntoCode: 'XC-20261120-0001', now: NOW,
});
const PATHS: Record<Status, Fate['path'][]> = {
  submitted: ['normal'], registered: ['normal'], dispatched: ['normal'], in_progress: ['normal'],
  rectified: ['normal', 'on_the_spot'], closed: ['normal', 'on_the_spot'], rejected: ['reject'], merged: ['merge'],
};

describe('walkTimeline', () => {
  const r = createRandom(11);
  const runs = Array.from({ length: 3000 }, (_, k) => {
    const target = STATUSES[k % STATUSES.length]!;
    const path = r.pick(PATHS[target]);
    const fate: Fate = { target, path, reworks: path === 'normal' && ['closed', 'rectified', 'dispatched'].includes(target) ? r.int(0, 2) : 0, pace: r.pick(['on_time', 'late', 'stuck'] as const) };
    const createdAt = NOW - r.range(0, 40) * DAY;
    return { fate, createdAt, tl: walkTimeline(fate, createdAt, ctx(r.chance(0.5)), r) };
  });

  it('chains every event from the previous status, in strictly increasing time before now', () => {
    for (const { tl, createdAt } of runs) {
      expect(tl.events[0]).toMatchObject({ action: 'submit', from: null, to: 'submitted', at: createdAt });
      for (let k = 1; k < tl.events.length; k++) {
        expect(tl.events[k]!.from).toBe(tl.events[k - 1]!.to);
        expect(tl.events[k]!.at).toBeGreaterThan(tl.events[k - 1]!.at);
      }
      expect(tl.events.at(-1)!.at).toBeLessThan(NOW);
      expect(tl.events.at(-1)!.to).toBe(tl.status);
    }
  });

  it('takes only moves the workflow allows, each by a role that may make it', () => {
    const roleOf = { inspector: 'inspector', dispatcher: 'dispatcher', handler: 'handler', supervisor: 'supervisor' } as const;
    for (const { tl } of runs) {
      for (const e of tl.events.slice(1)) {
        if (e.action === 'fix_on_the_spot') {
          expect([e.from, e.to, e.role]).toEqual(['submitted', 'rectified', 'inspector']);
          continue;
        }
        const d = decide(e.from!, e.action as Parameters<typeof decide>[1], roleOf[e.role], { wasDispatched: true });
        expect(d, `${e.action} from ${e.from} by ${e.role}`).toEqual({ ok: true, to: e.to });
      }
    }
  });

  it('reaches its fate unless now stopped it, and keeps the case columns in step with the events', () => {
    for (const { fate, tl } of runs) {
      if (tl.status === fate.target && tl.reworkCount === fate.reworks) {
        expect(tl.events.filter((e) => e.action === 'recheck_fail').length).toBe(fate.reworks);
      }
      const dispatches = tl.events.filter((e) => e.action === 'dispatch' || e.action === 'recheck_fail');
      expect(tl.dispatchedAt).toBe(dispatches.at(-1)?.at ?? null);
      if (tl.dispatchedAt !== null) expect(tl.dueAt).toBeGreaterThan(tl.dispatchedAt);
      expect(tl.supervisionCount).toBe(tl.events.filter((e) => e.action === 'supervise').length);
      expect(tl.closedAt !== null).toBe(tl.status === 'closed' || tl.status === 'rejected');
      if (tl.status === 'merged') expect(tl.events.at(-1)!.payload).toEqual({ merged_into_id: 9 });
    }
  });

  it('supervises open work once its deadline has passed (by four days: weekends have no office hours)', () => {
    const overdue = runs.filter(({ tl }) => (tl.status === 'dispatched' || tl.status === 'in_progress') && tl.dueAt !== null && tl.dueAt < NOW - 4 * DAY);
    expect(overdue.length).toBeGreaterThan(10);
    for (const { tl } of overdue) expect(tl.supervisionCount, JSON.stringify([tl.events.map((e) => [e.action, new Date(e.at).toISOString()]), new Date(tl.dueAt!).toISOString()])).toBeGreaterThan(0);
    for (const { tl } of runs) for (const e of tl.events.filter((x) => x.action === "supervise")) expect(e.payload!.overdue_hours).toBeGreaterThanOrEqual(0);
  });

  it('keeps a report made in the last minute, with nothing after it', () => {
    const fate: Fate = { target: 'closed', path: 'normal', reworks: 0, pace: 'on_time' };
    const tl = walkTimeline(fate, NOW - 30_000, ctx(true), createRandom(1));
    expect(tl.events.map((e) => e.action)).toEqual(['submit']);
    expect(tl.status).toBe('submitted');
  });
});
