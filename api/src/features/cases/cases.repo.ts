// SQL for reading cases: one case as the API shows it, and open cases near a point.
import type { Queryable } from '../../db/db';
import type { LonLat } from '../../lib/geo';
import type { SqlFragment } from './case-scope';

export type CaseRow = {
  id: number;
  code: string;
  status: string;
  severity: string;
  handlingMode: string | null;
  description: string;
  category: { code: string; domain: string; name_zh: string; name_en: string; icon: string };
  location: { type: 'Point'; coordinates: [number, number] };
  locationSource: string;
  exifLocation: { type: 'Point'; coordinates: [number, number] } | null;
  deviceLocation: { type: 'Point'; coordinates: [number, number] } | null;
  deviceAccuracyM: number | null;
  areaPath: { id: number; code: string; name: string; level: string }[];
  unit: { id: number; code: string; name: string } | null;
  reporter: { id: number; display_name: string } | null;
  flags: string[];
  reworkCount: number;
  version: number;
  patrolId: number | null;
  observedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  dispatchedAt: Date | null;
  dueAt: Date | null;
  closedAt: Date | null;
  timeLimit: { amount: number; unit: 'hours' | 'working_days' } | null;
  photos: { id: string; stage: string; width: number; height: number; taken_at: string | null; position: number }[];
  urgent: boolean;
  supervisionCount: number;
  mergedIntoId: number | null;
  overdue: boolean;
  dueSoon: boolean;
  mergedCases: { id: number; code: string; reporter_id: number | null }[];
};

/**
 * Overdue and due-soon, computed at query time from the deadline (no cron sets a flag).
 * Due soon is the last 20% of the allowed time. `now` is a parameter so a clock can be pinned.
 */
export const deadlineFlags = (now: string) => `
  (c.status IN ('dispatched', 'in_progress') AND c.due_at < ${now}) AS overdue,
  (c.status IN ('dispatched', 'in_progress') AND c.due_at >= ${now}
     AND ${now} >= c.due_at - (c.due_at - c.dispatched_at) * 0.2) AS "dueSoon"`;

const CASE_VIEW = `
  SELECT c.id, c.code, c.status, c.severity, c.handling_mode AS "handlingMode", c.description,
         json_build_object('code', k.code, 'domain', k.domain, 'name_zh', k.name_zh, 'name_en', k.name_en, 'icon', k.icon) AS category,
         ST_AsGeoJSON(c.location, 7)::json AS location, c.location_source AS "locationSource",
         ST_AsGeoJSON(c.exif_location, 7)::json AS "exifLocation", ST_AsGeoJSON(c.device_location, 7)::json AS "deviceLocation",
         c.device_accuracy_m AS "deviceAccuracyM",
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level)
                                   ORDER BY cardinality(a.ancestor_ids) DESC)
                   FROM areas a
                   WHERE a.id = c.area_id OR a.id = ANY ((SELECT ancestor_ids FROM areas WHERE id = c.area_id)::int[])), '[]'::json) AS "areaPath",
         CASE WHEN u.id IS NULL THEN NULL ELSE json_build_object('id', u.id, 'code', u.code, 'name', u.name) END AS unit,
         CASE WHEN r.id IS NULL THEN NULL ELSE json_build_object('id', r.id, 'display_name', r.display_name) END AS reporter,
         c.flags, c.rework_count AS "reworkCount", c.version, c.patrol_id AS "patrolId",
         c.urgent, c.supervision_count AS "supervisionCount", c.merged_into_id AS "mergedIntoId",
         ${deadlineFlags('$2::timestamptz')},
         COALESCE((SELECT json_agg(json_build_object('id', m.id, 'code', m.code, 'reporter_id', m.reporter_id) ORDER BY m.id)
                   FROM cases m WHERE m.merged_into_id = c.id), '[]'::json) AS "mergedCases",
         c.observed_at AS "observedAt", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
         c.dispatched_at AS "dispatchedAt", c.due_at AS "dueAt", c.closed_at AS "closedAt",
         (SELECT json_build_object('amount', t.amount, 'unit', t.unit) FROM time_limits t
          WHERE t.category_code = c.category_code AND t.severity = c.severity) AS "timeLimit",
         COALESCE((SELECT json_agg(json_build_object('id', p.id, 'stage', p.stage, 'width', p.width, 'height', p.height,
                                                     'taken_at', p.taken_at, 'position', p.position)
                                   ORDER BY p.created_at, p.position)
                   FROM photos p WHERE p.case_id = c.id OR p.case_id IN (SELECT m.id FROM cases m WHERE m.merged_into_id = c.id)), '[]'::json) AS photos
  FROM cases c
  JOIN categories k ON k.code = c.category_code
  LEFT JOIN units u ON u.id = c.unit_id
  LEFT JOIN users r ON r.id = c.reporter_id`;

export type NearbyRow = {
  id: number;
  code: string;
  status: string;
  categoryCode: string;
  description: string;
  distanceM: number;
  createdAt: Date;
  location: { type: 'Point'; coordinates: [number, number] };
};

// The && box uses the GiST index; the geography distance then measures in metres.
const NEARBY_OPEN = `
  SELECT c.id, c.code, c.status, c.category_code AS "categoryCode", c.description,
         round(ST_Distance(c.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography)::numeric, 1) AS "distanceM",
         c.created_at AS "createdAt", ST_AsGeoJSON(c.location, 7)::json AS location
  FROM cases c
  WHERE c.location && ST_MakeEnvelope($1 - $4, $2 - $5, $1 + $4, $2 + $5, 4326)
    AND ST_DWithin(c.location::geography, ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography, $6)
    AND c.category_code = $3
    AND c.status NOT IN ('closed', 'rejected', 'merged')
    AND c.created_at >= $7
    AND ($8::bigint IS NULL OR c.id <> $8)
    AND %SCOPE%
  ORDER BY "distanceM", c.id
  LIMIT 20`;

/** nearbyOpen's own parameters are $1..$8; the scope's follow. */
export const NEARBY_SCOPE_FIRST_PARAM = 9;

export const casesRepo = {
  /** One case, or undefined when it does not exist or is outside the scope. */
  /** Scope parameters start at $3. */
  view: async (q: Queryable, id: number, now: Date, scope: SqlFragment) =>
    (await q.query<CaseRow>(`${CASE_VIEW} WHERE c.id = $1 AND ${scope.sql}`, [id, now, ...scope.params]))[0],
  /** Open cases near a point, inside `scope` (its parameters start at NEARBY_SCOPE_FIRST_PARAM), like every other read. */
  nearbyOpen: (
    q: Queryable,
    a: { point: LonLat; box: { dLon: number; dLat: number }; category: string; radiusM: number; since: Date; excludeId: number | null },
    scope: SqlFragment,
  ) =>
    q.query<NearbyRow>(NEARBY_OPEN.replace('%SCOPE%', scope.sql), [
      a.point.lon, a.point.lat, a.category, a.box.dLon, a.box.dLat, a.radiusM, a.since, a.excludeId, ...scope.params,
    ]),
};
