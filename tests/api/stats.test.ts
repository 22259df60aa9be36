// GET /api/stats over a small, known set of cases driven through the real workflow: every
// indicator and rate, each grouping, the caller's scope, and the refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, IN_M1, ok } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const IN_M2 = { lat: 31.205, lon: 120.515 };
const IN_M3 = { lat: 31.205, lon: 120.555 };
const at = (local: string) => `${local}+08:00`;
const PERIOD = 'from=2026-11-01&to=2026-12-01';
const photo = (): [string, Buffer][] => [['after.jpg', fixture('jpg_Canon_40D.jpg')]];

// All in November 2026, Asia/Shanghai; the stats are read at NOW.
//   H  S1  created 10-20, outside the period
//   A  S1  dispatched to U-PROP, due 11-05, closed 11-03 12:00: on time, 27 h
//   B  S1  dispatched to U-PROP, recheck failed (rework), closed 11-18 09:00: late, 360 h
//   C  S1  dispatched to U-PROP, due 11-10, still in progress: overdue
//   D  S1  registered only, category exit_blocked
//   E  S1  rejected
//   F  S2  dispatched to U-WATER, due 11-25: not yet due
//   G  S2  submitted at 11-09 00:30 Shanghai (11-08 in UTC)
const NOW = at('2026-11-20T12:00:00');

async function step<T>(when: string, fn: () => Promise<T>): Promise<T> {
  t.clock.set(at(when));
  return fn();
}

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1', 'supervisor']) as[u] = await bearerFor(t, u);
  const d1 = as.dispatcher1!;
  const prop = fx.unitIds['U-PROP']!;

  await step('2026-10-20T09:00:00', () => fileCase(t, as.inspector1!, IN_M1));

  let a = await step('2026-11-02T09:00:00', () => fileCase(t, as.inspector1!, IN_M1));
  a = await step('2026-11-02T10:00:00', () => ok(t, d1, a, 'accept', { handling_mode: 'consultation' }));
  a = await step('2026-11-02T11:00:00', () => ok(t, d1, a, 'dispatch', { unit_id: prop, due_at: at('2026-11-05T09:00:00') }));
  a = await step('2026-11-03T09:00:00', () => ok(t, as.handler1!, a, 'rectify', {}, photo()));
  a = await step('2026-11-03T12:00:00', () => ok(t, as.inspector1!, a, 'recheck_pass', IN_M1));
  expect(a.status).toBe('closed');

  let b = await step('2026-11-03T09:00:00', () => fileCase(t, as.inspector1!, { lat: 31.2052, lon: 120.5052 }));
  b = await step('2026-11-03T10:00:00', () => ok(t, d1, b, 'accept', { handling_mode: 'consultation' }));
  b = await step('2026-11-03T11:00:00', () => ok(t, d1, b, 'dispatch', { unit_id: prop, due_at: at('2026-11-04T09:00:00') }));
  b = await step('2026-11-04T08:00:00', () => ok(t, as.handler1!, b, 'rectify', {}, photo()));
  b = await step('2026-11-04T10:00:00', () => ok(t, as.inspector1!, b, 'recheck_fail', { reason: '仍有堆物', ...IN_M1 }));
  b = await step('2026-11-17T09:00:00', () => ok(t, as.handler1!, b, 'rectify', {}, photo()));
  b = await step('2026-11-18T09:00:00', () => ok(t, as.inspector1!, b, 'recheck_pass', IN_M1));
  expect(b.status).toBe('closed');
  expect(b.rework_count).toBe(1);
  expect(new Date(b.due_at!).getTime()).toBeLessThan(new Date(at('2026-11-18T09:00:00')).getTime());

  let c = await step('2026-11-05T09:00:00', () => fileCase(t, d1, IN_M2));
  c = await step('2026-11-05T10:00:00', () => ok(t, d1, c, 'accept', { handling_mode: 'consultation' }));
  c = await step('2026-11-05T11:00:00', () => ok(t, d1, c, 'dispatch', { unit_id: prop, due_at: at('2026-11-10T09:00:00') }));
  c = await step('2026-11-06T09:00:00', () => ok(t, as.handler1!, c, 'start'));

  const d = await step('2026-11-06T09:00:00', () => fileCase(t, d1, { ...IN_M2, category: 'exit_blocked' }));
  await step('2026-11-06T10:00:00', () => ok(t, d1, d, 'accept', { handling_mode: 'joint' }));

  const e = await step('2026-11-07T09:00:00', () => fileCase(t, d1, { lat: 31.2055, lon: 120.5155 }));
  await step('2026-11-07T10:00:00', () => ok(t, d1, e, 'reject', { reason: '不属于受理范围' }));

  let f = await step('2026-11-08T09:00:00', () => fileCase(t, as.dispatcher2!, IN_M3));
  f = await step('2026-11-08T10:00:00', () => ok(t, as.dispatcher2!, f, 'accept', { handling_mode: 'joint' }));
  await step('2026-11-08T11:00:00', () => ok(t, as.dispatcher2!, f, 'dispatch', { unit_id: fx.unitIds['U-WATER']!, due_at: at('2026-11-25T09:00:00') }));

  await step('2026-11-09T00:30:00', () => fileCase(t, as.dispatcher2!, { lat: 31.2055, lon: 120.5555 }));
  t.clock.set(NOW);
});
afterAll(() => db?.close());

