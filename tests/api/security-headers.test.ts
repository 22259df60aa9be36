// Security headers: CSP (no inline script, tiles from the configured hosts, no framing) on the UI,
// nosniff and a referrer policy everywhere, no-store on API JSON only, HSTS only over TLS (COOKIE_SECURE).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import { fixedClock } from '../../api/src/lib/clock';
import { localBlobStore } from '../../api/src/photos/blob-store';
import { seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let uiDir: string;

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  uiDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-ui-'));
  fs.mkdirSync(path.join(uiDir, 'assets'));
  fs.writeFileSync(path.join(uiDir, 'index.html'), '<!doctype html><script type="module" src="/assets/a.js"></script>');
  fs.writeFileSync(path.join(uiDir, 'assets', 'a.js'), 'console.log(1)');
  t = createTestApp(db, { tiandituKey: 'k' });
});
afterAll(() => {
  fs.rmSync(uiDir, { recursive: true, force: true });
  return db?.close();
});

function appWith(overrides: Record<string, unknown>) {
  const config = { ...loadConfig({ DATA_DIR: '/nonexistent-test-data' }), photoDir: t.photoDir, ...overrides };
  return buildApp({ db, blobs: localBlobStore(t.photoDir), config, logger: pino({ level: 'silent' }), clock: fixedClock('2026-11-22T09:00:00+08:00'), version: 'test', uiDir });
}

const csp = (res: Response) =>
  Object.fromEntries((res.headers.get('content-security-policy') ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k!, v]));

describe('security headers', () => {
  it('the UI page has a CSP without inline script, no framing, and the tile hosts in img-src', async () => {
    const res = await appWith({ tiandituKey: 'k' }).request('/workbench');
    expect(res.status).toBe(200);
    const p = csp(res);
    expect(p['script-src']).toEqual(["'self'"]);
    expect(p['default-src']).toEqual(["'self'"]);
    expect(p['frame-ancestors']).toEqual(["'none'"]);
    expect(p['object-src']).toEqual(["'none'"]);
    expect(p['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org', 'https://*.tianditu.gov.cn', 'https://*.is.autonavi.com']);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('API JSON, errors included, is no-store and nosniff; assets and photos keep their own caching', async () => {
    const auth = await bearerFor(t, 'inspector1');
    for (const [p, status] of [['/api/categories', 200], ['/api/me', 200], ['/api/nothing', 404], ['/healthz', 200], ['/openapi.json', 200]] as const) {
      const res = await t.app.request(p, { headers: auth });
      expect(res.status, p).toBe(status);
      expect(res.headers.get('cache-control'), p).toBe('no-store');
      expect(res.headers.get('x-content-type-options'), p).toBe('nosniff');
    }
    const asset = await appWith({}).request('/assets/a.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).not.toBe('no-store');
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    const c = await fileCase(t, auth);
    const photo = await t.app.request(`/photos/${c.photos[0]!.id}/thumb`, { headers: auth });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('cache-control')).not.toBe('no-store');
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('HSTS only when COOKIE_SECURE says the site is served over TLS', async () => {
    const res = await appWith({ cookieSecure: true }).request('/healthz');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
  });
});
