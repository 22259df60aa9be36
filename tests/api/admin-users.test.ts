// /api/admin for people and units: users, units and default-unit rules. Every endpoint is
// admins-only; every refusal is a clear 4xx that leaves the database exactly as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics, TEST_PASSWORD, type Fixtures } from '../helpers/fixtures';
import { adminClient, type ErrorBody, type Json } from '../helpers/admin';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
let admin: Record<string, string>;

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  t = createTestApp(db);
  admin = await bearerFor(t, 'admin');
});
afterAll(() => db?.close());

const { call, dbState, refused } = adminClient(() => t, () => admin);

type User = {
  id: number;
  username: string;
  display_name: string;
  role: string;
  area: { code: string } | null;
  unit: { code: string; active: boolean } | null;
  phone: string | null;
  active: boolean;
  last_seen_at: string | null;
  sessions_ended?: number;
};
type Unit = { id: number; code: string; name: string; kind: string; area: { code: string } | null; phone: string | null; active: boolean; active_handlers: number };

const usernames = (users: User[]) => users.map((u) => u.username);
const newInspector = (username: string, extra: Json = {}) => ({
  username,
  display_name: '新巡查员',
  role: 'inspector',
  area: 'M2',
  password: 'a long enough pass',
  ...extra,
});

describe('who may use /api/admin', () => {
  // One request per endpoint; the bodies are valid, so only the caller's role can refuse them.
  const ENDPOINTS: [string, string, unknown?][] = [
    ['GET', '/api/admin/users'],
    ['GET', '/api/admin/users/1'],
    ['POST', '/api/admin/users', newInspector('intruder')],
    ['PATCH', '/api/admin/users/1', { display_name: 'x' }],
    ['GET', '/api/admin/units'],
    ['GET', '/api/admin/units/1'],
    ['POST', '/api/admin/units', { code: 'U-X', name: 'x', kind: 'other' }],
    ['PATCH', '/api/admin/units/1', { active: false }],
    ['GET', '/api/admin/areas/C1/default-units'],
    ['PUT', '/api/admin/areas/C1/default-units/*', { unit: 'U-PROP' }],
    ['DELETE', '/api/admin/areas/C1/default-units/*'],
    ['GET', '/api/admin/categories'],
    ['POST', '/api/admin/categories', { code: 'x_y', domain: 'fire', name_zh: 'x', name_en: 'x', icon: 'x', time_limits: {} }],
    ['PATCH', '/api/admin/categories/bank_garbage', { active: false }],
    ['GET', '/api/admin/time-limits'],
    ['PUT', '/api/admin/time-limits/bank_garbage/general', { amount: 1, unit: 'hours' }],
    ['GET', '/api/admin/holidays?year=2026'],
    ['PUT', '/api/admin/holidays?year=2026', { days: [] }],
    ['PUT', '/api/admin/holidays/2026-10-01', { kind: 'holiday', name: '国庆节' }],
    ['DELETE', '/api/admin/holidays/2026-10-01'],
  ];

  it('answers 401 without a login, before looking at the body', async () => {
    for (const [method, path, body] of ENDPOINTS) await refused(401, 'unauthenticated', method, path, body, null);
    await refused(401, 'unauthenticated', 'POST', '/api/admin/users', '{"broken', null);
  });

  it('answers 403 to every other role', async () => {
    for (const username of ['dispatcher1', 'handler1', 'inspector1', 'supervisor']) {
      const auth = await bearerFor(t, username);
      for (const [method, path, body] of ENDPOINTS) {
        const error = await refused(403, 'forbidden', method, path, body, auth);
        expect(error.message, `${username} ${method} ${path}`).toMatch(/admin/);
      }
    }
  });
});

