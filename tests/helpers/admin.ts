// Helpers for the admin API tests: JSON calls as the admin, and a fingerprint of every table
// the admin endpoints write, to prove a refusal left everything as it was.
import { expect } from 'vitest';
import type { TestApp } from './test-app';

export type Json = Record<string, unknown>;
export type Answer<T = Json> = { status: number; body: T; headers: Headers };
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

const TABLES = ['users', 'sessions', 'units', 'area_units', 'categories', 'time_limits', 'holidays'];

/** `call`, `dbState` and `refused` bound to an app and the admin's credentials (read when called, after beforeAll). */
export function adminClient(app: () => TestApp, admin: () => Record<string, string>) {
  /** A JSON request as `auth` (the admin by default; null for none); a string body is sent as is. */
  async function call<T = Json>(method: string, path: string, body?: unknown, auth: Record<string, string> | null = admin()): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...(auth ?? {}) };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app().app.request(path, { method, headers, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
  }

  async function dbState(): Promise<Record<string, string>> {
    const state: Record<string, string> = {};
    for (const table of TABLES) {
      const [row] = await app().db.query<{ h: string }>(
        `SELECT count(*) || ':' || md5(COALESCE(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${table} x`,
      );
      state[table] = row!.h;
    }
    return state;
  }

  /** Makes the request, expects the refusal, and checks that nothing was written. */
  async function refused(status: number, code: string, method: string, path: string, body?: unknown, auth?: Record<string, string> | null) {
    const before = await dbState();
    const res = await call<ErrorBody>(method, path, body, auth === undefined ? admin() : auth);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body.error.code).toBe(code);
    expect(res.body.error.message).toEqual(expect.any(String));
    expect(await dbState()).toEqual(before);
    return res.body.error;
  }

  return { call, dbState, refused };
}
