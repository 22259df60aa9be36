// Input refused at the edge: a NUL byte in any text (400 nul_byte), dates outside 2000–2100 (400 naming
// the parameter), unknown status and category filters (400 naming the value). Each leaves the data unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { fixture, postReport, reportForm, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { act, fileCase, IN_M1 } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
const as: Record<string, Record<string, string>> = {};
const NUL = '\u0000';

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  for (const u of ['admin', 'dispatcher1', 'inspector1', 'supervisor']) as[u] = await bearerFor(t, u);
  await fileCase(t, as.inspector1!);
});
afterAll(() => db?.close());

type Err = { error: { code: string; message: string; details?: unknown } };
const get = async (path: string, auth = as.dispatcher1!) => {
  const res = await t.app.request(path, { headers: auth });
  return { status: res.status, body: (await res.json()) as Err };
};
const sendJson = async (method: string, path: string, body: unknown, auth = as.admin!) => {
  const res = await t.app.request(path, { method, headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Err };
};

/** Everything a refused request might have touched: the intake tables and files, plus users and units. */
async function state() {
  const [rows] = await db.query<Record<string, unknown>>(`
    SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM units) AS units,
           (SELECT string_agg(display_name, ',' ORDER BY id) FROM users) AS names,
           (SELECT string_agg(status || version, ',' ORDER BY id) FROM cases) AS cases`);
  return { rows, intake: await snapshot(t) };
}

describe('a NUL byte in any text input', () => {
  it('is 400 nul_byte in the query, the path and every list filter, never a database error', async () => {
    const queries = [
      `/api/cases?q=a${encodeURIComponent(NUL)}b`,
      `/api/cases?area=S1%00`,
      `/api/cases?category=%00`,
      `/api/areas?parent=%00`,
      `/api/map/clusters?bbox=120.5,31.2,120.6,31.3&zoom=13&q=x%00`,
      `/api/stats?area=%00`,
      `/api/cases/nearby?lat=31.2&lon=120.5&category=corridor%00clutter`,
      `/api/admin/users?q=%00`,
      `/api/cases?unknown_param=%00`,
      `/api/cases/1%00`,
    ];
    for (const path of queries) {
      const { status, body } = await get(path, path.startsWith('/api/admin') ? as.admin : as.dispatcher1);
      expect(status, path).toBe(400);
      expect(body.error.code, path).toBe('nul_byte');
    }
  });

  it('is 400 nul_byte in JSON bodies (user names, display names, reasons) and changes nothing', async () => {
    const before = await state();
    const c = (await t.db.query<{ id: number; version: number }>('SELECT id, version FROM cases ORDER BY id LIMIT 1'))[0]!;
    const refusals = [
      await sendJson('POST', '/api/auth/login', { username: `admin${NUL}`, password: 'x' }, {}),
      await sendJson('POST', '/api/admin/users', { username: 'newone', display_name: `新${NUL}人`, role: 'inspector', area: 'M2', password: 'a long enough pass' }),
      await sendJson('PATCH', `/api/admin/users/1`, { display_name: `名${NUL}字` }),
      await sendJson('POST', '/api/admin/units', { code: 'U-NUL', name: `单${NUL}位`, kind: 'other' }),
      await sendJson('POST', `/api/cases/${c.id}/actions`, { action: 'reject', version: c.version, reason: `理由${NUL}` }, as.dispatcher1),
      await sendJson('PUT', '/api/admin/holidays/2026-12-25', { kind: 'holiday', name: `圣诞${NUL}` }),
    ];
    for (const r of refusals) {
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      expect(r.body.error.code, JSON.stringify(r.body)).toBe('nul_byte');
    }
    expect(await state()).toEqual(before);
  });

  it('is 400 nul_byte in multipart text fields of a report and of an action; photos are not mistaken for text', async () => {
    const before = await state();
    const photo = fixture('jpg_Canon_40D.jpg');
    for (const fields of [{ description: `楼道${NUL}堆物` }, { category: `corridor_clutter${NUL}` }]) {
      const { status, body } = await postReport(t, as.inspector1!, reportForm([['p.jpg', photo]], { category: 'corridor_clutter', ...IN_M1, ...fields }));
      expect(status, JSON.stringify(body)).toBe(400);
      expect(body.error!.code).toBe('nul_byte');
    }
    const c = (await t.db.query<{ id: number; version: number }>('SELECT id, version FROM cases ORDER BY id LIMIT 1'))[0]!;
    const r = await act(t, as.dispatcher1!, c, 'reject', { reason: `理由${NUL}` }, [['p.jpg', photo]]);
    expect(r.status).toBe(400);
    expect(r.body.error!.code).toBe('nul_byte');
    expect(await state()).toEqual(before);
    // A photo is binary and holds NUL bytes by nature: the same report without NUL in its text is filed.
    expect(photo.includes(0)).toBe(true);
    expect((await postReport(t, as.inspector1!, reportForm([['p.jpg', photo]], { category: 'corridor_clutter', ...IN_M1 }))).status).toBe(201);
  });
});

describe('dates outside 2000–2100', () => {
  it('are 400 naming the parameter on the statistics, the list and the map, not a RangeError', async () => {
    const cases = [
      ['/api/stats?from=0000-01-01T00:00:00Z&to=0001-01-01T00:00:00Z', 'from'],
      ['/api/stats?from=2026-01-01&to=9999-12-31', 'to'],
      ['/api/stats?from=1999-12-31', 'from'],
      ['/api/cases?from=0000-01-01T00:00:00Z', 'from'],
      ['/api/cases?to=2101-01-01T00:00:00Z', 'to'],
      ['/api/map/clusters?bbox=120.5,31.2,120.6,31.3&zoom=13&from=0001-01-01T00:00:00Z', 'from'],
    ] as const;
    for (const [path, param] of cases) {
      const { status, body } = await get(path, as.supervisor);
      expect(status, path).toBe(400);
      expect(body.error.code, path).toBe('validation_failed');
      expect(body.error.message, path).toContain(param);
      expect(body.error.message, path).toContain('2000–2100');
    }
  });

  it('inside the range still answer', async () => {
    expect((await get('/api/stats?from=2000-01-01&to=2100-12-31', as.supervisor)).status).toBe(200);
    expect((await get('/api/cases?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00%2B08:00', as.supervisor)).status).toBe(200);
  });
});

describe('unknown filter values', () => {
  it('status=bogus is 400 naming the value on the list and the map', async () => {
    for (const path of ['/api/cases?status=submitted,bogus', '/api/map/clusters?bbox=120.5,31.2,120.6,31.3&zoom=13&status=bogus']) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toContain('bogus');
      expect(body.error.message).toContain('status');
    }
  });

  it('category=bogus is 400 unknown_category naming the value on the list and the map', async () => {
    for (const path of ['/api/cases?category=corridor_clutter,bogus', '/api/map/clusters?bbox=120.5,31.2,120.6,31.3&zoom=13&category=bogus']) {
      const { status, body } = await get(path);
      expect(status, path).toBe(400);
      expect(body.error.code).toBe('unknown_category');
      expect(body.error.message).toContain('"bogus"');
      expect(body.error.details).toEqual({ field: 'category', values: ['bogus'] });
    }
  });

  it('known values still filter', async () => {
    const res = await t.app.request('/api/cases?status=submitted&category=corridor_clutter', { headers: as.dispatcher1! });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { total: number }).total).toBeGreaterThan(0);
  });
});

describe('messages', () => {
  it('say "an admin", not "a admin"', async () => {
    const c = (await t.db.query<{ id: number; version: number }>('SELECT id, version FROM cases ORDER BY id LIMIT 1'))[0]!;
    const r = await act(t, as.admin!, c, 'accept');
    expect(r.status).toBe(403);
    expect(r.body.error!.message).toBe('an admin may not accept a case');
  });
});
