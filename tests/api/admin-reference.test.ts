// /api/admin for reference data: categories, time limits and the holiday calendar, and the
// working-day deadlines that calendar drives. Every refusal leaves the database as it was.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CN_2026_DAYS } from '../../api/src/features/admin/holidays-cn-2026';
import { loadWorkCalendar } from '../../api/src/features/admin/work-calendar.repo';
import { dueAt, workCalendar } from '../../api/src/lib/time-limits';
import { seedBasics } from '../helpers/fixtures';
import { adminClient, type ErrorBody, type Json } from '../helpers/admin';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let admin: Record<string, string>;

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  admin = await bearerFor(t, 'admin');
});
afterAll(() => db?.close());

const { call, dbState, refused } = adminClient(() => t, () => admin);

type Limit = { amount: number; unit: string };
type Category = { code: string; domain: string; name_zh: string; active: boolean; sort_order: number; duplicate_radius_m: number; time_limits: Record<string, Limit> };
type Day = { date: string; kind: string; name: string };

const LIMITS = { general: { amount: 3, unit: 'working_days' }, serious: { amount: 24, unit: 'hours' }, major: { amount: 4, unit: 'hours' } };
const newCategory = (extra: Json = {}) => ({
  code: 'fire_door_open',
  domain: 'fire',
  name_zh: '常闭式防火门常开',
  name_en: 'Fire door propped open',
  icon: 'exit',
  time_limits: LIMITS,
  ...extra,
});

describe('categories', () => {
  it('lists every category with its time limits, inactive ones included', async () => {
    const res = await call<{ categories: Category[] }>('GET', '/api/admin/categories');
    expect(res.status).toBe(200);
    expect(res.body.categories).toHaveLength(17);
    expect(res.body.categories[0]).toMatchObject({ code: 'floating_debris', domain: 'river', active: true, time_limits: { general: { amount: 24, unit: 'hours' } } });
  });

  it('creates a category with its three time limits; it shows in the public tree', async () => {
    const res = await call<Category>('POST', '/api/admin/categories', newCategory());
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ code: 'fire_door_open', domain: 'fire', default_severity: 'general', duplicate_radius_m: 30, active: true, time_limits: LIMITS });
    // Without a sort order it goes after the last fire category (fire_other, 90).
    expect(res.body.sort_order).toBe(100);
    const tree = (await (await t.app.request('/api/categories', { headers: admin })).json()) as { groups: { domain: string; categories: { code: string; time_limits: Json }[] }[] };
    const fire = tree.groups.find((g) => g.domain === 'fire')!.categories;
    expect(fire.at(-1)).toMatchObject({ code: 'fire_door_open', time_limits: LIMITS });
  });

  it('refuses a taken code, a missing or out-of-bounds limit and bad fields', async () => {
    await refused(409, 'conflict', 'POST', '/api/admin/categories', newCategory({ code: 'bank_garbage', domain: 'river' }));
    const { major: _m, ...twoLimits } = LIMITS;
    const bad: [Json, string][] = [
      [newCategory({ code: 'x1', time_limits: twoLimits }), 'time_limits.major'],
      [newCategory({ code: 'x2', time_limits: { ...LIMITS, major: { amount: 721, unit: 'hours' } } }), 'time_limits.major.amount'],
      [newCategory({ code: 'x3', time_limits: { ...LIMITS, general: { amount: 61, unit: 'working_days' } } }), 'time_limits.general.amount'],
      [newCategory({ code: 'x4', time_limits: { ...LIMITS, general: { amount: 0, unit: 'hours' } } }), 'time_limits.general.amount'],
      [newCategory({ code: 'x5', time_limits: { ...LIMITS, general: { amount: 2, unit: 'days' } } }), 'time_limits.general.unit'],
      [newCategory({ code: 'x6', domain: 'traffic' }), 'domain'],
      [newCategory({ code: 'Bad Code' }), 'code'],
      [newCategory({ code: 'x7', default_severity: 'urgent' }), 'default_severity'],
      [newCategory({ code: 'x8', duplicate_radius_m: 0 }), 'duplicate_radius_m'],
      [newCategory({ code: 'x9', icon: '<svg>' }), 'icon'],
      [newCategory({ code: 'x10', name_zh: '' }), 'name_zh'],
    ];
    for (const [body, path] of bad) {
      const e = await refused(400, 'validation_failed', 'POST', '/api/admin/categories', body);
      expect((e.details as { path: string }[]).map((d) => d.path), JSON.stringify(body)).toContain(path);
    }
    await refused(400, 'malformed_json', 'POST', '/api/admin/categories', '{"code": "x"');
  });

  it('changes a category; an inactive one leaves the public tree but stays in the admin list', async () => {
    const res = await call<Category>('PATCH', '/api/admin/categories/river_sign', { name_zh: '河长公示牌缺失', duplicate_radius_m: 80, default_severity: 'serious', icon: 'sign-2', sort_order: 5 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ code: 'river_sign', name_zh: '河长公示牌缺失', duplicate_radius_m: 80, default_severity: 'serious', sort_order: 5 });
    expect((await call<Category>('PATCH', '/api/admin/categories/river_sign', { active: false })).body.active).toBe(false);
    const tree = (await (await t.app.request('/api/categories', { headers: admin })).json()) as { groups: { categories: { code: string }[] }[] };
    expect(tree.groups.flatMap((g) => g.categories.map((c) => c.code))).not.toContain('river_sign');
    const all = (await call<{ categories: Category[] }>('GET', '/api/admin/categories')).body.categories;
    expect(all.find((c) => c.code === 'river_sign')).toMatchObject({ active: false });
    await call('PATCH', '/api/admin/categories/river_sign', { active: true, sort_order: 80 });
  });

  it('refuses unknown categories, empty changes and fixed fields', async () => {
    await refused(404, 'not_found', 'PATCH', '/api/admin/categories/no_such_thing', { active: false });
    await refused(400, 'validation_failed', 'PATCH', '/api/admin/categories/bank_garbage', {});
    await refused(400, 'validation_failed', 'PATCH', '/api/admin/categories/bank_garbage', { domain: 'fire' });
    await refused(400, 'validation_failed', 'PATCH', '/api/admin/categories/bank_garbage', { duplicate_radius_m: 5001 });
    await refused(400, 'validation_failed', 'PATCH', '/api/admin/categories/bank_garbage', { active: 'no' });
  });
});

