// Loads the city's reference data (areas, units, default units, users, river segments) with the
// demo seed's loaders, then builds the id lookups the case generator writes into its rows.
import type { Queryable } from '../../db/db';
import { AREA_LEVELS } from '../../features/areas/areas.repo';
import { demoSeedRepo } from '../demo-seed.repo';
import type { WorldIds } from './scale-cases';
import type { ScaleCity } from './scale-city';
import { UNIT_KIND_FOR_CATEGORY, unitCode, type ScalePeople } from './scale-people';
import type { ScaleRiverSegment } from './scale-rivers';
import { scaleSeedRepo } from './scale-seed.repo';

/** Writes the reference data and returns how many rows of each kind. */
export async function loadReferenceData(q: Queryable, city: ScaleCity, people: ScalePeople, rivers: readonly ScaleRiverSegment[], passwordHash: string) {
  let areas = 0;
  for (const level of AREA_LEVELS) {
    const rows = city.areas.filter((a) => a.level === level)
      .map((a) => ({ code: a.code, name: a.name, level: a.level, parent_code: a.parentCode, geometry: a.geometry }));
    areas += (await demoSeedRepo.insertAreas(q, rows)).length;
  }
  const units = await demoSeedRepo.insertUnits(q, people.units.map((u) => ({ code: u.code, name: u.name, kind: u.kind, area_code: u.areaCode })));
  const areaUnits = await demoSeedRepo.insertAreaUnits(q, people.areaUnits.map((r) => ({ area_code: r.areaCode, category_code: r.categoryCode, unit_code: r.unitCode })));
  const users = await demoSeedRepo.insertUsers(q, people.users.map((u) => ({
    username: u.username, display_name: u.displayName, role: u.role, area_code: u.areaCode, unit_code: u.unitCode,
  })), passwordHash);
  const leaders = new Map(people.users.filter((u) => u.username.startsWith('leader.')).map((u) => [u.areaCode, u]));
  const segments = await demoSeedRepo.insertRiverSegments(q, rivers.map((s) => ({
    code: s.code, river_name: s.riverName, name: s.name, chief_username: leaders.get(s.streetCode)?.username ?? null,
    chief_name: leaders.get(s.streetCode)?.displayName ?? '河长', patrol_every_days: 7, area_code: s.streetCode, geometry: s.geometry,
  })));
  return { areas, units: units.length, areaUnits: areaUnits.length, users: users.length, riverSegments: segments.length };
}

/** The ids of everything the generator refers to, read back from the database. */
export async function worldIds(q: Queryable, people: ScalePeople): Promise<WorldIds> {
  const need = <K, V>(m: Map<K, V>, k: K, what: string): V => {
    const v = m.get(k);
    if (v === undefined) throw new Error(`no ${what} ${String(k)} in the database`);
    return v;
  };
  const areas = new Map((await scaleSeedRepo.idsByCode(q, 'areas')).map((a) => [a.code, a.id]));
  const units = new Map((await scaleSeedRepo.idsByCode(q, 'units')).map((u) => [u.code, u.id]));
  const users = new Map((await scaleSeedRepo.userIds(q)).map((u) => [u.username, u.id]));
  const unitNames = new Map(people.units.map((u) => [u.code, u.name]));
  // Per street and category: the unit, its name and its handler, resolved once.
  const unitCache = new Map<string, { id: number; name: string; handlerId: number }>();
  return {
    areaId: (code) => need(areas, code, 'area'),
    unit(m, category) {
      const code = unitCode(m.lineage.street, UNIT_KIND_FOR_CATEGORY[category] ?? 'urban_management');
      let u = unitCache.get(code);
      if (!u) {
        u = { id: need(units, code, 'unit'), name: unitNames.get(code)!, handlerId: need(users, `handler.${code.toLowerCase()}`, 'user') };
        unitCache.set(code, u);
      }
      return u;
    },
    inspectorId: (m) => need(users, `inspector.${m.code}`, 'user'),
    dispatcherId: (street) => need(users, `dispatcher.${street}`, 'user'),
    leaderIds: (m) => [need(users, `leader.${m.lineage.street}`, 'user'), need(users, `supervisor.${m.lineage.district}`, 'user')],
  };
}
