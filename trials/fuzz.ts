// Fuzz trial: fast-check over every route of /openapi.json, as every demo role and as nobody, with hostile
// strings, broken multipart and truncated images. Violations: any 5xx, any error body not in the error format.
//   npm run trial:fuzz -- [--requests 5000] [--seed 42]   (seed 0: a random seed, printed)
import fc from 'fast-check';
import { flags, Violations } from './lib/args';
import { isErrorBody, login, send } from './lib/http';
import { startTrialServer } from './lib/server';
import { requestArb, routesOf } from './fuzz/routes';

const opt = flags({ requests: 5000, seed: 0 });
const seed = opt.seed || Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz: seed ${seed} (rerun with --seed ${seed})`);
const v = new Violations();
const srv = await startTrialServer({ demo: true });
const byStatus = new Map<number, number>();
const perRoute = new Map<string, number>();
const t0 = Date.now();
try {
  const doc = (await send(srv.base, '/openapi.json')).body as Parameters<typeof routesOf>[0];
  const routes = routesOf(doc);
  // Logouts would end the shared sessions: each fuzzed logout gets no credentials of its own.
  const users = ['admin', 'dispatcher', 'dispatcher2', 'supervisor', 'supervisor2', 'handler', 'inspector', 'inspector5'];
  const auths = [{} as Record<string, string>];
  for (const u of users) auths.push(await login(srv.base, u));
  const arb = fc.oneof(...routes.map((r) => requestArb(r, r.path.endsWith('/logout') ? [{}] : auths)));
  for (const req of fc.sample(arb, { numRuns: opt.requests, seed })) {
    let status: number, body: unknown, text: string;
    try {
      // Node closes a connection after a 431; the pooled socket then fails the next request once. One retry
      // tells that client artefact from a server that does not answer.
      const once = () => send(srv.base, req.url, { method: req.method, headers: req.headers, body: req.body });
      ({ status, body, text } = await once().catch(() => once()));
    } catch (err) {
      v.add(`${req.route} ${req.method} ${req.url.slice(0, 120)}: no answer (${(err as Error).message})`);
      if (!(await alive(srv.base))) { v.add('server died'); break; }
      continue;
    }
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    perRoute.set(req.route, (perRoute.get(req.route) ?? 0) + 1);
    if (status >= 500) v.add(`${req.route}: ${status} for ${req.method} ${req.url.slice(0, 160)} ${text.slice(0, 200)}`);
    else if (status >= 400 && !isErrorBody(body)) v.add(`${req.route}: ${status} body not in the error format for ${req.url.slice(0, 160)}: ${text.slice(0, 120)}`);
  }
  const secs = (Date.now() - t0) / 1000;
  console.log(`fuzz: ${opt.requests} requests over ${routes.length} routes (${perRoute.size} hit) in ${secs.toFixed(1)} s; by status ${JSON.stringify(Object.fromEntries([...byStatus].sort()))}`);
} catch (err) {
  v.add(`trial aborted: ${(err as Error).stack ?? String(err)}`);
} finally {
  await srv.stop();
}
v.finish('fuzz');

async function alive(base: string): Promise<boolean> {
  try { return (await fetch(base + '/healthz')).status < 600; } catch { return false; }
}
