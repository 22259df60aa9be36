// SQL for loading the demo data in a handful of statements: each takes its rows as one JSON
// array ($1), so 200 cases and their events cost two round trips, not a thousand.
import type { Queryable } from '../db/db';
import type { AreaLevel } from '../features/areas/areas.repo';

type IdCode = { id: number; code: string };

// One level at a time: a row's parent must already be in the table to give it parent_id and ancestor_ids.
// (Not COALESCE(p.ancestor_ids || p.id, '{}'): with no parent, NULL || NULL is {NULL}, not NULL.)
const INSERT_AREAS = `
  INSERT INTO areas (code, name, level, parent_id, ancestor_ids, geom)
  SELECT x.code, x.name, x.level, p.id, CASE WHEN p.id IS NULL THEN '{}' ELSE p.ancestor_ids || p.id END,
         ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326))
  FROM json_to_recordset($1::json) AS x(code text, name text, level text, parent_code text, geometry json)
  LEFT JOIN areas p ON p.code = x.parent_code
  ORDER BY x.code
  RETURNING id, code`;

const INSERT_UNITS = `
  INSERT INTO units (code, name, kind, area_id)
  SELECT x.code, x.name, x.kind, a.id
  FROM json_to_recordset($1::json) AS x(code text, name text, kind text, area_code text)
  LEFT JOIN areas a ON a.code = x.area_code
  ORDER BY x.code
  RETURNING id, code`;

const INSERT_AREA_UNITS = `
  INSERT INTO area_units (area_id, category_code, unit_id)
  SELECT a.id, x.category_code, u.id
  FROM json_to_recordset($1::json) AS x(area_code text, category_code text, unit_code text)
  JOIN areas a ON a.code = x.area_code
  JOIN units u ON u.code = x.unit_code
  RETURNING area_id`;

const INSERT_USERS = `
  INSERT INTO users (username, display_name, role, area_id, unit_id, password_hash)
  SELECT x.username, x.display_name, x.role, a.id, u.id, $2
  FROM json_to_recordset($1::json) AS x(username text, display_name text, role text, area_code text, unit_code text)
  LEFT JOIN areas a ON a.code = x.area_code
  LEFT JOIN units u ON u.code = x.unit_code
  ORDER BY x.username
  RETURNING id, username AS code`;

const INSERT_RIVER_SEGMENTS = `
  INSERT INTO river_segments (code, river_name, name, chief_user_id, chief_name, patrol_every_days, area_id, geom)
  SELECT x.code, x.river_name, x.name, u.id, x.chief_name, x.patrol_every_days, a.id,
         ST_SetSRID(ST_GeomFromGeoJSON(x.geometry::text), 4326)
  FROM json_to_recordset($1::json) AS x(code text, river_name text, name text, chief_username text, chief_name text,
                                        patrol_every_days int, area_code text, geometry json)
  LEFT JOIN users u ON u.username = x.chief_username
  LEFT JOIN areas a ON a.code = x.area_code
  ORDER BY x.code
  RETURNING id, code`;

// Each case is placed as a report would be: the deepest area that covers the point (ST_Covers),
// and that area's ancestors by level. A point outside every area keeps null areas (unassigned).
const INSERT_CASES = `
  INSERT INTO cases (code, category_code, severity, status, handling_mode, description, location, location_source,
                     area_id, micro_grid_id, grid_id, community_id, street_id, district_id, unit_id, reporter_id,
                     flags, rework_count, version, merged_into_id, observed_at, created_at, updated_at,
                     dispatched_at, due_at, closed_at)
  SELECT x.code, x.category_code, x.severity, x.status, x.handling_mode, x.description, pt.geom, x.location_source,
         deep.id, lv.micro_grid_id, lv.grid_id, lv.community_id, lv.street_id, lv.district_id, u.id, rep.id,
         x.flags, x.rework_count, x.version, m.id, x.observed_at, x.created_at, x.updated_at,
         x.dispatched_at, x.due_at, x.closed_at
  FROM json_to_recordset($1::json) AS x(
    code text, category_code text, severity text, status text, handling_mode text, description text,
    lon float8, lat float8, location_source text, unit_code text, reporter text, flags text[], rework_count int,
    version int, merged_into_code text, observed_at timestamptz, created_at timestamptz, updated_at timestamptz,
    dispatched_at timestamptz, due_at timestamptz, closed_at timestamptz)
  CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(x.lon, x.lat), 4326) AS geom) pt
  LEFT JOIN LATERAL (
    SELECT a.id, a.ancestor_ids FROM areas a
    WHERE ST_Covers(a.geom, pt.geom)
    ORDER BY cardinality(a.ancestor_ids) DESC, a.id
    LIMIT 1) deep ON true
  LEFT JOIN LATERAL (
    SELECT max(a.id) FILTER (WHERE a.level = 'micro_grid') AS micro_grid_id,
           max(a.id) FILTER (WHERE a.level = 'grid') AS grid_id,
           max(a.id) FILTER (WHERE a.level = 'community') AS community_id,
           max(a.id) FILTER (WHERE a.level = 'street') AS street_id,
           max(a.id) FILTER (WHERE a.level = 'district') AS district_id
    FROM areas a WHERE a.id = ANY (deep.ancestor_ids || deep.id)) lv ON true
  LEFT JOIN units u ON u.code = x.unit_code
  LEFT JOIN users rep ON rep.username = x.reporter
  LEFT JOIN cases m ON m.code = x.merged_into_code
  ORDER BY x.created_at, x.code
  RETURNING id, code`;