describe('time limits', () => {
  type Row = { category: string; severity: string; amount: number; unit: string };

  it('lists every category × severity', async () => {
    const res = await call<{ time_limits: Row[] }>('GET', '/api/admin/time-limits');
    expect(res.status).toBe(200);
    expect(res.body.time_limits.length).toBeGreaterThanOrEqual(51);
    expect(res.body.time_limits.filter((r) => r.category === 'floating_debris')).toEqual([
      { category: 'floating_debris', severity: 'general', amount: 24, unit: 'hours' },
      { category: 'floating_debris', severity: 'serious', amount: 12, unit: 'hours' },
      { category: 'floating_debris', severity: 'major', amount: 4, unit: 'hours' },
    ]);
  });

  it('sets a limit in hours or working days, up to the bounds', async () => {
    const put = (category: string, severity: string, body: Json) => call<Row>('PUT', `/api/admin/time-limits/${category}/${severity}`, body);
    expect((await put('bank_garbage', 'general', { amount: 2, unit: 'working_days' })).body).toEqual({ category: 'bank_garbage', severity: 'general', amount: 2, unit: 'working_days' });
    expect((await put('bank_garbage', 'serious', { amount: 720, unit: 'hours' })).status).toBe(200);
    expect((await put('bank_garbage', 'major', { amount: 60, unit: 'working_days' })).status).toBe(200);
    expect((await put('bank_garbage', 'major', { amount: 1, unit: 'hours' })).body).toMatchObject({ amount: 1, unit: 'hours' });
    const cat = (await call<{ categories: Category[] }>('GET', '/api/admin/categories')).body.categories.find((c) => c.code === 'bank_garbage')!;
    expect(cat.time_limits).toEqual({ general: { amount: 2, unit: 'working_days' }, serious: { amount: 720, unit: 'hours' }, major: { amount: 1, unit: 'hours' } });
  });

  it('refuses out-of-bounds amounts, unknown units, severities and categories', async () => {
    const path = '/api/admin/time-limits/bank_garbage/general';
    for (const body of [
      { amount: 721, unit: 'hours' },
      { amount: 61, unit: 'working_days' },
      { amount: 0, unit: 'hours' },
      { amount: -3, unit: 'working_days' },
      { amount: 1.5, unit: 'hours' },
      { amount: '3', unit: 'hours' },
      { amount: 3, unit: 'days' },
      { amount: 3 },
    ]) {
      await refused(400, 'validation_failed', 'PUT', path, body);
    }
    const e = await refused(400, 'validation_failed', 'PUT', path, { amount: 61, unit: 'working_days' });
    expect(e.message).toMatch(/amount: at most 60 working days/);
    await refused(400, 'validation_failed', 'PUT', '/api/admin/time-limits/bank_garbage/urgent', { amount: 3, unit: 'hours' });
    await refused(404, 'not_found', 'PUT', '/api/admin/time-limits/no_such_thing/general', { amount: 3, unit: 'hours' });
    await refused(400, 'malformed_json', 'PUT', path, '{"amount": 3,');
  });
});

