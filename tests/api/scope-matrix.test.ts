// No leaks: every role × endpoint × case, in scope or out. Scope lives in the queries, so each
// endpoint is asked directly, not through the UI.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const cases: Record<'A' | 'B' | 'C', CaseJson> = {} as never;

// A: micro-grid M1 (street S1), reported by inspector1, dispatched to the property company.
// B: micro-grid M3 (street S2), reported by dispatcher2, dispatched to the water station.
// C: micro-grid M2 (street S1, not inspector1's), reported by dispatcher1, not dispatched.
const SEES: Record<string, ('A' | 'B' | 'C')[]> = {
  admin: ['A', 'B', 'C'],
  supervisor: ['A', 'B', 'C'],
  dispatcher1: ['A', 'C'],
  dispatcher2: ['B'],
  handler1: ['A'],
  inspector1: ['A'],
};

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  for (const u of Object.keys(SEES)) as[u] = await bearerFor(t, u);
  let a = await fileCase(t, as.inspector1!, IN_M1);
  a = await ok(t, as.dispatcher1!, a, 'accept', { handling_mode: 'consultation' });
  cases.A = await ok(t, as.dispatcher1!, a, 'dispatch', { unit_id: fx.unitIds['U-PROP']! });
  let b = await fileCase(t, as.dispatcher2!, { lat: 31.205, lon: 120.555 });
  b = await ok(t, as.dispatcher2!, b, 'accept', { handling_mode: 'joint' });
  cases.B = await ok(t, as.dispatcher2!, b, 'dispatch', { unit_id: fx.unitIds['U-WATER']! });
  cases.C = await fileCase(t, as.dispatcher1!, { lat: 31.205, lon: 120.515 });
});
afterAll(() => db?.close());

const LOCATIONS: Record<'A' | 'B' | 'C', [number, number]> = { A: [IN_M1.lon, IN_M1.lat], B: [120.555, 31.205], C: [120.515, 31.205] };

const get = (who: string, url: string) => t.app.request(url, { headers: as[who]! });

describe.each(Object.keys(SEES))('%s', (who) => {
  it('lists exactly the cases in scope, as JSON and as GeoJSON', async () => {
    const list = (await (await get(who, '/api/cases?limit=500')).json()) as { cases: { id: number }[]; total: number };
    const expected = SEES[who]!.map((k) => cases[k].id).sort();
    expect(list.cases.map((c) => c.id).sort()).toEqual(expected);
    expect(list.total).toBe(expected.length);
    const geo = await t.app.request('/api/cases', { headers: { ...as[who]!, accept: 'application/geo+json' } });
    expect(geo.headers.get('content-type')).toMatch(/geo\+json/);
    expect(((await geo.json()) as { features: { id: number }[] }).features.map((f) => f.id).sort()).toEqual(expected);
  });

  it('counts exactly the cases in scope in the statistics', async () => {
    const res = await get(who, '/api/stats?from=2026-11-01&to=2026-12-01');
    expect(res.status).toBe(200);
    const stats = (await res.json()) as { totals: { received: number } };
    expect(stats.totals.received).toBe(SEES[who]!.length);
  });

  it('finds exactly the nearby cases in scope (GET /api/cases/nearby)', async () => {
    for (const k of ['A', 'B', 'C'] as const) {
      const [lon, lat] = LOCATIONS[k];
      const res = await get(who, `/api/cases/nearby?lat=${lat}&lon=${lon}&category=corridor_clutter`);
      expect(res.status).toBe(200);
      const ids = ((await res.json()) as { cases: { id: number }[] }).cases.map((c) => c.id);
      expect(ids).toEqual(SEES[who]!.includes(k) ? [cases[k].id] : []);
    }
  });

  for (const k of ['A', 'B', 'C'] as const) {
    const visible = SEES[who]!.includes(k);
    it(`${visible ? 'sees' : 'cannot see'} case ${k}: the case, its events, its photos, its actions`, async () => {
      const c = cases[k];
      const status = visible ? 200 : 404;
      expect((await get(who, `/api/cases/${c.id}`)).status).toBe(status);
      expect((await get(who, `/api/cases/${c.id}/events`)).status).toBe(status);
      expect((await get(who, `/photos/${c.photos[0]!.id}/thumb`)).status).toBe(status);
      expect((await get(who, `/photos/${c.photos[0]!.id}/original`)).status).toBe(status);
      const r = await act(t, as[who]!, c, 'supervise', { note: 'scope probe' });
      if (visible) expect(r.status).not.toBe(404);
      else expect(r.status).toBe(404);
    });
  }
});

