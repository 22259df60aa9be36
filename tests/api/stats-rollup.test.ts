// The statistics rollup against the query-time oracle: a random run of intakes and actions through the
// real workflow, then every indicator for many scopes, areas, periods and groupings must agree (counts
// and rates exactly, percentiles within the documented bound), and a rebuild must equal the triggers' work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/src/features/auth/auth.types';
import { ABSOLUTE_ERROR_HOURS, RELATIVE_ERROR } from '../../api/src/features/stats/hours-percentile';
import { rebuildStatsRollup } from '../../api/src/features/stats/stats-rollup.repo';
import { statsFromRollup, syncStatsRollupTimeZone } from '../../api/src/features/stats/stats-rollup.service';
import { areasRepo } from '../../api/src/features/areas/areas.repo';
import { computeStats } from '../../api/src/features/stats/stats.service';
import { STAT_GROUPS, type StatGroup } from '../../api/src/features/stats/stats.schemas';
import { WORKFLOW, type CaseAction, type CaseState } from '../../api/src/lib/case-workflow';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, fileCase, type CaseJson } from '../helpers/workflow';
import { authRepo } from '../../api/src/features/auth/auth.repo';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const auth: Record<string, Record<string, string>> = {};
const users: Record<string, SessionUser> = {};
const TZ = 'Asia/Shanghai';

// Where cases are filed, with the street each falls in.
const SPOTS = [
  { lat: 31.205, lon: 120.505, street: 'S1' }, // M1
  { lat: 31.205, lon: 120.515, street: 'S1' }, // M2
  { lat: 31.235, lon: 120.535, street: 'S1' }, // C1 only
  { lat: 31.205, lon: 120.555, street: 'S2' }, // M3
  { lat: 31.28, lon: 120.58, street: 'S2' }, // S2 only
];
const CATEGORIES = ['corridor_clutter', 'exit_blocked', 'fire_lane_blocked'];

// A small deterministic generator, so a failure replays.
let seed = 20261122;
const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

type Tracked = CaseJson & { street: string; spot: (typeof SPOTS)[number] };

// Mostly forward through the loop, so that cases close, with every detour taken now and then.
const WEIGHTS: Record<CaseAction, number> = {
  accept: 6, reject: 1, dispatch: 6, start: 2, rectify: 6, recheck_pass: 5, recheck_fail: 2, return: 1, supervise: 1, merge: 0.5, reopen: 1, relocate: 0,
};

function pickAction(actions: CaseAction[]): CaseAction {
  let r = random() * actions.reduce((s, a) => s + WEIGHTS[a], 0);
  for (const a of actions) if ((r -= WEIGHTS[a]) < 0) return a;
  return actions[actions.length - 1]!;
}

function actorFor(c: Tracked, action: CaseAction): string {
  const roles = WORKFLOW[action].roles;
  if (roles.includes('handler')) return c.unit?.code === 'U-WATER' ? 'handler2' : 'handler1';
  if (action === 'supervise' && random() < 0.5) return 'supervisor';
  // The inspector reported most cases, so may recheck them; a dispatcher confirms only 马上办 fixes.
  if (roles.includes('inspector') && random() < 0.85) return 'inspector1';
  return c.street === 'S1' ? 'dispatcher1' : 'dispatcher2';
}

function fieldsFor(c: Tracked, action: CaseAction, open: Tracked[], now: Date): Record<string, string | number> {
  const here = { lat: c.spot.lat, lon: c.spot.lon };
  switch (action) {
    case 'accept':
      return { handling_mode: pick(['on_the_spot', 'consultation', 'joint']) };
    case 'dispatch': {
      const due = new Date(now.getTime() + Math.floor(random() * 14 * 86_400_000) + 3_600_000);
      return { unit_id: fx.unitIds[pick(['U-PROP', 'U-PROP', 'U-WATER'])]!, due_at: due.toISOString() };
    }
    case 'recheck_pass':
      return here;
    case 'recheck_fail':
      return { reason: '仍未整改', ...here };
    case 'supervise':
      return { note: '请尽快处理' };
    case 'merge': {
      const target = open.find((o) => o.id !== c.id && o.street === c.street);
      return target ? { target_case_id: target.id } : {};
    }
    default:
      return { reason: '测试原因' };
  }
}

