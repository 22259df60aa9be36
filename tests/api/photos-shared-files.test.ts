// Content-addressed photo files shared by concurrent requests: a request that fails, and the orphan
// sweep, must never remove a file that another request's photo row refers to (or is about to).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePhotos, readUploads, storePhotos } from '../../api/src/features/cases/intake-photos';
import { sweepOrphanPhotos } from '../../api/src/features/photos/orphan-sweep';
import { testImage } from '../fixtures/photos/synthetic';
import { seedBasics } from '../helpers/fixtures';
import { postReport, reportForm } from '../helpers/intake';
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

let seq = 0;
/** Bytes no earlier test stored: a fresh image of its own size. */
const freshPhoto = () => testImage('jpeg', 300 + ++seq, 200);

const prepare = async (bytes: Buffer) =>
  preparePhotos(await readUploads([new File([new Uint8Array(bytes)], 'p.jpg')], t.config.photoMaxBytes), {
    photoMaxPixels: t.config.photoMaxPixels,
    timeZone: t.config.timeZone,
    photoTimeoutMs: 30_000,
  });

async function fileWith(bytes: Buffer) {
  const r = await postReport(t, inspector, reportForm([['p.jpg', bytes]], { category: 'bank_garbage', lat: 31.205, lon: 120.505, location_source: 'manual' }));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return (r.body as unknown as { photos: { urls: Record<string, string> }[] }).photos[0]!.urls;
}

async function expectServed(urls: Record<string, string>) {
  for (const url of Object.values(urls)) expect((await t.app.request(url, { headers: inspector })).status, url).toBe(200);
}

describe('photo files shared between requests', () => {
  it('a failed request that wrote the files first leaves them to the request that committed them', async () => {
    const bytes = await freshPhoto();
    const failing = await storePhotos(t, await prepare(bytes)); // wrote every file, then its transaction fails
    const urls = await fileWith(bytes); // the same bytes, committed meanwhile: its files already existed
    await failing.rollback();
    await expectServed(urls);
  });

  it('a rollback between another request writing and committing: that request puts the files back', async () => {
    const photos = await prepare(await freshPhoto());
    const failing = await storePhotos(t, photos);
    const winner = await storePhotos(t, photos); // found every file there
    await failing.rollback(); // nothing refers to them yet, so they go
    await db.transaction((tx) => winner.claim(tx));
    for (const key of Object.values(winner[0]!)) expect(await t.blobs.stat(key), key).not.toBeNull();
  });

  it('a retry reusing an "orphan" the sweep removes has its files back before it commits', async () => {
    const photos = await prepare(await freshPhoto());
    await storePhotos(t, photos); // a crashed request's files: orphans
    const retry = await storePhotos(t, photos);
    const swept = await sweepOrphanPhotos({ db, blobs: t.blobs, clock: { now: () => new Date(Date.now() + 3_600_000) } });
    expect(swept.deleted).toBeGreaterThanOrEqual(3);
    await db.transaction((tx) => retry.claim(tx));
    for (const key of Object.values(retry[0]!)) expect(await t.blobs.stat(key), key).not.toBeNull();
  });

  it('the sweep keeps files a committed row refers to, and a rollback after it changes nothing', async () => {
    const bytes = await freshPhoto();
    const failing = await storePhotos(t, await prepare(bytes));
    const urls = await fileWith(bytes);
    await sweepOrphanPhotos({ db, blobs: t.blobs, clock: { now: () => new Date(Date.now() + 3_600_000) } });
    await failing.rollback();
    await expectServed(urls);
  });
});
