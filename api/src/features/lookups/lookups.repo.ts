// SQL for the workbench's lookups: river segments as GeoJSON, and the units a case may be dispatched to.
import type { Queryable } from '../../db/db';
import type { SqlFragment } from '../cases/case-scope';

export type RiverRow = {
  id: number;
  code: string;
  riverName: string;
  name: string;
  chiefName: string | null;
  patrolEveryDays: number;
  area: { id: number; code: string; name: string } | null;
  geometry: { type: 'LineString'; coordinates: number[][] };
};

export type UnitRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  area: { id: number; code: string; name: string; level: string } | null;
  /** The unit's area is the caller's area, inside it or above it (or the unit has no area). */
  local: boolean;
};

const LIST_RIVERS = `
  SELECT r.id, r.code, r.river_name AS "riverName", r.name, r.chief_name AS "chiefName", r.patrol_every_days AS "patrolEveryDays",
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name) END AS area,
         ST_AsGeoJSON(r.geom, 6)::json AS geometry
  FROM river_segments r
  LEFT JOIN areas a ON a.id = r.area_id
  WHERE ($1::float8 IS NULL OR r.geom && ST_MakeEnvelope($1, $2, $3, $4, 4326))
  ORDER BY r.river_name, r.code`;

// $1 is the caller's area (NULL for admins): its own units, its subtree's and its ancestors' count as local.
const ACTIVE_UNITS = `
  SELECT n.id, n.code, n.name, n.kind,
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         ($1::int IS NULL OR a.id IS NULL OR a.id = $1::int OR $1::int = ANY (a.ancestor_ids)
          OR a.id = ANY ((SELECT ancestor_ids FROM areas WHERE id = $1::int)::int[])) AS local
  FROM units n
  LEFT JOIN areas a ON a.id = n.area_id
  WHERE n.active
  ORDER BY local DESC, n.code`;

// The same rule as at intake: a rule for the category beats a catch-all; among equals the deeper area wins.
// The case must be in the caller's scope (the fragment numbers its parameters from $2).
const DEFAULT_UNIT_OF_CASE = (scope: SqlFragment) => `
  SELECT u.id
  FROM cases c
  JOIN area_units au ON au.area_id IN (c.area_id, c.micro_grid_id, c.grid_id, c.community_id, c.street_id, c.district_id)
                    AND (au.category_code = c.category_code OR au.category_code IS NULL)
  JOIN areas a ON a.id = au.area_id
  JOIN units u ON u.id = au.unit_id AND u.active
  WHERE c.id = $1 AND ${scope.sql}
  ORDER BY (au.category_code IS NULL), cardinality(a.ancestor_ids) DESC, u.id
  LIMIT 1`;

const CASE_VISIBLE = (scope: SqlFragment) => `SELECT 1 AS one FROM cases c WHERE c.id = $1 AND ${scope.sql}`;

export const lookupsRepo = {
  rivers: (q: Queryable, bbox: readonly [number, number, number, number] | undefined) =>
    q.query<RiverRow>(LIST_RIVERS, [...(bbox ?? [null, null, null, null])]),
  activeUnits: (q: Queryable, callerAreaId: number | null) => q.query<UnitRow>(ACTIVE_UNITS, [callerAreaId]),
  caseVisible: async (q: Queryable, caseId: number, scope: SqlFragment) =>
    (await q.query(CASE_VISIBLE(scope), [caseId, ...scope.params])).length > 0,
  defaultUnitOfCase: async (q: Queryable, caseId: number, scope: SqlFragment) =>
    (await q.query<{ id: number }>(DEFAULT_UNIT_OF_CASE(scope), [caseId, ...scope.params]))[0]?.id ?? null,
};