type Stats = { from: string; to: string; area: { code: string } | null; totals: Record<string, number | null>; groups?: ({ key: string | null; name: string | null } & Record<string, number | null>)[] };

async function stats(who: string, query: string, status = 200): Promise<Stats> {
  const res = await t.app.request(`/api/stats?${query}`, { headers: as[who]! });
  const body = (await res.json()) as Stats;
  expect(res.status, JSON.stringify(body)).toBe(status);
  return body;
}

const ALL_S1 = { received: 5, registered: 4, dispatched: 3, due: 3, closed: 2, closed_on_time: 1, overdue: 2, reworked: 1 };

describe('totals', () => {
  it('counts every indicator and rate for the whole district', async () => {
    const s = await stats('admin', `area=D&${PERIOD}`);
    expect(s.from).toBe('2026-10-31T16:00:00.000Z');
    expect(s.to).toBe('2026-11-30T16:00:00.000Z');
    expect(s.area?.code).toBe('D');
    expect(s.totals).toEqual({
      received: 7, registered: 5, registration_rate: 5 / 7, dispatched: 4, due: 3, closed: 2, closure_rate: 2 / 3,
      closed_on_time: 1, on_time_rate: 1 / 3, overdue: 2, reworked: 1, rework_rate: 0.5,
      median_hours_to_close: (27 + 360) / 2, p90_hours_to_close: expect.closeTo(27 + 0.9 * (360 - 27), 9),
    });
  });

  it('defaults to the 30 days up to now, which leaves out the October case', async () => {
    const s = await stats('admin', '');
    expect(s.to).toBe(new Date(NOW).toISOString());
    expect(s.from).toBe(new Date(new Date(NOW).getTime() - 30 * 86_400_000).toISOString());
    expect(s.area).toBeNull();
    expect(s.totals.received).toBe(7);
  });

  it('counts as due only deadlines before the end of a past period', async () => {
    // A, B, C were created before 11-06; C falls due on 11-10, after the period.
    const s = await stats('admin', 'from=2026-11-01&to=2026-11-06');
    expect(s.totals).toMatchObject({ received: 3, dispatched: 3, due: 2, closed: 2, closure_rate: 1, overdue: 2 });
  });

  it('gives null rates when nothing is due or closed', async () => {
    const s = await stats('admin', `area=S2&${PERIOD}`);
    expect(s.totals).toMatchObject({
      received: 2, registered: 1, registration_rate: 0.5, dispatched: 1, due: 0, closed: 0, closure_rate: null,
      on_time_rate: null, overdue: 0, rework_rate: null, median_hours_to_close: null, p90_hours_to_close: null,
    });
  });
});

