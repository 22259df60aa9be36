// /healthz, /openapi.json, unknown routes and the error format.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../api/src/db/db';
import { createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';

let db: TestDb;
let t: TestApp;

beforeAll(async () => {
  db = await openTestDb();
  t = createTestApp(db);
});
afterAll(() => db?.close());

describe('GET /healthz', () => {
  it('says ok with the driver and version', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite', version: 'test' });
  });

  it('answers 503 when the database does not', async () => {
    const broken: Db = {
      ...db,
      query: () => Promise.reject(new Error('connection terminated')),
    };
    const res = await createTestApp(broken as TestDb).app.request('/healthz');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable' });
  });
});

describe('GET /openapi.json', () => {
  it('is an OpenAPI 3.1 document built from the validating schemas', async () => {
    const res = await t.app.request('/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: { name: string; schema: { enum?: string[] } }[]; requestBody?: unknown }>>;
      components: { schemas: Record<string, { required?: string[] }>; securitySchemes: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/healthz', '/api/auth/login', '/api/auth/logout', '/api/me', '/api/areas', '/api/categories', '/api/config']) {
      expect(doc.paths[p], p).toBeDefined();
    }
    const level = doc.paths['/api/areas']!.get!.parameters!.find((x) => x.name === 'level')!;
    expect(level.schema.enum).toEqual(['district', 'street', 'community', 'grid', 'micro_grid']);
    expect(doc.components.schemas.LoginRequest!.required).toEqual(['username', 'password']);
    expect(doc.components.schemas.Error).toBeDefined();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'session']);
  });
});

describe('errors', () => {
  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'no route for GET /api/nothing-here' } });
  });

  it('answers a wrong method on a known path with a JSON 404, never a stack', async () => {
    const res = await t.app.request('/api/auth/login', { method: 'GET' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('answers a form body sent to a JSON endpoint with 415', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=admin&password=x',
    });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type');
  });

  it('hides internal errors behind a plain 500', async () => {
    const failing: Db = { ...db, query: () => Promise.reject(new Error('secret detail: relation x')) };
    const res = await createTestApp(failing as TestDb).app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'a', password: 'b' }),
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'internal server error' } });
    expect(text).not.toContain('secret');
  });

  it('tags every response with a request id', async () => {
    const res = await t.app.request('/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    expect((await t.app.request('/healthz')).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('GET /api/config', () => {
  it('tells the UI its base map without a login', async () => {
    const res = await t.app.request('/api/config');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { baseMaps: { id: string; datum: string }[] };
    expect(body).toMatchObject({
      version: 'test',
      tileUrl: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
      tileAttribution: '© OpenStreetMap contributors',
    });
    // No Tianditu key in the test settings: OpenStreetMap first, then Amap (GCJ-02).
    expect(body.baseMaps.map((m) => [m.id, m.datum])).toEqual([
      ['osm', 'wgs84'],
      ['amap', 'gcj02'],
    ]);
  });
});
