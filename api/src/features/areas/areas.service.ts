// The area hierarchy as GeoJSON (RFC 7946: lon, lat).
import type { Db, Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import { areasRepo, type AreaFilter, type AreaRef } from './areas.repo';

/**
 * The area an `area=` filter names (code or id), or undefined when there is none; an unknown one is the
 * caller's mistake (422), never "no filter". The list, the map clusters and the statistics share it.
 */
export async function findAreaFilter(q: Queryable, codeOrId: string | undefined): Promise<AreaRef | undefined> {
  if (!codeOrId) return undefined;
  const area = await areasRepo.find(q, codeOrId);
  if (!area) throw new ApiError(422, 'unknown_area', `unknown area "${codeOrId}"`, { field: 'area' });
  return area;
}

export async function listAreas(deps: { db: Db }, filter: AreaFilter) {
  const rows = await areasRepo.list(deps.db, filter);
  return {
    type: 'FeatureCollection' as const,
    features: rows.map((r) => ({
      type: 'Feature' as const,
      id: r.id,
      geometry: r.geometry,
      properties: {
        id: r.id,
        code: r.code,
        name: r.name,
        level: r.level,
        parent_id: r.parentId,
        parent_code: r.parentCode,
        label_point: r.labelPoint.coordinates,
      },
    })),
  };
}
