// The entry point as an operator meets it: bad settings, a busy port, an unreachable or
// PostGIS-less database each give one line and a non-zero exit; SIGTERM drains and exits 0.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareDataDir, spawnServer, waitForServing } from '../helpers/spawn-server';
import { openTestDb, type TestDb } from '../helpers/test-db';

const cleanup: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const f of cleanup.reverse()) await f();
});

/** Exactly one non-empty line, no stack frames. */
function expectOneLine(stderr: string, pattern: RegExp) {
  const lines = stderr.split('\n').filter((l) => l.trim() !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('start-up failures', () => {
  it('names a bad setting', async () => {
    const s = spawnServer({ PORT: 'eighty' });
    expect(await s.exited).toBe(2);
    expectOneLine(s.stderr(), /^xuncha: invalid setting PORT: .*"eighty"/);
  });

  it('names a port already in use', async () => {
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(0, '0.0.0.0', r));
    cleanup.push(() => new Promise((r) => blocker.close(r)));
    const port = (blocker.address() as net.AddressInfo).port;
    const s = spawnServer({ PORT: String(port) });
    expect(await s.exited).toBe(1);
    expectOneLine(s.stderr(), new RegExp(`^xuncha: port ${port} is already in use`));
  });

  it('names an unreachable database', async () => {
    const port = await freePort();
    const s = spawnServer({ PORT: '0', DATABASE_URL: `postgres://postgres:secret@127.0.0.1:${port}/xuncha` });
    expect(await s.exited).toBe(1);
    expectOneLine(s.stderr(), new RegExp(`^xuncha: cannot connect to PostgreSQL at 127.0.0.1:${port}/xuncha \\(DATABASE_URL\\): .*ECONNREFUSED`));
    expect(s.stderr()).not.toContain('secret');
  });

  it('refuses a read replica without a primary, before opening anything', async () => {
    const s = spawnServer({ PORT: '0', DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:5432/replica' });
    expect(await s.exited).toBe(2);
    expectOneLine(s.stderr(), /^xuncha: invalid setting DATABASE_READ_URL: it needs DATABASE_URL \(the embedded database has no replicas\)$/);
  });

  it.runIf(process.env.DATABASE_URL)('names an unreachable read replica', async () => {
    // A primary of its own: the server migrates it before it opens the replica.
    const primary = await openTestDb();
    cleanup.push(() => primary.close());
    const port = await freePort();
    const s = spawnServer({ PORT: '0', DATABASE_URL: primary.url!, DATABASE_READ_URL: `postgres://postgres:secret@127.0.0.1:${port}/xuncha` });
    expect(await s.exited).toBe(1);
    expectOneLine(s.stderr(), new RegExp(`^xuncha: cannot connect to PostgreSQL at 127.0.0.1:${port}/xuncha \\(DATABASE_READ_URL\\): .*ECONNREFUSED`));
    expect(s.stderr()).not.toContain('secret');
  }, 60_000);

  it('names a PostgreSQL server without PostGIS', async () => {
    // A real PostgreSQL (PGlite over the wire protocol) that has no PostGIS extension.
    const plain = await PGlite.create();
    const port = await freePort();
    const server = new PGLiteSocketServer({ db: plain, port, host: '127.0.0.1' });
    await server.start();
    cleanup.push(async () => {
      await server.stop();
      await plain.close();
    });
    const s = spawnServer({ PORT: '0', DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` });
    expect(await s.exited).toBe(1);
    expectOneLine(s.stderr(), /^xuncha: PostgreSQL at 127\.0\.0\.1:\d+\/postgres has no PostGIS extension; install it \(Debian: apt-get install -y postgresql-15-postgis-3\)$/);
  }, 60_000);
});

describe('the embedded data directory', () => {
  it('refuses a second process on the same data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-lock-'));
    cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    // The test runner itself is a live process holding the lock.
    fs.writeFileSync(path.join(dir, 'xuncha.lock'), String(process.pid));
    const s = spawnServer({ PORT: '0', DATA_DIR: dir });
    expect(await s.exited).toBe(1);
    expectOneLine(s.stderr(), new RegExp(`^xuncha: cannot open the embedded database in .*: it is in use by process ${process.pid}$`));
  });
});

describe('graceful shutdown', () => {
  it('finishes the request in flight, then closes the database and exits 0', async () => {
    const env: Record<string, string> = { PORT: '0' };
    let db: TestDb | undefined;
    if (process.env.DATABASE_URL) {
      db = await openTestDb();
      cleanup.push(() => db!.close());
      env.DATABASE_URL = db.url!;
    } else {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-start-'));
      cleanup.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      await prepareDataDir(dir);
      env.DATA_DIR = dir;
    }
    const s = spawnServer(env);
    const port = await waitForServing(s);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', db: process.env.DATABASE_URL ? 'postgres' : 'pglite' });

    // A login hashes a password (~100 ms): SIGTERM arrives while it is still running.
    const inFlight = fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'nobody', password: 'x' }),
    });
    await new Promise((r) => setTimeout(r, 20));
    s.proc.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(401);
    expect(await s.exited).toBe(0);
    expect(s.stdout()).toContain('"msg":"stopped"');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    if (env.DATA_DIR) expect(fs.existsSync(path.join(env.DATA_DIR, 'xuncha.lock'))).toBe(false);
  }, 90_000);
});