const OPEN: CaseState[] = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified'];

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(
    `INSERT INTO users (username, display_name, role, unit_id, password_hash)
     SELECT 'handler2', '测试handler2', 'handler', $1, password_hash FROM users WHERE username = 'handler1'`,
    [fx.unitIds['U-WATER']],
  );
  t = createTestApp(db, {}, '2026-10-27T08:00:00+08:00');
  const names = ['admin', 'dispatcher1', 'dispatcher2', 'handler1', 'handler2', 'inspector1', 'supervisor'];
  for (const u of names) auth[u] = await bearerFor(t, u);
  // Each user as a session carries them (the auth repo's own query, area level included).
  for (const { username } of await db.query<{ username: string }>('SELECT username FROM users')) {
    users[username] = (await authRepo.findUserForLogin(db, username))!;
  }

  // About six weeks across the October, November and December boundaries, at any hour (so around local midnight too).
  const cases: Tracked[] = [];
  const done: Record<string, number> = {};
  let now = new Date('2026-10-27T00:00:00Z').getTime();
  for (let step = 0; step < 450; step++) {
    now += Math.floor(random() * 6 * 3_600_000) + 60_000;
    t.clock.set(new Date(now));
    // Sessions last two weeks without use; the run lasts longer.
    if (step % 50 === 49) for (const u of names) auth[u] = await bearerFor(t, u);
    if (cases.length < 6 || random() < 0.1) {
      const spot = pick(SPOTS);
      const reporter = random() < 0.8 ? 'inspector1' : spot.street === 'S1' ? 'dispatcher1' : 'dispatcher2';
      const c = await fileCase(t, auth[reporter]!, { lat: spot.lat, lon: spot.lon, category: pick(CATEGORIES) });
      cases.push({ ...c, street: spot.street, spot });
      continue;
    }
    const c = pick(cases);
    const actions = (Object.keys(WORKFLOW) as CaseAction[]).filter((a) => WORKFLOW[a].from.includes(c.status as CaseState));
    // Reopening is the only way out of closed: rarely, or few cases would stay closed.
    if (!actions.length || (c.status === 'closed' && random() < 0.9)) continue;
    const action = pickAction(actions);
    const open = cases.filter((o) => OPEN.includes(o.status as CaseState));
    const photos: [string, Buffer][] = action === 'rectify' ? [['after.jpg', fixture('jpg_Canon_40D.jpg')]] : [];
    const r = await act(t, auth[actorFor(c, action)]!, c, action, fieldsFor(c, action, open, new Date(now)), photos);
    if (r.status === 200) {
      Object.assign(c, r.body);
      done[action] = (done[action] ?? 0) + 1;
    }
  }
  // A statement that moves several cases at once: the triggers see one transition table of many rows.
  await db.query(`UPDATE cases SET category_code = 'exit_blocked' WHERE id % 5 = 0`);

  // The run must have reached every corner it is meant to test.
  for (const a of ['accept', 'reject', 'dispatch', 'start', 'rectify', 'recheck_pass', 'recheck_fail', 'return', 'supervise', 'merge', 'reopen']) {
    expect(done[a] ?? 0, `${a} in ${JSON.stringify(done)}`).toBeGreaterThan(0);
  }
  t.clock.set('2026-12-02T15:30:00+08:00');
}, 300_000);
afterAll(() => db?.close());

type Indicators = Record<string, number | null>;
type Stats = { totals: Indicators; groups?: (Indicators & { key: string | null; name: string | null })[] };
const PERCENTILES = ['median_hours_to_close', 'p90_hours_to_close'];

/** Counts and rates equal; percentiles within the documented bound. */
function expectAgree(rolled: Indicators, exact: Indicators, where: string) {
  for (const [k, want] of Object.entries(exact)) {
    const got = rolled[k];
    if (!PERCENTILES.includes(k) || want === null) {
      expect(got, `${where} ${k}`).toBe(want);
      continue;
    }
    expect(got, `${where} ${k}`).not.toBeNull();
    expect(Math.abs(got! - want), `${where} ${k}: ${got} vs ${want}`).toBeLessThanOrEqual(RELATIVE_ERROR * want + ABSOLUTE_ERROR_HOURS + 1e-9);
  }
}

