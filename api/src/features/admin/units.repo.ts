// SQL for responsible units 责任单位, and what still points at one when it is deactivated.
import type { Queryable } from '../../db/db';
import type { UnitKind } from './units.schemas';

type AreaBrief = { id: number; code: string; name: string; level: string };

export type UnitAdminRow = {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  area: AreaBrief | null;
  phone: string | null;
  active: boolean;
  activeHandlers: number;
  createdAt: Date;
};

export type UnitState = { name: string; kind: UnitKind; areaId: number | null; phone: string | null; active: boolean };

const UNIT_VIEW = `
  SELECT n.id, n.code, n.name, n.kind, n.phone, n.active, n.created_at AS "createdAt",
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         (SELECT count(*)::int FROM users u WHERE u.unit_id = n.id AND u.role = 'handler' AND u.active) AS "activeHandlers"
  FROM units n
  LEFT JOIN areas a ON a.id = n.area_id`;

const LIST_UNITS = `${UNIT_VIEW}
  WHERE ($1::text IS NULL OR n.kind = $1)
    AND ($2::int IS NULL OR n.area_id = $2 OR $2 = ANY (a.ancestor_ids))
    AND ($3::boolean IS NULL OR n.active = $3)
  ORDER BY n.code`;

const GET_UNIT = `${UNIT_VIEW} WHERE n.id = $1`;

const INSERT_UNIT = `
  INSERT INTO units (code, name, kind, area_id, phone, created_at)
  VALUES ($1, $2, $3, $4, $5, $6)
  ON CONFLICT (code) DO NOTHING
  RETURNING id`;

const LOCK_UNIT = `
  SELECT n.name, n.kind, n.area_id AS "areaId", n.phone, n.active FROM units n WHERE n.id = $1 FOR UPDATE`;

const UPDATE_UNIT = `UPDATE units SET name = $2, kind = $3, area_id = $4, phone = $5, active = $6 WHERE id = $1`;

const ACTIVE_HANDLERS = `
  SELECT u.id, u.username, u.display_name AS "displayName"
  FROM users u WHERE u.unit_id = $1 AND u.role = 'handler' AND u.active
  ORDER BY u.username`;

const RULES_OF_UNIT = `
  SELECT json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) AS area,
         au.category_code AS category
  FROM area_units au JOIN areas a ON a.id = au.area_id
  WHERE au.unit_id = $1
  ORDER BY a.code, au.category_code NULLS FIRST`;

export const unitsRepo = {
  list: (q: Queryable, f: { kind: UnitKind | null; areaId: number | null; active: boolean | null }) =>
    q.query<UnitAdminRow>(LIST_UNITS, [f.kind, f.areaId, f.active]),
  get: async (q: Queryable, id: number) => (await q.query<UnitAdminRow>(GET_UNIT, [id]))[0],
  insert: async (q: Queryable, u: UnitState & { code: string; createdAt: Date }) =>
    (await q.query<{ id: number }>(INSERT_UNIT, [u.code, u.name, u.kind, u.areaId, u.phone, u.createdAt]))[0]?.id,
  lock: async (q: Queryable, id: number) => (await q.query<UnitState>(LOCK_UNIT, [id]))[0],
  update: (q: Queryable, id: number, u: UnitState) => q.query(UPDATE_UNIT, [id, u.name, u.kind, u.areaId, u.phone, u.active]),
  activeHandlers: (q: Queryable, id: number) =>
    q.query<{ id: number; username: string; displayName: string }>(ACTIVE_HANDLERS, [id]),
  rulesOfUnit: (q: Queryable, id: number) => q.query<{ area: AreaBrief; category: string | null }>(RULES_OF_UNIT, [id]),
};