// Ordered by time, so event ids follow the timeline within each case and across the district.
const INSERT_EVENTS = `
  INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, note, payload, created_at)
  SELECT c.id, x.action, x.from_status, x.to_status, u.id, x.actor_role, x.note, x.payload, x.created_at
  FROM json_to_recordset($1::json) AS x(case_code text, seq int, action text, from_status text, to_status text,
                                        actor text, actor_role text, note text, payload jsonb, created_at timestamptz)
  JOIN cases c ON c.code = x.case_code
  LEFT JOIN users u ON u.username = x.actor
  ORDER BY x.created_at, x.case_code, x.seq
  RETURNING id`;

const LIST_CATEGORIES = `
  SELECT code, domain, default_severity AS "defaultSeverity" FROM categories WHERE active ORDER BY domain, sort_order, code`;
const LIST_TIME_LIMITS = `SELECT category_code AS "categoryCode", severity, amount, unit FROM time_limits`;

export type AreaRow = { code: string; name: string; level: AreaLevel; parent_code: string | null; geometry: object };
export type CaseRow = {
  code: string; category_code: string; severity: string; status: string; handling_mode: string | null; description: string;
  lon: number; lat: number; location_source: string; unit_code: string | null; reporter: string; flags: string[];
  rework_count: number; version: number; merged_into_code: string | null; observed_at: string | null; created_at: string;
  updated_at: string; dispatched_at: string | null; due_at: string | null; closed_at: string | null;
};
export type EventRow = {
  case_code: string; seq: number; action: string; from_status: string | null; to_status: string; actor: string;
  actor_role: string; note: string | null; payload: Record<string, unknown>; created_at: string;
};

const json = (rows: readonly object[]) => [JSON.stringify(rows)];

export const demoSeedRepo = {
  insertAreas: (q: Queryable, rows: AreaRow[]) => q.query<IdCode>(INSERT_AREAS, json(rows)),
  insertUnits: (q: Queryable, rows: { code: string; name: string; kind: string; area_code: string }[]) =>
    q.query<IdCode>(INSERT_UNITS, json(rows)),
  insertAreaUnits: (q: Queryable, rows: { area_code: string; category_code: string | null; unit_code: string }[]) =>
    q.query<{ area_id: number }>(INSERT_AREA_UNITS, json(rows)),
  insertUsers: (q: Queryable, rows: { username: string; display_name: string; role: string; area_code: string | null; unit_code: string | null }[], passwordHash: string) =>
    q.query<IdCode>(INSERT_USERS, [JSON.stringify(rows), passwordHash]),
  insertRiverSegments: (q: Queryable, rows: { code: string; river_name: string; name: string; chief_username: string | null; chief_name: string; patrol_every_days: number; area_code: string; geometry: object }[]) =>
    q.query<IdCode>(INSERT_RIVER_SEGMENTS, json(rows)),
  insertCases: (q: Queryable, rows: CaseRow[]) => q.query<IdCode>(INSERT_CASES, json(rows)),
  insertEvents: (q: Queryable, rows: EventRow[]) => q.query<{ id: number }>(INSERT_EVENTS, json(rows)),
  categories: (q: Queryable) => q.query<{ code: string; domain: 'river' | 'fire'; defaultSeverity: 'general' | 'serious' | 'major' }>(LIST_CATEGORIES),
  timeLimits: (q: Queryable) =>
    q.query<{ categoryCode: string; severity: string; amount: number; unit: 'hours' | 'working_days' }>(LIST_TIME_LIMITS),
};
