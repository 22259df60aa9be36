// Hostile and odd images through the real intake route: odd shapes decode, truncated HEIC is
// refused, polyglot originals are served only as downloads, the display image is about 2048 px,
// and image work that takes too long fails the request cleanly with 503.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { fixture, postReport, reportForm, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let inspector: Record<string, string>;

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  inspector = await bearerFor(t, 'inspector1');
});
afterAll(() => db?.close());

type Photo = { id: string; width: number; height: number; urls: Record<string, string> };
const PLACE = { category: 'bank_garbage', lat: 31.205, lon: 120.505, location_source: 'manual' };
const report = (app: TestApp, name: string, bytes: Buffer) => postReport(app, inspector, reportForm([[name, bytes]], PLACE));
const photosOf = (body: unknown) => (body as { photos: Photo[] }).photos;
const solid = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 30 } } }).jpeg({ quality: 90 }).toBuffer();

describe('odd and hostile images', () => {
  it('accepts a valid 1x60000 JPEG (a 1-px side cannot be shrunk on load: decoded whole)', async () => {
    const r = await report(t, 'tall.jpg', await solid(1, 60000));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const display = await sharp(Buffer.from(await (await t.app.request(photosOf(r.body)[0]!.urls.display!, { headers: inspector })).arrayBuffer())).metadata();
    expect([display.width, display.height]).toEqual([1, 2048]);
  });

  it('makes a 2048-px display image of a 4200x3150 photo, not 1050 px', async () => {
    const r = await report(t, 'big.jpg', await solid(4200, 3150));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const display = await sharp(Buffer.from(await (await t.app.request(photosOf(r.body)[0]!.urls.display!, { headers: inspector })).arrayBuffer())).metadata();
    expect([display.width, display.height]).toEqual([2048, 1536]);
  });

  it('refuses a HEIC truncated to half with 422, writing nothing', async () => {
    for (const name of ['heic_IMG_5195.HEIC', 'heic_iphone_13_pro_max.HEIC']) {
      const whole = fixture(name);
      const before = await snapshot(t);
      const r = await report(t, 'half.heic', whole.subarray(0, Math.floor(whole.length / 2)));
      expect([r.status, r.body.error?.code], name).toEqual([422, 'image_unreadable']);
      expect(await snapshot(t)).toEqual(before);
    }
  });

  it('serves a JPEG+HTML polyglot original only as a download; the display image is a clean re-encode', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>');
    const polyglot = Buffer.concat([fixture('jpg_orientation_landscape_1.jpg'), html, Buffer.from('PK\x05\x06' + '\0'.repeat(18), 'latin1')]);
    const r = await report(t, 'poly.jpg', polyglot);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const photo = photosOf(r.body)[0]!;
    const original = await t.app.request(photo.urls.original!, { headers: inspector });
    expect(original.status).toBe(200);
    expect(original.headers.get('content-disposition')).toBe(`attachment; filename="${photo.id}.jpg"`);
    expect(original.headers.get('x-content-type-options')).toBe('nosniff');
    const display = await t.app.request(photo.urls.display!, { headers: inspector });
    expect(display.headers.get('content-disposition')).toBeNull();
    expect(Buffer.from(await display.arrayBuffer()).includes(html)).toBe(false);
  });
});

describe('image work time limit', () => {
  it('answers 503 image_timeout and writes nothing when processing outlasts the setting', async () => {
    const slow = createTestApp(db, { photoTimeoutMs: 1 });
    const before = await snapshot(slow);
    const r = await report(slow, 'big.jpg', await solid(4000, 3000));
    expect([r.status, r.body.error?.code], JSON.stringify(r.body)).toEqual([503, 'image_timeout']);
    expect(r.res.headers.get('retry-after')).toBe('30');
    expect(await snapshot(slow)).toEqual(before);
  });
});

describe('request size', () => {
  it('refuses a request over PHOTO_MAX_REQUEST_MB with 413, though each photo is within its own limit', async () => {
    const small = createTestApp(db, { photoMaxRequestBytes: 200_000 });
    const photo = fixture('jpg_mobile_jolla.jpg');
    expect(photo.length).toBeLessThan(small.config.photoMaxBytes);
    const r = await postReport(small, inspector, reportForm([['a.jpg', photo], ['b.jpg', photo], ['c.jpg', photo]], PLACE));
    expect([r.status, r.body.error?.code]).toEqual([413, 'payload_too_large']);
  });
});

describe('uploads in flight', () => {
  it('answers 503 uploads_busy with Retry-After beyond PHOTO_MAX_CONCURRENT_UPLOADS, writing nothing for it', async () => {
    const one = createTestApp(db, { photoMaxConcurrentUploads: 1 });
    const photo = fixture('jpg_orientation_landscape_8.jpg');
    const [a, b] = await Promise.all([report(one, 'a.jpg', photo), report(one, 'b.jpg', photo)]);
    expect([a.status, b.status].sort()).toEqual([201, 503]);
    const busy = a.status === 503 ? a : b;
    expect([busy.body.error?.code, busy.res.headers.get('retry-after')]).toEqual(['uploads_busy', '5']);
    expect((await report(one, 'c.jpg', photo)).status).toBe(201); // the slot is free again
  });
});
