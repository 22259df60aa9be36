// Shared by the city-scale benches: the real app over a seeded PostgreSQL database (see
// `npm run seed:scale`), request timing with percentiles, EXPLAIN (ANALYZE, BUFFERS) capture for
// every query an endpoint runs on the big tables, and a results file per figure and dataset size
// so a run at 1 M cases can say how much each figure grew from 100 k.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { buildApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config';
import type { Db, Queryable } from '../../api/src/db/db';
import { openPg } from '../../api/src/db/pg-driver';
import { fixedClock } from '../../api/src/lib/clock';
import { localBlobStore } from '../../api/src/photos/blob-store';
import { summarizePlan, type PlanSummary } from './plan-summary';

export const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/xuncha_bench';
const RESULTS_DIR = path.join(os.tmpdir(), 'xuncha-bench-scale');

export type Bench = Awaited<ReturnType<typeof openBench>>;

/** `--database-url` (default BENCH_DATABASE_URL, else xuncha_bench on the local server) and `--iterations`. */
export function benchArgs(extra: Record<string, { type: 'string' }> = {}) {
  const { values } = parseArgs({
    options: { 'database-url': { type: 'string' }, iterations: { type: 'string' }, ...extra },
    strict: true,
  });
  return {
    url: values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_URL,
    iterations: Number(values.iterations ?? 200),
    values: values as Record<string, string | undefined>,
  };
}

