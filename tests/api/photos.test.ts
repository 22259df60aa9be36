// GET /photos/:id/:size: content types, ETags and 304, cache headers, stripped derivatives,
// access by case scope; and the sweep that removes orphan files.
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepOrphanPhotos } from '../../api/src/features/photos/orphan-sweep';
import { seedBasics } from '../helpers/fixtures';
import { fixture, postReport, reportForm } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;
let inspector: Record<string, string>;
let photo: { id: string; urls: Record<string, string> };

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  inspector = await bearerFor(t, 'inspector1');
  // A GPS photo reported in M1 (west street): the pin is manual, so EXIF stays only in the original.
  const { status, body } = await postReport(
    t,
    inspector,
    reportForm([['p.jpg', fixture('jpg_gps_DSCN0010.jpg')]], { category: 'bank_garbage', lat: 31.205, lon: 120.505, location_source: 'manual' }),
  );
  expect(status).toBe(201);
  photo = (body as unknown as { photos: { id: string; urls: Record<string, string> }[] }).photos[0]!;
});
afterAll(() => db?.close());

const get = (url: string, headers: Record<string, string>) => t.app.request(url, { headers });

describe('serving photos', () => {
  it('serves the original as uploaded, with an ETag and revalidation', async () => {
    const res = await get(photo.urls.original!, inspector);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(fixture('jpg_gps_DSCN0010.jpg'))).toBe(true);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const again = await get(photo.urls.original!, { ...inspector, 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('serves immutable derivatives with every metadata tag stripped', async () => {
    for (const size of ['display', 'thumb'] as const) {
      const res = await get(photo.urls[size]!, inspector);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, max-age=31536000, immutable');
      const bytes = Buffer.from(await res.arrayBuffer());
      const meta = await sharp(bytes).metadata();
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(await exifr.gps(bytes).catch(() => undefined)).toBeUndefined();
      expect(`image/${meta.format === 'jpeg' ? 'jpeg' : meta.format}`).toBe(res.headers.get('content-type'));
      const etag = res.headers.get('etag')!;
      expect((await get(photo.urls[size]!, { ...inspector, 'if-none-match': `W/${etag}, "other"` })).status).toBe(304);
    }
    const thumb = await sharp(Buffer.from(await (await get(photo.urls.thumb!, inspector)).arrayBuffer())).metadata();
    expect(Math.max(thumb.width, thumb.height)).toBeLessThanOrEqual(320);
  });

  it('answers 404 to users who may not see the case, and 401 without a login', async () => {
    for (const who of ['dispatcher2', 'handler1']) {
      const res = await get(photo.urls.display!, await bearerFor(t, who));
      expect(res.status, who).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    }
    for (const who of ['dispatcher1', 'supervisor', 'admin']) {
      expect((await get(photo.urls.thumb!, await bearerFor(t, who))).status, who).toBe(200);
    }
    expect((await get(photo.urls.thumb!, {})).status).toBe(401);
  });

  it('answers 404 for unknown ids and bad sizes', async () => {
    expect((await get('/photos/00000000-0000-4000-8000-000000000000/display', inspector)).status).toBe(404);
    expect((await get('/photos/not-a-uuid/display', inspector)).status).toBe(404);
    expect((await get(`/photos/${photo.id}/huge`, inspector)).status).toBe(400);
  });

  it('shows the case with the same scope: GET /api/cases/:id', async () => {
    const [row] = await db.query<{ id: number }>('SELECT case_id AS id FROM photos WHERE id = $1', [photo.id]);
    expect((await get(`/api/cases/${row!.id}`, inspector)).status).toBe(200);
    expect((await get(`/api/cases/${row!.id}`, await bearerFor(t, 'dispatcher2'))).status).toBe(404);
    expect((await get('/api/cases/999999', inspector)).status).toBe(404);
    expect((await get('/api/cases/abc', inspector)).status).toBe(400);
  });
});

describe('the orphan sweep', () => {
  it('removes old files no photo refers to, and spares referenced and recent ones', async () => {
    const orphan = 'display/de/ad/' + 'de'.repeat(32) + '.jpg';
    const fresh = 'display/be/ef/' + 'be'.repeat(32) + '.jpg';
    await t.blobs.put(orphan, Buffer.from('left by a crash'));
    await t.blobs.put(fresh, Buffer.from('a request still running'));
    const old = new Date(t.clock.now().getTime() - 3_600_000);
    fs.utimesSync(path.join(t.photoDir, orphan), old, old);
    for (const dir of ['originals', 'display', 'thumb']) {
      for (const f of fs.readdirSync(path.join(t.photoDir, dir), { recursive: true, withFileTypes: true })) {
        if (f.isFile()) fs.utimesSync(path.join(f.parentPath, f.name), old, old);
      }
    }
    fs.utimesSync(path.join(t.photoDir, fresh), t.clock.now(), t.clock.now());

    const result = await sweepOrphanPhotos({ db, blobs: t.blobs, clock: t.clock });
    expect(result.deleted).toBe(1);
    expect(await t.blobs.stat(orphan)).toBeNull();
    expect(await t.blobs.stat(fresh)).not.toBeNull();
    for (const size of ['original', 'display', 'thumb']) {
      expect((await get(photo.urls[size]!, inspector)).status).toBe(200);
    }
  });
});