function expectSameStats(rolled: Stats, exact: Stats, where: string) {
  expectAgree(rolled.totals, exact.totals, where);
  expect(rolled.groups?.map((g) => [g.key, g.name]), where).toEqual(exact.groups?.map((g) => [g.key, g.name]));
  exact.groups?.forEach((g, i) => expectAgree(rolled.groups![i]!, g, `${where} group ${g.key}`));
}

const deps = (rollup: boolean, timeZone = TZ) => ({ db, clock: t.clock, timeZone, rollup });
const PERIODS: { from?: string; to?: string }[] = [
  { from: '2026-11-01', to: '2026-12-01' }, // whole months
  { from: '2026-10-28', to: '2026-12-03' }, // days, a month, days
  { from: '2026-11-09', to: '2026-11-16' }, // days only
  { from: '2026-11-12', to: '2026-11-13' }, // one day
  { from: '2026-10-28T13:17:00+08:00', to: '2026-12-02T09:00:00+08:00' }, // partial days around days and a month
  { from: '2026-11-12T08:00:00+08:00', to: '2026-11-12T20:00:00+08:00' }, // inside one day
  {}, // the default: the 30 days up to now
];
const GROUPS: (StatGroup | undefined)[] = [undefined, ...STAT_GROUPS];

async function compare(who: string, query: { area?: string; from?: string; to?: string; group?: StatGroup }, timeZone = TZ) {
  const where = `${who} ${JSON.stringify(query)}`;
  const exact = (await computeStats(deps(false, timeZone), users[who]!, query)) as Stats;
  const rolled = (await computeStats(deps(true, timeZone), users[who]!, query)) as Stats;
  expectSameStats(rolled, exact, where);
  return { exact, rolled };
}

describe('the rollup path equals the query-time oracle', () => {
  it('has data worth comparing: every indicator reached, cases closed in both streets', async () => {
    const exact = (await computeStats(deps(false), users.admin!, { from: '2026-10-27', to: '2026-12-03', group: 'area', area: 'D' })) as Stats;
    for (const k of ['received', 'registered', 'dispatched', 'due', 'closed', 'closed_on_time', 'overdue', 'reworked']) {
      expect(exact.totals[k], k).toBeGreaterThan(1);
    }
    for (const street of exact.groups!) expect(street.closed, String(street.key)).toBeGreaterThan(1);
  });

  it.each(['admin', 'supervisor', 'dispatcher1', 'dispatcher2', 'handler1', 'handler2'])('as %s', async (who) => {
    for (const period of PERIODS) {
      for (const area of [undefined, 'D', 'S1', 'S2']) {
        for (const group of GROUPS) await compare(who, { ...period, ...(area ? { area } : {}), ...(group ? { group } : {}) });
      }
    }
  }, 120_000);

  it('takes the rollup path for district, street and unit scopes', async () => {
    const ask = async (who: string, area: string | undefined, group: StatGroup | undefined, from = '2026-11-01T00:00:00+08:00') =>
      statsFromRollup(db, TZ, {
        user: users[who]!,
        area: area ? await areasRepo.find(db, area) : undefined,
        from: new Date(from),
        to: new Date('2026-12-01T00:00:00+08:00'),
        now: t.clock.now(),
        group,
      });
    expect(await ask('admin', undefined, 'area')).not.toBeNull();
    expect(await ask('supervisor', 'S1', 'category')).not.toBeNull();
    expect(await ask('dispatcher1', undefined, 'week')).not.toBeNull();
    expect(await ask('handler1', 'D', 'unit')).not.toBeNull();
    expect(await ask('admin', undefined, 'day', '2026-11-01T09:00:00+08:00')).not.toBeNull(); // partial days from the cases
    // The cases themselves answer what the rollup's keys cannot.
    expect(await ask('inspector1', undefined, undefined)).toBeNull();
    expect(await ask('admin', 'C1', undefined)).toBeNull();
    expect(await ask('dispatcher1', undefined, 'area')).toBeNull(); // children of a street are communities
  });

  it('answers the same over HTTP as the oracle, for a period that is not on local midnights too', async () => {
    auth.supervisor = await bearerFor(t, 'supervisor'); // the first login has expired by now
    for (const q of ['area=D&from=2026-11-01&to=2026-12-01&group=area', 'from=2026-11-03T10:00:00%2B08:00&to=2026-11-20T00:00:00Z&group=day']) {
      const res = await t.app.request(`/api/stats?${q}`, { headers: auth.supervisor! });
      expect(res.status).toBe(200);
      const params = Object.fromEntries(new URLSearchParams(q));
      expectSameStats((await res.json()) as Stats, (await computeStats(deps(false), users.supervisor!, params)) as Stats, q);
    }
  });
});