describe('filters do not widen the scope', () => {
  it('an area filter outside the scope finds nothing', async () => {
    const list = (await (await get('dispatcher1', '/api/cases?area=S2')).json()) as { cases: unknown[] };
    expect(list.cases).toEqual([]);
    const mine = (await (await get('dispatcher1', '/api/cases?area=M1')).json()) as { cases: { id: number }[] };
    expect(mine.cases.map((c) => c.id)).toEqual([cases.A.id]);
  });

  it('mine=true keeps only the caller\'s own reports, inside the scope', async () => {
    const ids = async (who: string, url: string) =>
      ((await (await get(who, url)).json()) as { cases: { id: number }[] }).cases.map((c) => c.id).sort();
    expect(await ids('inspector1', '/api/cases?mine=true')).toEqual([cases.A.id]);
    expect(await ids('dispatcher1', '/api/cases?mine=true')).toEqual([cases.C.id]);
    expect(await ids('dispatcher2', '/api/cases?mine=true')).toEqual([cases.B.id]);
    expect(await ids('supervisor', '/api/cases?mine=true')).toEqual([]);
    expect(await ids('dispatcher1', '/api/cases?mine=false')).toEqual([cases.A.id, cases.C.id].sort());
  });

  it('counts every match on every page, even past the last one', async () => {
    const past = (await (await get('dispatcher1', '/api/cases?limit=1&page=5')).json()) as { cases: unknown[]; total: number; total_capped: boolean };
    expect(past).toMatchObject({ cases: [], total: 2, total_capped: false });
    const first = (await (await get('dispatcher1', '/api/cases?limit=1&page=1&area=S1')).json()) as { cases: unknown[]; total: number };
    expect(first.cases).toHaveLength(1);
    expect(first.total).toBe(2);
  });

  it('overdue and due-soon come from the deadline, computed in the query', async () => {
    // Corridor clutter (一般) has 3 working days: dispatched Sunday 09:00, due Wednesday 09:00.
    // The last 20% of those 72 h starts Tuesday 18:36.
    expect(cases.A.due_at).toBe('2026-11-25T01:00:00.000Z');
    t.clock.set('2026-11-24T18:00:00+08:00');
    expect(((await (await get('supervisor', '/api/cases?due_soon=true')).json()) as { cases: unknown[] }).cases).toEqual([]);
    t.clock.set('2026-11-25T08:00:00+08:00');
    const soon = (await (await get('supervisor', '/api/cases?due_soon=true')).json()) as { cases: { id: number; due_soon: boolean }[] };
    expect(soon.cases.map((c) => c.id).sort()).toEqual([cases.A.id, cases.B.id].sort());
    t.clock.set('2026-11-25T10:00:00+08:00');
    const late = (await (await get('dispatcher2', '/api/cases?overdue=true')).json()) as { cases: { id: number; overdue: boolean }[] };
    expect(late.cases.map((c) => c.id)).toEqual([cases.B.id]);
    expect(((await (await get('dispatcher2', '/api/cases?overdue=false')).json()) as { cases: unknown[] }).cases).toEqual([]);
    expect(late.cases[0]!.overdue).toBe(true);
    const one = (await (await get('dispatcher2', `/api/cases/${cases.B.id}`)).json()) as CaseJson;
    expect(one.overdue).toBe(true);
    t.clock.set('2026-11-22T09:00:00+08:00');
  });

  it('rejects bad filters with 400 or 422', async () => {
    expect((await get('admin', '/api/cases?limit=0')).status).toBe(400);
    expect((await get('admin', '/api/cases?overdue=maybe')).status).toBe(400);
    expect((await get('admin', '/api/cases?area=NOPE')).status).toBe(422);
    expect((await get('admin', '/api/cases?q=%25')).status).toBe(200);
  });
});


// Runs last: it files more cases. Handlers do not report (403), so they are not asked here.
describe('possible_duplicates on a new report hold only cases in the reporter\'s scope', () => {
  for (const who of Object.keys(SEES).filter((u) => u !== 'handler1')) {
    it(who, async () => {
      for (const k of ['A', 'B', 'C'] as const) {
        const [lon, lat] = LOCATIONS[k];
        const filed = (await fileCase(t, as[who]!, { lon, lat })) as CaseJson & { possible_duplicates: { id: number }[] };
        const ids = filed.possible_duplicates.map((d) => d.id);
        expect(ids.includes(cases[k].id), `${who} at ${k}`).toBe(SEES[who]!.includes(k));
        // Whatever else is listed (earlier probes' reports) must be a case the reporter may open.
        for (const id of ids) expect((await get(who, `/api/cases/${id}`)).status, `${who} sees duplicate ${id}`).toBe(200);
      }
    });
  }
});
