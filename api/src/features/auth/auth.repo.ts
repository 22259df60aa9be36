// SQL for users, sessions and failed-login records.
import type { Queryable } from '../../db/db';
import type { SessionUser } from './auth.types';

export type UserRow = SessionUser & { passwordHash: string; active: boolean };

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.area_id AS "areaId",
  (SELECT al.level FROM areas al WHERE al.id = u.area_id) AS "areaLevel", u.unit_id AS "unitId"`;

const FIND_USER_FOR_LOGIN = `
  SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash", u.active
  FROM users u WHERE u.username = $1`;

const INSERT_SESSION = `
  INSERT INTO sessions (token_hash, user_id, kind, created_at, last_seen_at, expires_at)
  VALUES ($1, $2, $3, $4, $4, $5)`;

// Only active users' unexpired sessions count; deactivating a user ends them at once.
const FIND_SESSION_USER = `
  SELECT ${USER_COLUMNS}, s.last_seen_at AS "lastSeenAt"
  FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active`;

const TOUCH_SESSION = `UPDATE sessions SET last_seen_at = $2, expires_at = $3 WHERE token_hash = $1`;
const DELETE_SESSION = `DELETE FROM sessions WHERE token_hash = $1`;
const DELETE_EXPIRED_SESSIONS = `DELETE FROM sessions WHERE expires_at <= $1`;

const FIND_FAILURES = `SELECT key, failures, last_at AS "lastAt" FROM login_failures WHERE key = ANY($1::text[])`;
const UPSERT_FAILURE = `
  INSERT INTO login_failures (key, failures, last_at) VALUES ($1, $2, $3)
  ON CONFLICT (key) DO UPDATE SET failures = EXCLUDED.failures, last_at = EXCLUDED.last_at`;
const CLEAR_FAILURES = `DELETE FROM login_failures WHERE key = ANY($1::text[])`;

const ME = `
  SELECT ${USER_COLUMNS},
         CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'level', a.level) END AS area,
         CASE WHEN n.id IS NULL THEN NULL ELSE json_build_object('id', n.id, 'code', n.code, 'name', n.name, 'kind', n.kind) END AS unit
  FROM users u
  LEFT JOIN areas a ON a.id = u.area_id
  LEFT JOIN units n ON n.id = u.unit_id
  WHERE u.id = $1`;

export type MeRow = SessionUser & {
  area: { id: number; code: string; name: string; level: string } | null;
  unit: { id: number; code: string; name: string; kind: string } | null;
};

export const authRepo = {
  findUserForLogin: async (q: Queryable, username: string) =>
    (await q.query<UserRow>(FIND_USER_FOR_LOGIN, [username]))[0],
  insertSession: (q: Queryable, s: { tokenHash: string; userId: number; kind: 'cookie' | 'bearer'; now: Date; expiresAt: Date }) =>
    q.query(INSERT_SESSION, [s.tokenHash, s.userId, s.kind, s.now, s.expiresAt]),
  findSessionUser: async (q: Queryable, tokenHash: string, now: Date) =>
    (await q.query<SessionUser & { lastSeenAt: Date }>(FIND_SESSION_USER, [tokenHash, now]))[0],
  touchSession: (q: Queryable, tokenHash: string, now: Date, expiresAt: Date) => q.query(TOUCH_SESSION, [tokenHash, now, expiresAt]),
  deleteSession: (q: Queryable, tokenHash: string) => q.query(DELETE_SESSION, [tokenHash]),
  deleteExpiredSessions: (q: Queryable, now: Date) => q.query(DELETE_EXPIRED_SESSIONS, [now]),
  findFailures: (q: Queryable, keys: string[]) =>
    q.query<{ key: string; failures: number; lastAt: Date }>(FIND_FAILURES, [keys]),
  upsertFailure: (q: Queryable, key: string, failures: number, at: Date) => q.query(UPSERT_FAILURE, [key, failures, at]),
  clearFailures: (q: Queryable, keys: string[]) => q.query(CLEAR_FAILURES, [keys]),
  me: async (q: Queryable, userId: number) => (await q.query<MeRow>(ME, [userId]))[0],
};

