// SQL for taking in a report: where it is, who handles it, its code, and the rows it writes.
import type { Queryable } from '../../db/db';
import type { LonLat } from '../../lib/geo';
import type { TimeLimit } from '../../lib/time-limits';

export type AreaRef = { id: number; code: string; name: string; level: string };
export type Placement = { areaId: number; path: AreaRef[] };

const POINT = (lon: string, lat: string) => `ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)`;

// The deepest area covering the point, and its path up to the root (deepest first).
const PLACE_POINT = `
  WITH deepest AS (
    SELECT a.id, a.ancestor_ids FROM areas a
    WHERE ST_Covers(a.geom, ${POINT('$1', '$2')})
    ORDER BY cardinality(a.ancestor_ids) DESC, a.id
    LIMIT 1)
  SELECT d.id AS "areaId",
         (SELECT json_agg(json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level)
                          ORDER BY cardinality(a.ancestor_ids) DESC)
          FROM areas a WHERE a.id = d.id OR a.id = ANY (d.ancestor_ids)) AS path
  FROM deepest d`;

// The street whose boundary lies nearest the point (in metres), with its district: the owner of a case
// outside every area. Ties go to the lower id, so the owner is stable.
const NEAREST_STREET = `
  SELECT s.id AS "streetId", (SELECT d.id FROM areas d WHERE d.id = ANY (s.ancestor_ids) AND d.level = 'district' LIMIT 1) AS "districtId"
  FROM areas s
  WHERE s.level = 'street'
  ORDER BY ST_Distance(s.geom::geography, ${POINT('$1', '$2')}::geography), s.id
  LIMIT 1`;

// A rule for this category beats a catch-all rule; among equals, the deeper area wins.
const DEFAULT_UNIT = `
  SELECT u.id, u.code, u.name
  FROM area_units au
  JOIN areas a ON a.id = au.area_id
  JOIN units u ON u.id = au.unit_id AND u.active
  WHERE au.area_id = ANY ($1::int[]) AND (au.category_code = $2 OR au.category_code IS NULL)
  ORDER BY (au.category_code IS NULL), cardinality(a.ancestor_ids) DESC, u.id
  LIMIT 1`;

const CATEGORY = `
  SELECT c.code, c.default_severity AS "defaultSeverity", c.duplicate_radius_m AS "duplicateRadiusM",
         COALESCE((SELECT json_object_agg(t.severity, json_build_object('amount', t.amount, 'unit', t.unit))
                   FROM time_limits t WHERE t.category_code = c.code), '{}'::json) AS "timeLimits"
  FROM categories c WHERE c.code = $1 AND c.active`;

// The first code of a day continues after any case already carrying that day's prefix
// (demo data, imports), so codes never collide.
const NEXT_CODE_SEQUENCE = `
  INSERT INTO case_code_counters (day, last)
  VALUES ($1::date, COALESCE((SELECT max(split_part(code, '-', 3)::int) FROM cases WHERE code LIKE $2), 0) + 1)
  ON CONFLICT (day) DO UPDATE SET last = case_code_counters.last + 1
  RETURNING last`;

const PHOTOS_ALREADY_USED = `SELECT DISTINCT sha256 FROM photos WHERE sha256 = ANY ($1::text[])`;

const INSERT_CASE = `
  INSERT INTO cases (code, category_code, severity, status, description, location, location_source,
                     exif_location, device_location, device_accuracy_m,
                     area_id, micro_grid_id, grid_id, community_id, street_id, district_id,
                     unit_id, reporter_id, flags, patrol_id, observed_at, created_at, updated_at,
                     handling_mode, rectified_at)
  VALUES ($1, $2, $3, $25, $4, ${POINT('$5', '$6')}, $7,
          CASE WHEN $8::float8 IS NULL THEN NULL ELSE ${POINT('$8', '$9')} END,
          CASE WHEN $10::float8 IS NULL THEN NULL ELSE ${POINT('$10', '$11')} END, $12,
          $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24, $24,
          $26, $27)
  RETURNING id`;

const INSERT_EVENT = `
  INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, note, payload, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
  RETURNING id`;

const INSERT_PHOTO = `
  INSERT INTO photos (id, case_id, event_id, stage, sha256, mime, bytes, width, height, exif_location, taken_at,
                      uploaded_by, original_key, display_key, display_mime, display_width, display_height,
                      thumb_key, thumb_mime, thumb_width, thumb_height, position, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
          CASE WHEN $10::float8 IS NULL THEN NULL ELSE ${POINT('$10', '$11')} END, $12,
          $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)`;

