// POST /api/cases/:id/reports: an inspector adds photos to an open case ("是这个问题吗?" → yes).
// The state stays, one add_report event is written, the version follows the events, and every
// refusal writes nothing: no rows, no files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { fixture, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { caseState, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher2', 'inspector1']) as[u] = await bearerFor(t, u);
});
afterAll(() => db?.close());

function form(photos: [string, Buffer][], note?: string): FormData {
  const f = new FormData();
  for (const [name, bytes] of photos) f.append('photos', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
  if (note !== undefined) f.append('note', note);
  return f;
}

async function addReport(id: number, who: string, body: FormData, key?: string) {
  const res = await t.app.request(`/api/cases/${id}/reports`, {
    method: 'POST',
    headers: { ...as[who]!, ...(key ? { 'idempotency-key': key } : {}) },
    body,
  });
  return { res, status: res.status, body: (await res.json()) as CaseJson & { error?: { code: string; details?: unknown } } };
}

const eventCount = async (id: number) =>
  (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [id]))[0]!.n;

describe('adding a report to an open case', () => {
  it('appends before-photos and one add_report event; the state stays and version = events', async () => {
    const c = await fileCase(t, as.dispatcher1!, IN_M1);
    const r = await addReport(c.id, 'inspector1', form([['b.jpg', fixture('jpg_orientation_landscape_3.jpg')]], '今天还在'));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect([r.body.status, r.body.version]).toEqual(['submitted', 2]);
    expect(r.body.photos.map((p) => p.stage)).toEqual(['before', 'before']);
    expect(await eventCount(c.id)).toBe(r.body.version);

    const [event] = await db.query<{ action: string; from_status: string; to_status: string; actor: string; note: string; payload: { reporter_id: number } }>(
      `SELECT e.action, e.from_status, e.to_status, u.username AS actor, e.note, e.payload
       FROM case_events e JOIN users u ON u.id = e.actor_id WHERE e.case_id = $1 ORDER BY e.id DESC LIMIT 1`,
      [c.id],
    );
    expect(event).toMatchObject({ action: 'add_report', from_status: 'submitted', to_status: 'submitted', actor: 'inspector1', note: '今天还在' });

    // The workflow goes on from the new version as if nothing but a photo happened.
    const accepted = await ok(t, as.dispatcher1!, r.body, 'accept', { handling_mode: 'consultation' });
    expect([accepted.status, accepted.version]).toEqual(['registered', 3]);
    expect(await eventCount(c.id)).toBe(3);
  });

  it('answers 404 for a case outside the inspector’s scope, writing nothing', async () => {
    const elsewhere = await fileCase(t, as.dispatcher2!, { lat: 31.205, lon: 120.555 });
    const before = await snapshot(t);
    const r = await addReport(elsewhere.id, 'inspector1', form([['b.jpg', fixture('jpg_orientation_landscape_3.jpg')]]));
    expect([r.status, r.body.error?.code]).toEqual([404, 'not_found']);
    expect(await snapshot(t)).toEqual(before);
  });

  it('refuses a closed case with 409, writing nothing', async () => {
    let c = await fileCase(t, as.inspector1!);
    c = await ok(t, as.dispatcher1!, c, 'reject', { reason: '不属于受理范围' });
    const before = await snapshot(t);
    const state = await caseState(t, c.id);
    const r = await addReport(c.id, 'inspector1', form([['b.jpg', fixture('jpg_orientation_landscape_6.jpg')]]));
    expect([r.status, r.body.error?.code, r.body.error?.details]).toEqual([409, 'case_not_open', { status: 'rejected' }]);
    expect(await snapshot(t)).toEqual(before);
    expect(await caseState(t, c.id)).toEqual(state);
  });

  it('refuses an unreadable photo with 422 and leaves the case and the photo store as they were', async () => {
    const c = await fileCase(t, as.inspector1!);
    const before = await snapshot(t);
    const state = await caseState(t, c.id);
    const photos: [string, Buffer][] = [['good.jpg', fixture('jpg_orientation_landscape_8.jpg')], ['bad.jpg', fixture('jpg_corrupted.jpg')]];
    const r = await addReport(c.id, 'inspector1', form(photos), 'bad-photo-1');
    expect([r.status, r.body.error?.code]).toEqual([422, 'image_unreadable']);
    expect(await snapshot(t)).toEqual(before);
    expect(await caseState(t, c.id)).toEqual(state);
  });

  it('refuses a report without photos, and other roles than inspectors', async () => {
    const c = await fileCase(t, as.inspector1!);
    expect((await addReport(c.id, 'inspector1', form([], 'nothing'))).body.error?.code).toBe('photo_required');
    const r = await addReport(c.id, 'dispatcher1', form([['b.jpg', fixture('jpg_orientation_landscape_1.jpg')]]));
    expect([r.status, r.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await caseState(t, c.id)).events).toBe(1);
  });

  it('replays a retried Idempotency-Key: one event, one set of photos', async () => {
    const c = await fileCase(t, as.dispatcher1!, IN_M1);
    const body = () => form([['b.jpg', fixture('jpg_gps_DSCN0010.jpg')]], 'retry');
    const first = await addReport(c.id, 'inspector1', body(), 'add-retry-1');
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const files = (await snapshot(t)).files;
    const again = await addReport(c.id, 'inspector1', body(), 'add-retry-1');
    expect(again.status).toBe(201);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await caseState(t, c.id)).toMatchObject({ events: 2, photos: 2 });
    expect((await snapshot(t)).files).toEqual(files);

    const other = await addReport(c.id, 'inspector1', form([['c.jpg', fixture('jpg_orientation_landscape_1.jpg')]]), 'add-retry-1');
    expect([other.status, other.body.error?.code]).toEqual([422, 'idempotency_key_reused']);
  });
});
