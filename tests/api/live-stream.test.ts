// GET /api/events/stream over real HTTP: each role sees only its scope, Last-Event-ID replays
// what was missed (or says reset), heartbeats keep the position, and nothing keeps polling
// after the client, the stream's time or the server is gone.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveSettings } from '../../api/src/features/live/case-stream';
import { createLiveFeed, endLiveStreams, LiveFeed } from '../../api/src/features/live/live-feed';
import { liveRepo, START } from '../../api/src/features/live/live.repo';
import { liveRoutes } from '../../api/src/features/live/live.routes';
import { caseScope } from '../../api/src/features/cases/case-scope';
import { errorHandler } from '../../api/src/http/errors';
import { createRouter } from '../../api/src/http/router';
import { sessionMiddleware } from '../../api/src/http/session';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture, postReport, reportForm } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const silent = pino({ level: 'silent' });
const cleanup: (() => Promise<unknown> | void)[] = [];

const IN_M1 = { lat: 31.205, lon: 120.505 };
const IN_M2 = { lat: 31.205, lon: 120.515 };
const IN_M3 = { lat: 31.205, lon: 120.555 };
const FAST: Partial<LiveSettings> = { pollMs: 50, heartbeatMs: 200, retryMs: 1000, maxReplay: 20 };

type Message = { event: string; id: string | undefined; data: string };
type Change = { event_id: number; case_id: number; code: string; action: string; from: string | null; to: string; status: string; actor_role: string | null; at: string; category: string; severity: string; lon: number; lat: number; due_at: string | null };

/** A small EventSource: parses the stream as the WHATWG spec does, keeping the last event id. */
class SseClient {
  readonly messages: Message[] = [];
  raw = '';
  comments = 0;
  lastEventId: string | undefined;
  ended = false;
  private readonly abort = new AbortController();

  constructor(readonly res: Response) {
    void this.read();
  }

  static async open(port: number, headers: Record<string, string>, query = ''): Promise<SseClient> {
    const ctrl = new AbortController();
    const res = await fetch(`http://127.0.0.1:${port}/api/events/stream${query}`, { headers, signal: ctrl.signal });
    const client = new SseClient(res);
    client.abort.signal.addEventListener('abort', () => ctrl.abort());
    cleanup.push(() => client.close());
    return client;
  }

  close() {
    this.abort.abort();
  }

  changes(): Change[] {
    return this.messages.filter((m) => m.event === 'case').map((m) => JSON.parse(m.data) as Change);
  }

  async waitFor(what: string, test: () => boolean, timeout = 10_000) {
    await expect.poll(test, { timeout, interval: 20, message: what }).toBe(true);
  }

  private async read() {
    if (!this.res.body) return;
    const reader = this.res.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let data: string[] = [];
    let type = '';
    let idBuffer = this.lastEventId;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        this.raw += value;
        pending += value;
        const lines = pending.split(/\r\n|\r|\n/);
        pending = lines.pop()!;
        for (const line of lines) {
          if (line === '') {
            this.lastEventId = idBuffer;
            if (data.length) this.messages.push({ event: type || 'message', id: idBuffer, data: data.join('\n') });
            data = [];
            type = '';
          } else if (line.startsWith(':')) {
            this.comments++;
          } else {
            const at = line.indexOf(':');
            const field = at < 0 ? line : line.slice(0, at);
            const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
            if (field === 'data') data.push(value);
            else if (field === 'event') type = value;
            else if (field === 'id') idBuffer = value;
          }
        }
      }
    } catch {
      // Aborted by close().
    }
    this.ended = true;
  }
}

/** A server with only the live routes, on fast timers; the full app is tested at the end. */
async function liveServer(settings: Partial<LiveSettings> = FAST, feed = new LiveFeed({ db, logger: silent }, settings.pollMs ?? 50)) {
  const app = createRouter();
  app.onError(errorHandler(silent));
  app.use('/api/*', sessionMiddleware({ db, clock: t.clock, settings: t.config }));
  app.route('/api', liveRoutes({ db, logger: silent, settings, feed }));
  return { ...(await listen(app.fetch)), feed };
}

