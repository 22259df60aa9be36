// SQL for importing area boundaries: look up existing areas, check and repair geometry, upsert
// a batch of areas by code, and recompute ancestor ids below areas that moved.
import type { Queryable } from '../../db/db';
import type { AreaGeometry, Level } from '../../lib/geojson-area-collection';

// The one repair pipeline, used both to report and to store, so both see the same result:
// drop repeated points; if still invalid, ST_MakeValid and keep only the polygons.
const RAW = `ST_Force2D(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326))`;
const DEDUPED = `ST_RemoveRepeatedPoints(${RAW})`;
// ST_IsValidDetail, not ST_IsValid: the latter also raises a NOTICE for every invalid input.
const REPAIRED = `CASE WHEN (ST_IsValidDetail(${DEDUPED})).valid THEN ${DEDUPED}
  ELSE ST_CollectionExtract(ST_MakeValid(${DEDUPED}), 3) END`;

const CHECK_GEOMETRIES = `
  SELECT x.code,
         (SELECT d.reason || COALESCE(' at ' || ST_AsText(d.location), '') FROM ST_IsValidDetail(g.deduped) d) AS reason,
         ST_NPoints(g.raw) <> ST_NPoints(g.deduped) AS "hadRepeats",
         NOT (ST_IsValidDetail(g.deduped)).valid AS "wasInvalid",
         (g.repaired IS NULL OR ST_IsEmpty(g.repaired) OR ST_Area(g.repaired) = 0) AS empty
  FROM json_to_recordset($1::json) AS x(code text, geometry json)
  CROSS JOIN LATERAL (SELECT ${RAW} AS raw, ${DEDUPED} AS deduped, ${REPAIRED} AS repaired) g`;

const FIND_BY_CODES = `SELECT code, level FROM areas WHERE code = ANY ($1::text[])`;

// Children already in the database under areas the file (re)defines, that the file does not mention.
const CHILDREN_NOT_IN = `
  SELECT p.code AS "parentCode", c.code, c.level
  FROM areas c JOIN areas p ON p.id = c.parent_id
  WHERE p.code = ANY ($1::text[]) AND NOT (c.code = ANY ($1::text[]))`;

// Parents must already be in the table (an earlier batch, or the database before the import).
// A row that would not change is left alone, so a second run reports it unchanged; geometry
// counts as unchanged when it has the same points (=, cheap) or the same shape (ST_Equals).
const UPSERT_BATCH = `
  INSERT INTO areas (code, name, level, parent_id, ancestor_ids, geom)
  SELECT x.code, x.name, x.level, p.id, CASE WHEN p.id IS NULL THEN '{}' ELSE p.ancestor_ids || p.id END,
         ST_Multi(${REPAIRED})
  FROM json_to_recordset($1::json) AS x(code text, name text, level text, parent_code text, geometry json)
  LEFT JOIN areas p ON p.code = x.parent_code
  ORDER BY x.code
  ON CONFLICT (code) DO UPDATE SET
    name = EXCLUDED.name, level = EXCLUDED.level, parent_id = EXCLUDED.parent_id,
    ancestor_ids = EXCLUDED.ancestor_ids, geom = EXCLUDED.geom, updated_at = now()
  WHERE (areas.name, areas.level, areas.parent_id, areas.ancestor_ids)
          IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.level, EXCLUDED.parent_id, EXCLUDED.ancestor_ids)
     OR NOT (areas.geom = EXCLUDED.geom OR ST_Equals(areas.geom, EXCLUDED.geom))
  RETURNING code, (xmax = 0) AS inserted`;

// Ancestor ids rebuilt from the parent links, written only where they differ: the descendants
// of an area that moved to another parent.
const RELINK_ANCESTORS = `
  WITH RECURSIVE tree AS (
    SELECT id, '{}'::integer[] AS ancestors FROM areas WHERE parent_id IS NULL
    UNION ALL
    SELECT a.id, t.ancestors || a.parent_id FROM areas a JOIN tree t ON a.parent_id = t.id
  )
  UPDATE areas a SET ancestor_ids = t.ancestors, updated_at = now()
  FROM tree t
  WHERE a.id = t.id AND a.ancestor_ids IS DISTINCT FROM t.ancestors
  RETURNING a.code`;

export type GeometryCheck = { code: string; reason: string | null; hadRepeats: boolean; wasInvalid: boolean; empty: boolean };
export type AreaImportRow = { code: string; name: string; level: Level; parent_code: string | null; geometry: AreaGeometry };

export const areaImportRepo = {
  checkGeometries: (q: Queryable, rows: { code: string; geometry: AreaGeometry }[]) =>
    q.query<GeometryCheck>(CHECK_GEOMETRIES, [JSON.stringify(rows)]),
  findByCodes: (q: Queryable, codes: string[]) => q.query<{ code: string; level: Level }>(FIND_BY_CODES, [codes]),
  childrenNotIn: (q: Queryable, codes: string[]) =>
    q.query<{ parentCode: string; code: string; level: Level }>(CHILDREN_NOT_IN, [codes]),
  /** Inserts or updates one batch; returns only the rows written. */
  upsertBatch: (q: Queryable, rows: AreaImportRow[]) =>
    q.query<{ code: string; inserted: boolean }>(UPSERT_BATCH, [JSON.stringify(rows)]),
  relinkAncestors: async (q: Queryable) => (await q.query<{ code: string }>(RELINK_ANCESTORS)).length,
};
