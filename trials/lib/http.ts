// A small HTTP client for trials: log in as a demo user, send JSON or multipart, read the answer
// as JSON when it is JSON, and check the error format.
export const DEMO_PASSWORD = 'xuncha-demo';

export type Answer = { status: number; body: unknown; text: string; headers: Headers };

export async function send(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  let body: unknown = text;
  try { body = JSON.parse(text); } catch { /* not JSON: kept as text */ }
  return { status: res.status, body, text, headers: res.headers };
}

/** A bearer header for a demo user (password from README). */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<Record<string, string>> {
  const r = await send(base, '/api/auth/login', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password, token: true }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${r.text.slice(0, 200)}`);
  return { authorization: `Bearer ${(r.body as { token: string }).token}` };
}

/** True when a body is {"error":{"code":string,"message":string,...}}. */
export function isErrorBody(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const e = (body as { error?: unknown }).error;
  return typeof e === 'object' && e !== null
    && typeof (e as { code?: unknown }).code === 'string' && typeof (e as { message?: unknown }).message === 'string';
}

/** A multipart report form: photos as [file name, bytes, type]. */
export function reportForm(photos: [string, Uint8Array, string?][], fields: Record<string, string | number | undefined>): FormData {
  const form = new FormData();
  for (const [name, bytes, type] of photos) form.append('photos', new File([new Uint8Array(bytes)], name, { type: type ?? 'image/jpeg' }));
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) form.append(k, String(v));
  return form;
}

/** Percentile of a list of numbers (p in 0..100). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
