// Which cases a user may see, as a SQL predicate: scope is enforced in the queries, not the UI.
//   inspector  — cases in their own area (micro-grid or grid), plus the cases they reported
//   dispatcher — their street;  supervisor — their area's whole subtree;  handler — cases dispatched to their unit
//   admin      — everything
import type { SessionUser } from '../auth/auth.types';

export type SqlFragment = { sql: string; params: unknown[] };

/**
 * A predicate on the cases table aliased `alias`, numbering its parameters from `firstParam`.
 * @example const s = caseScope(user, 'c', 2); db.query(`SELECT … FROM cases c WHERE c.id = $1 AND ${s.sql}`, [id, ...s.params])
 */
export function caseScope(user: SessionUser, alias: string, firstParam: number): SqlFragment {
  const inArea = (p: string) =>
    `${p} IN (${alias}.area_id, ${alias}.micro_grid_id, ${alias}.grid_id, ${alias}.community_id, ${alias}.street_id, ${alias}.district_id)`;
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
