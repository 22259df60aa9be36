// SQL for managing users and ending their sessions. Password hashes never leave this file
// except as a parameter going in.
import type { Queryable } from '../../db/db';
import type { Role } from '../auth/auth.types';

export type UserAdminRow = {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  area: { id: number; code: string; name: string; level: string } | null;
  unit: { id: number; code: string; name: string; kind: string; active: boolean } | null;
  phone: string | null;
  active: boolean;
  createdAt: Date;
  lastSeenAt: Date | null;
};

/** The editable state of a user, as stored. */
export type UserState = {
  displayName: string;
  role: Role;
  areaId: number | null;
  unitId: number | null;
  phone: string | null;
  active: boolean;
};

export type UserListFilter = {
  role: Role | null;
  areaId: number | null;
  unitId: number | null;
  active: boolean | null;
  /** A LIKE pattern, already escaped. */
  like: string | null;
};

const USER_VIEW = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.phone, u.active, u.created_at AS "createdAt",
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         CASE WHEN n.id IS NULL THEN NULL
              ELSE json_build_object('id', n.id, 'code', n.code, 'name', n.name, 'kind', n.kind, 'active', n.active) END AS unit,
         (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id) AS "lastSeenAt"
  FROM users u
  LEFT JOIN areas a ON a.id = u.area_id
  LEFT JOIN units n ON n.id = u.unit_id`;

// An area filter takes in everyone placed anywhere below it, as a district admin expects.
const LIST_USERS = `${USER_VIEW}
  WHERE ($1::text IS NULL OR u.role = $1)
    AND ($2::int IS NULL OR u.area_id = $2 OR $2 = ANY (a.ancestor_ids))
    AND ($3::int IS NULL OR u.unit_id = $3)
    AND ($4::boolean IS NULL OR u.active = $4)
    AND ($5::text IS NULL OR u.username ILIKE $5 OR u.display_name ILIKE $5)
  ORDER BY u.username`;

const GET_USER = `${USER_VIEW} WHERE u.id = $1`;

// A taken name inserts nothing and returns no row; the caller answers 409.
const INSERT_USER = `
  INSERT INTO users (username, display_name, role, area_id, unit_id, phone, password_hash, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
  ON CONFLICT (username) DO NOTHING
  RETURNING id`;

// Locked so two admins editing one user at once cannot each check the rules against stale state.
const LOCK_USER = `
  SELECT u.display_name AS "displayName", u.role, u.area_id AS "areaId", u.unit_id AS "unitId", u.phone, u.active
  FROM users u WHERE u.id = $1 FOR UPDATE`;

// Taken before the edited user's row, always in id order, so two admins demoting each other
// queue up instead of deadlocking, and the second sees the first one's change.
const LOCK_ACTIVE_ADMINS = `SELECT u.id FROM users u WHERE u.role = 'admin' AND u.active ORDER BY u.id FOR UPDATE`;

const UPDATE_USER = `
  UPDATE users SET display_name = $2, role = $3, area_id = $4, unit_id = $5, phone = $6, active = $7,
                   password_hash = COALESCE($8, password_hash)
  WHERE id = $1`;

const DELETE_SESSIONS = `
  WITH ended AS (DELETE FROM sessions WHERE user_id = $1 RETURNING 1)
  SELECT count(*)::int AS n FROM ended`;

export const usersRepo = {
  list: (q: Queryable, f: UserListFilter) => q.query<UserAdminRow>(LIST_USERS, [f.role, f.areaId, f.unitId, f.active, f.like]),
  get: async (q: Queryable, id: number) => (await q.query<UserAdminRow>(GET_USER, [id]))[0],
  insert: async (q: Queryable, u: UserState & { username: string; passwordHash: string; createdAt: Date }) =>
    (
      await q.query<{ id: number }>(INSERT_USER, [u.username, u.displayName, u.role, u.areaId, u.unitId, u.phone, u.passwordHash, u.createdAt])
    )[0]?.id,
  lock: async (q: Queryable, id: number) => (await q.query<UserState>(LOCK_USER, [id]))[0],
  lockActiveAdmins: async (q: Queryable) => (await q.query<{ id: number }>(LOCK_ACTIVE_ADMINS)).map((r) => r.id),
  update: (q: Queryable, id: number, u: UserState, passwordHash: string | null) =>
    q.query(UPDATE_USER, [id, u.displayName, u.role, u.areaId, u.unitId, u.phone, u.active, passwordHash]),
  /** Ends every session of the user; returns how many there were. */
  deleteSessions: async (q: Queryable, userId: number) => (await q.query<{ n: number }>(DELETE_SESSIONS, [userId]))[0]?.n ?? 0,
};
