// Helpers for intake tests: photo fixtures, multipart reports, and a snapshot of everything
// a rejected report must leave untouched (rows and stored files).
import fs from 'node:fs';
import path from 'node:path';
import type { TestApp } from './test-app';

export { photoFixture as fixture } from '../fixtures/photos';

export type ReportFields = Record<string, string | number | undefined>;

/** A multipart report: `photos` as [file name, bytes] pairs, plus text fields. */
export function reportForm(photos: [string, Uint8Array][], fields: ReportFields): FormData {
  const form = new FormData();
  for (const [name, bytes] of photos) form.append('photos', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v));
  return form;
}

export async function postReport(t: TestApp, auth: Record<string, string>, form: FormData, headers: Record<string, string> = {}) {
  const res = await t.app.request('/api/cases', { method: 'POST', headers: { ...auth, ...headers }, body: form });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { res, status: res.status, body: body as Record<string, unknown> & { error?: { code: string; message: string } } };
}

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

/** Row counts of every table intake writes, and every file under the photo directory. */
export async function snapshot(t: TestApp) {
  const [counts] = await t.db.query<Record<string, number>>(`
    SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM photos) AS photos,
           (SELECT count(*)::int FROM case_events) AS events, (SELECT count(*)::int FROM idempotency_keys) AS keys,
           (SELECT count(*)::int FROM case_code_counters) AS counters`);
  return { counts, files: listFiles(t.photoDir) };
}
