// SQL for the area hierarchy. Geometry leaves the database as GeoJSON.
import type { Queryable } from '../../db/db';

export const AREA_LEVELS = ['district', 'street', 'community', 'grid', 'micro_grid'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

export type AreaFeatureRow = {
  id: number;
  code: string;
  name: string;
  level: AreaLevel;
  parentId: number | null;
  parentCode: string | null;
  geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  labelPoint: { type: 'Point'; coordinates: [number, number] };
};

export type AreaFilter = {
  level?: AreaLevel | undefined;
  parent?: string | undefined;
  bbox?: readonly [number, number, number, number] | undefined;
};

// `parent` matches the parent's code, or its id when numeric. RFC 7946 §3.1.6 wants exterior rings
// counterclockwise and holes clockwise; stored rings keep whatever way the source (or ST_MakeValid) drew them.
const LIST_AREAS = `
  SELECT a.id, a.code, a.name, a.level, a.parent_id AS "parentId", p.code AS "parentCode",
         ST_AsGeoJSON(ST_ForcePolygonCCW(a.geom), 6)::json AS geometry, ST_AsGeoJSON(ST_PointOnSurface(a.geom), 6)::json AS "labelPoint"
  FROM areas a
  LEFT JOIN areas p ON p.id = a.parent_id
  WHERE ($1::text IS NULL OR a.level = $1)
    AND ($2::text IS NULL OR p.code = $2 OR p.id::text = $2)
    AND ($3::float8 IS NULL OR a.geom && ST_MakeEnvelope($3, $4, $5, $6, 4326))
  ORDER BY array_length(a.ancestor_ids, 1) NULLS FIRST, a.code`;

export type AreaUpsert = {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode: string | null;
  /** A GeoJSON Polygon or MultiPolygon, already valid. */
  geometry: object;
};

// The parent must already exist; ancestors are the parent's ancestors plus the parent.
const UPSERT_AREA = `
  INSERT INTO areas (code, name, level, parent_id, ancestor_ids, geom)
  SELECT $1, $2, $3, p.id, CASE WHEN p.id IS NULL THEN '{}'::int[] ELSE p.ancestor_ids || p.id END,
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($5), 4326))
  FROM (SELECT 1) AS one LEFT JOIN areas p ON p.code = $4
  ON CONFLICT (code) DO UPDATE SET
    name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
    ancestor_ids = EXCLUDED.ancestor_ids, geom = EXCLUDED.geom, updated_at = now()
  RETURNING id, (xmax = 0) AS inserted`;

export type AreaRef = { id: number; code: string; name: string; level: AreaLevel };

// An area named in a request, by its code or its id.
const FIND_AREA = `SELECT id, code, name, level FROM areas WHERE code = $1 OR id::text = $1`;

export const areasRepo = {
  find: async (q: Queryable, codeOrId: string) => (await q.query<AreaRef>(FIND_AREA, [codeOrId]))[0],
  upsert: async (q: Queryable, a: AreaUpsert) =>
    (await q.query<{ id: number; inserted: boolean }>(UPSERT_AREA, [a.code, a.name, a.level, a.parentCode, JSON.stringify(a.geometry)]))[0]!,
  list: (q: Queryable, f: AreaFilter) =>
    q.query<AreaFeatureRow>(LIST_AREAS, [f.level ?? null, f.parent ?? null, ...(f.bbox ?? [null, null, null, null])]),
};
