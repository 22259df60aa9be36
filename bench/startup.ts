// Time from `npm start` to the first 200 on /healthz, on the embedded default:
// a first run (empty data dir: PostGIS set-up, migrations, demo data) and later runs (reopen).
// The first run doubles as the naive baseline: a server that built its database at every start.
// Usage: npm run bench:startup [-- --later-runs 3]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const laterRuns = Number(process.argv[process.argv.indexOf('--later-runs') + 1]) || 3;
const TARGET_FIRST_S = 20;
const TARGET_LATER_S = 5;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** Starts `npm start`, returns seconds until /healthz answers 200, then stops it with SIGTERM. */
async function timeStart(dataDir: string): Promise<number> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const env = { ...inherited, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  const exited = new Promise<number | null>((r) => child.on('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false);
      if (ok) return (performance.now() - t0) / 1000;
      if (performance.now() - t0 > 120_000) throw new Error('no 200 from /healthz within 120 s');
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    await stopGroup(child.pid!, exited);
  }
}

/** SIGTERM to npm and the server under it; waits until every process of the group is gone. */
async function stopGroup(pid: number, exited: Promise<unknown>) {
  const alive = () => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (alive()) process.kill(-pid, 'SIGTERM');
  await exited;
  while (alive()) await new Promise((r) => setTimeout(r, 50));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-bench-startup-'));
try {
  const first = await timeStart(dir);
  console.log(`first run (empty data dir): ${first.toFixed(2)} s  target <= ${TARGET_FIRST_S} s  ${first <= TARGET_FIRST_S ? 'met' : 'MISSED'}`);
  const later: number[] = [];
  for (let i = 0; i < laterRuns; i++) later.push(await timeStart(dir));
  const m = median(later);
  console.log(`later runs: ${later.map((s) => s.toFixed(2)).join(', ')} s; median ${m.toFixed(2)} s  target <= ${TARGET_LATER_S} s  ${m <= TARGET_LATER_S ? 'met' : 'MISSED'}`);
  console.log(`ratio: a later start is ${(first / m).toFixed(1)}x faster than building the database at start (the naive baseline)`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
