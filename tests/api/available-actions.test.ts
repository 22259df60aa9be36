// A button shown is a button that works: for every state × role, each action in available_actions is
// accepted (or refused only for input it lacks: 422), and each action not listed is refused (403/409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '../../api/src/lib/case-workflow';
import { seedBasics, type Fixtures } from '../helpers/fixtures';
import { fixture } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, fileCase, IN_M1, ok, type CaseJson } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
const as: Record<string, Record<string, string>> = {};
const ROLES = ['admin', 'dispatcher1', 'handler1', 'inspector1', 'supervisor'];
const photo = (): [string, Buffer][] => [['a.jpg', fixture('jpg_Canon_40D.jpg')]];

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  for (const u of ROLES) as[u] = await bearerFor(t, u);
});
afterAll(() => db?.close());

/** A fresh case of inspector1's in micro-grid M1, brought to `state` the ordinary way. */
async function make(state: string): Promise<CaseJson> {
  if (state === 'rectified_on_the_spot') {
    const form = new FormData();
    form.append('photos', new File([new Uint8Array(fixture('jpg_Canon_40D.jpg'))], 'before.jpg'));
    form.append('after_photos', new File([new Uint8Array(fixture('jpg_orientation_landscape_1.jpg'))], 'after.jpg'));
    for (const [k, v] of Object.entries({ category: 'corridor_clutter', ...IN_M1 })) form.append(k, String(v));
    const res = await t.app.request('/api/cases', { method: 'POST', headers: as.inspector1!, body: form });
    expect(res.status).toBe(201);
    return (await res.json()) as CaseJson;
  }
  let c = await fileCase(t, as.inspector1!);
  if (state === 'submitted') return c;
  if (state === 'rejected') return ok(t, as.dispatcher1!, c, 'reject', { reason: '不属实' });
  if (state === 'merged') {
    const target = await fileCase(t, as.inspector1!);
    return ok(t, as.dispatcher1!, c, 'merge', { target_case_id: target.id });
  }
  c = await ok(t, as.dispatcher1!, c, 'accept', { handling_mode: 'consultation' });
  if (state === 'registered') return c;
  c = await ok(t, as.dispatcher1!, c, 'dispatch', { unit_id: fx.unitIds['U-PROP']! });
  if (state === 'dispatched') return c;
  c = await ok(t, as.handler1!, c, 'start');
  if (state === 'in_progress') return c;
  c = await ok(t, as.handler1!, c, 'rectify', {}, photo());
  if (state === 'rectified') return c;
  return ok(t, as.inspector1!, c, 'recheck_pass', IN_M1); // closed
}

const STATES = ['submitted', 'registered', 'dispatched', 'in_progress', 'rectified', 'rectified_on_the_spot', 'closed', 'rejected', 'merged'];

describe.each(STATES)('a %s case', (state) => {
  it.each(ROLES)('as %s: listed ⇒ accepted (or 422 for missing input), unlisted ⇒ refused', async (who) => {
    let c = await make(state);
    const view = await t.app.request(`/api/cases/${c.id}`, { headers: as[who]! });
    if (view.status === 404) {
      // Out of scope: no action reaches the case at all.
      for (const action of CASE_ACTIONS) expect((await act(t, as[who]!, c, action)).status, action).toBe(404);
      return;
    }
    const listed = ((await view.json()) as CaseJson).available_actions;
    for (const action of CASE_ACTIONS) {
      const r = await act(t, as[who]!, c, action);
      if (listed.includes(action)) {
        expect([200, 422], `${who} ${action} on ${state}: ${JSON.stringify(r.body)}`).toContain(r.status);
        if (r.status === 200) c = await make(state); // it moved; start again from the same state
      } else {
        expect([403, 409], `${who} ${action} on ${state}: ${JSON.stringify(r.body)}`).toContain(r.status);
        expect(['forbidden', 'invalid_transition']).toContain(r.body.error?.code);
      }
    }
  });
});
