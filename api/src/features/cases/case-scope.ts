// Which cases a user may see, as a SQL predicate: scope is enforced in the queries, not the UI.
//   inspector  — cases in their own area (micro-grid or grid), plus the cases they reported
//   dispatcher — their street;  supervisor — their area's whole subtree;  handler — cases dispatched to their unit
//   admin      — everything
import type { SessionUser } from '../auth/auth.types';

export type SqlFragment = { sql: string; params: unknown[] };

// Cases carry their area at every level (area_id is the deepest); a case lies below an area exactly when
// the column of that area's level holds its id. One column, so one index, answers "below this area".
const LEVEL_COLUMN: Record<string, string> = {
  district: 'district_id',
  street: 'street_id',
  community: 'community_id',
  grid: 'grid_id',
  micro_grid: 'micro_grid_id',
};

/**
 * "The case lies in the area `param` or below it", on the cases table aliased `alias`. With the area's level
 * known the predicate tests that level's column (indexed); without it, every level's.
 */
export function belowArea(alias: string, param: string, level: string | null | undefined): string {
  const column = level ? LEVEL_COLUMN[level] : undefined;
  if (column) return `${alias}.${column} = ${param}`;
  return `${param} IN (${alias}.area_id, ${alias}.micro_grid_id, ${alias}.grid_id, ${alias}.community_id, ${alias}.street_id, ${alias}.district_id)`;
}

/**
 * A predicate on the cases table aliased `alias`, numbering its parameters from `firstParam`.
 * @example const s = caseScope(user, 'c', 2); db.query(`SELECT … FROM cases c WHERE c.id = $1 AND ${s.sql}`, [id, ...s.params])
 */
export function caseScope(user: SessionUser, alias: string, firstParam: number): SqlFragment {
  const inArea = (p: string) => belowArea(alias, p, user.areaLevel);
  const p1 = `$${firstParam}`;
  const p2 = `$${firstParam + 1}`;
  switch (user.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'dispatcher':
    case 'supervisor':
      return user.areaId === null ? { sql: 'FALSE', params: [] } : { sql: inArea(`${p1}::int`), params: [user.areaId] };
    case 'inspector':
      return user.areaId === null
        ? { sql: `${alias}.reporter_id = ${p1}::int`, params: [user.id] }
        : { sql: `(${inArea(`${p1}::int`)} OR ${alias}.reporter_id = ${p2}::int)`, params: [user.areaId, user.id] };
    case 'handler':
      // A unit sees a case once it is dispatched to it, not while it is only the proposed unit.
      return user.unitId === null
        ? { sql: 'FALSE', params: [] }
        : { sql: `(${alias}.unit_id = ${p1}::int AND ${alias}.dispatched_at IS NOT NULL)`, params: [user.unitId] };
  }
}
