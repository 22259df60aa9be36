// The closed loop through POST /api/cases/:id/actions: the whole story, every refusal with
// nothing changed, concurrency by version, and the timeline as the source of truth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, caseState, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2)`, [fx.areaIds.C1, fx.unitIds['U-PROP']]);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1', 'supervisor']) as[u] = await bearerFor(t, u);
});
afterAll(() => db?.close());

const timeline = async (id: number, who = 'dispatcher1') => {
  const res = await t.app.request(`/api/cases/${id}/events`, { headers: as[who] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: { action: string; from: string | null; to: string; actor: { role: string } | null; photos: unknown[] }[] }).events;
};

describe('the closed loop, end to end', () => {
  it('report → accept → dispatch → start → rectify → recheck pass → closed, with the timeline to prove it', async () => {
    let c: CaseJson = await fileCase(t, as.inspector1!);
    expect(c.available_actions).toEqual([]);
    c = await ok(t, as.dispatcher1!, c, 'accept', { handling_mode: 'consultation', severity: 'serious' });
    expect(c.status).toBe('registered');
    c = await ok(t, as.dispatcher1!, c, 'dispatch');
    expect(c.status).toBe('dispatched');
    expect(c.unit?.code).toBe('U-PROP');
    // corridor_clutter, serious: 24 hours from dispatch.
    expect(c.due_at).toBe('2026-11-23T01:00:00.000Z');
    c = await ok(t, as.handler1!, c, 'start');
    expect(c.available_actions).toEqual(['rectify', 'return']);
    c = await ok(t, as.handler1!, c, 'rectify', { note: '已清理' }, [['after.jpg', fixture('jpg_orientation_landscape_1.jpg')]]);
    expect(c.status).toBe('rectified');
    expect(c.photos.map((p) => p.stage)).toEqual(['before', 'after']);
    c = await ok(t, as.inspector1!, c, 'recheck_pass', { lat: IN_M1.lat + 0.0005, lon: IN_M1.lon });
    expect(c.status).toBe('closed');

    const events = await timeline(c.id);
    expect(events.map((e) => `${e.action}:${e.from ?? '-'}→${e.to}`)).toEqual([
      'submit:-→submitted', 'accept:submitted→registered', 'dispatch:registered→dispatched', 'start:dispatched→in_progress',
      'rectify:in_progress→rectified', 'recheck_pass:rectified→closed',
    ]);
    expect(events.map((e) => e.actor?.role)).toEqual(['inspector', 'dispatcher', 'dispatcher', 'handler', 'handler', 'inspector']);
    expect(events[4]!.photos).toHaveLength(1);
  });

  it('reworks a failed recheck, returns "not ours", supervises, reopens and rejects', async () => {
    let c = await fileCase(t, as.inspector1!);
    c = await ok(t, as.dispatcher1!, c, 'accept', { handling_mode: 'joint' });
    c = await ok(t, as.dispatcher1!, c, 'supervise', { note: '请尽快处理' });
    expect(c.urgent).toBe(true);
    c = await ok(t, as.dispatcher1!, c, 'dispatch', { unit_id: fx.unitIds['U-WATER']! });
    c = await ok(t, as.supervisor!, c, 'supervise', { note: '区级督办' });
    // The water station is not handler1's unit: handler1 cannot even see it.
    expect((await act(t, as.handler1!, c, 'return', { reason: '不是我们的' })).status).toBe(404);
    c = await ok(t, as.dispatcher1!, { ...c, version: c.version }, 'supervise', { note: '再次督办' });

    let d = await fileCase(t, as.inspector1!);
    d = await ok(t, as.dispatcher1!, d, 'accept', { handling_mode: 'consultation' });
    d = await ok(t, as.dispatcher1!, d, 'dispatch');
    d = await ok(t, as.handler1!, d, 'return', { reason: '属于物业管辖范围外' });
    expect(d.status).toBe('registered');
    expect(d.unit).toBeNull();
    d = await ok(t, as.dispatcher1!, d, 'dispatch', { unit_id: fx.unitIds['U-PROP']! });
    d = await ok(t, as.handler1!, d, 'rectify', {}, [['a.jpg', fixture('jpg_orientation_landscape_3.jpg')]]);
    d = await ok(t, as.inspector1!, d, 'recheck_fail', { reason: '仍有堆物', lat: IN_M1.lat, lon: IN_M1.lon });
    expect(d.status).toBe('dispatched');
    expect(d.rework_count).toBe(1);
    d = await ok(t, as.handler1!, d, 'rectify', {}, [['b.jpg', fixture('jpg_orientation_landscape_8.jpg')]]);
    d = await ok(t, as.inspector1!, d, 'recheck_pass', { lat: IN_M1.lat, lon: IN_M1.lon });
    d = await ok(t, as.dispatcher1!, d, 'reopen', { reason: '居民再次反映' });
    expect(d.status).toBe('registered');

    const e = await fileCase(t, as.inspector1!);
    expect((await ok(t, as.dispatcher1!, e, 'reject', { reason: '不属于受理范围' })).status).toBe('rejected');
  });

  it('merges a duplicate into an open case, keeping its photos and reporter linked', async () => {
    const target = await fileCase(t, as.inspector1!);
    const dup = await fileCase(t, as.dispatcher1!, { lat: IN_M1.lat + 0.0001 });
    const merged = await ok(t, as.dispatcher1!, dup, 'merge', { target_case_id: target.id });
    expect(merged.status).toBe('merged');
    const view = (await (await t.app.request(`/api/cases/${target.id}`, { headers: as.dispatcher1! })).json()) as CaseJson;
    expect(view.merged_cases.map((m) => m.id)).toEqual([dup.id]);
    expect(view.photos).toHaveLength(2);
  });
});