describe('GET /api/admin/users', () => {
  it('lists everyone by user name, without password hashes', async () => {
    const res = await call<{ users: User[] }>('GET', '/api/admin/users');
    expect(res.status).toBe(200);
    expect(usernames(res.body.users)).toEqual(['admin', 'dispatcher1', 'dispatcher2', 'handler1', 'inspector1', 'supervisor']);
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/);
    expect(res.body.users.find((u) => u.username === 'handler1')).toMatchObject({ role: 'handler', area: null, unit: { code: 'U-PROP' } });
    expect(res.body.users.find((u) => u.username === 'admin')!.last_seen_at).toEqual(expect.any(String));
  });

  it('filters by role, area (with everything below it), unit, active and name', async () => {
    const list = async (query: string) => usernames((await call<{ users: User[] }>('GET', `/api/admin/users?${query}`)).body.users);
    expect(await list('role=dispatcher')).toEqual(['dispatcher1', 'dispatcher2']);
    expect(await list('area=S1')).toEqual(['dispatcher1', 'inspector1']);
    expect(await list(`area=${fx.areaIds.S1}`)).toEqual(['dispatcher1', 'inspector1']);
    expect(await list('area=D&role=supervisor')).toEqual(['supervisor']);
    expect(await list('unit=U-PROP')).toEqual(['handler1']);
    expect(await list('q=DISPATCH')).toEqual(['dispatcher1', 'dispatcher2']);
    expect(await list('q=%25')).toEqual([]);
    expect(await list('active=false')).toEqual([]);
    expect(await list('active=true&role=admin')).toEqual(['admin']);
  });

  it('refuses bad filters', async () => {
    await refused(400, 'validation_failed', 'GET', '/api/admin/users?role=boss');
    await refused(400, 'validation_failed', 'GET', '/api/admin/users?active=yes');
    await refused(422, 'unknown_area', 'GET', '/api/admin/users?area=NOWHERE');
    await refused(422, 'unknown_unit', 'GET', '/api/admin/users?unit=U-NONE');
  });

  it('shows one user, and 404s an unknown one', async () => {
    const res = await call<User>('GET', `/api/admin/users/${fx.userIds.inspector1}`);
    expect(res.body).toMatchObject({ username: 'inspector1', role: 'inspector', area: { code: 'M1' }, active: true });
    await refused(404, 'not_found', 'GET', '/api/admin/users/999999');
    await refused(400, 'validation_failed', 'GET', '/api/admin/users/abc');
    await refused(400, 'validation_failed', 'GET', '/api/admin/users/99999999999');
  });
});

