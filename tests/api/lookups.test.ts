// GET /api/rivers (river segments as GeoJSON, bbox filter) and GET /api/units (active units, the proposed default).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, type CaseJson } from '../helpers/workflow';

type RiverFC = {
  type: string;
  features: { id: number; geometry: { type: string; coordinates: number[][] }; properties: { code: string; river_name: string; chief_name: string | null; area: { code: string } | null } }[];
};
type UnitList = { units: { id: number; code: string; name: string; kind: string; local: boolean; area: { code: string } | null }[]; default_unit_id: number | null };

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
let filed: CaseJson;
const auth: Record<string, Record<string, string>> = {};

const INSERT_RIVER = `
  INSERT INTO river_segments (code, river_name, name, chief_name, patrol_every_days, area_id, geom)
  VALUES ($1, $2, $3, $4, 7, $5, ST_SetSRID(ST_GeomFromGeoJSON($6), 4326))`;

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  // One river crossing the west street, one in the east street.
  await db.query(INSERT_RIVER, ['R-W', '清溪河', '清溪河西段', '王河长', fx.areaIds.S1, JSON.stringify({ type: 'LineString', coordinates: [[120.5, 31.25], [120.54, 31.26]] })]);
  await db.query(INSERT_RIVER, ['R-E', '东溪', '东溪一段', null, fx.areaIds.S2, JSON.stringify({ type: 'LineString', coordinates: [[120.56, 31.21], [120.58, 31.22]] })]);
  // A third unit, inactive; and rules: water for river litter anywhere in the district, property for anything in C1.
  await db.query(`INSERT INTO units (code, name, kind, area_id, active) VALUES ('U-OLD', '旧保洁', 'cleaning', $1, false)`, [fx.areaIds.S1]);
  const [east] = await db.query<{ id: number }>(`INSERT INTO units (code, name, kind, area_id) VALUES ('U-EAST', '东街物业', 'property', $1) RETURNING id`, [fx.areaIds.S2]);
  fx.unitIds['U-EAST'] = east!.id;
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1', 'supervisor']) auth[u] = await bearerFor(t, u);
  filed = await fileCase(t, auth.inspector1!);
});
afterAll(() => db?.close());

const get = async <T>(path: string, user: string) => {
  const res = await t.app.request(path, { headers: auth[user]! });
  return { res, body: (await res.json()) as T };
};

describe('GET /api/rivers', () => {
  it('returns every segment as RFC 7946 LineStrings, lon before lat, with the river chief', async () => {
    const { res, body } = await get<RiverFC>('/api/rivers', 'inspector1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/geo\+json/);
    expect(body.type).toBe('FeatureCollection');
    expect(body.features.map((f) => f.properties.code).sort()).toEqual(['R-E', 'R-W']);
    const west = body.features.find((f) => f.properties.code === 'R-W')!;
    expect(west.geometry.type).toBe('LineString');
    expect(west.geometry.coordinates[0]).toEqual([120.5, 31.25]);
    expect(west.properties).toMatchObject({ river_name: '清溪河', chief_name: '王河长', area: { code: 'S1' } });
  });

  it('filters by bbox and rejects a bad one', async () => {
    const { body } = await get<RiverFC>('/api/rivers?bbox=120.55,31.2,120.6,31.25', 'dispatcher1');
    expect(body.features.map((f) => f.properties.code)).toEqual(['R-E']);
    expect((await get<RiverFC>('/api/rivers?bbox=100,10,101,11', 'dispatcher1')).body.features).toEqual([]);
    const bad = await get<{ error: { code: string } }>('/api/rivers?bbox=1,2,3', 'dispatcher1');
    expect(bad.res.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('needs a login', async () => {
    expect((await t.app.request('/api/rivers')).status).toBe(401);
  });
});

describe('GET /api/units', () => {
  it('lists active units only, the caller’s local ones first', async () => {
    const { res, body } = await get<UnitList>('/api/units', 'dispatcher1');
    expect(res.status).toBe(200);
    const codes = body.units.map((u) => u.code);
    expect(codes).not.toContain('U-OLD');
    // The west street's dispatcher: its community's property company and the district's water station are local.
    expect(codes).toEqual(['U-PROP', 'U-WATER', 'U-EAST']);
    expect(body.units.map((u) => u.local)).toEqual([true, true, false]);
    expect(body.units[0]).toMatchObject({ name: '绿苑物业', kind: 'property', area: { code: 'C1' } });
    expect(body.default_unit_id).toBeNull();

    const east = await get<UnitList>('/api/units', 'dispatcher2');
    expect(east.body.units.map((u) => u.code)).toEqual(['U-EAST', 'U-WATER', 'U-PROP']);
    const all = await get<UnitList>('/api/units', 'admin');
    expect(all.body.units.every((u) => u.local)).toBe(true);
  });

  it('with ?case= says which unit the area rules propose, and the deeper, category-specific rule wins', async () => {
    expect((await get<UnitList>(`/api/units?case=${filed.id}`, 'dispatcher1')).body.default_unit_id).toBe(fx.unitIds['U-PROP']);
    await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, 'corridor_clutter', $2)`, [fx.areaIds.D, fx.unitIds['U-WATER']]);
    expect((await get<UnitList>(`/api/units?case=${filed.id}`, 'supervisor')).body.default_unit_id).toBe(fx.unitIds['U-WATER']);
    await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, 'corridor_clutter', $2)`, [fx.areaIds.M1, fx.unitIds['U-EAST']]);
    expect((await get<UnitList>(`/api/units?case=${filed.id}`, 'admin')).body.default_unit_id).toBe(fx.unitIds['U-EAST']);
  });

  it('answers 404 for a case outside the caller’s scope, 400 for a bad id', async () => {
    const other = await get<{ error: { code: string } }>(`/api/units?case=${filed.id}`, 'dispatcher2');
    expect(other.res.status).toBe(404);
    expect(other.body.error.code).toBe('not_found');
    expect((await get<UnitList>('/api/units?case=999999', 'dispatcher1')).res.status).toBe(404);
    expect((await get<UnitList>('/api/units?case=abc', 'dispatcher1')).res.status).toBe(400);
  });

  it('is for dispatchers, supervisors and admins only', async () => {
    for (const user of ['handler1', 'inspector1']) {
      const { res, body } = await get<{ error: { code: string } }>('/api/units', user);
      expect(res.status, user).toBe(403);
      expect(body.error.code).toBe('forbidden');
    }
    expect((await t.app.request('/api/units')).status).toBe(401);
  });
});