describe('holiday calendar', () => {
  const year = async (y: number) => (await call<{ year: number; days: Day[] }>('GET', `/api/admin/holidays?year=${y}`)).body;

  it('sets, changes and removes single days', async () => {
    expect(await year(2027)).toEqual({ year: 2027, days: [] });
    expect((await call<Day>('PUT', '/api/admin/holidays/2027-01-01', { kind: 'holiday', name: '元旦' })).body).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦' });
    // A holiday may fall on a weekend inside a run; a make-up working day must.
    expect((await call('PUT', '/api/admin/holidays/2027-01-02', { kind: 'holiday', name: '元旦' })).status).toBe(200);
    expect((await call('PUT', '/api/admin/holidays/2027-01-09', { kind: 'workday', name: '元旦调休' })).status).toBe(200);
    expect((await call<Day>('PUT', '/api/admin/holidays/2027-01-01', { kind: 'holiday', name: '元旦节' })).body.name).toBe('元旦节');
    expect((await year(2027)).days.map((d) => `${d.date} ${d.kind}`)).toEqual(['2027-01-01 holiday', '2027-01-02 holiday', '2027-01-09 workday']);

    const del = await t.app.request('/api/admin/holidays/2027-01-09', { method: 'DELETE', headers: admin });
    expect(del.status).toBe(204);
    expect((await year(2027)).days).toHaveLength(2);
    await refused(404, 'not_found', 'DELETE', '/api/admin/holidays/2027-01-09');
  });

  it('refuses bad dates, kinds and names, and a make-up working day on a weekday', async () => {
    const e = await refused(422, 'workday_not_weekend', 'PUT', '/api/admin/holidays/2027-01-04', { kind: 'workday', name: '调休' });
    expect(e.details).toEqual({ dates: ['2027-01-04'] });
    for (const date of ['2026-02-30', '2026-13-01', '2026-1-1', '20261001', 'today']) {
      await refused(400, 'validation_failed', 'PUT', `/api/admin/holidays/${date}`, { kind: 'holiday', name: '假日' });
    }
    await refused(400, 'validation_failed', 'PUT', '/api/admin/holidays/2027-05-03', { kind: 'vacation', name: '假日' });
    await refused(400, 'validation_failed', 'PUT', '/api/admin/holidays/2027-05-03', { kind: 'holiday', name: ' ' });
    await refused(400, 'validation_failed', 'PUT', '/api/admin/holidays/2027-05-03', { kind: 'holiday' });
    await refused(400, 'validation_failed', 'DELETE', '/api/admin/holidays/2026-02-30');
    await refused(400, 'validation_failed', 'GET', '/api/admin/holidays');
    await refused(400, 'validation_failed', 'GET', '/api/admin/holidays?year=1999');
  });

  it("replaces a whole year with the State Council's 2026 notice, and can clear it again", async () => {
    const res = await call<{ year: number; days: Day[] }>('PUT', '/api/admin/holidays?year=2026', { days: CN_2026_DAYS });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.days).toHaveLength(39);
    expect(res.body.days.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
    ]);
    expect(res.body.days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    // Other years are untouched.
    expect((await year(2027)).days).toHaveLength(2);

    const smaller = CN_2026_DAYS.filter((d) => d.name === '国庆节');
    expect((await call<{ days: Day[] }>('PUT', '/api/admin/holidays?year=2026', { days: smaller })).body.days).toHaveLength(9);
    expect((await call<{ days: Day[] }>('PUT', '/api/admin/holidays?year=2026', { days: [] })).body.days).toEqual([]);
    expect((await call('PUT', '/api/admin/holidays?year=2026', { days: CN_2026_DAYS })).status).toBe(200);
  });

  it('refuses a whole year that has a bad day, and keeps the old one', async () => {
    const wrong = async (status: number, code: string, days: unknown, query = 'year=2026') => refused(status, code, 'PUT', `/api/admin/holidays?${query}`, { days });
    expect((await wrong(422, 'date_outside_year', [...CN_2026_DAYS, { date: '2027-01-01', kind: 'holiday', name: '元旦' }])).details).toEqual({ dates: ['2027-01-01'] });
    expect((await wrong(422, 'duplicate_date', [...CN_2026_DAYS, { date: '2026-10-01', kind: 'holiday', name: '国庆' }])).details).toEqual({ dates: ['2026-10-01'] });
    expect((await wrong(422, 'workday_not_weekend', [...CN_2026_DAYS, { date: '2026-10-09', kind: 'workday', name: '国庆节' }])).details).toEqual({ dates: ['2026-10-09'] });
    await wrong(400, 'validation_failed', [{ date: '2026-02-29', kind: 'holiday', name: 'x' }]);
    await wrong(400, 'validation_failed', [{ date: '2026-10-01', kind: 'holiday' }]);
    await wrong(400, 'validation_failed', CN_2026_DAYS, 'year=26');
    await refused(400, 'validation_failed', 'PUT', '/api/admin/holidays?year=2026', CN_2026_DAYS);
    expect((await year(2026)).days).toHaveLength(39);
  });
});

