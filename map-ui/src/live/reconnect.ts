// When to reconnect a live stream the browser gave up on, and where to resume it.

/**
 * Waits 1 s, 2 s, 4 s … up to `maxMs`, with ±20 % jitter from `random` so many clients do not return at once.
 * @example reconnectDelay(0) // ≈ 1000
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random, baseMs = 1000, maxMs = 30_000): number {
  const plain = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(plain * (0.8 + 0.4 * random()));
}

/** The stream URL that resumes after `lastEventId` (a new EventSource cannot set the Last-Event-ID header). */
export function resumeUrl(url: string, lastEventId: string | null): string {
  if (!lastEventId || !/^\d+$/.test(lastEventId)) return url;
  return `${url}${url.includes('?') ? '&' : '?'}last_event_id=${lastEventId}`;
}
