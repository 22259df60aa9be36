// Helpers for workflow tests: file a case, act on it, read it.
import { expect } from 'vitest';
import { fixture, postReport, reportForm } from './intake';
import type { TestApp } from './test-app';

export type CaseJson = {
  id: number;
  code: string;
  status: string;
  version: number;
  unit: { id: number; code: string } | null;
  rework_count: number;
  urgent: boolean;
  due_at: string | null;
  overdue: boolean;
  due_soon: boolean;
  available_actions: string[];
  merged_cases: { id: number }[];
  photos: { id: string; stage: string }[];
};

export const IN_M1 = { lat: 31.205, lon: 120.505 };

/** Files a case as `auth` through POST /api/cases and returns it. */
export async function fileCase(t: TestApp, auth: Record<string, string>, fields: Record<string, string | number> = {}): Promise<CaseJson> {
  const { status, body } = await postReport(t, auth, reportForm([['p.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'corridor_clutter', ...IN_M1, ...fields }));
  expect(status, JSON.stringify(body)).toBe(201);
  return body as unknown as CaseJson;
}

export type ActResult = { status: number; body: CaseJson & { error?: { code: string; message: string; details?: { current?: CaseJson; status?: string } } } };

/** POST /api/cases/:id/actions, JSON, or multipart when photos are given. */
export async function act(
  t: TestApp,
  auth: Record<string, string>,
  c: { id: number; version: number },
  action: string,
  fields: Record<string, string | number> = {},
  photos: [string, Buffer][] = [],
): Promise<ActResult> {
  let init: RequestInit;
  if (photos.length) {
    const form = new FormData();
    form.append('action', action);
    form.append('version', String(c.version));
    for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
    for (const [name, bytes] of photos) form.append('photos', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
    init = { method: 'POST', headers: auth, body: form };
  } else {
    init = { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ action, version: c.version, ...fields }) };
  }
  const res = await t.app.request(`/api/cases/${c.id}/actions`, init);
  return { status: res.status, body: (await res.json()) as ActResult['body'] };
}

/** Acts and expects success. */
export async function ok(t: TestApp, auth: Record<string, string>, c: { id: number; version: number }, action: string, fields: Record<string, string | number> = {}, photos: [string, Buffer][] = []) {
  const r = await act(t, auth, c, action, fields, photos);
  expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
  return r.body;
}

/** The case's events and state, to prove a refusal changed nothing. */
export async function caseState(t: TestApp, id: number) {
  const [row] = await t.db.query<Record<string, unknown>>('SELECT status, version, updated_at, rework_count, unit_id, due_at FROM cases WHERE id = $1', [id]);
  const [events] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [id]);
  const [photos] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM photos WHERE case_id = $1', [id]);
  return { row, events: events!.n, photos: photos!.n };
}
