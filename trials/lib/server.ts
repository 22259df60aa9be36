// A real server for a trial: a throwaway database (PostgreSQL from DATABASE_URL, else the embedded
// one in a temp DATA_DIR), the real entry point spawned as a child, killed and restarted at will.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { spawnServer, waitForServing, type Spawned } from '../../tests/helpers/spawn-server';
import { withDatabase } from '../../tests/setup/template';

export type TrialServer = {
  base: string;
  pid: number;
  dataDir: string;
  photoDir: string;
  /** The throwaway database's URL, or undefined on the embedded database. */
  dbUrl: string | undefined;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the server again on the same data; resolves with the milliseconds until it serves. */
  restart(): Promise<number>;
  logs(): string;
  stop(): Promise<void>;
};

export type ServerOptions = { demo?: boolean; env?: Record<string, string> };

async function createDatabase(serverUrl: string): Promise<string> {
  const name = `xuncha_trial_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  return withDatabase(serverUrl, name);
}

async function dropDatabase(serverUrl: string, dbUrl: string): Promise<void> {
  const name = new URL(dbUrl).pathname.slice(1);
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await c.end();
}

/** Starts a server on a fresh database; demo data when `demo` (the embedded first run seeds it by itself). */
export async function startTrialServer(opts: ServerOptions = {}): Promise<TrialServer> {
  const serverUrl = process.env.DATABASE_URL;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-trial-'));
  const dbUrl = serverUrl ? await createDatabase(serverUrl) : undefined;
  const env: Record<string, string> = {
    PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', SEED_DEMO: opts.demo ? (dbUrl ? 'true' : 'auto') : 'false',
    ...(dbUrl ? { DATABASE_URL: dbUrl } : {}), ...opts.env,
  };
  let s: Spawned;
  let logs = '';
  const boot = async (): Promise<number> => {
    const t0 = Date.now();
    const port = await waitForServing(s, 180_000);
    srv.base = `http://127.0.0.1:${port}`;
    srv.pid = descendants(s.proc.pid!).at(-1) ?? s.proc.pid!;
    return Date.now() - t0;
  };
  const srv: TrialServer = {
    base: '', pid: 0, dataDir, photoDir: path.join(dataDir, 'photos'), dbUrl,
    async kill(signal = 'SIGKILL') {
      if (s.proc.exitCode !== null || s.proc.signalCode !== null) return;
      // tsx runs the server in a child node process: signal the whole tree, deepest first, so a SIGKILL
      // really kills the server and does not leave an orphan holding the port.
      for (const pid of [...descendants(s.proc.pid!)].reverse()) { try { process.kill(pid, signal); } catch { /* gone */ } }
      s.proc.kill(signal);
      await s.exited;
    },
    async restart() {
      logs += s.stdout() + s.stderr();
      // The same port: clients that retry keep their address.
      const port = new URL(srv.base).port;
      s = spawnServer({ ...env, PORT: port });
      return boot();
    },
    logs: () => logs + s.stdout() + s.stderr(),
    async stop() {
      await srv.kill('SIGTERM');
      if (serverUrl && dbUrl) await dropDatabase(serverUrl, dbUrl);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  s = spawnServer(env);
  await boot();
  return srv;
}

/** Peak resident memory (VmHWM) of a process, in MB. */
export function peakRssMb(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** Child processes of a process, breadth first (from /proc). */
export function descendants(pid: number): number[] {
  const out: number[] = [];
  const queue = [pid];
  while (queue.length) {
    const p = queue.shift()!;
    let kids: number[] = [];
    try {
      for (const t of fs.readdirSync(`/proc/${p}/task`)) {
        kids.push(...fs.readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number));
      }
    } catch { kids = []; }
    out.push(...kids);
    queue.push(...kids);
  }
  return out;
}
