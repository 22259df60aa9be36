// A case outside every area has an owner by rule: the street nearest its point (and that street's
// district). Its dispatchers see it, accept it, relocate it into an area and dispatch it; others do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, caseState, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher2', 'inspector1', 'supervisor']) as[u] = await bearerFor(t, u);
});
afterAll(() => db?.close());

// Just east of the district (it ends at 120.6 E): nearest street S2, 东街道.
const EAST_OF_S2 = { lat: 31.25, lon: 120.61 };
const status = async (who: string, id: number) => (await t.app.request(`/api/cases/${id}`, { headers: as[who]! })).status;
type Placed = CaseJson & { unassigned: boolean; area_path: { code: string }[]; location: { coordinates: [number, number] } };

describe('a case outside every area', () => {
  it('belongs to the nearest street: its dispatchers and the district supervisor see it, others do not', async () => {
    const c = (await fileCase(t, as.inspector1!, EAST_OF_S2)) as Placed;
    expect(c.unassigned).toBe(true);
    expect(c.area_path).toEqual([]);
    expect(await status('dispatcher2', c.id)).toBe(200);
    expect(await status('supervisor', c.id)).toBe(200);
    expect(await status('admin', c.id)).toBe(200);
    expect(await status('dispatcher1', c.id)).toBe(404);
    const list = (await (await t.app.request('/api/cases?limit=500', { headers: as.dispatcher2! })).json()) as { cases: { id: number }[] };
    expect(list.cases.map((x) => x.id)).toContain(c.id);
  });

  it('its owner accepts it, relocates it into an area (then the new street owns it) and it is dispatched', async () => {
    let c = (await fileCase(t, as.inspector1!, EAST_OF_S2)) as Placed;
    const view = (await (await t.app.request(`/api/cases/${c.id}`, { headers: as.dispatcher2! })).json()) as CaseJson;
    expect(view.available_actions).toEqual(['accept', 'reject', 'merge', 'relocate']);
    c = (await ok(t, as.dispatcher2!, c, 'accept', { handling_mode: 'consultation' })) as Placed;
    expect(c.status).toBe('registered');

    // A point that is still outside every area is refused, and nothing changes.
    const before = await caseState(t, c.id);
    const outside = await act(t, as.dispatcher2!, c, 'relocate', { lat: 31.25, lon: 120.7 });
    expect(outside.status).toBe(422);
    expect(outside.body.error?.code).toBe('outside_areas');
    expect((await act(t, as.dispatcher2!, c, 'relocate')).body.error?.code).toBe('location_required');
    expect(await caseState(t, c.id)).toEqual(before);

    c = (await ok(t, as.dispatcher2!, c, 'relocate', IN_M1)) as Placed;
    expect(c.status).toBe('registered');
    expect(c.unassigned).toBe(false);
    expect(c.area_path.map((a) => a.code)).toEqual(['M1', 'G1', 'C1', 'S1', 'D']);
    expect(c.location.coordinates).toEqual([IN_M1.lon, IN_M1.lat]);
    const [row] = await db.query<{ location_source: string }>('SELECT location_source FROM cases WHERE id = $1', [c.id]);
    expect(row!.location_source).toBe('manual');
    expect(await status('dispatcher2', c.id)).toBe(404);
    expect(await status('dispatcher1', c.id)).toBe(200);
    c = (await ok(t, as.dispatcher1!, c, 'dispatch', { unit_id: fx.unitIds['U-PROP']! })) as Placed;
    expect(c.status).toBe('dispatched');
    const events = (await (await t.app.request(`/api/cases/${c.id}/events`, { headers: as.dispatcher1! })).json()) as { events: { action: string; payload: { location?: unknown } }[] };
    expect(events.events.map((e) => e.action)).toEqual(['submit', 'accept', 'relocate', 'dispatch']);
    expect(events.events[2]!.payload.location).toEqual({ lat: IN_M1.lat, lon: IN_M1.lon });
  });
});
