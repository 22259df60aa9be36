// POST /api/cases with real photos: location, time, routing, flags, duplicates, retries,
// and for every refusal, a clear 4xx with nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areasRepo } from '../../api/src/features/areas/areas.repo';
import { seedBasics, square, type Fixtures } from '../helpers/fixtures';
import { fixture, postReport, reportForm, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let fx: Fixtures;
let inspector: Record<string, string>;

// Inside micro-grid M1 (120.50–120.51 E, 31.20–31.21 N).
const IN_M1 = { lat: 31.205, lon: 120.505 };

beforeAll(async () => {
  db = await openTestDb();
  fx = await seedBasics(db);
  // An area around the Nikon fixtures' GPS (43.467 N, 11.885 E), so EXIF placement has a grid to find.
  let parent: string | null = null;
  for (const level of ['district', 'street', 'community', 'grid', 'micro_grid'] as const) {
    await areasRepo.upsert(db, { code: `IT-${level}`, name: `意大利${level}`, level, parentCode: parent, geometry: square(11.8, 43.4, 0.2) });
    parent = `IT-${level}`;
  }
  // River categories go to the water station everywhere; anything else in C1 to the property company.
  await db.query(`INSERT INTO area_units (area_id, category_code, unit_id) VALUES ($1, NULL, $2), ($3, 'bank_garbage', $4)`, [
    fx.areaIds.C1, fx.unitIds['U-PROP'], fx.areaIds.D, fx.unitIds['U-WATER'],
  ]);
  t = createTestApp(db);
  inspector = await bearerFor(t, 'inspector1');
});
afterAll(() => db?.close());

type CaseBody = {
  id: number;
  code: string;
  status: string;
  location: { coordinates: [number, number] };
  location_source: string;
  area_path: { code: string; level: string }[];
  unassigned: boolean;
  unit: { code: string } | null;
  flags: string[];
  photos: { id: string; width: number; height: number; urls: Record<string, string> }[];
  possible_duplicates: { id: number; distance_m: number }[];
  time_limit: { amount: number; unit: string };
  expected_due_at: string;
  observed_at: string | null;
  severity: string;
};

describe('a report with a GPS photo', () => {
  it('is located from EXIF, placed in its micro-grid, flagged stale, and given a code', async () => {
    const { status, body, res } = await postReport(t, inspector, reportForm([['p.jpg', fixture('jpg_gps_DSCN0010.jpg')]], { category: 'bank_garbage', description: '岸边有垃圾' }));
    expect(status, JSON.stringify(body)).toBe(201);
    const c = body as unknown as CaseBody;
    expect(res.headers.get('location')).toBe(`/api/cases/${c.id}`);
    expect(c.code).toMatch(/^XC-20261122-\d{4}$/);
    expect(c.status).toBe('submitted');
    expect(c.location_source).toBe('exif');
    expect(c.location.coordinates[0]).toBeCloseTo(11.885, 2);
    expect(c.location.coordinates[1]).toBeCloseTo(43.467, 2);
    expect(c.area_path.map((a) => a.code)).toEqual(['IT-micro_grid', 'IT-grid', 'IT-community', 'IT-street', 'IT-district']);
    expect(c.unassigned).toBe(false);
    // Taken in 2008: far older than 7 days.
    expect(c.flags).toContain('stale_photo');
    // DateTimeOriginal 2008:10:22 16:28:39 has no zone: read as Asia/Shanghai, not UTC.
    expect(c.observed_at).toBe('2008-10-22T08:28:39.000Z');
    expect(c.photos).toHaveLength(1);
    expect(c.photos[0]!.urls.display).toBe(`/photos/${c.photos[0]!.id}/display`);
    expect(c.severity).toBe('general');
    expect(c.time_limit).toEqual({ amount: 24, unit: 'hours' });
    expect(new Date(c.expected_due_at).toISOString()).toBe('2026-11-23T01:00:00.000Z');
  });
});

describe('a report without GPS in the photo', () => {
  it('uses the device location, routes by area and category, and numbers codes per day', async () => {
    const first = await postReport(t, inspector, reportForm([['phone.jpg', fixture('jpg_mobile_jolla.jpg')]], { category: 'bank_garbage', ...IN_M1, accuracy: 8 }));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    const c = first.body as unknown as CaseBody;
    expect(c.location_source).toBe('device');
    expect(c.location.coordinates).toEqual([IN_M1.lon, IN_M1.lat]);
    expect(c.area_path.map((a) => [a.code, a.level])).toEqual([
      ['M1', 'micro_grid'], ['G1', 'grid'], ['C1', 'community'], ['S1', 'street'], ['D', 'district'],
    ]);
    // A rule for the category (water station, at district level) beats the catch-all of the community.
    expect(c.unit?.code).toBe('U-WATER');
    expect(c.flags).not.toContain('location_conflict');

    const fire = await postReport(t, inspector, reportForm([['x.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'fire_lane_blocked', ...IN_M1 }));
    const f = fire.body as unknown as CaseBody;
    expect(f.unit?.code).toBe('U-PROP');
    expect(f.severity).toBe('serious');
    expect(Number(f.code.slice(-4))).toBe(Number(c.code.slice(-4)) + 1);
  });

  it('keeps a point outside every area, as unassigned', async () => {
    const { status, body } = await postReport(t, inspector, reportForm([['x.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'corridor_clutter', lat: 30, lon: 100 }));
    expect(status).toBe(201);
    const c = body as unknown as CaseBody;
    expect(c.unassigned).toBe(true);
    expect(c.area_path).toEqual([]);
    expect(c.unit).toBeNull();
  });

  it('records a hand-placed pin as manual, and flags EXIF that disagrees by more than 200 m', async () => {
    const { body } = await postReport(t, inspector, reportForm([['p.jpg', fixture('jpg_gps_DSCN0012.jpg')]], { category: 'river_sign', ...IN_M1, location_source: 'manual' }));
    const c = body as unknown as CaseBody;
    expect(c.location_source).toBe('manual');
    expect(c.location.coordinates).toEqual([IN_M1.lon, IN_M1.lat]);
    expect(c.flags).toContain('location_conflict');
  });
});

describe('HEIC photos', () => {
  it('decodes an iPhone HEIC with GPS and honours its OffsetTimeOriginal', async () => {
    const { status, body } = await postReport(t, inspector, reportForm([['IMG_5195.HEIC', fixture('heic_IMG_5195.HEIC')]], { category: 'illegal_outfall' }));
    expect(status, JSON.stringify(body)).toBe(201);
    const c = body as unknown as CaseBody;
    expect(c.location_source).toBe('exif');
    expect(c.location.coordinates[1]).toBeCloseTo(39.051, 2);
    expect(c.location.coordinates[0]).toBeCloseTo(-94.289, 2);
    expect(c.observed_at).toBe('2021-04-11T20:47:53.000Z');
    expect(c.unassigned).toBe(true);
  });

  it('decodes a rotated HEIC without GPS, upright', async () => {
    const { status, body } = await postReport(t, inspector, reportForm([['r.heic', fixture('heic_iphone_13_pro_max.HEIC')]], { category: 'ebike_indoor', ...IN_M1 }));
    expect(status, JSON.stringify(body)).toBe(201);
    const p = (body as unknown as CaseBody).photos[0]!;
    expect(p.height).toBeGreaterThan(p.width);
  });
});

describe('duplicates', () => {
  it('offers open cases of the same category nearby, nearest first, on submit and on GET /api/cases/nearby', async () => {
    const here = { lat: 31.2051, lon: 120.5051 };
    const a = (await postReport(t, inspector, reportForm([['a.jpg', fixture('jpg_orientation_landscape_1.jpg')]], { category: 'corridor_clutter', ...here }))).body as unknown as CaseBody;
    // 11 m away: within the 20 m radius of corridor clutter.
    const b = (await postReport(t, inspector, reportForm([['b.jpg', fixture('jpg_orientation_landscape_3.jpg')]], { category: 'corridor_clutter', lat: here.lat + 0.0001, lon: here.lon }))).body as unknown as CaseBody;
    expect(b.possible_duplicates.map((d) => d.id)).toEqual([a.id]);
    expect(b.possible_duplicates[0]!.distance_m).toBeCloseTo(11.1, 0);

    const near = await t.app.request(`/api/cases/nearby?lat=${here.lat}&lon=${here.lon}&category=corridor_clutter`, { headers: inspector });
    expect(near.status).toBe(200);
    const ids = ((await near.json()) as { cases: { id: number }[] }).cases.map((x) => x.id);
    expect(ids).toEqual([a.id, b.id]);

    // Other categories, closed cases and old cases are not offered.
    const other = await t.app.request(`/api/cases/nearby?lat=${here.lat}&lon=${here.lon}&category=exit_blocked`, { headers: inspector });
    expect(((await other.json()) as { cases: unknown[] }).cases).toEqual([]);
    await db.query(`UPDATE cases SET status = 'closed' WHERE id = $1`, [a.id]);
    await db.query(`UPDATE cases SET created_at = created_at - interval '8 days' WHERE id = $1`, [b.id]);
    const none = await t.app.request(`/api/cases/nearby?lat=${here.lat}&lon=${here.lon}&category=corridor_clutter`, { headers: inspector });
    expect(((await none.json()) as { cases: unknown[] }).cases).toEqual([]);
  });

  it('flags a photo already attached to another case', async () => {
    const bytes = fixture('jpg_orientation_landscape_6.jpg');
    const first = (await postReport(t, inspector, reportForm([['a.jpg', bytes]], { category: 'fire_equipment', ...IN_M1 }))).body as unknown as CaseBody;
    expect(first.flags).not.toContain('reused_photo');
    const again = (await postReport(t, inspector, reportForm([['b.jpg', bytes]], { category: 'fire_equipment', lat: 31.209, lon: 120.509 }))).body as unknown as CaseBody;
    expect(again.flags).toContain('reused_photo');
  });

  it('answers a bad nearby query with 400 or 422', async () => {
    expect((await t.app.request('/api/cases/nearby?lat=91&lon=120&category=bank_garbage', { headers: inspector })).status).toBe(400);
    expect((await t.app.request('/api/cases/nearby?lat=31&lon=120', { headers: inspector })).status).toBe(400);
    expect((await t.app.request('/api/cases/nearby?lat=31&lon=120&category=nope', { headers: inspector })).status).toBe(422);
  });
});

describe('refusals leave nothing behind', () => {
  const cases: [string, () => FormData, number, string, Partial<Parameters<typeof createTestApp>[1]>?][] = [
    ['no photo', () => reportForm([], { category: 'bank_garbage', ...IN_M1 }), 422, 'photo_required'],
    ['an unknown category', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'ufo', ...IN_M1 }), 422, 'unknown_category'],
    ['no location at all', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'bank_garbage' }), 422, 'location_required'],
    ['a text file named .jpg', () => reportForm([['a.jpg', new TextEncoder().encode('not an image at all, just text')]], { category: 'bank_garbage', ...IN_M1 }), 415, 'unsupported_media_type'],
    ['a corrupt JPEG', () => reportForm([['c.jpg', fixture('jpg_corrupted.jpg')]], { category: 'bank_garbage', ...IN_M1 }), 422, 'image_unreadable'],
    ['a good photo followed by a corrupt one', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')], ['c.jpg', fixture('jpg_corrupted.jpg')]], { category: 'bank_garbage', ...IN_M1 }), 422, 'image_unreadable'],
    ['ten photos', () => reportForm(Array.from({ length: 10 }, (_, i) => [`${i}.jpg`, fixture('jpg_Canon_40D.jpg')] as [string, Buffer]), { category: 'bank_garbage', ...IN_M1 }), 413, 'payload_too_large'],
    ['a file over the size limit', () => reportForm([['big.jpg', fixture('jpg_mobile_jolla.jpg')]], { category: 'bank_garbage', ...IN_M1 }), 413, 'payload_too_large', { photoMaxBytes: 500_000 }],
    ['a photo over the pixel limit', () => reportForm([['big.jpg', fixture('jpg_mobile_jolla.jpg')]], { category: 'bank_garbage', ...IN_M1 }), 413, 'payload_too_large', { photoMaxPixels: 2_000_000 }],
    ['an observed_at in the future', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'bank_garbage', ...IN_M1, observed_at: '2026-11-23T09:00:00+08:00' }), 422, 'observed_at_in_future'],
    ['lat without lon', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'bank_garbage', lat: 31.2 }), 400, 'validation_failed'],
    ['a latitude out of range', () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'bank_garbage', lat: 95, lon: 120 }), 400, 'validation_failed'],
  ];
  for (const [what, form, status, code, overrides] of cases) {
    it(`${what}: ${status} ${code}`, async () => {
      const app = overrides ? createTestApp(db, overrides) : t;
      const auth = overrides ? await bearerFor(app, 'inspector1') : inspector;
      const before = await snapshot(app);
      const { status: got, body } = await postReport(app, auth, form(), { 'idempotency-key': `refused-${code}-${status}` });
      expect(got, JSON.stringify(body)).toBe(status);
      expect(body.error?.code).toBe(code);
      expect(body.error?.message.length).toBeGreaterThan(5);
      expect(await snapshot(app)).toEqual(before);
    });
  }

  it('a request that is not multipart: 415', async () => {
    const before = await snapshot(t);
    const res = await t.app.request('/api/cases', { method: 'POST', headers: { ...inspector, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(415);
    expect(await snapshot(t)).toEqual(before);
  });

  it('a body over the whole-request limit: 413 before it is read', async () => {
    const small = createTestApp(db, { photoMaxBytes: 100_000, photoMaxFiles: 1 });
    const auth = await bearerFor(small, 'inspector1');
    const before = await snapshot(small);
    const { status, body } = await postReport(small, auth, reportForm([['a.jpg', fixture('jpg_corrupted.jpg')]], { category: 'bank_garbage' }));
    expect(status).toBe(413);
    expect(body.error?.code).toBe('payload_too_large');
    expect(await snapshot(small)).toEqual(before);
  });

  it('a database failure after the files were written removes them again', async () => {
    const failing: TestDb = {
      ...db,
      transaction: (fn) =>
        db.transaction((tx) =>
          fn({
            ...tx,
            query: (sql, params) => (sql.includes('INSERT INTO photos') ? Promise.reject(new Error('disk full')) : tx.query(sql, params)),
          }),
        ),
    };
    const app = createTestApp(failing);
    const auth = await bearerFor(app, 'inspector1');
    const before = await snapshot(app);
    const { status, body } = await postReport(app, auth, reportForm([['a.jpg', fixture('jpg_gps_DSCN0025.jpg')]], { category: 'bank_garbage' }));
    expect(status).toBe(500);
    expect(body.error?.code).toBe('internal');
    expect(await snapshot(app)).toEqual(before);
  });
});

describe('retries with Idempotency-Key', () => {
  it('replay the first answer and create nothing new', async () => {
    const form = () => reportForm([['a.jpg', fixture('jpg_orientation_landscape_8.jpg')]], { category: 'exit_blocked', ...IN_M1 });
    const first = await postReport(t, inspector, form(), { 'idempotency-key': 'retry-1' });
    expect(first.status).toBe(201);
    const before = await snapshot(t);
    const again = await postReport(t, inspector, form(), { 'idempotency-key': 'retry-1' });
    expect(again.status).toBe(201);
    expect(again.res.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await snapshot(t)).toEqual(before);

    const different = await postReport(t, inspector, reportForm([['a.jpg', fixture('jpg_orientation_landscape_8.jpg')]], { category: 'exit_blocked', lat: 31.201, lon: 120.501 }), { 'idempotency-key': 'retry-1' });
    expect(different.status).toBe(422);
    expect(different.body.error?.code).toBe('idempotency_key_reused');
  });

  it('twenty identical requests in parallel create exactly one case', async () => {
    const before = await snapshot(t);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        postReport(t, inspector, reportForm([['a.jpg', fixture('jpg_gps_DSCN0021.jpg')]], { category: 'floating_debris' }), { 'idempotency-key': 'storm-20' }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    expect(new Set(results.map((r) => (r.body as unknown as CaseBody).id)).size).toBe(1);
    const after = await snapshot(t);
    expect(after.counts!.cases).toBe(before.counts!.cases! + 1);
    expect(after.counts!.photos).toBe(before.counts!.photos! + 1);
  }, 60_000);

  it('are per user: the same key from another user is another request', async () => {
    const other = await bearerFor(t, 'dispatcher1');
    const form = () => reportForm([['a.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'fire_other', ...IN_M1 });
    const a = await postReport(t, inspector, form(), { 'idempotency-key': 'shared-key' });
    const b = await postReport(t, other, form(), { 'idempotency-key': 'shared-key' });
    expect((a.body as unknown as CaseBody).id).not.toBe((b.body as unknown as CaseBody).id);
  });
});