/** The app over the seeded database, its clock pinned to the dataset's end, and logins for its users. */
export async function openBench(url: string) {
  const db = await openPg({ connectionString: url, max: 8 });
  const [meta] = await db.query<{ value: string }>(`SELECT value FROM app_meta WHERE key = 'scale_seeded'`);
  if (!meta) throw new Error(`${url} holds no scale dataset; run npm run seed:scale -- --database-url ${url}`);
  const dataset = JSON.parse(meta.value) as { cases: number; now: string; seed: number };
  const photoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xuncha-bench-photos-'));
  const config = { ...loadConfig({ DATA_DIR: photoDir, DATABASE_URL: url }), photoDir };
  const clock = fixedClock(dataset.now);
  const make = (d: Db) => buildApp({ db: d, blobs: localBlobStore(photoDir), config, logger: pino({ level: 'silent' }), clock, version: 'bench' });
  const app = make(db);
  const plans: { sql: string; plan: unknown }[] = [];
  const explainApp = make(explainingDb(db, plans));

  async function login(username: string) {
    const res = await app.request('/api/auth/login', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: process.env.BENCH_PASSWORD ?? 'xuncha-demo', token: true }),
    });
    if (res.status !== 200) throw new Error(`login as ${username}: ${res.status} ${await res.text()}`);
    return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
  }

  /** The plans of the queries one request runs on cases and the map and statistics tables. */
  async function explainRequest(urlPath: string, headers: Record<string, string>): Promise<PlanSummary[]> {
    plans.length = 0;
    const res = await explainApp.request(urlPath, { headers });
    if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${await res.text()}`);
    await res.arrayBuffer();
    return plans.map((p) => summarizePlan(p.sql, p.plan));
  }

  return {
    db, app, dataset, login, explainRequest,
    async close() {
      await db.close();
      fs.rmSync(photoDir, { recursive: true, force: true });
    },
  };
}

// Statements on these tables are the ones whose plans matter.
const WATCHED = /\b(FROM|JOIN)\s+(cases|case_events|map_cells|map_cells_detail|stats_rollup|stats_rollup_hours)\b/i;

/** A Db that also runs EXPLAIN (ANALYZE, BUFFERS) for every watched SELECT, before running it for real. */
export function explainingDb(db: Db, out: { sql: string; plan: unknown }[]): Db {
  const wrap = (q: Queryable): Queryable => ({
    async query<R extends object>(sql: string, params?: readonly unknown[]) {
      if (/^\s*(SELECT|WITH)\b/i.test(sql) && WATCHED.test(sql)) {
        const [row] = await q.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
        out.push({ sql, plan: row!['QUERY PLAN'] });
      }
      return q.query<R>(sql, params);
    },
    exec: (sql) => q.exec(sql),
  });
  return { ...db, ...wrap(db), transaction: (fn) => db.transaction((tx) => fn(wrap(tx))) };
}

/** Runs `fn` `warmup` times untimed, then `n` times timed; milliseconds per run. */
export async function time(fn: () => Promise<unknown>, n: number, warmup = Math.min(20, n)): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    out.push(performance.now() - t0);
  }
  return out;
}

export const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};

/** One request through the app, failing on anything but 200; the body is read to the end. */
export async function get(app: Bench['app'], urlPath: string, headers: Record<string, string>): Promise<number> {
  const res = await app.request(urlPath, { headers });
  if (res.status !== 200) throw new Error(`${urlPath}: ${res.status} ${await res.text()}`);
  return (await res.arrayBuffer()).byteLength;
}

export type Figure = { name: string; p50: number; p95: number; naiveP50: number; naiveP95: number; bytes?: number; target?: string; met?: boolean };

const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(2) : ms.toFixed(1)} ms`;

/** Prints a figure with its ratio to the naive baseline. */
export function printFigure(f: Figure) {
  const ratio = f.naiveP50 / f.p50;
  console.log(`${f.name}: p50 ${fmt(f.p50)}  p95 ${fmt(f.p95)}  | naive p50 ${fmt(f.naiveP50)}  p95 ${fmt(f.naiveP95)}  | ${ratio.toFixed(1)}x faster (p50)`
    + (f.target ? `  | target ${f.target}: ${f.met ? 'met' : 'MISSED'}` : ''));
}

/** Prints the plans' summaries; returns false if a Seq Scan on cases appears. */
export function printPlans(label: string, plans: PlanSummary[]): boolean {
  let ok = true;
  console.log(`  plans for ${label}:`);
  for (const p of plans) {
    console.log(`    ${p.execMs.toFixed(2)} ms, buffers hit ${p.hit} read ${p.read}: ${p.nodes.join('; ')}`);
    if (p.seqScanOnCases) {
      console.log(`    !! Seq Scan on cases where an index is expected: ${p.sql.replace(/\s+/g, ' ').slice(0, 160)}…`);
      ok = false;
    }
  }
  return ok;
}

/** Saves this run's figures and prints how each p95 grew from the other dataset size, if it was run. */
export function saveAndCompare(bench: string, cases: number, figures: Figure[]) {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  fs.writeFileSync(path.join(RESULTS_DIR, `${bench}-${cases}.json`), JSON.stringify({ cases, at: new Date().toISOString(), figures }, null, 1));
  const others = fs.readdirSync(RESULTS_DIR).filter((f) => f.startsWith(`${bench}-`) && f !== `${bench}-${cases}.json`);
  for (const file of others) {
    const other = JSON.parse(fs.readFileSync(path.join(RESULTS_DIR, file), 'utf8')) as { cases: number; figures: Figure[] };
    const [small, large] = other.cases < cases ? [other.figures, figures] : [figures, other.figures];
    const [ns, nl] = other.cases < cases ? [other.cases, cases] : [cases, other.cases];
    for (const f of large) {
      const s = small.find((x) => x.name === f.name);
      if (!s) continue;
      const growth = f.p95 / s.p95;
      console.log(`growth ${f.name}: p95 ${fmt(s.p95)} at ${ns.toLocaleString('en')} → ${fmt(f.p95)} at ${nl.toLocaleString('en')} cases = ${growth.toFixed(2)}x  | target <= 2x: ${growth <= 2 ? 'met' : 'MISSED'}`);
    }
  }
}

/** The machine, for the results. */
export function machine() {
  return `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
}