describe('refusals change nothing', () => {
  let c: CaseJson;
  beforeAll(async () => {
    c = await fileCase(t, as.inspector1!);
  });

  const refusals: [string, string, string, Record<string, string | number>, number, string][] = [
    ['a handler accepting', 'handler1', 'accept', { handling_mode: 'joint' }, 404, 'not_found'],
    ['an inspector accepting', 'inspector1', 'accept', { handling_mode: 'joint' }, 403, 'forbidden'],
    ['a supervisor dispatching', 'supervisor', 'dispatch', {}, 403, 'forbidden'],
    ['an admin rejecting', 'admin', 'reject', { reason: 'x' }, 403, 'forbidden'],
    ['dispatching a case not yet accepted', 'dispatcher1', 'dispatch', {}, 409, 'invalid_transition'],
    ['the other street’s dispatcher', 'dispatcher2', 'accept', { handling_mode: 'joint' }, 404, 'not_found'],
    ['accepting without a handling mode', 'dispatcher1', 'accept', {}, 422, 'handling_mode_required'],
    ['rejecting without a reason', 'dispatcher1', 'reject', {}, 422, 'reason_required'],
    ['merging into itself', 'dispatcher1', 'merge', { target_case_id: 0 }, 400, 'validation_failed'],
    ['an unknown action', 'dispatcher1', 'teleport', {}, 400, 'validation_failed'],
  ];
  for (const [what, who, action, fields, status, code] of refusals) {
    it(`${what}: ${status} ${code}`, async () => {
      const before = await caseState(t, c.id);
      const r = await act(t, as[who]!, c, action, fields);
      expect(r.status, JSON.stringify(r.body)).toBe(status);
      expect(r.body.error?.code).toBe(code);
      if (code === 'invalid_transition') expect(r.body.error?.details?.status).toBe('submitted');
      expect(await caseState(t, c.id)).toEqual(before);
    });
  }

  it('needs the version, and refuses a stale one with the current case', async () => {
    const before = await caseState(t, c.id);
    const res = await t.app.request(`/api/cases/${c.id}/actions`, {
      method: 'POST',
      headers: { ...as.dispatcher1!, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'accept', handling_mode: 'joint' }),
    });
    expect(res.status).toBe(428);
    const stale = await act(t, as.dispatcher1!, { id: c.id, version: c.version + 5 }, 'accept', { handling_mode: 'joint' });
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('version_conflict');
    expect(stale.body.error?.details?.current?.version).toBe(c.version);
    expect(await caseState(t, c.id)).toEqual(before);
  });

  it('accepts the version as If-Match', async () => {
    const d = await fileCase(t, as.inspector1!);
    const res = await t.app.request(`/api/cases/${d.id}/actions`, {
      method: 'POST',
      headers: { ...as.dispatcher1!, 'content-type': 'application/json', 'if-match': `"${d.version}"` },
      body: JSON.stringify({ action: 'accept', handling_mode: 'on_the_spot' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${d.version + 1}"`);
  });

  it('lets exactly one of two dispatchers acting at once win', async () => {
    const d = await fileCase(t, as.inspector1!);
    const [a, b] = await Promise.all([
      act(t, as.dispatcher1!, d, 'accept', { handling_mode: 'joint' }),
      act(t, as.dispatcher1!, d, 'reject', { reason: '重复' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const events = await timeline(d.id);
    expect(events).toHaveLength(2);
  });

  it('refuses a rectification without an after-photo, and a recheck from afar or from nowhere', async () => {
    let d = await fileCase(t, as.inspector1!);
    d = await ok(t, as.dispatcher1!, d, 'accept', { handling_mode: 'joint' });
    d = await ok(t, as.dispatcher1!, d, 'dispatch');
    const before = await caseState(t, d.id);
    expect((await act(t, as.handler1!, d, 'rectify')).body.error?.code).toBe('photo_required');
    expect(await caseState(t, d.id)).toEqual(before);
    d = await ok(t, as.handler1!, d, 'rectify', {}, [['a.jpg', fixture('jpg_Canon_40D.jpg')]]);
    const rectified = await caseState(t, d.id);
    expect((await act(t, as.inspector1!, d, 'recheck_pass')).body.error?.code).toBe('location_required');
    const far = await act(t, as.inspector1!, d, 'recheck_pass', { lat: IN_M1.lat + 0.002, lon: IN_M1.lon });
    expect(far.status).toBe(422);
    expect(far.body.error?.code).toBe('too_far_from_case');
    // A recheck photo taken in Italy is no proof of a visit either.
    const photoFar = await act(t, as.inspector1!, d, 'recheck_pass', {}, [['r.jpg', fixture('jpg_gps_DSCN0010.jpg')]]);
    expect(photoFar.body.error?.code).toBe('too_far_from_case');
    expect(await caseState(t, d.id)).toEqual(rectified);
    const files = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM photos WHERE stage = $1', ['recheck']);
    expect(files[0]!.n).toBe(0);
  });
});

describe('the timeline is the truth', () => {
  it('after random action sequences, every case is in its last event’s to-state', async () => {
    // A small deterministic generator: each step picks one action any role could try now.
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const attempts: [string, string, Record<string, string | number>, [string, Buffer][]][] = [
      ['dispatcher1', 'accept', { handling_mode: 'consultation' }, []],
      ['dispatcher1', 'reject', { reason: '不予立案' }, []],
      ['dispatcher1', 'dispatch', {}, []],
      ['handler1', 'start', {}, []],
      ['handler1', 'rectify', {}, [['a.jpg', fixture('jpg_Canon_40D.jpg')]]],
      ['handler1', 'return', { reason: '退回' }, []],
      ['inspector1', 'recheck_pass', IN_M1, []],
      ['inspector1', 'recheck_fail', { reason: '未整改', ...IN_M1 }, []],
      ['supervisor', 'supervise', { note: '督办' }, []],
      ['dispatcher1', 'reopen', { reason: '复发' }, []],
    ];
    const ids: number[] = [];
    for (let k = 0; k < 4; k++) {
      let c = await fileCase(t, as.inspector1!);
      ids.push(c.id);
      for (let step = 0; step < 14; step++) {
        const [who, action, fields, photos] = attempts[rand(attempts.length)]!;
        const r = await act(t, as[who]!, c, action, fields, photos);
        if (r.status === 200) c = r.body;
        else expect([403, 404, 409, 422], JSON.stringify(r.body)).toContain(r.status);
      }
    }
    const rows = await db.query<{ id: number; status: string; last: string; n: number; version: number }>(
      `SELECT c.id, c.status, c.version,
              (SELECT e.to_status FROM case_events e WHERE e.case_id = c.id ORDER BY e.id DESC LIMIT 1) AS last,
              (SELECT count(*)::int FROM case_events e WHERE e.case_id = c.id) AS n
       FROM cases c WHERE c.id = ANY ($1::bigint[])`,
      [ids],
    );
    for (const r of rows) {
      expect(r.status, `case ${r.id}`).toBe(r.last);
      // One event per change: the version counts the events.
      expect(r.version).toBe(r.n);
    }
  }, 120_000);
});

describe('notifications from actions', () => {
  it('tells the unit when a case is dispatched to it, and the grid’s inspectors when it awaits recheck', async () => {
    let c = await fileCase(t, as.inspector1!);
    c = await ok(t, as.dispatcher1!, c, 'accept', { handling_mode: 'consultation' });
    c = await ok(t, as.dispatcher1!, c, 'dispatch', { unit_id: fx.unitIds['U-PROP']! });
    const inbox = async (who: string) =>
      ((await (await t.app.request('/api/me/inbox', { headers: as[who]! })).json()) as { items: { kind: string; case: { id: number } }[] }).items.filter(
        (i) => i.case.id === c.id,
      );
    expect((await inbox('handler1')).map((i) => i.kind)).toEqual(['dispatched']);
    c = await ok(t, as.handler1!, c, 'rectify', {}, [['a.jpg', fixture('jpg_Canon_40D.jpg')]]);
    expect((await inbox('inspector1')).map((i) => i.kind)).toEqual(['recheck_due']);
    expect(await inbox('dispatcher2')).toEqual([]);
  });
});

describe('fixed on the spot (马上办)', () => {
  const report = (who: string, withAfter = true) => {
    const form = new FormData();
    form.append('photos', new File([new Uint8Array(fixture('jpg_Canon_40D.jpg'))], 'before.jpg'));
    if (withAfter) form.append('after_photos', new File([new Uint8Array(fixture('jpg_orientation_landscape_1.jpg'))], 'after.jpg'));
    form.append('category', 'corridor_clutter');
    form.append('lat', String(IN_M1.lat));
    form.append('lon', String(IN_M1.lon));
    return t.app.request('/api/cases', { method: 'POST', headers: as[who]!, body: form });
  };

  it('files before- and after-photos in one go; the case starts rectified and a dispatcher confirms it', async () => {
    const res = await report('inspector1');
    expect(res.status).toBe(201);
    let c = (await res.json()) as CaseJson & { handling_mode: string };
    expect(c.status).toBe('rectified');
    expect(c.handling_mode).toBe('on_the_spot');
    expect(c.photos.map((p) => p.stage)).toEqual(['before', 'after']);
    expect((await timeline(c.id)).map((e) => `${e.action}:${e.to}`)).toEqual(['submit:submitted', 'fix_on_the_spot:rectified']);
    const inbox = (await (await t.app.request('/api/me/inbox', { headers: as.dispatcher1! })).json()) as { items: { kind: string; case: { id: number } }[] };
    expect(inbox.items.filter((i) => i.case.id === c.id).map((i) => i.kind)).toEqual(['confirm_due']);
    expect((await ok(t, as.dispatcher1!, c, 'recheck_pass')).status).toBe('closed');
  });

  it('can be sent back by the dispatcher, to registered since no unit was ever dispatched', async () => {
    let c = (await (await report('inspector1')).json()) as CaseJson;
    c = await ok(t, as.dispatcher1!, c, 'recheck_fail', { reason: '照片看不出已整改' });
    expect(c.status).toBe('registered');
    expect(c.rework_count).toBe(1);
  });

  it('is for inspectors only, and a dispatcher cannot confirm an ordinary rectification', async () => {
    const res = await report('dispatcher1');
    expect(res.status).toBe(403);
    let d = await fileCase(t, as.inspector1!);
    d = await ok(t, as.dispatcher1!, d, 'accept', { handling_mode: 'consultation' });
    d = await ok(t, as.dispatcher1!, d, 'dispatch');
    d = await ok(t, as.handler1!, d, 'rectify', {}, [['a.jpg', fixture('jpg_Canon_40D.jpg')]]);
    expect((await act(t, as.dispatcher1!, d, 'recheck_pass')).status).toBe(409);
  });
});