describe('working-day deadlines from the stored calendar', () => {
  const at = (local: string) => new Date(`${local}+08:00`);
  const oneDay = { amount: 1, unit: 'working_days' } as const;

  it('loadWorkCalendar + dueAt skip the National Day and Mid-Autumn breaks and count the make-up Saturday', async () => {
    await call('PUT', '/api/admin/holidays?year=2026', { days: CN_2026_DAYS });
    const calendar = await loadWorkCalendar(db);
    const due = (start: string, amount: number) => dueAt(at(start), { amount, unit: 'working_days' }, calendar, 'Asia/Shanghai').toISOString();

    // Dispatched Wednesday 30 Sep: Oct 1–7 are off, so one working day is Thursday 8 Oct ...
    expect(due('2026-09-30T09:00:00', 1)).toBe(at('2026-10-08T09:00:00').toISOString());
    // ... and three are Thursday, Friday and the make-up Saturday 10 Oct.
    expect(due('2026-09-30T09:00:00', 3)).toBe(at('2026-10-10T09:00:00').toISOString());
    // Dispatched Friday 18 Sep: Sunday 20 Sep is a make-up working day.
    expect(due('2026-09-18T16:30:00', 1)).toBe(at('2026-09-20T16:30:00').toISOString());
    // Dispatched Thursday 24 Sep: Mid-Autumn runs Fri 25 – Sun 27.
    expect(due('2026-09-24T10:00:00', 1)).toBe(at('2026-09-28T10:00:00').toISOString());
    // Hours run on the clock through any holiday.
    expect(dueAt(at('2026-09-30T09:00:00'), { amount: 48, unit: 'hours' }, calendar, 'Asia/Shanghai').toISOString()).toBe(at('2026-10-02T09:00:00').toISOString());

    // Without the calendar the same limit would end on the holiday itself.
    expect(dueAt(at('2026-09-30T09:00:00'), oneDay, workCalendar(), 'Asia/Shanghai').toISOString()).toBe(at('2026-10-01T09:00:00').toISOString());
  });

  it('follows a single-day change at once', async () => {
    await call('PUT', '/api/admin/holidays/2026-10-08', { kind: 'holiday', name: '国庆节' });
    expect(dueAt(at('2026-09-30T09:00:00'), oneDay, await loadWorkCalendar(db), 'Asia/Shanghai').toISOString()).toBe(at('2026-10-09T09:00:00').toISOString());
    await t.app.request('/api/admin/holidays/2026-10-08', { method: 'DELETE', headers: admin });
    expect(dueAt(at('2026-09-30T09:00:00'), oneDay, await loadWorkCalendar(db), 'Asia/Shanghai').toISOString()).toBe(at('2026-10-08T09:00:00').toISOString());
  });
});

describe('the OpenAPI document', () => {
  it('describes every admin route, admins-only, with its refusals', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown>; tags?: string[] }>>;
    };
    const expected: [string, string[]][] = [
      ['/api/admin/users', ['get', 'post']],
      ['/api/admin/users/{id}', ['get', 'patch']],
      ['/api/admin/units', ['get', 'post']],
      ['/api/admin/units/{id}', ['get', 'patch']],
      ['/api/admin/areas/{area}/default-units', ['get']],
      ['/api/admin/areas/{area}/default-units/{category}', ['put', 'delete']],
      ['/api/admin/categories', ['get', 'post']],
      ['/api/admin/categories/{code}', ['patch']],
      ['/api/admin/time-limits', ['get']],
      ['/api/admin/time-limits/{category}/{severity}', ['put']],
      ['/api/admin/holidays', ['get', 'put']],
      ['/api/admin/holidays/{date}', ['put', 'delete']],
    ];
    for (const [path, methods] of expected) {
      expect(Object.keys(doc.paths[path] ?? {}).sort(), path).toEqual([...methods].sort());
      for (const m of methods) {
        const op = doc.paths[path]![m]!;
        expect(op.security, `${m} ${path}`).toEqual([{ bearer: [] }, { session: [] }]);
        expect(Object.keys(op.responses), `${m} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });
});
