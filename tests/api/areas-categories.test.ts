// GET /api/areas (GeoJSON with level, parent and bbox filters) and GET /api/categories.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

type AreaFC = {
  type: string;
  features: { type: string; id: number; geometry: { type: string; coordinates: number[][][][] }; properties: Record<string, unknown> }[];
};

let db: TestDb;
let t: TestApp;
let auth: Record<string, string>;

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  auth = await bearerFor(t, 'inspector1');
});
afterAll(() => db?.close());

const getAreas = async (query = '') => {
  const res = await t.app.request(`/api/areas${query}`, { headers: auth });
  return { res, body: (await res.json()) as AreaFC };
};

describe('GET /api/areas', () => {
  it('returns the hierarchy as RFC 7946 GeoJSON, parents first, lon before lat', async () => {
    const { res, body } = await getAreas();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(10);
    expect(body.features[0]!.properties).toMatchObject({ code: 'D', level: 'district', parent_id: null, parent_code: null });
    const m1 = body.features.find((f) => f.properties.code === 'M1')!;
    expect(m1.geometry.type).toBe('MultiPolygon');
    expect(m1.properties).toMatchObject({ name: '西一第一网格1号微网格', level: 'micro_grid', parent_code: 'G1' });
    // The label point lies inside the area, for drawing its name.
    const [labelLon, labelLat] = (m1.properties as unknown as { label_point: [number, number] }).label_point;
    const ring = m1.geometry.coordinates[0]![0]!;
    const lons = ring.map((p) => p[0]!);
    const lats = ring.map((p) => p[1]!);
    expect(labelLon).toBeGreaterThan(Math.min(...lons));
    expect(labelLon).toBeLessThan(Math.max(...lons));
    expect(labelLat).toBeGreaterThan(Math.min(...lats));
    expect(labelLat).toBeLessThan(Math.max(...lats));
    const [lon, lat] = m1.geometry.coordinates[0]![0]![0]!;
    expect(lon).toBeCloseTo(120.5, 6);
    expect(lat).toBeCloseTo(31.2, 6);
  });

  it('filters by level, by parent code or id, and by bbox', async () => {
    const streets = (await getAreas('?level=street')).body.features.map((f) => f.properties.code);
    expect(streets.sort()).toEqual(['S1', 'S2']);

    const children = (await getAreas('?parent=G1')).body.features.map((f) => f.properties.code);
    expect(children.sort()).toEqual(['M1', 'M2']);
    const g1 = (await getAreas('?level=grid')).body.features.find((f) => f.properties.code === 'G1')!;
    expect((await getAreas(`?parent=${g1.id}`)).body.features).toHaveLength(2);

    // A box in the east street's micro-grid only touches areas that overlap it.
    const east = (await getAreas('?level=micro_grid&bbox=120.552,31.202,120.553,31.203')).body.features.map((f) => f.properties.code);
    expect(east).toEqual(['M3']);
    expect((await getAreas('?bbox=100,10,101,11')).body.features).toEqual([]);
  });

  it('answers bad filters with 400 in the error format', async () => {
    for (const q of ['?level=village', '?bbox=1,2,3', '?bbox=a,b,c,d', '?bbox=121,31,120,32', '?bbox=0,0,200,10']) {
      const res = await t.app.request(`/api/areas${q}`, { headers: auth });
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message.length).toBeGreaterThan(5);
    }
  });

  it('needs a login', async () => {
    expect((await t.app.request('/api/areas')).status).toBe(401);
  });
});

describe('GET /api/categories', () => {
  it('groups the categories into river and fire, with time limits for each severity', async () => {
    const res = await t.app.request('/api/categories', { headers: auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      groups: { domain: string; name_zh: string; categories: { code: string; name_zh: string; time_limits: Record<string, { amount: number; unit: string }> }[] }[];
      severities: { code: string; name_zh: string }[];
    };
    expect(body.groups.map((g) => [g.domain, g.name_zh])).toEqual([['river', '河道'], ['fire', '消防']]);
    const river = body.groups[0]!.categories;
    const fire = body.groups[1]!.categories;
    expect(river).toHaveLength(8);
    expect(fire).toHaveLength(9);
    expect(river[0]).toMatchObject({ code: 'floating_debris', name_zh: '水面漂浮物' });
    expect(fire.find((c) => c.code === 'fire_lane_blocked')!.time_limits).toEqual({
      general: { amount: 4, unit: 'hours' },
      serious: { amount: 2, unit: 'hours' },
      major: { amount: 1, unit: 'hours' },
    });
    for (const c of [...river, ...fire]) expect(Object.keys(c.time_limits).sort()).toEqual(['general', 'major', 'serious']);
    expect(body.severities.map((s) => s.name_zh)).toEqual(['一般', '较严重', '重大']);
  });

  it('needs a login', async () => {
    expect((await t.app.request('/api/categories')).status).toBe(401);
  });
});
