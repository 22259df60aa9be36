// The outbox and the inbox: who is told of each kind of case event, the overdue sweep telling
// dispatchers once per deadline, and GET /api/me/inbox with marking read, only for your own.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyForEvent } from '../../api/src/features/notifications/outbox';
import { startOverdueWatcher, sweepOverdue } from '../../api/src/features/notifications/overdue-watcher';
import type { Notification, Notifier } from '../../api/src/features/notifications/notifier';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture, postReport, reportForm } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const uid = (name: string) => fx.userIds[name]!;

const IN_M1 = { lat: 31.205, lon: 120.505 };
const IN_M3 = { lat: 31.205, lon: 120.555 };
const silent = pino({ level: 'silent' });

/** Adds a user who logs in with the test password (copied from admin's hash). */
async function addUser(username: string, role: string, area: string | null, unit: string | null, active = true) {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO users (username, display_name, role, area_id, unit_id, password_hash, active)
     SELECT $1, $1, $2, $3, $4, password_hash, $5 FROM users WHERE username = 'admin' RETURNING id`,
    [username, role, area ? fx.areaIds[area] : null, unit ? fx.unitIds[unit] : null, active],
  );
  fx.userIds[username] = row!.id;
}

async function fileCase(who: string, where: { lat: number; lon: number }, category = 'corridor_clutter') {
  const { status, body } = await postReport(t, as[who]!, reportForm([['p.jpg', fixture('jpg_Canon_40D.jpg')]], { category, ...where }));
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as { id: number; code: string; unit: { code: string } | null };
}

type Step = { action: string; by: string; to: string; unit?: string; dueAt?: string };

/** What the actions service does for one step: update the case, append its event, notify, in one transaction. */
async function step(caseId: number, s: Step, notifier?: Notifier) {
  return db.transaction(async (tx) => {
    const [c] = await tx.query<{ status: string }>('SELECT status FROM cases WHERE id = $1 FOR UPDATE', [caseId]);
    await tx.query(
      `UPDATE cases SET status = $2, unit_id = COALESCE($3, unit_id), due_at = COALESCE($4, due_at), version = version + 1, updated_at = $5,
                        dispatched_at = CASE WHEN $2 = 'dispatched' THEN $5 ELSE dispatched_at END
       WHERE id = $1`,
      [caseId, s.to, s.unit ? fx.unitIds[s.unit] : null, s.dueAt ?? null, t.clock.now()],
    );
    const [e] = await tx.query<{ id: number }>(
      `INSERT INTO case_events (case_id, action, from_status, to_status, actor_id, actor_role, created_at)
       SELECT $1, $2, $3, $4, id, role, $6 FROM users WHERE username = $5 RETURNING id`,
      [caseId, s.action, c!.status, s.to, s.by, t.clock.now()],
    );
    const sent = await notifyForEvent(tx, { id: e!.id }, notifier);
    return { eventId: e!.id, sent };
  });
}

const names = (sent: Notification[]) => sent.map((n) => Object.keys(fx.userIds).find((k) => fx.userIds[k] === n.userId)).sort();

async function inbox(who: string, query = '') {
  const res = await t.app.request(`/api/me/inbox${query}`, { headers: as[who] });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    items: { id: number; kind: string; case: { id: number; code: string; status: string }; event_id: number | null; title_zh: string; title_en: string; due_at: string | null; read_at: string | null }[];
    unread_count: number;
    next_before: number | null;
  };
}

const markRead = (who: string, body: unknown) =>
  t.app.request('/api/me/inbox/read', { method: 'POST', headers: { ...as[who], 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  await addUser('handler1b', 'handler', null, 'U-PROP');
  await addUser('handler_gone', 'handler', null, 'U-PROP', false);
  await addUser('handler_water', 'handler', null, 'U-WATER');
  await addUser('inspector_g1', 'inspector', 'G1', null);
  await addUser('inspector_m2', 'inspector', 'M2', null);
  await addUser('inspector_m3', 'inspector', 'M3', null);
  await addUser('dispatcher1b', 'dispatcher', 'S1', null);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher1b', 'dispatcher2', 'handler1', 'handler1b', 'inspector1', 'inspector_m3', 'supervisor']) {
    as[u] = await bearerFor(t, u);
  }
});
afterAll(() => db?.close());

describe('notifyForEvent: who hears of what', () => {
  let caseId: number;
  let code: string;

  it('tells nobody of a report being accepted', async () => {
    // Reported in M1 by an inspector who lives in S2: the reporter still hears when it is fixed.
    const c = await fileCase('inspector_m3', IN_M1);
    caseId = c.id;
    code = c.code;
    expect((await step(caseId, { action: 'accept', by: 'dispatcher1', to: 'registered' })).sent).toEqual([]);
  });

  it('dispatch: every active handler of the unit, once even when called again', async () => {
    const { eventId, sent } = await step(caseId, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched', unit: 'U-PROP', dueAt: '2026-11-23T09:00:00+08:00' });
    expect(names(sent)).toEqual(['handler1', 'handler1b']);
    expect(sent[0]).toMatchObject({ kind: 'dispatched', caseId, eventId, caseCode: code });
    expect(sent[0]!.titleZh).toContain(code);
    expect(sent[0]!.titleZh).toContain('楼道堆物');
    expect(sent[0]!.titleEn).toContain('dispatched to your unit');
    await db.transaction((tx) => notifyForEvent(tx, { id: eventId }));
    const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE event_id = $1', [eventId]);
    expect(n!.n).toBe(2);
  });

  it('rectify: the inspectors of the micro-grid and grid, and the reporter; nobody in the next micro-grid', async () => {
    const { sent } = await step(caseId, { action: 'rectify', by: 'handler1', to: 'rectified' });
    expect(names(sent)).toEqual(['inspector1', 'inspector_g1', 'inspector_m3']);
    expect(new Set(sent.map((n) => n.kind))).toEqual(new Set(['recheck_due']));
  });

  it('recheck_fail back to dispatched: the unit again, as rework; never the actor', async () => {
    const { sent } = await step(caseId, { action: 'recheck_fail', by: 'inspector1', to: 'dispatched' });
    expect(names(sent)).toEqual(['handler1', 'handler1b']);
    expect(sent[0]!.kind).toBe('rework');
    const again = await step(caseId, { action: 'rectify', by: 'handler1', to: 'rectified' });
    expect(names(again.sent)).toEqual(['inspector1', 'inspector_g1', 'inspector_m3']);
    const byInspector = await step(caseId, { action: 'recheck_fail', by: 'inspector1', to: 'dispatched' });
    expect(names(byInspector.sent)).toEqual(['handler1', 'handler1b']);
    const rectifiedBy1b = await step(caseId, { action: 'rectify', by: 'handler1b', to: 'rectified' });
    expect(names(rectifiedBy1b.sent)).not.toContain('handler1b');
    await step(caseId, { action: 'recheck_fail', by: 'dispatcher1', to: 'dispatched' });
  });

  it('return: the dispatchers of the case’s street, not the other street’s', async () => {
    const { sent } = await step(caseId, { action: 'return', by: 'handler1', to: 'registered' });
    expect(names(sent)).toEqual(['dispatcher1', 'dispatcher1b']);
    expect(sent[0]!.kind).toBe('returned');
  });

  it('supervise: whoever holds the case now', async () => {
    const registered = await step(caseId, { action: 'supervise', by: 'supervisor', to: 'registered' });
    expect(names(registered.sent)).toEqual(['dispatcher1', 'dispatcher1b']);
    await step(caseId, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched' });
    const dispatched = await step(caseId, { action: 'supervise', by: 'dispatcher1', to: 'dispatched' });
    expect(names(dispatched.sent)).toEqual(['handler1', 'handler1b']);
    expect(dispatched.sent[0]!.kind).toBe('supervised');
  });

  it('sends through the notifier it is given (the interface SMS and WeChat will implement)', async () => {
    const seen: Notification[] = [];
    const { sent } = await step(caseId, { action: 'return', by: 'handler1', to: 'registered' }, { send: async (n) => void seen.push(n) });
    expect(seen).toEqual(sent);
    const [n] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications WHERE event_id = (SELECT max(id) FROM case_events)');
    expect(n!.n).toBe(0);
  });

  it('writes nothing when the transaction rolls back', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM notifications');
    await expect(
      db.transaction(async (tx) => {
        const [e] = await tx.query<{ id: number }>(`INSERT INTO case_events (case_id, action, from_status, to_status, actor_id) VALUES ($1, 'dispatch', 'registered', 'dispatched', $2) RETURNING id`, [caseId, uid('dispatcher1')]);
        expect(await notifyForEvent(tx, { id: e!.id })).toHaveLength(2);
        throw new Error('the action failed after notifying');
      }),
    ).rejects.toThrow('failed after notifying');
    expect(await db.query('SELECT count(*)::int AS n FROM notifications')).toEqual(before);
  });
});

describe('the overdue sweep', () => {
  it('tells the street’s dispatchers once per case per deadline, however often it runs', async () => {
    const late = await fileCase('inspector1', IN_M1);
    await step(late.id, { action: 'accept', by: 'dispatcher1', to: 'registered' });
    await step(late.id, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched', unit: 'U-PROP', dueAt: '2026-11-22T08:00:00+08:00' });
    const notYet = await fileCase('inspector1', IN_M1);
    await step(notYet.id, { action: 'accept', by: 'dispatcher1', to: 'registered' });
    await step(notYet.id, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched', unit: 'U-PROP', dueAt: '2026-11-22T10:00:00+08:00' });
    const closed = await fileCase('inspector1', IN_M1);
    await step(closed.id, { action: 'dispatch', by: 'dispatcher1', to: 'closed', unit: 'U-PROP', dueAt: '2026-11-20T10:00:00+08:00' });
    const east = await fileCase('inspector_m3', IN_M3);
    await step(east.id, { action: 'dispatch', by: 'dispatcher2', to: 'in_progress', unit: 'U-WATER', dueAt: '2026-11-21T10:00:00+08:00' });

    const deps = { db, clock: t.clock, logger: silent };
    // Two processes sweeping at the same moment (on PostgreSQL, truly at once), then again: nothing more.
    const [x, y] = await Promise.all([sweepOverdue(deps), sweepOverdue(deps)]);
    expect(x + y).toBeGreaterThanOrEqual(3);
    expect(await sweepOverdue(deps)).toBe(0);
    expect(await sweepOverdue(deps)).toBe(0);
    const rows = await db.query<{ caseId: number; username: string; dueAt: Date }>(
      `SELECT n.case_id AS "caseId", u.username, n.due_at AS "dueAt" FROM notifications n JOIN users u ON u.id = n.user_id
       WHERE n.kind = 'overdue' ORDER BY n.case_id, u.username`,
    );
    expect(rows.map((r) => [r.caseId, r.username])).toEqual([
      [late.id, 'dispatcher1'], [late.id, 'dispatcher1b'], [east.id, 'dispatcher2'],
    ]);
    expect(rows[0]!.dueAt.toISOString()).toBe('2026-11-22T00:00:00.000Z');

    // The clock moves past the second deadline; a new deadline for the first case is missed anew.
    t.clock.advance(2 * 3_600_000);
    await step(late.id, { action: 'supervise', by: 'dispatcher1', to: 'dispatched', dueAt: '2026-11-22T10:30:00+08:00' });
    expect(await sweepOverdue(deps)).toBe(4);
    expect(await sweepOverdue(deps)).toBe(0);
    const inboxItem = (await inbox('dispatcher1b', '?unread=true')).items.find((i) => i.kind === 'overdue' && i.case.id === notYet.id)!;
    expect(inboxItem.due_at).toBe('2026-11-22T02:00:00.000Z');
    expect(inboxItem.title_en).toBe(`Overdue: ${notYet.code} (Corridor clutter) passed its deadline`);
    t.clock.set('2026-11-22T09:00:00+08:00');
  });

  it('runs on a timer until stopped, and not after', async () => {
    const c = await fileCase('inspector1', IN_M1);
    await step(c.id, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched', unit: 'U-PROP', dueAt: '2026-11-22T07:00:00+08:00' });
    const told = async (id: number) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'overdue' AND case_id = $1`, [id]))[0]!.n;
    const stop = startOverdueWatcher({ db, clock: t.clock, logger: silent }, 50);
    await expect.poll(() => told(c.id), { timeout: 5000 }).toBe(2);
    await stop();
    const later = await fileCase('inspector1', IN_M1);
    await step(later.id, { action: 'dispatch', by: 'dispatcher1', to: 'dispatched', unit: 'U-PROP', dueAt: '2026-11-22T07:00:00+08:00' });
    await new Promise((r) => setTimeout(r, 300));
    expect(await told(later.id)).toBe(0);
  });
});