describe('groups', () => {
  it('by area: the children of the chosen area, each with its own indicators', async () => {
    const s = await stats('supervisor', `area=D&group=area&${PERIOD}`);
    expect(s.groups!.map((g) => [g.key, g.name])).toEqual([['S1', '西街道'], ['S2', '东街道']]);
    expect(s.groups![0]).toMatchObject({ ...ALL_S1, closure_rate: 2 / 3, rework_rate: 0.5 });
    expect(s.groups![1]).toMatchObject({ received: 2, registered: 1, dispatched: 1, due: 0, closure_rate: null });
  });

  it('by area without an area: the children of the caller\'s home area', async () => {
    const s = await stats('dispatcher2', `group=area&${PERIOD}`);
    expect(s.groups).toEqual([expect.objectContaining({ key: 'C2', received: 2 })]);
  });

  it('by category', async () => {
    const s = await stats('admin', `group=category&${PERIOD}`);
    expect(s.groups!.map((g) => [g.key, g.name, g.received, g.registered])).toEqual([
      ['corridor_clutter', '楼道堆物', 6, 4],
      ['exit_blocked', '安全出口堵塞/锁闭', 1, 1],
    ]);
  });

  it('by unit, with the cases not dispatched under null', async () => {
    const s = await stats('admin', `group=unit&${PERIOD}`);
    expect(s.groups!.map((g) => [g.key, g.received, g.closed])).toEqual([['U-PROP', 3, 2], ['U-WATER', 1, 0], [null, 3, 0]]);
  });

  it('by day and by week, in Asia/Shanghai', async () => {
    const days = await stats('admin', `group=day&${PERIOD}`);
    expect(days.groups!.map((g) => [g.key, g.received])).toEqual(
      ['02', '03', '05', '06', '07', '08', '09'].map((d) => [`2026-11-${d}`, 1]),
    );
    const weeks = await stats('admin', `group=week&${PERIOD}`);
    expect(weeks.groups!.map((g) => [g.key, g.received])).toEqual([['2026-11-02', 6], ['2026-11-09', 1]]);
  });
});

describe('scope', () => {
  it('a dispatcher sees only their street, even when asking for the district', async () => {
    const s = await stats('dispatcher2', `area=D&${PERIOD}`);
    expect(s.totals).toMatchObject({ received: 2, registered: 1, dispatched: 1, due: 0 });
    const byArea = await stats('dispatcher2', `area=D&group=area&${PERIOD}`);
    expect(byArea.groups!.map((g) => [g.key, g.received])).toEqual([['S1', 0], ['S2', 2]]);
  });

  it('a handler sees only the cases dispatched to their unit', async () => {
    const s = await stats('handler1', PERIOD);
    expect(s.totals).toMatchObject({ ...ALL_S1, received: 3, registered: 3, registration_rate: 1 });
  });
});

describe('refusals', () => {
  it.each([
    ['group=bogus', 400, 'validation_failed'],
    ['from=yesterday', 400, 'validation_failed'],
    ['to=2026-11-01T09:00:00', 400, 'validation_failed'],
    ['from=2026-12-01&to=2026-11-01', 400, 'invalid_period'],
    ['from=2026-11-01&to=2026-11-01', 400, 'invalid_period'],
    ['area=NOPE', 422, 'unknown_area'],
  ])('%s → %i %s', async (query, status, code) => {
    const s = (await stats('admin', query, status)) as unknown as { error: { code: string } };
    expect(s.error.code).toBe(code);
  });

  it('needs a login', async () => {
    expect((await t.app.request('/api/stats')).status).toBe(401);
  });
});
