// SQL for Idempotency-Key records: claim a key, store the answer, or let the key go.
import type { Queryable } from '../../db/db';

export type IdempotencyRow = { requestHash: string; statusCode: number | null; response: unknown; createdAt: Date };

const CLAIM = `
  INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
  ON CONFLICT (user_id, key) DO NOTHING
  RETURNING key`;
const FIND = `
  SELECT request_hash AS "requestHash", status_code AS "statusCode", response, created_at AS "createdAt"
  FROM idempotency_keys WHERE user_id = $1 AND key = $2`;
const COMPLETE = `UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2`;
const RELEASE = `DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL`;
// Taking over an abandoned claim must not race another taker: only one UPDATE matches.
const TAKE_OVER = `
  UPDATE idempotency_keys SET created_at = $4
  WHERE user_id = $1 AND key = $2 AND status_code IS NULL AND created_at < $3
  RETURNING key`;

export const idempotencyRepo = {
  claim: async (q: Queryable, userId: number, key: string, hash: string, now: Date) =>
    (await q.query(CLAIM, [userId, key, hash, now])).length === 1,
  find: async (q: Queryable, userId: number, key: string) => (await q.query<IdempotencyRow>(FIND, [userId, key]))[0],
  complete: (q: Queryable, userId: number, key: string, status: number, response: unknown) =>
    q.query(COMPLETE, [userId, key, status, JSON.stringify(response)]),
  release: (q: Queryable, userId: number, key: string) => q.query(RELEASE, [userId, key]),
  takeOver: async (q: Queryable, userId: number, key: string, staleBefore: Date, now: Date) =>
    (await q.query(TAKE_OVER, [userId, key, staleBefore, now])).length === 1,
};
