// The workbench's lookups: river segments for the map layer, and the units a dispatcher may choose.
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from '../cases/case-scope';
import { lookupsRepo } from './lookups.repo';

type Deps = { db: Db };

/** River segments 河段 as an RFC 7946 FeatureCollection of LineStrings. */
export async function listRivers(deps: Deps, bbox: readonly [number, number, number, number] | undefined) {
  const rows = await lookupsRepo.rivers(deps.db, bbox);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        code: r.code,
        river_name: r.riverName,
        name: r.name,
        chief_name: r.chiefName,
        patrol_every_days: r.patrolEveryDays,
        area: r.area,
      },
    })),
  };
}

/**
 * Active units, the caller's own first (`local`); with `caseId`, also the unit the area rules propose
 * for that case now. A case outside the caller's scope answers 404, as everywhere.
 */
export async function listUnits(deps: Deps, user: SessionUser, caseId: number | undefined) {
  let defaultUnitId: number | null = null;
  if (caseId !== undefined) {
    const scope = caseScope(user, 'c', 2);
    if (!(await lookupsRepo.caseVisible(deps.db, caseId, scope))) throw new ApiError(404, 'not_found', `case ${caseId} not found`);
    defaultUnitId = await lookupsRepo.defaultUnitOfCase(deps.db, caseId, scope);
  }
  const units = await lookupsRepo.activeUnits(deps.db, user.role === 'admin' ? null : user.areaId);
  return { units, default_unit_id: defaultUnitId };
}
