// One client's live stream: replay what it missed after Last-Event-ID, then send each new case
// change in its scope as the feed wakes it, with heartbeats, until it leaves or the server stops.
import type { SSEStreamingApi } from 'hono/streaming';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/db';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from '../cases/case-scope';
import type { LiveFeed } from './live-feed';
import { isAfter, liveRepo, START, type CaseChangeRow, type Position } from './live.repo';

export type LiveSettings = {
  /** How often the feed looks for new events (ms). */
  pollMs: number;
  /** A comment line this often keeps proxies from closing a quiet stream (ms). */
  heartbeatMs: number;
  /** How long a browser waits before reconnecting (the SSE `retry:` field, ms). */
  retryMs: number;
  /** Missed more than this: send `event: reset` (reload) instead of replaying. */
  maxReplay: number;
  /** Events read per query. */
  batch: number;
  /** A stream ends after this long and the client reconnects: the login and scope are checked again (ms). */
  maxStreamMs: number;
};

export const DEFAULT_LIVE_SETTINGS: LiveSettings = {
  pollMs: 1000,
  heartbeatMs: 15_000,
  retryMs: 3000,
  maxReplay: 1000,
  batch: 500,
  maxStreamMs: 10 * 60_000,
};

export type StreamDeps = { db: Queryable; feed: LiveFeed; logger: Logger; settings: LiveSettings };

/** The `data` of an `event: case` message. */
export type CaseChange = {
  event_id: number;
  case_id: number;
  code: string;
  action: string;
  from: string | null;
  to: string;
  /** The case's status now, which a later event may already have moved on from `to`. */
  status: string;
  actor_role: string | null;
  at: string;
  category: string;
  severity: string;
  lon: number;
  lat: number;
  due_at: string | null;
};

const toChange = (r: CaseChangeRow): CaseChange => ({
  event_id: r.id,
  case_id: r.caseId,
  code: r.code,
  action: r.action,
  from: r.from,
  to: r.to,
  status: r.status,
  actor_role: r.actorRole,
  at: r.at.toISOString(),
  category: r.category,
  severity: r.severity,
  lon: r.lon,
  lat: r.lat,
  due_at: r.dueAt ? r.dueAt.toISOString() : null,
});

type Start = { position: Position; reset?: 'unknown_last_event_id' | 'too_many_missed' };

/** Where to begin: the client's last event, or now when it has none, missed too much or sent an unknown id. */
async function startFrom(deps: StreamDeps, user: SessionUser, lastEventId: number | undefined): Promise<Start> {
  if (lastEventId === undefined) return { position: await liveRepo.head(deps.db) };
  const position = lastEventId === 0 ? START : await liveRepo.positionOf(deps.db, lastEventId);
  if (!position) return { position: await liveRepo.head(deps.db), reset: 'unknown_last_event_id' };
  const cap = deps.settings.maxReplay;
  if ((await liveRepo.countAfter(deps.db, position, cap + 1, caseScope(user, 'c', 4))) > cap) {
    return { position: await liveRepo.head(deps.db), reset: 'too_many_missed' };
  }
  return { position };
}

/**
 * Runs one stream to its end. The caller (streamSSE) closes it afterwards.
 * Every message carries an `id:`, heartbeats too, so a reconnecting browser always sends a
 * Last-Event-ID and never loses the events that came while it was away.
 */
export async function runCaseStream(deps: StreamDeps, user: SessionUser, lastEventId: number | undefined, sse: SSEStreamingApi): Promise<void> {
  const { settings } = deps;
  const scope = caseScope(user, 'c', 4);
  let stopped = false;
  let finish!: () => void;
  const done = new Promise<void>((resolve) => {
    finish = () => {
      stopped = true;
      resolve();
    };
  });
  sse.onAbort(finish);

  let cursor = START;
  let newestHead: Position | undefined;
  let pulling: Promise<void> | undefined;
  let again = false;

  /** Sends every readable change after the cursor; the cursor then moves past all events up to the head known before reading. */
  const drain = async () => {
    const upTo = newestHead;
    for (;;) {
      const rows = await liveRepo.changesAfter(deps.db, cursor, settings.batch, scope);
      for (const r of rows) {
        if (stopped) return;
        await sse.writeSSE({ id: String(r.id), event: 'case', data: JSON.stringify(toChange(r)) });
        cursor = r;
      }
      if (rows.length < settings.batch || stopped) break;
    }
    // Events up to `upTo` that were not sent are outside the scope: skip them for good.
    if (upTo && isAfter(upTo, cursor)) cursor = upTo;
  };
  const pull = (): Promise<void> => {
    if (pulling) {
      again = true;
      return pulling;
    }
    pulling = (async () => {
      do {
        again = false;
        try {
          await drain();
        } catch (err) {
          if (!stopped) deps.logger.warn({ err, user: user.username }, 'live stream: reading events failed; retrying on the next wake-up');
          return;
        }
      } while (again && !stopped);
    })().finally(() => {
      pulling = undefined;
    });
    return pulling;
  };

  const lifetime = setTimeout(finish, settings.maxStreamMs);
  let heartbeat: NodeJS.Timeout | undefined;
  let unsubscribe: () => void = () => undefined;
  try {
    await sse.write(`retry: ${settings.retryMs}\n\n`);
    const start = await startFrom(deps, user, lastEventId);
    cursor = start.position;
    const id = String(cursor.id);
    if (start.reset) await sse.writeSSE({ id, event: 'reset', data: JSON.stringify({ reason: start.reset, last_event_id: cursor.id }) });
    else await sse.writeSSE({ id, event: 'ready', data: JSON.stringify({ last_event_id: cursor.id, replaying: lastEventId !== undefined }) });
    // Only now: a heartbeat's id before the start is known would send the client back too far.
    heartbeat = setInterval(() => void sse.write(`: heartbeat\nid: ${cursor.id}\n\n`), settings.heartbeatMs);
    // Subscribe before the first read: a change landing in between wakes us instead of being lost.
    unsubscribe = deps.feed.subscribe({
      wake: (head) => {
        newestHead = head;
        void pull();
      },
      end: finish,
    });
    await pull();
    await done;
  } finally {
    clearInterval(heartbeat);
    clearTimeout(lifetime);
    unsubscribe();
    stopped = true;
    await pulling;
  }
}
