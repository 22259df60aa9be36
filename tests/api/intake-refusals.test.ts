// Reports refused up front: a handler filing one (403) and an unknown patrol id (422) leave every
// table, every stored file and the case id and code sequences exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedBasics } from '../helpers/fixtures';
import { fixture, postReport, reportForm, snapshot } from '../helpers/intake';
import { bearerFor, createTestApp, type TestApp } from '../helpers/test-app';
import { openTestDb, type TestDb } from '../helpers/test-db';
import { fileCase, IN_M1 } from '../helpers/workflow';

let db: TestDb;
let t: TestApp;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  db = await openTestDb();
  await seedBasics(db);
  t = createTestApp(db);
  for (const u of ['handler1', 'inspector1']) as[u] = await bearerFor(t, u);
});
afterAll(() => db?.close());

const form = (fields: Record<string, string | number> = {}) =>
  reportForm([['p.jpg', fixture('jpg_Canon_40D.jpg')]], { category: 'corridor_clutter', description: '楼道堆物', ...IN_M1, ...fields });

/** Files a case before and after `refuse`, and checks the refusal drew no case id or code. */
async function consumesNothing(refuse: () => Promise<void>) {
  const before = await fileCase(t, as.inspector1!);
  const state = await snapshot(t);
  await refuse();
  expect(await snapshot(t)).toEqual(state);
  const after = await fileCase(t, as.inspector1!);
  expect(after.id).toBe(before.id + 1);
  expect(Number(after.code.slice(-4))).toBe(Number(before.code.slice(-4)) + 1);
}

describe('refused reports', () => {
  it('a handler may not file a report: 403, before any case id or code is drawn', async () => {
    await consumesNothing(async () => {
      const { status, body } = await postReport(t, as.handler1!, form());
      expect(status).toBe(403);
      expect(body.error).toMatchObject({ code: 'forbidden' });
    });
  });

  it('an unknown patrol_id is refused with 422 unknown_patrol (there are no patrols yet)', async () => {
    await consumesNothing(async () => {
      const { status, body } = await postReport(t, as.inspector1!, form({ patrol_id: 7 }));
      expect(status).toBe(422);
      expect(body.error).toMatchObject({ code: 'unknown_patrol', details: { field: 'patrol_id' } });
    });
  });
});
