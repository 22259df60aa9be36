// Login, logout and /api/me over cookies and bearer tokens, and the throttle on guessing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, TEST_PASSWORD, type Fixtures } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  // Each test names its client address, so one test's failures do not throttle another's.
  t = createTestApp(db, { trustProxy: true });
});
afterAll(() => db?.close());

const login = (body: unknown, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('login with a cookie (the browser)', () => {
  it('sets an HttpOnly SameSite cookie that /api/me accepts, and logout ends it', async () => {
    const res = await login({ username: 'Dispatcher1', password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { user: { username: string; role: string; area: { code: string } }; token?: string };
    expect(body.user).toMatchObject({ username: 'dispatcher1', role: 'dispatcher', area: { code: 'S1' } });
    expect(body.token).toBeUndefined();
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^xc_session=[A-Za-z0-9_-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;

    const me = await t.app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: fx.userIds.dispatcher1, role: 'dispatcher', unit: null });

    const out = await t.app.request('/api/auth/logout', { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(204);
    expect((await t.app.request('/api/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('login for a bearer token (API clients)', () => {
  it('returns a token, and /api/me shows the handler with their unit', async () => {
    const headers = await bearerFor(t, 'handler1');
    const me = await t.app.request('/api/me', { headers });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'handler1', role: 'handler', unit: { code: 'U-PROP', name: '绿苑物业' } });
    expect((await t.app.request('/api/auth/logout', { method: 'POST', headers })).status).toBe(204);
    expect((await t.app.request('/api/me', { headers })).status).toBe(401);
  });

  it('stores only a hash of the token', async () => {
    const headers = await bearerFor(t, 'supervisor');
    const token = headers.authorization!.slice(7);
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE token_hash = $1', [token]);
    expect(rows[0]!.n).toBe(0);
  });

  it('ends every session when the user is deactivated', async () => {
    const headers = await bearerFor(t, 'inspector1');
    expect((await t.app.request('/api/me', { headers })).status).toBe(200);
    await db.query('UPDATE users SET active = false WHERE username = $1', ['inspector1']);
    const res = await t.app.request('/api/me', { headers });
    expect(res.status).toBe(401);
    expect((await login({ username: 'inspector1', password: TEST_PASSWORD })).status).toBe(401);
    await db.query('UPDATE users SET active = true WHERE username = $1', ['inspector1']);
  });
});

describe('refusals', () => {
  it('gives a wrong password and an unknown user the same 401', async () => {
    const wrong = await login({ username: 'admin', password: 'nope' }, { 'x-forwarded-for': '10.3.0.1' });
    const unknown = await login({ username: 'nobody', password: 'nope' }, { 'x-forwarded-for': '10.3.0.1' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it('answers 401 in the error format without a session, and for a forged token', async () => {
    const res = await t.app.request('/api/me');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthenticated', message: 'please log in' } });
    const forged = await t.app.request('/api/me', { headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(forged.status).toBe(401);
  });

  it('rejects malformed JSON and missing fields with 400, and creates no session', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    const bad = await login('{"username": "admin", ');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('malformed_json');
    const missing = await login({ username: 'admin' });
    expect(missing.status).toBe(400);
    const body = (await missing.json()) as { error: { code: string; details: { path: string }[] } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details[0]!.path).toBe('password');
    const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('slows down repeated failures for a user name, even with the right password', async () => {
    const free = t.config.loginFreeFailures;
    // Each guess from another address: the user name alone is enough to slow them down.
    for (let i = 0; i < free; i++) {
      expect((await login({ username: 'dispatcher2', password: `guess-${i}` }, { 'x-forwarded-for': `10.1.0.${i}` })).status).toBe(401);
    }
    const locked = await login({ username: 'dispatcher2', password: TEST_PASSWORD }, { 'x-forwarded-for': '10.1.1.1' });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe('too_many_attempts');

    t.clock.advance(3000);
    const ok = await login({ username: 'dispatcher2', password: TEST_PASSWORD }, { 'x-forwarded-for': '10.1.1.1' });
    expect(ok.status).toBe(200);
    // A success clears the name's record: the next mistake is a plain 401 again.
    expect((await login({ username: 'dispatcher2', password: 'oops' }, { 'x-forwarded-for': '10.1.1.2' })).status).toBe(401);
  });

  it('slows down one address spraying many user names', async () => {
    const free = t.config.loginFreeFailures;
    for (let i = 0; i < free; i++) {
      expect((await login({ username: `spray${i}`, password: 'x' }, { 'x-forwarded-for': '10.2.0.9' })).status).toBe(401);
    }
    expect((await login({ username: 'admin', password: TEST_PASSWORD }, { 'x-forwarded-for': '10.2.0.9' })).status).toBe(429);
    expect((await login({ username: 'admin', password: TEST_PASSWORD }, { 'x-forwarded-for': '10.2.0.10' })).status).toBe(200);
  });
});