describe('GET /api/me/inbox and POST /api/me/inbox/read', () => {
  it('lists your notifications newest first, with the case code and both titles, and pages on', async () => {
    const all = await inbox('handler1');
    expect(all.items.length).toBeGreaterThanOrEqual(4);
    expect(all.items.map((i) => i.id)).toEqual([...all.items.map((i) => i.id)].sort((a, b) => b - a));
    const first = all.items.at(-1)!;
    expect(first).toMatchObject({ kind: 'dispatched', read_at: null });
    expect(first.case.code).toMatch(/^XC-20261122-\d{4}$/);
    expect(first.title_zh).toContain(first.case.code);
    expect(first.title_en).toContain(first.case.code);
    expect(all.unread_count).toBe(all.items.length);
    const userIds = await db.query<{ userId: number }>('SELECT DISTINCT user_id AS "userId" FROM notifications WHERE id = ANY ($1::bigint[])', [all.items.map((i) => i.id)]);
    expect(userIds).toEqual([{ userId: uid('handler1') }]);

    const page1 = await inbox('handler1', '?limit=2');
    expect(page1.items.map((i) => i.id)).toEqual(all.items.slice(0, 2).map((i) => i.id));
    const page2 = await inbox('handler1', `?limit=2&before=${page1.next_before}`);
    expect(page2.items.map((i) => i.id)).toEqual(all.items.slice(2, 4).map((i) => i.id));
  });

  it('marks read by id, refuses someone else’s id with 404 and marks nothing, then marks all', async () => {
    const before = await inbox('handler1', '?unread=true');
    const [a, b] = before.items;
    const read = await markRead('handler1', { ids: [a!.id] });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ marked: 1, unread_count: before.unread_count - 1 });
    const again = await markRead('handler1', { ids: [a!.id] });
    expect(await again.json()).toEqual({ marked: 0, unread_count: before.unread_count - 1 });
    expect((await inbox('handler1', '?unread=true')).items.map((i) => i.id)).not.toContain(a!.id);
    expect((await inbox('handler1')).items.find((i) => i.id === a!.id)!.read_at).toBe(t.clock.now().toISOString());

    const theirs = (await inbox('handler1b')).items[0]!;
    const refused = await markRead('handler1', { ids: [b!.id, theirs.id, 99_999_999] });
    expect(refused.status).toBe(404);
    const body = (await refused.json()) as { error: { code: string; details: { ids: number[] } } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.details.ids).toEqual([theirs.id, 99_999_999]);
    expect((await inbox('handler1', '?unread=true')).items.map((i) => i.id)).toContain(b!.id);
    expect((await inbox('handler1b')).items[0]!.read_at).toBeNull();

    const all = await markRead('handler1', { all: true });
    expect(await all.json()).toMatchObject({ unread_count: 0 });
    expect((await inbox('handler1', '?unread=true')).items).toEqual([]);
    expect((await inbox('handler1b', '?unread=true')).items.length).toBeGreaterThan(0);
  });

  it('shows only notifications about cases still in your scope', async () => {
    const mine = await inbox('handler1b');
    expect(mine.items.length).toBeGreaterThan(0);
    await db.query('UPDATE users SET unit_id = $1 WHERE id = $2', [fx.unitIds['U-WATER'], uid('handler1b')]);
    const moved = await inbox('handler1b');
    expect(moved.items).toEqual([]);
    expect(moved.unread_count).toBe(0);
    expect((await markRead('handler1b', { ids: [mine.items[0]!.id] })).status).toBe(404);
    await db.query('UPDATE users SET unit_id = $1 WHERE id = $2', [fx.unitIds['U-PROP'], uid('handler1b')]);
  });

  it('refuses strangers and malformed requests', async () => {
    expect((await t.app.request('/api/me/inbox')).status).toBe(401);
    expect((await t.app.request('/api/me/inbox/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"all":true}' })).status).toBe(401);
    for (const bad of [{}, { ids: [] }, { ids: ['x'] }, { all: false }, { ids: [1], all: true }]) {
      const res = await markRead('handler1', bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
    }
    expect((await t.app.request('/api/me/inbox?limit=0', { headers: as.handler1 })).status).toBe(400);
    expect((await t.app.request('/api/me/inbox?unread=maybe', { headers: as.handler1 })).status).toBe(400);
  });
});