describe('crowded buckets', () => {
  it('keeps percentiles within the bound when many cases share buckets, from one multi-row insert', async () => {
    // 400 cases closed between 1 and 100 hours after they came in, all in September, in one statement.
    await db.query(
      `INSERT INTO cases (code, category_code, severity, status, location, location_source, area_id, street_id, district_id,
                          created_at, registered_at, dispatched_at, due_at, closed_at, unit_id)
       SELECT 'XC-BULK-' || g, 'corridor_clutter', 'general', 'closed', ST_SetSRID(ST_Point(120.505, 31.205), 4326), 'device',
              $1, $1, $2, t, t, t, t + interval '30 hours', t + exp(ln(100) * ((g * 7919) % 400) / 400.0) * interval '1 hour', $3
       FROM generate_series(1, 400) g, LATERAL (SELECT timestamptz '2026-09-01 00:00+08' + g * interval '97 minutes') x (t)`,
      [fx.areaIds.S1, fx.areaIds.D, fx.unitIds['U-PROP']],
    );
    let inexact = 0;
    for (const group of [undefined, 'day', 'category', 'area'] as const) {
      for (const who of ['admin', 'dispatcher1', 'handler1']) {
        const query = { from: '2026-09-01', to: '2026-10-01', ...(group ? { group } : {}) };
        const { exact, rolled } = await compare(who, query);
        if (rolled.totals.median_hours_to_close !== exact.totals.median_hours_to_close) inexact += 1;
      }
    }
    expect(inexact).toBeGreaterThan(0); // the bound, not luck, is what held
    const [shared] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM stats_rollup_hours WHERE period_start >= '2026-09-01' AND n > 1`);
    expect(shared!.n).toBeGreaterThan(0);
  });
});

describe('maintenance', () => {
  const snapshot = async () => ({
    counters: await db.query(
      `SELECT grain, slice, district_id, street_id, to_char(period_start, 'YYYY-MM-DD') AS day, category_code, unit_id, was_dispatched,
              received, registered, dispatched, closed, closed_on_time, closed_late, reworked
       FROM stats_rollup WHERE (received, registered, dispatched, closed, closed_on_time, closed_late, reworked) <> (0, 0, 0, 0, 0, 0, 0)
       ORDER BY 1, 2, 3, 4, 5, 6, 7, 8`,
    ),
    hours: await db.query(
      `SELECT grain, slice, district_id, street_id, to_char(period_start, 'YYYY-MM-DD') AS day, category_code, unit_id, was_dispatched,
              bucket, n, sum_us::text AS sum_us
       FROM stats_rollup_hours WHERE (n, sum_us) <> (0, 0) ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    ),
  });

  it('a rebuild from the cases equals what the triggers maintained', async () => {
    const maintained = await snapshot();
    expect(maintained.counters.length).toBeGreaterThan(0);
    expect(maintained.hours.length).toBeGreaterThan(0);
    await rebuildStatsRollup(db);
    expect(await snapshot()).toEqual(maintained);
  });

  it('counts local days in another time zone after a sync, and reads the cases until then', async () => {
    const query = { from: '2026-11-01', to: '2026-12-01', group: 'day' as const };
    const user = users.admin!;
    const request = { user, area: undefined, from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-12-01T00:00:00Z'), now: t.clock.now(), group: 'day' as const };
    expect(await statsFromRollup(db, 'UTC', request)).toBeNull();
    try {
      expect(await syncStatsRollupTimeZone(db, 'UTC')).toBe(true);
      expect(await syncStatsRollupTimeZone(db, 'UTC')).toBe(false);
      expect(await statsFromRollup(db, 'UTC', request)).not.toBeNull();
      for (const group of GROUPS) await compare('admin', { ...query, ...(group ? { group } : {}) }, 'UTC');
      await compare('supervisor', { ...query, area: 'S2' }, 'UTC');
    } finally {
      await syncStatsRollupTimeZone(db, TZ);
    }
    await compare('admin', query);
  });
});
