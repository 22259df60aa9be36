// Cross-site requests riding on the session cookie are refused (403 cross_site_request) and file nothing;
// same-origin browsers, non-browser clients and bearer tokens go through.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, TEST_PASSWORD } from '../helpers/fixtures';
import { fixture, postReport, reportForm, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { IN_M1 } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let cookie: Record<string, string>;

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'inspector1', password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(200);
  cookie = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
});
afterAll(() => db?.close());

const form = () => reportForm([['p.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'corridor_clutter', description: '楼道堆物', ...IN_M1 });

describe('a state-changing request with the session cookie', () => {
  it('from another site (Origin, or Sec-Fetch-Site without Origin) is 403 cross_site_request and files no case', async () => {
    const before = await snapshot(t);
    const crossSite: Record<string, string>[] = [
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { origin: 'http://localhost.evil.example', 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of crossSite) {
      const { status, body } = await postReport(t, cookie, form(), headers);
      expect(status, JSON.stringify(headers)).toBe(403);
      expect(body.error!.code).toBe('cross_site_request');
    }
    // JSON too, and logout (a forged logout is a nuisance).
    for (const [path, body] of [['/api/auth/logout', undefined], ['/api/me/inbox/read', '{}']] as const) {
      const res = await t.app.request(path, { method: 'POST', headers: { ...cookie, origin: 'http://evil.example', 'content-type': 'application/json' }, body });
      expect(res.status, path).toBe(403);
    }
    expect(await snapshot(t)).toEqual(before);
    expect((await t.app.request('/api/me', { headers: cookie })).status).toBe(200);
  });

  it('from this site, or from a client that is no browser (neither header), goes through', async () => {
    const sameSite: Record<string, string>[] = [{ origin: 'http://localhost' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}];
    for (const headers of sameSite) {
      const { status, body } = await postReport(t, cookie, form(), headers);
      expect(status, JSON.stringify(body)).toBe(201);
    }
  });

  it('a GET is never refused, whatever its origin', async () => {
    expect((await t.app.request('/api/me', { headers: { ...cookie, origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

describe('a bearer token', () => {
  it('is not an ambient credential: Origin does not matter', async () => {
    const auth = await bearerFor(t, 'inspector1');
    const { status } = await postReport(t, auth, form(), { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(status).toBe(201);
  });
});