async function listen(fetch: (req: Request) => Response | Promise<Response>) {
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      if ('closeAllConnections' in server) server.closeAllConnections();
    });
  cleanup.push(close);
  return { port: (server.address() as AddressInfo).port, close };
}

async function fileCase(who: string, where: { lat: number; lon: number }, category = 'corridor_clutter') {
  const { status, body } = await postReport(t, as[who]!, reportForm([['p.jpg', fixture('jpg_Canon_40D.jpg')]], { category, ...where }));
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as { id: number; code: string };
}

/** What the actions service will do: move the case and append its event. Returns the event id. */
async function addEvent(caseId: number, action: string, to: string, by = 'dispatcher1') {
  return db.transaction(async (tx) => {
    const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    // A unit sees a case once it is dispatched to it.
    await tx.query(`UPDATE cases SET status = $2, dispatched_at = CASE WHEN $2 = 'dispatched' THEN $3 ELSE dispatched_at END WHERE id = $1`, [caseId, to, t.clock.now()]);
    const [e] = await tx.query<{ id: number }>(
      `INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, created_at)
       SELECT $1, $2, $3, $4, id, role, $6 FROM users WHERE username = $5 RETURNING id`,
      [caseId, action, c!.status, to, by, t.clock.now()],
    );
    return e!.id;
  });
}

const maxEventId = async () => (await db.query<{ id: number }>('SELECT COALESCE(max(id), 0)::int AS id FROM case_events'))[0]!.id;
const caseIds = (c: SseClient) => [...new Set(c.changes().map((x) => x.case_id))].sort((a, b) => a - b);
const sorted = (...ids: number[]) => [...ids].sort((a, b) => a - b);
/** Waits until a stream has caught up with event `id` (heartbeats carry the position too). */
const caughtUp = (c: SseClient, id: number) => c.waitFor(`stream caught up with ${id}`, () => Number(c.lastEventId ?? -1) >= id);
const ready = (c: SseClient) => c.waitFor('ready or reset', () => c.messages.some((m) => m.event === 'ready' || m.event === 'reset'));

let live: Awaited<ReturnType<typeof liveServer>>;
let A: { id: number; code: string };
let B: { id: number; code: string };

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  await db.query(
    `INSERT INTO users (username, display_name, role, area_id, password_hash)
     SELECT u.username, u.username, u.role, a.id, p.password_hash
     FROM (VALUES ('supervisor_s2', 'supervisor', 'S2'), ('inspector_m3', 'inspector', 'M3')) AS u (username, role, area)
     JOIN areas a ON a.code = u.area
     CROSS JOIN (SELECT password_hash FROM users WHERE username = 'admin') p`,
  );
  t = createTestApp(db);
  for (const u of ['admin', 'supervisor', 'supervisor_s2', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1', 'inspector_m3']) as[u] = await bearerFor(t, u);
  live = await liveServer();
}, 120_000);
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
  await db?.close();
});

