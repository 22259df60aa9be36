// How long a client must wait after repeated failed logins. The first few failures are free
// (people mistype); after that the wait doubles with each failure, up to 15 minutes.

/** Failures older than this are forgotten. */
export const FAILURE_MEMORY_MS = 15 * 60 * 1000;
const MAX_WAIT_MS = 15 * 60 * 1000;

/**
 * Milliseconds still to wait before the next attempt is accepted.
 * @example retryAfterMs({ failures: 6, lastAt }, now, 5) // 2 s after lastAt, minus time passed
 */
export function retryAfterMs(record: { failures: number; lastAt: Date } | undefined, now: Date, freeFailures: number): number {
  if (!record) return 0;
  const since = now.getTime() - record.lastAt.getTime();
  if (since >= FAILURE_MEMORY_MS) return 0;
  const over = record.failures - freeFailures;
  if (over < 0) return 0;
  const wait = Math.min(1000 * 2 ** (over + 1), MAX_WAIT_MS);
  return Math.max(0, wait - since);
}

/** The failure count after one more failure, forgetting old ones. */
export function nextFailureCount(record: { failures: number; lastAt: Date } | undefined, now: Date): number {
  if (!record || now.getTime() - record.lastAt.getTime() >= FAILURE_MEMORY_MS) return 1;
  return record.failures + 1;
}
