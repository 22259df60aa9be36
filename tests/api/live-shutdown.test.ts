// The real entry point with live streams and the overdue watcher: the watcher runs from start-up,
// and SIGTERM ends open event streams at once instead of waiting out the grace period.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../api/src/db/db';
import { openPglite } from '../../api/src/db/pglite-driver';
import { seedBasics, TEST_PASSWORD } from '../helpers/fixtures';
import { prepareDataDir, spawnServer, waitForServing } from '../helpers/spawn-server';
import { openTestDb } from '../helpers/test-db';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

/** The test world plus one case in street S1, dispatched and due an hour ago by the real clock. */
async function seed(q: Queryable) {
  await seedBasics(q);
  await q.query(
    `INSERT INTO cases (code, category_code, severity, status, location, location_source, area_id, micro_grid_id, grid_id,
                        community_id, street_id, district_id, dispatched_at, due_at)
     SELECT 'XC-20260101-0001', 'corridor_clutter', 'general', 'dispatched', ST_SetSRID(ST_MakePoint(120.505, 31.205), 4326), 'device',
            m.id, m.id, m.parent_id, g.parent_id, s.id, s.parent_id, now() - interval '2 hours', now() - interval '1 hour'
     FROM areas m JOIN areas g ON g.id = m.parent_id JOIN areas s ON s.code = 'S1'
     WHERE m.code = 'M1'`,
  );
}

async function login(port: number, username: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: TEST_PASSWORD, token: true }),
  });
  expect(res.status).toBe(200);
  return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
}

describe('the server with live streams', () => {
  it('announces overdue cases from start-up, and on SIGTERM ends event streams and exits well within the grace period', async () => {
    const env: Record<string, string> = { PORT: '0', SHUTDOWN_GRACE_SECONDS: '60' };
    if (process.env.DATABASE_URL) {
      const db = await openTestDb();
      cleanup.push(() => db.close());
      await seed(db);
      env.DATABASE_URL = db.url!;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-live-'));
      cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      await prepareDataDir(dir);
      const db = await openPglite({ dataDir: path.join(dir, 'pglite') });
      await seed(db);
      await db.close();
      env.DATA_DIR = dir;
    }
    const s = spawnServer(env);
    cleanup.push(async () => void s.proc.kill('SIGKILL'));
    const port = await waitForServing(s);
    const dispatcher = await login(port, 'dispatcher1');

    await expect
      .poll(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/api/me/inbox`, { headers: dispatcher });
        return ((await res.json()) as { items: { kind: string; case: { code: string } }[] }).items.map((i) => `${i.kind} ${i.case.code}`);
      }, { timeout: 10_000 })
      .toEqual(['overdue XC-20260101-0001']);

    const stream = await fetch(`http://127.0.0.1:${port}/api/events/stream`, { headers: dispatcher });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    while (!text.includes('event: ready')) text += (await reader.read()).value ?? '';

    const started = Date.now();
    s.proc.kill('SIGTERM');
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(Date.now() - started).toBeLessThan(1500);
    expect(await s.exited).toBe(0);
    // Under Node's 5 s keep-alive timeout too: the stream's connection closes with the stream.
    expect(Date.now() - started).toBeLessThan(3500);
    expect(s.stdout()).toContain('"msg":"stopped"');
    expect(s.stdout()).not.toContain('grace period over');
  }, 90_000);
});
