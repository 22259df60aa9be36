// Safe retries: a phone that resends a POST after a dropped connection gets the first answer
// again, and identical requests racing each other do the work once.
import type { Db, Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import { idempotencyRepo } from './idempotency.repo';

export type Answer<T> = { status: number; body: T; replayed: boolean };

/** Called by the work inside its own transaction, so the answer commits with the work. */
export type RecordAnswer = (tx: Queryable, status: number, body: unknown) => Promise<void>;

// A claim this old with no answer belongs to a process that died mid-request.
const ABANDONED_AFTER_MS = 120_000;
const POLL_MS = 50;

/**
 * Runs `work` once per (user, key). Without a key it simply runs. A different request under a
 * used key is refused (422), as is one still running after `waitMs` (409).
 */
export async function withIdempotency<T>(
  deps: { db: Db; clock: Clock },
  a: { userId: number; key: string | undefined; requestHash: string; waitMs?: number },
  work: (record: RecordAnswer) => Promise<{ status: number; body: T }>,
): Promise<Answer<T>> {
  const { db, clock } = deps;
  const { userId, key, requestHash } = a;
  if (!key) return { ...(await work(async () => undefined)), replayed: false };

  const record: RecordAnswer = async (tx, status, body) => {
    await idempotencyRepo.complete(tx, userId, key, status, body);
  };
  const started = Date.now();
  for (;;) {
    const now = clock.now();
    const mine =
      (await idempotencyRepo.claim(db, userId, key, requestHash, now)) ||
      (await idempotencyRepo.takeOver(db, userId, key, new Date(now.getTime() - ABANDONED_AFTER_MS), now));
    if (mine) {
      try {
        return { ...(await work(record)), replayed: false };
      } catch (err) {
        // Nothing was answered: let a retry do the work again.
        await idempotencyRepo.release(db, userId, key).catch(() => undefined);
        throw err;
      }
    }
    const row = await idempotencyRepo.find(db, userId, key);
    if (!row) continue; // released by a failed attempt just now
    if (row.requestHash !== requestHash) {
      throw new ApiError(422, 'idempotency_key_reused', 'this Idempotency-Key was used for a different request');
    }
    if (row.statusCode !== null) return { status: row.statusCode, body: row.response as T, replayed: true };
    if (Date.now() - started > (a.waitMs ?? 60_000)) {
      throw new ApiError(409, 'idempotency_in_progress', 'the first request with this Idempotency-Key is still running; retry later', undefined, {
        'Retry-After': '2',
      });
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
