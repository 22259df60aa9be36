// When a queued report should be sent again: network failures and busy servers are retried with
// backoff; a refusal (4xx) is shown to the user instead, because sending it again cannot help.
import { ApiError } from '../api';

/** retry: try again later; relogin: wait for a new session; fail: show the reason, let the user decide. */
export type Verdict = 'retry' | 'relogin' | 'fail';

// 408 timeout, 425 too early, 429 rate limited: the server asks us to come back.
const RETRY_STATUSES = new Set([408, 425, 429]);

/** What to do with an item after `err` ended an attempt to send it. */
export function verdictFor(err: unknown): Verdict {
  if (!(err instanceof ApiError)) return 'retry';
  if (err.isNetworkError || err.status >= 500 || RETRY_STATUSES.has(err.status)) return 'retry';
  // The first attempt with this Idempotency-Key is still running on the server.
  if (err.code === 'idempotency_in_progress') return 'retry';
  if (err.status === 401) return 'relogin';
  return 'fail';
}

export const BACKOFF = {
  /** The wait after the first failure. */
  firstMs: 2_000,
  /** Never wait longer than this between attempts, so a phone back in range soon sends. */
  maxMs: 5 * 60_000,
};

/**
 * Milliseconds to wait before attempt number `attempts + 1`: doubling from BACKOFF.firstMs,
 * capped, with jitter so a street of phones coming back online do not all send at once,
 * and never sooner than the server's Retry-After.
 * @example retryDelayMs(3) // about 4–8 s
 */
export function retryDelayMs(attempts: number, retryAfterSeconds?: number, random: () => number = Math.random): number {
  const exp = Math.min(BACKOFF.maxMs, BACKOFF.firstMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exp * (0.5 + random() / 2));
  return Math.max(jittered, (retryAfterSeconds ?? 0) * 1000);
}