describe('POST /api/admin/users', () => {
  it('creates an inspector who can log in, with the password hashed and the name lower-cased', async () => {
    const res = await call<User>('POST', '/api/admin/users', newInspector('  Li.Na-2 ', { phone: '138 0000 1111' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/admin/users/${res.body.id}`);
    expect(res.body).toMatchObject({ username: 'li.na-2', display_name: '新巡查员', role: 'inspector', area: { code: 'M2' }, unit: null, phone: '138 0000 1111', active: true, last_seen_at: null });
    expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/);
    const [row] = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [res.body.id]);
    expect(row!.password_hash).toMatch(/^scrypt\$/);
    expect(row!.password_hash).not.toContain('a long enough pass');
    const auth = await bearerFor(t, 'li.na-2', 'a long enough pass');
    expect((await call('GET', '/api/me', undefined, auth)).body).toMatchObject({ username: 'li.na-2', area: { code: 'M2' } });
  });

  it('takes an area by id, a handler with a unit and no area, and an admin with neither', async () => {
    const byId = await call<User>('POST', '/api/admin/users', newInspector('by.id', { area: fx.areaIds.M2 }));
    expect(byId.body.area).toMatchObject({ code: 'M2' });
    const handler = await call<User>('POST', '/api/admin/users', { username: 'wuye2', display_name: '物业二', role: 'handler', unit: 'U-PROP', password: 'handler password' });
    expect(handler.status).toBe(201);
    expect(handler.body).toMatchObject({ role: 'handler', area: null, unit: { code: 'U-PROP' } });
    const admin2 = await call<User>('POST', '/api/admin/users', { username: 'admin2', display_name: '管理员二', role: 'admin', password: 'admin2 password' });
    expect(admin2.body).toMatchObject({ role: 'admin', area: null, unit: null });
  });

  it('refuses a taken user name with 409, also in another case', async () => {
    const e = await refused(409, 'conflict', 'POST', '/api/admin/users', newInspector('Dispatcher1'));
    expect(e.message).toContain('dispatcher1');
  });

  it('refuses malformed fields with 400, naming the field', async () => {
    const bad: [Json, string][] = [
      [newInspector('a'), 'username'],
      [newInspector('x'.repeat(65)), 'username'],
      [newInspector('张三'), 'username'],
      [newInspector('has space'), 'username'],
      [newInspector('short.pass', { password: 'only9char' }), 'password'],
      [newInspector('no.name', { display_name: '  ' }), 'display_name'],
      [newInspector('bad.role', { role: 'boss' }), 'role'],
      [newInspector('bad.phone', { phone: 'call me' }), 'phone'],
      [newInspector('huge.area', { area: 2 ** 40 }), 'area'],
      [newInspector('extra.field', { is_admin: true }), ''],
    ];
    for (const [body, field] of bad) {
      const e = await refused(400, 'validation_failed', 'POST', '/api/admin/users', body);
      expect(JSON.stringify(e.details), JSON.stringify(body)).toContain(field);
    }
    const { username: _u, ...noUsername } = newInspector('x');
    await refused(400, 'validation_failed', 'POST', '/api/admin/users', noUsername);
    await refused(400, 'malformed_json', 'POST', '/api/admin/users', '{"username": ');
  });

  it('checks role, area and unit together with a readable 422, as the database would', async () => {
    const e1 = await refused(422, 'area_required', 'POST', '/api/admin/users', newInspector('no.area', { area: null }));
    expect(e1.message).toBe('an inspector must have an area: the grid or micro-grid they patrol');
    await refused(422, 'area_required', 'POST', '/api/admin/users', { ...newInspector('sup'), role: 'supervisor', area: undefined });
    const e2 = await refused(422, 'unit_required', 'POST', '/api/admin/users', { ...newInspector('no.unit'), role: 'handler', area: null });
    expect(e2.message).toMatch(/unit/);
    await refused(422, 'unknown_area', 'POST', '/api/admin/users', newInspector('bad.area', { area: 'NOWHERE' }));
    await refused(422, 'unknown_area', 'POST', '/api/admin/users', newInspector('bad.area', { area: 999999 }));
    await refused(422, 'unknown_unit', 'POST', '/api/admin/users', { ...newInspector('bad.unit'), role: 'handler', unit: 'U-NONE' });
  });
});

describe('PATCH /api/admin/users/:id', () => {
  it('changes name, phone, role and area; clears a phone with null', async () => {
    const id = (await call<User>('POST', '/api/admin/users', newInspector('mover', { phone: '110' }))).body.id;
    const res = await call<User>('PATCH', `/api/admin/users/${id}`, { display_name: '调动者', role: 'dispatcher', area: 'S2', phone: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ display_name: '调动者', role: 'dispatcher', area: { code: 'S2' }, phone: null, sessions_ended: 0 });
    const handler = await call<User>('PATCH', `/api/admin/users/${id}`, { role: 'handler', unit: 'U-WATER', area: null });
    expect(handler.body).toMatchObject({ role: 'handler', unit: { code: 'U-WATER' }, area: null });
  });

  it('refuses changes that break the role rules, unknown users and empty or bad bodies', async () => {
    const inspector = fx.userIds.inspector1!;
    await refused(422, 'area_required', 'PATCH', `/api/admin/users/${inspector}`, { area: null });
    await refused(422, 'unit_required', 'PATCH', `/api/admin/users/${inspector}`, { role: 'handler' });
    await refused(422, 'unit_required', 'PATCH', `/api/admin/users/${fx.userIds.handler1}`, { unit: null });
    await refused(422, 'area_required', 'PATCH', `/api/admin/users/${fx.userIds.handler1}`, { role: 'inspector' });
    await refused(422, 'unknown_area', 'PATCH', `/api/admin/users/${inspector}`, { area: 'NOWHERE' });
    await refused(404, 'not_found', 'PATCH', '/api/admin/users/999999', { display_name: 'x' });
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/users/${inspector}`, {});
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/users/${inspector}`, { active: 'no' });
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/users/${inspector}`, { username: 'renamed' });
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/users/${inspector}`, { password: 'short' });
    await refused(400, 'malformed_json', 'PATCH', `/api/admin/users/${inspector}`, '{');
  });

  it('deactivating a user ends their sessions at once and blocks their login; reactivating lets them back', async () => {
    const id = (await call<User>('POST', '/api/admin/users', newInspector('leaver'))).body.id;
    const token = await bearerFor(t, 'leaver', 'a long enough pass');
    const cookieLogin = await call('POST', '/api/auth/login', { username: 'leaver', password: 'a long enough pass' }, null);
    expect(cookieLogin.status).toBe(200);
    expect((await call('GET', '/api/me', undefined, token)).status).toBe(200);

    const res = await call<User>('PATCH', `/api/admin/users/${id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, sessions_ended: 2 });
    const [{ n }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [id])) as [{ n: number }];
    expect(n).toBe(0);
    expect((await call<ErrorBody>('GET', '/api/me', undefined, token)).status).toBe(401);
    expect((await call<ErrorBody>('POST', '/api/auth/login', { username: 'leaver', password: 'a long enough pass', token: true }, null)).status).toBe(401);
    expect(usernames((await call<{ users: User[] }>('GET', '/api/admin/users?active=false')).body.users)).toEqual(['leaver']);

    expect((await call<User>('PATCH', `/api/admin/users/${id}`, { active: true })).body).toMatchObject({ active: true });
    expect((await call('GET', '/api/me', undefined, await bearerFor(t, 'leaver', 'a long enough pass'))).status).toBe(200);
  });

  it('resetting a password ends the old sessions; the new password works and the old one not', async () => {
    const id = (await call<User>('POST', '/api/admin/users', newInspector('forgetful'))).body.id;
    const token = await bearerFor(t, 'forgetful', 'a long enough pass');
    const res = await call<User>('PATCH', `/api/admin/users/${id}`, { password: 'brand new secret' });
    expect(res.body.sessions_ended).toBe(1);
    expect((await call('GET', '/api/me', undefined, token)).status).toBe(401);
    expect((await call('POST', '/api/auth/login', { username: 'forgetful', password: 'a long enough pass' }, null)).status).toBe(401);
    expect((await call('GET', '/api/me', undefined, await bearerFor(t, 'forgetful', 'brand new secret'))).status).toBe(200);
  });

  it('an admin may not deactivate or demote themselves, but may edit their own name and password', async () => {
    const self = fx.userIds.admin!;
    const e = await refused(409, 'self_lockout', 'PATCH', `/api/admin/users/${self}`, { active: false });
    expect(e.message).toMatch(/another admin/);
    await refused(409, 'self_lockout', 'PATCH', `/api/admin/users/${self}`, { role: 'supervisor', area: 'D' });
    const ok = await call<User>('PATCH', `/api/admin/users/${self}`, { display_name: '区管理员', role: 'admin', password: TEST_PASSWORD });
    expect(ok.body).toMatchObject({ display_name: '区管理员', role: 'admin', active: true, sessions_ended: 0 });
    expect((await call('GET', '/api/admin/users', undefined, admin)).status).toBe(200);
  });

  it('another admin can be deactivated, and is logged out', async () => {
    const id = (await call<User>('POST', '/api/admin/users', { username: 'admin3', display_name: '管理员三', role: 'admin', password: 'admin3 password' })).body.id;
    const other = await bearerFor(t, 'admin3', 'admin3 password');
    expect((await call('GET', '/api/admin/users', undefined, other)).status).toBe(200);
    expect((await call<User>('PATCH', `/api/admin/users/${id}`, { active: false })).body.sessions_ended).toBe(1);
    expect((await call('GET', '/api/admin/users', undefined, other)).status).toBe(401);
  });
});

