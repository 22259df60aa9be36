// DATABASE_READ_URL: lists, statistics and areas read from the replica; a case, its timeline and every
// write use the primary, so a user always sees their own action at once. The "replica" here is a second
// database that holds the same reference data but none of the primary's cases, so each answer shows
// which database it came from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, ok, type CaseJson } from '../helpers/workflow';

let primary: TestDb;
let replica: TestDb;
let t: TestApp;
let auth: Record<string, string>;
let filed: CaseJson;

beforeAll(async () => {
  primary = await openTestDb();
  replica = await openTestDb();
  await seedBasics(primary);
  await seedBasics(replica);
  t = createTestApp(primary, {}, undefined, replica);
  auth = await bearerFor(t, 'dispatcher1');
  filed = await fileCase(t, auth);
});
afterAll(async () => {
  await primary?.close();
  await replica?.close();
});

const getJson = async <T>(url: string) => (await t.app.request(url, { headers: auth })).json() as Promise<T>;

describe('with a read replica', () => {
  it('answers the list, the map clusters and the statistics from the replica', async () => {
    expect((await getJson<{ total: number }>('/api/cases')).total).toBe(0);
    const clusters = await getJson<{ features: unknown[] }>('/api/map/clusters?bbox=120.4,31.1,120.7,31.3&zoom=12');
    expect(clusters.features).toEqual([]);
    // The same request on the primary alone finds the case: the empty answer above is the replica's.
    const onPrimary = createTestApp(primary);
    const res = await onPrimary.app.request('/api/map/clusters?bbox=120.4,31.1,120.7,31.3&zoom=12', { headers: auth });
    expect(((await res.json()) as { features: unknown[] }).features).toHaveLength(1);
    const stats = await getJson<{ totals: { received: number } }>('/api/stats?from=2026-11-01&to=2026-12-01');
    expect(stats.totals.received).toBe(0);
    const [{ n }] = (await replica.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('reads a case and its timeline from the primary, and writes there, so an action shows at once', async () => {
    const res = await t.app.request(`/api/cases/${filed.id}`, { headers: auth });
    expect(res.status).toBe(200);
    const accepted = await ok(t, auth, filed, 'accept', { handling_mode: 'consultation' });
    expect(accepted.status).toBe('registered');
    const events = await getJson<{ events: { action: string }[] }>(`/api/cases/${filed.id}/events`);
    expect(events.events.map((e) => e.action)).toEqual(['submit', 'accept']);
  });
});
