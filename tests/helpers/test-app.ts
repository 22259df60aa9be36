// Builds the real app over a test database, with a silent logger and a pinned clock,
// and logs users in. Requests go through app.request(): no server, no port.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { buildApp } from '../../api/src/app';
import { loadConfig, type Config } from '../../api/src/config';
import { fixedClock } from '../../api/src/lib/clock';
import { localBlobStore } from '../../api/src/photos/blob-store';
import type { TestDb } from './test-db';
import { TEST_PASSWORD } from './fixtures';

export type TestApp = ReturnType<typeof createTestApp>;

// Photo directories of this test process, removed when it exits.
const photoDirs: string[] = [];
process.once('exit', () => {
  for (const dir of photoDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** The app over `db` (and `readDb` as its read replica, if given), with photos in a fresh temporary directory (`photoDir`). */
export function createTestApp(db: TestDb, overrides: Partial<Config> = {}, now = '2026-11-22T09:00:00+08:00', readDb?: TestDb) {
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-photos-'));
  photoDirs.push(photoDir);
  // Tests fire many uploads at once to test races; the in-flight cap has its own test (photos-images).
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent-test-data' }), photoDir, photoMaxConcurrentUploads: 50, ...overrides };
  const clock = fixedClock(now);
  const blobs = localBlobStore(config.photoDir);
  const app = buildApp({ db, ...(readDb ? { readDb } : {}), blobs, config, logger: pino({ level: 'silent' }), clock, version: 'test' });
  return { app, clock, config, db, blobs, photoDir: config.photoDir };
}

/** Logs in for a bearer token and returns headers that carry it. */
export async function bearerFor(t: TestApp, username: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const res = await t.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password, token: true }),
  });
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: string };
  return { authorization: `Bearer ${body.token}` };
}
