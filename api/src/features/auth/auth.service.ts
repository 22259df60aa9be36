// Logging in and out, and turning a session token back into a user.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { nextFailureCount, retryAfterMs } from '../../lib/login-throttle';
import { dummyPasswordHash, verifyPassword } from '../../lib/password';
import { authRepo, type MeRow } from './auth.repo';
import type { SessionUser } from './auth.types';

export type AuthDeps = {
  db: Db;
  clock: Clock;
  settings: { sessionTtlHours: number; loginFreeFailures: number };
};

export type LoginResult = { user: MeRow; token: string; expiresAt: Date };

// Sliding expiry is written at most this often, so a busy client is not one UPDATE per request.
const TOUCH_EVERY_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Throttle keys: the name tried and the address trying, so neither a sprayed name nor a busy address gets far. */
function throttleKeys(username: string, clientAddress: string): string[] {
  return [`user:${username}`, `addr:${clientAddress}`];
}

async function assertNotThrottled(deps: AuthDeps, keys: string[], now: Date) {
  const records = await authRepo.findFailures(deps.db, keys);
  const waitMs = Math.max(0, ...records.map((r) => retryAfterMs(r, now, deps.settings.loginFreeFailures)));
  if (waitMs > 0) {
    const seconds = Math.ceil(waitMs / 1000);
    throw new ApiError(429, 'too_many_attempts', `too many failed logins; try again in ${seconds} s`, { retry_after_seconds: seconds }, {
      'Retry-After': String(seconds),
    });
  }
}

async function recordFailure(deps: AuthDeps, keys: string[], now: Date) {
  await deps.db.transaction(async (tx) => {
    const records = new Map((await authRepo.findFailures(tx, keys)).map((r) => [r.key, r]));
    for (const key of keys) await authRepo.upsertFailure(tx, key, nextFailureCount(records.get(key), now), now);
  });
}

/**
 * Checks a user name and password and opens a session. A wrong password, an unknown
 * or deactivated user all get the same 401, after the same amount of hashing work.
 */
export async function login(
  deps: AuthDeps,
  input: { username: string; password: string; kind: 'cookie' | 'bearer'; clientAddress: string },
): Promise<LoginResult> {
  const now = deps.clock.now();
  const username = input.username.trim().toLowerCase();
  const keys = throttleKeys(username, input.clientAddress);
  await assertNotThrottled(deps, keys, now);

  const user = await authRepo.findUserForLogin(deps.db, username);
  const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !ok || !user.active) {
    await recordFailure(deps, keys, now);
    throw new ApiError(401, 'invalid_credentials', 'wrong user name or password');
  }

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + deps.settings.sessionTtlHours * 3_600_000);
  await deps.db.transaction(async (tx) => {
    await authRepo.clearFailures(tx, [keys[0]!]);
    await authRepo.deleteExpiredSessions(tx, now);
    await authRepo.insertSession(tx, { tokenHash: hashToken(token), userId: user.id, kind: input.kind, now, expiresAt });
  });
  const me = await authRepo.me(deps.db, user.id);
  if (!me) throw new Error(`user ${user.id} vanished during login`);
  return { user: me, token, expiresAt };
}

/** The user a token belongs to, or null when it is unknown, expired or its user deactivated. */
export async function resolveSession(deps: AuthDeps, token: string): Promise<SessionUser | null> {
  const now = deps.clock.now();
  const tokenHash = hashToken(token);
  const row = await authRepo.findSessionUser(deps.db, tokenHash, now);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await authRepo.touchSession(deps.db, tokenHash, now, new Date(now.getTime() + deps.settings.sessionTtlHours * 3_600_000));
  }
  const { lastSeenAt: _seen, ...user } = row;
  return user;
}

/** Ends the session of this token. */
export async function logout(deps: AuthDeps, token: string): Promise<void> {
  await authRepo.deleteSession(deps.db, hashToken(token));
}

/** The current user with their area and unit, for GET /api/me. */
export async function me(deps: AuthDeps, userId: number): Promise<MeRow> {
  const row = await authRepo.me(deps.db, userId);
  if (!row) throw new ApiError(401, 'unauthenticated', 'please log in');
  return row;
}
