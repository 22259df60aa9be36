// GET /api/cases?sort=oldest: the workbench list sorted by report time either way, paged the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
let auth: Record<string, string>;
const codes: string[] = [];

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  const inspector = await bearerFor(t, 'inspector1');
  auth = await bearerFor(t, 'dispatcher1');
  // Reported an hour apart, so the order is by time, not by id alone.
  for (let i = 0; i < 3; i++) {
    codes.push((await fileCase(t, inspector, { lat: 31.203 + i * 0.001, lon: 120.503 })).code);
    t.clock.advance(3_600_000);
  }
});
afterAll(() => db?.close());

const list = async (query: string) => {
  const res = await t.app.request(`/api/cases${query}`, { headers: { ...auth, accept: 'application/json' } });
  return { status: res.status, body: (await res.json()) as { total: number; cases: { code: string }[]; error?: { code: string } } };
};

describe('GET /api/cases sort', () => {
  it('is newest first by default and oldest first with sort=oldest, with the same total and paging', async () => {
    expect((await list('')).body.cases.map((c) => c.code)).toEqual([...codes].reverse());
    expect((await list('?sort=newest')).body.cases.map((c) => c.code)).toEqual([...codes].reverse());
    const oldest = await list('?sort=oldest');
    expect(oldest.body.cases.map((c) => c.code)).toEqual(codes);
    expect(oldest.body.total).toBe(3);
    expect((await list('?sort=oldest&limit=2&page=2')).body.cases.map((c) => c.code)).toEqual([codes[2]]);
  });

  it('rejects an unknown order', async () => {
    const bad = await list('?sort=random');
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('validation_failed');
  });
});
