// Starts the real entry point (`tsx api/src/server.ts`) as a child process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { pgliteTemplatePath, REPO_ROOT } from '../setup/template';

export type Spawned = {
  proc: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
};

export function spawnServer(env: Record<string, string>): Spawned {
  let out = '';
  let err = '';
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'DATABASE_URL' && k !== 'PORT'));
  const proc = spawn(path.join(REPO_ROOT, 'node_modules/.bin/tsx'), ['api/src/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...base, LOG_LEVEL: 'info', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return { proc, stdout: () => out, stderr: () => err, exited };
}

/** Waits for the "serving" log line and returns the port the server listens on. */
export async function waitForServing(s: Spawned, timeoutMs = 60_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const line of s.stdout().split('\n')) {
      if (line.includes('XunCha is serving')) return Number(/localhost:(\d+)/.exec(line)![1]);
    }
    if (s.proc.exitCode !== null) throw new Error(`server exited ${s.proc.exitCode}: ${s.stderr()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server did not start: ${s.stderr()}`);
}

/** A DATA_DIR holding a copy of the migrated test template, so the embedded start skips the 10 s PostGIS set-up. */
export async function prepareDataDir(dir: string): Promise<void> {
  const dump = new Blob([fs.readFileSync(pgliteTemplatePath())]);
  const pg = await PGlite.create({ dataDir: path.join(dir, 'pglite'), loadDataDir: dump, extensions: { postgis } });
  await pg.close();
}