export type CategoryRule = {
  code: string;
  defaultSeverity: 'general' | 'serious' | 'major';
  duplicateRadiusM: number;
  timeLimits: Partial<Record<'general' | 'serious' | 'major', TimeLimit>>;
};

export type NewCase = {
  code: string;
  categoryCode: string;
  severity: string;
  description: string;
  point: LonLat;
  source: string;
  exif: LonLat | null;
  device: LonLat | null;
  deviceAccuracyM: number | null;
  areaIds: { area: number | null; micro_grid: number | null; grid: number | null; community: number | null; street: number | null; district: number | null };
  unitId: number | null;
  reporterId: number;
  flags: string[];
  patrolId: number | null;
  observedAt: Date | null;
  createdAt: Date;
  /** 'submitted', or 'rectified' for a problem fixed on the spot (马上办). */
  status: 'submitted' | 'rectified';
};

export type NewPhoto = {
  id: string;
  caseId: number;
  eventId: number;
  stage: 'before' | 'after' | 'recheck';
  sha256: string;
  mime: string;
  bytes: number;
  width: number;
  height: number;
  exif: LonLat | null;
  takenAt: Date | null;
  uploadedBy: number;
  originalKey: string;
  display: { key: string; mime: string; width: number; height: number };
  thumb: { key: string; mime: string; width: number; height: number };
  position: number;
  createdAt: Date;
};

export type NewEvent = {
  caseId: number;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorId: number;
  actorRole: string;
  note: string | null;
  payload: object;
  at: Date;
};

export const intakeRepo = {
  category: async (q: Queryable, code: string) => (await q.query<CategoryRule>(CATEGORY, [code]))[0],
  place: async (q: Queryable, p: LonLat) => (await q.query<Placement>(PLACE_POINT, [p.lon, p.lat]))[0],
  nearestStreet: async (q: Queryable, p: LonLat) =>
    (await q.query<{ streetId: number; districtId: number | null }>(NEAREST_STREET, [p.lon, p.lat]))[0],
  defaultUnit: async (q: Queryable, areaIds: number[], categoryCode: string) =>
    (await q.query<{ id: number; code: string; name: string }>(DEFAULT_UNIT, [areaIds, categoryCode]))[0],
  nextCodeSequence: async (q: Queryable, day: string) =>
    (await q.query<{ last: number }>(NEXT_CODE_SEQUENCE, [day, `XC-${day.replaceAll('-', '')}-%`]))[0]!.last,
  photosAlreadyUsed: async (q: Queryable, sha256s: string[]) =>
    new Set((await q.query<{ sha256: string }>(PHOTOS_ALREADY_USED, [sha256s])).map((r) => r.sha256)),
  insertCase: async (q: Queryable, c: NewCase) =>
    (
      await q.query<{ id: number }>(INSERT_CASE, [
        c.code, c.categoryCode, c.severity, c.description, c.point.lon, c.point.lat, c.source,
        c.exif?.lon ?? null, c.exif?.lat ?? null, c.device?.lon ?? null, c.device?.lat ?? null, c.deviceAccuracyM,
        c.areaIds.area, c.areaIds.micro_grid, c.areaIds.grid, c.areaIds.community, c.areaIds.street, c.areaIds.district,
        c.unitId, c.reporterId, c.flags, c.patrolId, c.observedAt, c.createdAt,
        c.status, c.status === 'rectified' ? 'on_the_spot' : null, c.status === 'rectified' ? c.createdAt : null,
      ])
    )[0]!.id,
  insertEvent: async (q: Queryable, e: NewEvent) =>
    (await q.query<{ id: number }>(INSERT_EVENT, [e.caseId, e.action, e.fromStatus, e.toStatus, e.actorId, e.actorRole, e.note, e.payload, e.at]))[0]!.id,
  insertPhoto: (q: Queryable, p: NewPhoto) =>
    q.query(INSERT_PHOTO, [
      p.id, p.caseId, p.eventId, p.stage, p.sha256, p.mime, p.bytes, p.width, p.height,
      p.exif?.lon ?? null, p.exif?.lat ?? null, p.takenAt, p.uploadedBy, p.originalKey,
      p.display.key, p.display.mime, p.display.width, p.display.height,
      p.thumb.key, p.thumb.mime, p.thumb.width, p.thumb.height, p.position, p.createdAt,
    ]),
};