describe('units', () => {
  it('lists units with their active handler counts, and filters them', async () => {
    const res = await call<{ units: Unit[] }>('GET', '/api/admin/units');
    expect(res.status).toBe(200);
    const prop = res.body.units.find((u) => u.code === 'U-PROP')!;
    expect(prop).toMatchObject({ name: '绿苑物业', kind: 'property', area: { code: 'C1' }, active: true });
    expect(prop.active_handlers).toBeGreaterThanOrEqual(1);
    const codes = async (q: string) => (await call<{ units: Unit[] }>('GET', `/api/admin/units?${q}`)).body.units.map((u) => u.code);
    expect(await codes('kind=water')).toEqual(['U-WATER']);
    expect(await codes('area=S1')).toEqual(['U-PROP']);
    expect(await codes('active=false')).toEqual([]);
    await refused(400, 'validation_failed', 'GET', '/api/admin/units?kind=bank');
    await refused(422, 'unknown_area', 'GET', '/api/admin/units?area=NOWHERE');
  });

  it('creates a unit, and refuses a taken code or bad fields', async () => {
    const res = await call<Unit>('POST', '/api/admin/units', { code: 'U-CLEAN', name: '碧水保洁', kind: 'cleaning', area: 'S2', phone: '0512-1234567' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/admin/units/${res.body.id}`);
    expect(res.body).toMatchObject({ code: 'U-CLEAN', kind: 'cleaning', area: { code: 'S2' }, phone: '0512-1234567', active: true, active_handlers: 0 });
    expect((await call<Unit>('GET', `/api/admin/units/${res.body.id}`)).body.code).toBe('U-CLEAN');

    await refused(409, 'conflict', 'POST', '/api/admin/units', { code: 'U-CLEAN', name: '又一个', kind: 'cleaning' });
    await refused(400, 'validation_failed', 'POST', '/api/admin/units', { code: 'U CLEAN', name: 'x', kind: 'cleaning' });
    await refused(400, 'validation_failed', 'POST', '/api/admin/units', { code: 'U-NEW', name: 'x', kind: 'bank' });
    await refused(400, 'validation_failed', 'POST', '/api/admin/units', { code: 'U-NEW', kind: 'other' });
    await refused(400, 'validation_failed', 'POST', '/api/admin/units', { code: 'U-NEW', name: 'x', kind: 'other', phone: 'none' });
    await refused(422, 'unknown_area', 'POST', '/api/admin/units', { code: 'U-NEW', name: 'x', kind: 'other', area: 'NOWHERE' });
    await refused(404, 'not_found', 'GET', '/api/admin/units/999999');
  });

  it('changes a unit, and refuses unknown ones and empty changes', async () => {
    const id = (await call<Unit>('POST', '/api/admin/units', { code: 'U-FIRE', name: '消防站', kind: 'fire' })).body.id;
    const res = await call<{ unit: Unit }>('PATCH', `/api/admin/units/${id}`, { name: '清溪消防站', phone: '119', area: 'D', kind: 'fire' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ unit: expect.objectContaining({ name: '清溪消防站', phone: '119', area: expect.objectContaining({ code: 'D' }) }), handlers_still_active: [], default_rules: [] });
    expect((await call<{ unit: Unit }>('PATCH', `/api/admin/units/${id}`, { area: null, phone: null })).body.unit).toMatchObject({ area: null, phone: null });
    await refused(404, 'not_found', 'PATCH', '/api/admin/units/999999', { name: 'x' });
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/units/${id}`, {});
    await refused(400, 'validation_failed', 'PATCH', `/api/admin/units/${id}`, { code: 'RENAMED' });
    await refused(422, 'unknown_area', 'PATCH', `/api/admin/units/${id}`, { area: 'NOWHERE' });
  });

  it('deactivating a unit with active handlers is allowed and names them and its routing rules', async () => {
    const id = (await call<Unit>('POST', '/api/admin/units', { code: 'U-MGMT', name: '城管中队', kind: 'urban_management', area: 'S1' })).body.id;
    await call('POST', '/api/admin/users', { username: 'chengguan', display_name: '城管甲', role: 'handler', unit: 'U-MGMT', password: 'chengguan password' });
    await call('PUT', '/api/admin/areas/S1/default-units/illegal_occupation', { unit: 'U-MGMT' });
    const res = await call<{ unit: Unit; handlers_still_active: { username: string }[]; default_rules: Json[] }>('PATCH', `/api/admin/units/${id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.unit).toMatchObject({ active: false, active_handlers: 1 });
    expect(res.body.handlers_still_active).toEqual([{ id: expect.any(Number), username: 'chengguan', display_name: '城管甲' }]);
    expect(res.body.default_rules).toEqual([{ area: expect.objectContaining({ code: 'S1' }), category: 'illegal_occupation' }]);

    // Nobody new is tied to a closed unit, but its handler stays editable.
    await refused(422, 'unit_inactive', 'POST', '/api/admin/users', { username: 'cg2', display_name: '城管乙', role: 'handler', unit: 'U-MGMT', password: 'chengguan password' });
    await refused(422, 'unit_inactive', 'PATCH', `/api/admin/users/${fx.userIds.handler1}`, { unit: 'U-MGMT' });
    await refused(422, 'unit_inactive', 'PUT', '/api/admin/areas/S2/default-units/*', { unit: 'U-MGMT' });
    const handler = (await call<{ users: User[] }>('GET', '/api/admin/users?unit=U-MGMT')).body.users[0]!;
    expect((await call<User>('PATCH', `/api/admin/users/${handler.id}`, { unit: 'U-MGMT', phone: '12345' })).status).toBe(200);
  });
});

describe('default-unit rules of an area', () => {
  type Rules = { area: { code: string }; rules: { category: string | null; category_name_zh: string | null; unit: { code: string } }[] };

  it('sets, replaces, lists and removes rules, with * for any category', async () => {
    expect((await call<Rules>('GET', '/api/admin/areas/C2/default-units')).body).toMatchObject({ area: { code: 'C2' }, rules: [] });
    const put = await call('PUT', '/api/admin/areas/C2/default-units/bank_garbage', { unit: 'U-PROP' });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ category: 'bank_garbage', category_name_zh: '岸边垃圾', unit: { code: 'U-PROP', active: true } });
    expect((await call('PUT', '/api/admin/areas/C2/default-units/*', { unit: fx.unitIds['U-PROP'] })).body).toMatchObject({ category: null, unit: { code: 'U-PROP' } });
    // Putting again replaces, also for the catch-all rule (a NULL category).
    expect((await call('PUT', `/api/admin/areas/${fx.areaIds.C2}/default-units/*`, { unit: 'U-WATER' })).body).toMatchObject({ category: null, unit: { code: 'U-WATER' } });
    expect((await call('PUT', '/api/admin/areas/C2/default-units/bank_garbage', { unit: 'U-WATER' })).status).toBe(200);
    const rules = (await call<Rules>('GET', '/api/admin/areas/C2/default-units')).body.rules;
    expect(rules.map((r) => [r.category, r.unit.code])).toEqual([[null, 'U-WATER'], ['bank_garbage', 'U-WATER']]);

    const del = await t.app.request('/api/admin/areas/C2/default-units/*', { method: 'DELETE', headers: admin });
    expect(del.status).toBe(204);
    expect((await call<Rules>('GET', '/api/admin/areas/C2/default-units')).body.rules.map((r) => r.category)).toEqual(['bank_garbage']);
    await refused(404, 'not_found', 'DELETE', '/api/admin/areas/C2/default-units/*');
  });

  it('refuses unknown areas, categories and units', async () => {
    await refused(404, 'not_found', 'GET', '/api/admin/areas/NOWHERE/default-units');
    await refused(404, 'not_found', 'PUT', '/api/admin/areas/NOWHERE/default-units/*', { unit: 'U-PROP' });
    await refused(404, 'not_found', 'PUT', '/api/admin/areas/C2/default-units/no_such_category', { unit: 'U-PROP' });
    await refused(400, 'validation_failed', 'PUT', '/api/admin/areas/C2/default-units/Bad-Code', { unit: 'U-PROP' });
    await refused(422, 'unknown_unit', 'PUT', '/api/admin/areas/C2/default-units/*', { unit: 'U-NONE' });
    await refused(400, 'validation_failed', 'PUT', '/api/admin/areas/C2/default-units/*', {});
    await refused(404, 'not_found', 'DELETE', '/api/admin/areas/C2/default-units/river_sign');
  });
});

describe('the last admin', () => {
  it('two admins demoting each other at once leave one admin standing', async () => {
    const make = async (username: string) => {
      await call('POST', '/api/admin/users', { username, display_name: username, role: 'admin', password: `${username} password` });
      return bearerFor(t, username, `${username} password`);
    };
    const [x, y] = [await make('admin.x'), await make('admin.y')];
    const idOf = async (username: string) => (await call<{ users: User[] }>('GET', `/api/admin/users?q=${username}`, undefined, x)).body.users[0]!.id;
    // Leave admin.x and admin.y as the only active admins.
    for (const other of (await call<{ users: User[] }>('GET', '/api/admin/users?role=admin&active=true', undefined, x)).body.users) {
      if (!['admin.x', 'admin.y'].includes(other.username)) await call('PATCH', `/api/admin/users/${other.id}`, { active: false }, x);
    }
    const [idX, idY] = [await idOf('admin.x'), await idOf('admin.y')];

    const answers = await Promise.all([
      call<ErrorBody>('PATCH', `/api/admin/users/${idY}`, { role: 'supervisor', area: 'D' }, x),
      call<ErrorBody>('PATCH', `/api/admin/users/${idX}`, { active: false }, y),
    ]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses[0]).toBe(200);
    // The loser either finds it is no longer an admin (403) or that the other is the last one (409).
    expect([403, 409]).toContain(statuses[1]);
    const loser = answers.find((a) => a.status !== 200)!;
    expect(loser.status === 403 ? 'forbidden' : 'last_admin').toBe(loser.body.error.code);
    const [{ n }] = (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active`)) as [{ n: number }];
    expect(n).toBe(1);
  });
});
