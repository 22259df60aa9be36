// A small, explicit world for tests: one district with two streets, a few grids, units and
// one user per role. Tests that need more add it themselves.
import type { Queryable } from '../../api/src/db/db';
import { areasRepo, type AreaLevel } from '../../api/src/features/areas/areas.repo';
import { hashPassword } from '../../api/src/lib/password';

export const TEST_PASSWORD = 'correct horse 巡河';

/** A square of `size` degrees with its south-west corner at (lon, lat), as a GeoJSON Polygon. */
export function square(lon: number, lat: number, size: number) {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  };
}

// Street S1 is the west half, S2 the east half of a 0.1° district at 120.5 E, 31.2 N.
const AREAS: { code: string; name: string; level: AreaLevel; parent: string | null; geom: object }[] = [
  { code: 'D', name: '测试区', level: 'district', parent: null, geom: square(120.5, 31.2, 0.1) },
  { code: 'S1', name: '西街道', level: 'street', parent: 'D', geom: { type: 'Polygon', coordinates: [[[120.5, 31.2], [120.55, 31.2], [120.55, 31.3], [120.5, 31.3], [120.5, 31.2]]] } },
  { code: 'S2', name: '东街道', level: 'street', parent: 'D', geom: { type: 'Polygon', coordinates: [[[120.55, 31.2], [120.6, 31.2], [120.6, 31.3], [120.55, 31.3], [120.55, 31.2]]] } },
  { code: 'C1', name: '西一社区', level: 'community', parent: 'S1', geom: square(120.5, 31.2, 0.05) },
  { code: 'G1', name: '西一第一网格', level: 'grid', parent: 'C1', geom: square(120.5, 31.2, 0.02) },
  { code: 'M1', name: '西一第一网格1号微网格', level: 'micro_grid', parent: 'G1', geom: square(120.5, 31.2, 0.01) },
  { code: 'M2', name: '西一第一网格2号微网格', level: 'micro_grid', parent: 'G1', geom: square(120.51, 31.2, 0.01) },
  { code: 'C2', name: '东一社区', level: 'community', parent: 'S2', geom: square(120.55, 31.2, 0.05) },
  { code: 'G2', name: '东一第一网格', level: 'grid', parent: 'C2', geom: square(120.55, 31.2, 0.02) },
  { code: 'M3', name: '东一第一网格1号微网格', level: 'micro_grid', parent: 'G2', geom: square(120.55, 31.2, 0.01) },
];

export type Fixtures = {
  areaIds: Record<string, number>;
  unitIds: Record<string, number>;
  userIds: Record<string, number>;
};

/** Loads the test world. Fast: the password is hashed once with a low cost. */
export async function seedBasics(q: Queryable): Promise<Fixtures> {
  const areaIds: Record<string, number> = {};
  for (const a of AREAS) {
    areaIds[a.code] = (await areasRepo.upsert(q, { code: a.code, name: a.name, level: a.level, parentCode: a.parent, geometry: a.geom })).id;
  }
  const unitIds: Record<string, number> = {};
  for (const [code, name, kind, area] of [
    ['U-PROP', '绿苑物业', 'property', 'C1'],
    ['U-WATER', '区水务站', 'water', 'D'],
  ] as const) {
    const [row] = await q.query<{ id: number }>(
      'INSERT INTO units (code, name, kind, area_id) VALUES ($1, $2, $3, $4) RETURNING id',
      [code, name, kind, areaIds[area]],
    );
    unitIds[code] = row!.id;
  }
  const hash = await hashPassword(TEST_PASSWORD, 10);
  const userIds: Record<string, number> = {};
  for (const [username, role, area, unit] of [
    ['admin', 'admin', null, null],
    ['dispatcher1', 'dispatcher', 'S1', null],
    ['dispatcher2', 'dispatcher', 'S2', null],
    ['handler1', 'handler', null, 'U-PROP'],
    ['inspector1', 'inspector', 'M1', null],
    ['supervisor', 'supervisor', 'D', null],
  ] as const) {
    const [row] = await q.query<{ id: number }>(
      `INSERT INTO users (username, display_name, role, area_id, unit_id, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [username, `测试${username}`, role, area ? areaIds[area] : null, unit ? unitIds[unit] : null, hash],
    );
    userIds[username] = row!.id;
  }
  return { areaIds, unitIds, userIds };
}
