// The real entry point at its edges, over real sockets: what Node answers itself (431),
// what every path says while the database opens, the client address that login throttling
// keys on, and a database backend terminated in the middle of a transaction.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPg } from '../../api/src/db/pg-driver';
import { isDatabaseUnavailable } from '../../api/src/http/errors';
import { prepareDataDir, spawnServer, waitForServing, type Spawned } from '../helpers/spawn-server';
import { openTestDb, type TestDb } from '../helpers/test-db';

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request from a chosen local address (127.0.0.1 and 127.0.0.2 are both loopback on Linux). */
function request(port: number, opts: { path: string; method?: string; from?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: opts.path, method: opts.method ?? 'GET', localAddress: opts.from, headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const login = (port: number, from: string, username: string) =>
  request(port, {
    path: '/api/auth/login',
    method: 'POST',
    from,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'wrong-password' }),
  });

describe('the running server', () => {
  let s: Spawned;
  let port: number;
  let db: TestDb | undefined;
  let dir: string | undefined;

  beforeAll(async () => {
    const env: Record<string, string> = { PORT: '0', LOGIN_FREE_FAILURES: '3' };
    if (process.env.DATABASE_URL) {
      db = await openTestDb();
      env.DATABASE_URL = db.url!;
    } else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-edges-'));
      await prepareDataDir(dir);
      env.DATA_DIR = dir;
    }
    s = spawnServer(env);
    port = await waitForServing(s);
  }, 120_000);

  afterAll(async () => {
    s?.proc.kill('SIGTERM');
    await s?.exited;
    await db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers headers over 16 KB with 431 in the error format', async () => {
    const res = await request(port, { path: '/api/me', headers: { 'x-big': 'a'.repeat(20_000) } });
    expect(res.status).toBe(431);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'headers_too_large', message: expect.any(String) } });
  });

  it('throttles logins per client address: failures from one address do not lock out another', async () => {
    // Unknown users, so only the address key can throttle across user names.
    for (let i = 0; i < 3; i++) expect((await login(port, '127.0.0.1', `nobody-${i}`)).status).toBe(401);
    const same = await login(port, '127.0.0.1', 'nobody-new');
    expect(same.status).toBe(429);
    expect(JSON.parse(same.body).error.code).toBeTypeOf('string');
    const other = await login(port, '127.0.0.2', 'someone-else');
    expect(other.status).toBe(401);
  });
});

describe('while the database opens', () => {
  it('answers /healthz with its status and every other path in the error format', async () => {
    // A fresh embedded data directory: PostGIS set-up takes seconds, so the server is "starting" a while.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-starting-'));
    const s = spawnServer({ PORT: '0', DATA_DIR: dir, LOG_LEVEL: 'info' });
    try {
      let port = 0;
      const deadline = Date.now() + 30_000;
      while (!port && Date.now() < deadline) {
        const m = /"port":(\d+)/.exec(s.stdout());
        if (m) port = Number(m[1]);
        else await new Promise((r) => setTimeout(r, 20));
      }
      expect(port).toBeGreaterThan(0);
      const health = await request(port, { path: '/healthz' });
      const api = await request(port, { path: '/api/cases' });
      // The database may already be open on a very fast machine; the format is what is checked.
      if (api.status === 503) {
        expect(JSON.parse(health.body)).toMatchObject({ status: 'starting' });
        expect(JSON.parse(api.body)).toEqual({ error: { code: 'starting', message: expect.any(String) } });
        expect(api.headers['retry-after']).toBe('2');
      } else {
        expect(JSON.parse(api.body).error).toBeDefined();
      }
    } finally {
      s.proc.kill('SIGKILL');
      await s.exited;
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe.runIf(process.env.DATABASE_URL)('a backend terminated during a transaction', () => {
  it('rejects that transaction, keeps the process alive, and the pool goes on', async () => {
    const test = await openTestDb();
    const db = await openPg({ connectionString: test.url!, max: 2 });
    const killer = await openPg({ connectionString: test.url!, max: 1 });
    try {
      const tx = db.transaction(async (q) => {
        const [me] = await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        await killer.query('SELECT pg_terminate_backend($1)', [me!.pid]);
        // The socket closes under this statement; the 'error' event must not crash the process.
        await new Promise((r) => setTimeout(r, 200));
        await q.query('SELECT 1');
      });
      const err = await tx.catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(err)).toBe(true);
      const rows = await db.transaction((q) => q.query<{ one: number }>('SELECT 1 AS one'));
      expect(rows).toEqual([{ one: 1 }]);
    } finally {
      await killer.close();
      await db.close();
      await test.close();
    }
  });
});
