// The area hierarchy as GeoJSON (RFC 7946: lon, lat).
import type { Db } from '../../db/db';
import { areasRepo, type AreaFilter } from './areas.repo';

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
