// Chaos trial: N reports with real photos under one Idempotency-Key each, random client aborts and retries,
// the API process SIGKILLed and restarted K times, database backends terminated (PostgreSQL).
//   npm run trial:chaos -- [--reports 200] [--kills 3] [--concurrency 6]
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { flags, Violations } from './lib/args';
import { login, percentile, reportForm, send } from './lib/http';
import { startTrialServer } from './lib/server';
import { checkLedger, type Entry } from './chaos/ledger';
import { photoFixture } from '../tests/fixtures/photos';

const opt = flags({ reports: 200, kills: 3, concurrency: 6 });
const v = new Violations();
const PHOTOS = ['jpg_gps_DSCN0010.jpg', 'jpg_Canon_40D.jpg', 'jpg_orientation_landscape_6.jpg', 'heic_iphone_13_pro_max.HEIC'].map((n) => [n, photoFixture(n)] as const);
const srv = await startTrialServer({ demo: true });
const recoveries: number[] = [];
let terminated = 0;
const t0 = Date.now();
try {
  const inspector = await login(srv.base, 'dispatcher');
  const admin = await login(srv.base, 'admin');
  const entries: Entry[] = Array.from({ length: opt.reports }, (_, i) => ({ key: `chaos-${process.pid}-${i}-${Math.random().toString(36).slice(2, 8)}`, acked: null, attempts: 0, aborts: 0 }));
  let next = 0;
  let done = false;
  const worker = async () => {
    while (next < entries.length) {
      const e = entries[next++]!;
      // A retry sends the very same request: same photos, same fields.
      const picks = [PHOTOS[next % PHOTOS.length]!, PHOTOS[(next + 1) % PHOTOS.length]!];
      const at = { lat: 31.2 + Math.random() * 0.01, lon: 120.51 + Math.random() * 0.01 };
      for (let tries = 0; tries < 200 && e.acked === null; tries++) {
        e.attempts++;
        const ctl = new AbortController();
        if (Math.random() < 0.2) { e.aborts++; setTimeout(() => ctl.abort(), Math.random() * 300); }
        const form = reportForm(picks.map(([n, b]) => [n, b, n.endsWith('HEIC') ? 'image/heic' : 'image/jpeg']), {
          category: 'corridor_clutter', description: `chaos trial ${e.key}`, ...at,
        });
        try {
          const r = await send(srv.base, '/api/cases', { method: 'POST', headers: { ...inspector, 'idempotency-key': e.key }, body: form, signal: ctl.signal });
          if (r.status === 201 || r.status === 200) e.acked = (r.body as { id: number }).id;
          else if (r.status < 500 && r.status !== 409 && r.status !== 429) v.add(`report ${e.key}: ${r.status} ${r.text.slice(0, 160)}`);
        } catch { /* aborted or the server is down: retry */ }
        if (e.acked === null) await new Promise((res) => setTimeout(res, 200 + Math.random() * 300));
      }
      if (e.acked === null) v.add(`report ${e.key} never acknowledged after ${e.attempts} attempts`);
    }
  };
  const killer = async () => {
    const every = Math.max(3000, 60_000 / Math.max(1, opt.kills));
    for (let k = 0; k < opt.kills && !done; k++) {
      await new Promise((res) => setTimeout(res, every * (0.5 + Math.random())));
      if (done) break;
      await srv.kill('SIGKILL');
      recoveries.push(await srv.restart());
    }
  };
  const terminator = async () => {
    if (!srv.dbUrl) return;
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    const db = new URL(srv.dbUrl).pathname.slice(1);
    while (!done) {
      await new Promise((res) => setTimeout(res, 2000 + Math.random() * 3000));
      const r = await c.query(`SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE datname = $1 AND pid <> pg_backend_pid() AND state = 'active' ORDER BY random() LIMIT 1) t`, [db]);
      terminated += r.rows[0].n;
    }
    await c.end();
  };
  const background = Promise.all([killer(), terminator()]);
  await Promise.all(Array.from({ length: opt.concurrency }, worker));
  const loadSecs = (Date.now() - t0) / 1000;
  done = true;
  await background;
  // A clean restart with every file aged past the sweep's grace: orphans must go, referenced files stay.
  await srv.kill('SIGTERM');
  const files = (fs.readdirSync(srv.photoDir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile());
  const old = new Date(Date.now() - 3600_000);
  for (const f of files) fs.utimesSync(path.join(f.parentPath, f.name), old, old);
  await srv.restart();
  await new Promise((res) => setTimeout(res, 5000));
  const photos = await checkLedger(srv.base, admin, entries, (s) => v.add(s));
  if (srv.dbUrl) {
    const c = new pg.Client({ connectionString: srv.dbUrl });
    await c.connect();
    const keys = new Set((await c.query(`SELECT unnest(ARRAY[original_key, display_key, thumb_key]) AS k FROM photos`)).rows.map((r) => String(r.k)));
    await c.end();
    const after = (fs.readdirSync(srv.photoDir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile() && !d.name.startsWith('.'));
    const orphans = after.filter((f) => ![...keys].some((k) => k && path.join(f.parentPath, f.name).includes(path.basename(k).replace(/\.[^.]+$/, ''))));
    for (const o of orphans.slice(0, 20)) v.add(`orphan file survived a clean restart: ${o.name}`);
    console.log(`chaos: ${after.length} files on disk after the sweep, ${orphans.length} orphans`);
  }
  const acked = entries.filter((e) => e.acked !== null).length;
  console.log(`chaos: ${opt.reports} reports (${acked} acknowledged) in ${loadSecs.toFixed(1)} s; ${entries.reduce((n, e) => n + e.attempts, 0)} attempts, ${entries.reduce((n, e) => n + e.aborts, 0)} client aborts; ${recoveries.length} SIGKILLs, recovery ms p50 ${percentile(recoveries, 50)} max ${Math.max(0, ...recoveries)}; ${terminated} backends terminated; ${photos} photo files checked`);
} catch (err) {
  v.add(`trial aborted: ${(err as Error).stack ?? String(err)}`);
} finally {
  await srv.stop();
}
v.finish('chaos');