describe('scope', () => {
  it('sends each role the changes in its scope, and nothing else', async () => {
    const roles = ['admin', 'supervisor', 'supervisor_s2', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1'];
    const streams = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await SseClient.open(live.port, as[r]!)] as const)));
    for (const s of Object.values(streams)) {
      expect(s.res.status).toBe(200);
      expect(s.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await ready(s);
    }

    A = await fileCase('inspector1', IN_M1); // S1, unit U-PROP, in inspector1's micro-grid
    B = await fileCase('inspector_m3', IN_M3); // S2, no unit
    const C = await fileCase('supervisor', IN_M2); // S1, unit U-PROP (proposed, never dispatched), next to inspector1's micro-grid
    const D = await fileCase('inspector1', IN_M3); // S2, reported by inspector1 outside their area
    await addEvent(A.id, 'accept', 'registered');
    await addEvent(B.id, 'accept', 'registered', 'dispatcher2');
    await addEvent(A.id, 'dispatch', 'dispatched');
    const last = await maxEventId();
    for (const s of Object.values(streams)) await caughtUp(s, last);

    expect(caseIds(streams.admin!)).toEqual(sorted(A.id, B.id, C.id, D.id));
    expect(caseIds(streams.supervisor!)).toEqual(sorted(A.id, B.id, C.id, D.id));
    expect(caseIds(streams.supervisor_s2!)).toEqual(sorted(B.id, D.id));
    expect(caseIds(streams.dispatcher1!)).toEqual(sorted(A.id, C.id));
    expect(caseIds(streams.dispatcher2!)).toEqual(sorted(B.id, D.id));
    // The unit hears of A once it is dispatched there (scope is the case's as it stands when read,
    // as everywhere in the API), and never of C, which is only proposed to it.
    expect(caseIds(streams.handler1!)).toEqual([A.id]);
    expect(streams.handler1!.changes().map((c) => c.action)).toContain('dispatch');
    expect(caseIds(streams.inspector1!)).toEqual(sorted(A.id, D.id));
    expect(streams.admin!.changes()).toHaveLength(7);
  });

  it('sends what a map needs: ids, codes, the move, the status now, the place and the category', async () => {
    const s = await SseClient.open(live.port, as.dispatcher1!, '?last_event_id=0');
    await s.waitFor('A accepted', () => s.changes().some((c) => c.case_id === A.id && c.action === 'accept'));
    const submit = s.messages.find((m) => m.event === 'case' && (JSON.parse(m.data) as Change).case_id === A.id)!;
    const change = JSON.parse(submit.data) as Change;
    expect(submit.id).toBe(String(change.event_id));
    expect(change).toEqual({
      event_id: change.event_id,
      case_id: A.id,
      code: A.code,
      action: 'submit',
      from: null,
      to: 'submitted',
      status: 'dispatched',
      actor_role: 'inspector',
      at: t.clock.now().toISOString(),
      category: 'corridor_clutter',
      severity: 'general',
      lon: IN_M1.lon,
      lat: IN_M1.lat,
      due_at: null,
    });
    const ids = s.changes().map((c) => c.event_id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});

describe('reconnecting', () => {
  it('replays what was missed after Last-Event-ID, in scope, from the header or the query', async () => {
    const first = await SseClient.open(live.port, as.dispatcher1!);
    await ready(first);
    await caughtUp(first, await maxEventId());
    const lastSeen = first.lastEventId!;
    first.close();

    const a1 = await addEvent(A.id, 'supervise', 'dispatched', 'supervisor');
    await addEvent(B.id, 'dispatch', 'dispatched', 'dispatcher2');
    const a2 = await addEvent(A.id, 'start', 'in_progress', 'handler1');

    const missed = [[a1, 'supervise'], [a2, 'start']];
    for (const how of [{ headers: { ...as.dispatcher1!, 'last-event-id': lastSeen }, query: '' }, { headers: as.dispatcher1!, query: `?last_event_id=${lastSeen}` }]) {
      const again = await SseClient.open(live.port, how.headers, how.query);
      await again.waitFor('replayed', () => again.changes().length >= missed.length);
      expect(JSON.parse(again.messages[0]!.data)).toEqual({ last_event_id: Number(lastSeen), replaying: true });
      expect(again.changes().map((c) => [c.event_id, c.action])).toEqual(missed);
      // Then it goes on live.
      const a3 = await addEvent(A.id, 'supervise', 'in_progress', 'supervisor');
      await again.waitFor('live after replay', () => again.changes().some((c) => c.event_id === a3));
      missed.push([a3, 'supervise']);
      again.close();
    }
  });

  it('says reset instead of replaying more than the cap, or after an unknown id; the cap counts only your scope', async () => {
    const before = await maxEventId();
    await db.query(
      `INSERT INTO case_events (case_id, action, from_status, to_status, actor_role, created_at)
       SELECT $1, 'supervise', 'in_progress', 'in_progress', 'supervisor', $2 FROM generate_series(1, 25)`,
      [A.id, t.clock.now()],
    );
    const head = await maxEventId();

    const tooMany = await SseClient.open(live.port, { ...as.dispatcher1!, 'last-event-id': String(before) });
    await ready(tooMany);
    expect(tooMany.messages[0]).toEqual({ event: 'reset', id: String(head), data: JSON.stringify({ reason: 'too_many_missed', last_event_id: head }) });
    const next = await addEvent(A.id, 'supervise', 'in_progress', 'supervisor');
    await tooMany.waitFor('live after reset', () => tooMany.changes().some((c) => c.event_id === next));
    expect(tooMany.changes()).toHaveLength(1);

    // None of the 25 is in S2: dispatcher2 has nothing to replay, so no reset.
    const other = await SseClient.open(live.port, { ...as.dispatcher2!, 'last-event-id': String(before) });
    await ready(other);
    expect(other.messages[0]!.event).toBe('ready');

    const unknown = await SseClient.open(live.port, { ...as.dispatcher1!, 'last-event-id': '99999999' });
    await ready(unknown);
    expect(JSON.parse(unknown.messages[0]!.data)).toMatchObject({ reason: 'unknown_last_event_id' });
  });
});

describe('keeping the connection', () => {
  it('sends the retry hint first, then heartbeats that carry the position past events out of scope', async () => {
    const s = await SseClient.open(live.port, as.handler1!);
    await ready(s);
    expect(s.raw.startsWith('retry: 1000\n\n')).toBe(true);
    const elsewhere = await addEvent(B.id, 'supervise', 'dispatched', 'supervisor');
    await s.waitFor('two heartbeats', () => s.comments >= 2);
    await caughtUp(s, elsewhere);
    expect(s.changes()).toEqual([]);
    s.close();

    // Resuming from the heartbeat's position replays nothing.
    const resumed = await SseClient.open(live.port, { ...as.handler1!, 'last-event-id': s.lastEventId! });
    await ready(resumed);
    expect(JSON.parse(resumed.messages[0]!.data)).toEqual({ last_event_id: elsewhere, replaying: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(resumed.changes()).toEqual([]);
  });

  it('refuses strangers (401) and a Last-Event-ID that is not an event id (400)', async () => {
    const stranger = await fetch(`http://127.0.0.1:${live.port}/api/events/stream`);
    expect(stranger.status).toBe(401);
    expect(((await stranger.json()) as { error: { code: string } }).error.code).toBe('unauthenticated');
    for (const bad of ['abc', '-1', '1.5', '1234567890123456789']) {
      const res = await fetch(`http://127.0.0.1:${live.port}/api/events/stream`, { headers: { ...as.admin!, 'last-event-id': bad } });
      expect(res.status, bad).toBe(400);
      await res.body?.cancel();
    }
  });
});

describe('stopping', () => {
  it('stops polling when the last client disconnects', async () => {
    const own = await liveServer();
    expect(own.feed.stats).toEqual({ subscribers: 0, polling: false });
    const streams = await Promise.all(['admin', 'handler1', 'inspector1'].map((u) => SseClient.open(own.port, as[u]!)));
    for (const s of streams) await ready(s);
    await expect.poll(() => own.feed.stats).toEqual({ subscribers: 3, polling: true });
    streams[0]!.close();
    await expect.poll(() => own.feed.stats.subscribers).toBe(2);
    for (const s of streams) s.close();
    await expect.poll(() => own.feed.stats).toEqual({ subscribers: 0, polling: false });
    // And stays stopped: nothing wakes it while nobody listens.
    await addEvent(A.id, 'supervise', 'in_progress', 'supervisor');
    await new Promise((r) => setTimeout(r, 200));
    expect(own.feed.stats).toEqual({ subscribers: 0, polling: false });
  });

  it('ends a stream when its time is up, and every stream when the feed closes (shutdown)', async () => {
    const short = await liveServer({ ...FAST, maxStreamMs: 300 });
    const s = await SseClient.open(short.port, as.admin!);
    await s.waitFor('ended by the server', () => s.ended, 5000);
    expect(short.feed.stats.subscribers).toBe(0);

    const own = await liveServer();
    const streams = await Promise.all(['admin', 'dispatcher1'].map((u) => SseClient.open(own.port, as[u]!)));
    for (const x of streams) await ready(x);
    own.feed.close();
    for (const x of streams) await x.waitFor('ended by shutdown', () => x.ended, 5000);
    expect(own.feed.stats).toEqual({ subscribers: 0, polling: false });
    const late = await SseClient.open(own.port, as.admin!);
    await late.waitFor('ended at once', () => late.ended, 5000);
  });
});

describe('commit order', () => {
  it('never sends an event before the transactions that may commit ahead of it have finished', async () => {
    const admin = caseScope({ id: 0, username: 'x', displayName: 'x', role: 'admin', areaId: null, areaLevel: null, unitId: null }, 'c', 4);
    // In a transaction still open, its own event is not readable yet: that is the rule, on both drivers.
    await db.transaction(async (tx) => {
      const [e] = await tx.query<{ id: number }>(`INSERT INTO case_events (case_id, action, to_status) VALUES ($1, 'supervise', 'in_progress') RETURNING id`, [A.id]);
      expect((await liveRepo.head(tx)).id).toBeLessThan(e!.id);
      expect((await liveRepo.changesAfter(tx, START, 10_000, admin)).map((r) => r.id)).not.toContain(e!.id);
    });
    expect((await liveRepo.head(db)).id).toBe(await maxEventId());
    // With several connections (PostgreSQL), a later event committed first waits for the earlier one.
    // PGlite has one connection: transactions never overlap there, so there is nothing to race.
    if (db.driver !== 'postgres') return;

    const s = await SseClient.open(live.port, as.admin!);
    await ready(s);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let slowId = 0;
    const slow = db.transaction(async (tx) => {
      slowId = (await tx.query<{ id: number }>(`INSERT INTO case_events (case_id, action, to_status) VALUES ($1, 'supervise', 'in_progress') RETURNING id`, [A.id]))[0]!.id;
      await gate;
    });
    try {
      await expect.poll(() => slowId).toBeGreaterThan(0);
      // Another case: the open transaction's event holds a key-share lock on A.
      const fast = await addEvent(B.id, 'supervise', 'dispatched', 'supervisor');
      expect(fast).toBeGreaterThan(slowId);
      await new Promise((r) => setTimeout(r, 300));
      expect(s.changes().map((c) => c.event_id)).not.toContain(fast);
    } finally {
      release();
      await slow;
    }
    const fast = await maxEventId();
    await s.waitFor('both', () => s.changes().length >= 2);
    expect(s.changes().map((c) => c.event_id)).toEqual([slowId, fast]);
  });
});

describe('in the app', () => {
  it('is served by buildApp through its middleware, and ended by endLiveStreams', async () => {
    const { port } = await listen(t.app.fetch);
    const s = await SseClient.open(port, as.inspector1!);
    expect(s.res.status).toBe(200);
    expect(s.res.headers.get('content-encoding')).toBeNull();
    expect(s.res.headers.get('x-accel-buffering')).toBe('no');
    await ready(s);
    const c = await fileCase('inspector1', IN_M1);
    // The app's default poll is 1 s.
    await s.waitFor('the new case', () => s.changes().some((x) => x.case_id === c.id), 5000);
    endLiveStreams(db);
    await s.waitFor('ended', () => s.ended, 5000);
    const feed = createLiveFeed({ db, logger: silent }, 50);
    endLiveStreams(db);
    expect(feed.stats).toEqual({ subscribers: 0, polling: false });
  });
});
