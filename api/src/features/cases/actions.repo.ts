// SQL for moving a case along the closed loop: read it for an action, update it under its
// version, and check the targets of dispatch and merge.
import type { Queryable } from '../../db/db';
import type { CaseState } from '../../lib/case-workflow';
import type { LonLat } from '../../lib/geo';
import type { NewCase } from './intake.repo';
import type { SqlFragment } from './case-scope';

export type CaseForAction = {
  id: number;
  code: string;
  status: CaseState;
  version: number;
  categoryCode: string;
  severity: 'general' | 'serious' | 'major';
  handlingMode: string | null;
  unitId: number | null;
  streetId: number | null;
  lon: number;
  lat: number;
  dispatchedAt: Date | null;
};

const FOR_ACTION = `
  SELECT c.id, c.code, c.status, c.version, c.category_code AS "categoryCode", c.severity,
         c.handling_mode AS "handlingMode", c.unit_id AS "unitId", c.street_id AS "streetId",
         ST_X(c.location) AS lon, ST_Y(c.location) AS lat, c.dispatched_at AS "dispatchedAt"
  FROM cases c WHERE c.id = $1`;

const TIME_LIMIT = `SELECT amount, unit FROM time_limits WHERE category_code = $1 AND severity = $2`;
const ACTIVE_UNIT = `SELECT id, name FROM units WHERE id = $1 AND active`;

/** The columns an action may change; undefined leaves a column as it is, null clears it. */
export type CaseChanges = {
  status: CaseState;
  severity?: string;
  handlingMode?: string | null;
  unitId?: number | null;
  dispatchedAt?: Date | null;
  dueAt?: Date | null;
  registeredAt?: Date;
  rectifiedAt?: Date | null;
  closedAt?: Date | null;
  mergedIntoId?: number;
  reworkIncrement?: number;
  supervised?: boolean;
  /** A corrected point (set by hand), with the areas it now lies in. */
  relocation?: { point: LonLat; areaIds: NewCase['areaIds'] };
};

// Only the version the caller saw may be changed: of two dispatchers acting at once, one wins.
const UPDATE = `
  UPDATE cases SET
    status = $3,
    severity = CASE WHEN $4::boolean THEN $5 ELSE severity END,
    handling_mode = CASE WHEN $6::boolean THEN $7 ELSE handling_mode END,
    unit_id = CASE WHEN $8::boolean THEN $9::int ELSE unit_id END,
    dispatched_at = CASE WHEN $10::boolean THEN $11::timestamptz ELSE dispatched_at END,
    due_at = CASE WHEN $12::boolean THEN $13::timestamptz ELSE due_at END,
    registered_at = COALESCE($14::timestamptz, registered_at),
    rectified_at = CASE WHEN $15::boolean THEN $16::timestamptz ELSE rectified_at END,
    closed_at = CASE WHEN $17::boolean THEN $18::timestamptz ELSE closed_at END,
    merged_into_id = COALESCE($19::bigint, merged_into_id),
    rework_count = rework_count + $20,
    urgent = urgent OR $21::boolean,
    supervision_count = supervision_count + CASE WHEN $21::boolean THEN 1 ELSE 0 END,
    location = CASE WHEN $23::boolean THEN ST_SetSRID(ST_MakePoint($24, $25), 4326) ELSE location END,
    location_source = CASE WHEN $23::boolean THEN 'manual' ELSE location_source END,
    area_id = CASE WHEN $23::boolean THEN $26::int ELSE area_id END,
    micro_grid_id = CASE WHEN $23::boolean THEN $27::int ELSE micro_grid_id END,
    grid_id = CASE WHEN $23::boolean THEN $28::int ELSE grid_id END,
    community_id = CASE WHEN $23::boolean THEN $29::int ELSE community_id END,
    street_id = CASE WHEN $23::boolean THEN $30::int ELSE street_id END,
    district_id = CASE WHEN $23::boolean THEN $31::int ELSE district_id END,
    version = version + 1,
    updated_at = $22
  WHERE id = $1 AND version = $2
  RETURNING version`;

const has = (v: unknown) => v !== undefined;

export const actionsRepo = {
  /** The case if it exists and is in scope (scope parameters start at $2). */
  forAction: async (q: Queryable, id: number, scope: SqlFragment) =>
    (await q.query<CaseForAction>(`${FOR_ACTION} AND ${scope.sql}`, [id, ...scope.params]))[0],
  timeLimit: async (q: Queryable, category: string, severity: string) =>
    (await q.query<{ amount: number; unit: 'hours' | 'working_days' }>(TIME_LIMIT, [category, severity]))[0],
  activeUnit: async (q: Queryable, id: number) => (await q.query<{ id: number; name: string }>(ACTIVE_UNIT, [id]))[0],
  /** Applies the changes if the version still matches; false when someone else moved first. */
  update: async (q: Queryable, id: number, version: number, ch: CaseChanges, now: Date) =>
    (
      await q.query(UPDATE, [
        id, version, ch.status,
        has(ch.severity), ch.severity ?? null,
        has(ch.handlingMode), ch.handlingMode ?? null,
        has(ch.unitId), ch.unitId ?? null,
        has(ch.dispatchedAt), ch.dispatchedAt ?? null,
        has(ch.dueAt), ch.dueAt ?? null,
        ch.registeredAt ?? null,
        has(ch.rectifiedAt), ch.rectifiedAt ?? null,
        has(ch.closedAt), ch.closedAt ?? null,
        ch.mergedIntoId ?? null,
        ch.reworkIncrement ?? 0,
        ch.supervised ?? false,
        now,
        has(ch.relocation), ch.relocation?.point.lon ?? null, ch.relocation?.point.lat ?? null,
        ch.relocation?.areaIds.area ?? null, ch.relocation?.areaIds.micro_grid ?? null, ch.relocation?.areaIds.grid ?? null,
        ch.relocation?.areaIds.community ?? null, ch.relocation?.areaIds.street ?? null, ch.relocation?.areaIds.district ?? null,
      ])
    ).length === 1,
};
