// Scope trial: every role × every case-bearing endpoint × in-scope / out-of-scope, over HTTP against a
// spawned server with the demo data. A violation is seeing or acting on a case outside one's scope
// (or missing one inside it).  npm run trial:scope -- [--users N] [--cases N]
import { flags, Violations } from './lib/args';
import { login, send } from './lib/http';
import { startTrialServer } from './lib/server';
import { maySee, type Me, type Truth } from './scope/oracle';
import * as probe from './scope/probe';

const opt = flags({ users: 0, cases: 0 });
const v = new Violations();
const t0 = Date.now();
const srv = await startTrialServer({ demo: true });
console.log(`server up in ${Date.now() - t0} ms (${srv.dbUrl ? 'PostgreSQL' : 'embedded'})`);
let requests = 0;
try {
  const admin = await login(srv.base, 'admin');
  const allIds = await probe.listIds(srv.base, admin);
  const truths = new Map<number, Truth>();
  const refs: probe.CaseRef[] = [];
  const caseIds = opt.cases > 0 ? allIds.slice(0, opt.cases) : allIds;
  for (const id of caseIds) {
    const c = (await send(srv.base, `/api/cases/${id}`, { headers: admin })).body as {
      id: number; area_path: { code: string }[]; unit: { code: string } | null; reporter: { id: number } | null; unassigned: boolean;
      location: { coordinates: [number, number] }; category: { code: string }; photos: { id: string }[]; version: number;
    };
    const ev = (await send(srv.base, `/api/cases/${id}/events`, { headers: admin })).body as { events?: { type?: string; action?: string }[] };
    const dispatched = (ev.events ?? []).some((e) => (e.type ?? e.action) === 'dispatch');
    truths.set(id, { id, areaCodes: c.area_path.map((a) => a.code), unitCode: c.unit?.code ?? null, dispatched, reporterId: c.reporter?.id ?? null, unassigned: c.unassigned });
    const [lon, lat] = c.location.coordinates;
    refs.push({ id, lat, lon, category: c.category.code, photoId: c.photos[0]?.id ?? null, version: c.version });
  }
  const users = ((await send(srv.base, '/api/admin/users', { headers: admin })).body as { users: { username: string; active?: boolean }[] }).users
    .filter((u) => u.active !== false).map((u) => u.username);
  const who = opt.users > 0 ? users.slice(0, opt.users) : users;
  const lons = refs.map((r) => r.lon), lats = refs.map((r) => r.lat);
  const bbox = [Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01].join(',');
  const stats = await probe.statsReceived(srv.base, admin, '2000-01-01', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10));
  let undecided = 0, inScope = 0, outScope = 0;
  for (const username of who) {
    const auth = await login(srv.base, username);
    const m = (await send(srv.base, '/api/me', { headers: auth })).body as { id: number; role: string; area: { code: string } | null; unit: { code: string } | null };
    const me: Me = { id: m.id, username, role: m.role, areaCode: m.area?.code ?? null, unitCode: m.unit?.code ?? null };
    const sees = (id: number) => { const t = truths.get(id); return t ? maySee(me, t) : null; };
    const leak = (where: string, id: number) => v.add(`${username} (${me.role}) ${where}: case ${id} is out of scope`);
    // list
    const listed = new Set(await probe.listIds(srv.base, auth)); requests++;
    for (const id of listed) if (sees(id) === false) leak('list', id);
    for (const id of caseIds) if (sees(id) === true && !listed.has(id)) v.add(`${username} list: in-scope case ${id} missing`);
    // clusters
    const cl = await probe.clusterIds(srv.base, auth, bbox); requests++;
    if (cl.status !== 200) v.add(`${username} clusters: ${cl.status}`);
    for (const id of cl.ids) if (sees(id) === false) leak('map clusters', id);
    const inScopeCount = [...truths.values()].filter((t) => maySee(me, t) !== false).length;
    if (caseIds.length === allIds.length && cl.total > inScopeCount) v.add(`${username} map clusters count ${cl.total} cases, ${inScopeCount} in scope`);
    // stats over all time: what the list shows is what the statistics count
    const st = await probe.statsReceived(srv.base, auth, '2000-01-01', new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)); requests += 2;
    const expected = caseIds.length === allIds.length ? [...truths.values()].filter((t) => maySee(me, t) === true).length : NaN;
    if (st.status !== 200) v.add(`${username} stats: ${st.status}`);
    else if (!Number.isNaN(expected) && undecided === 0 && st.received > expected && st.received <= stats.received) v.add(`${username} stats: received ${st.received}, in scope ${expected}`);
    for (const c of refs) {
      const s = sees(c.id);
      if (s === null) { undecided++; continue; }
      if (s) inScope++; else outScope++;
      const d = await probe.detail(srv.base, auth, c.id); requests++;
      if (d.status !== (s ? 200 : 404)) (s ? v.add(`${username} detail: in-scope case ${c.id} answered ${d.status}`) : leak(`detail ${d.status}`, c.id));
      for (const dup of d.dups) if (sees(dup) === false) leak(`possible_duplicates of ${c.id}`, dup);
      const e = await probe.eventsStatus(srv.base, auth, c.id); requests++;
      if (!s && e !== 404) leak(`events ${e}`, c.id);
      if (c.photoId) { const p = await probe.photoStatus(srv.base, auth, c.photoId); requests++; if (!s && p !== 404) leak(`photo ${p}`, c.id); }
      const n = await probe.nearbyIds(srv.base, auth, c); requests++;
      for (const id of n.ids) if (sees(id) === false) leak(`nearby of ${c.id}`, id);
      if (!s) {
        const a = await probe.actStatus(srv.base, auth, c); requests++;
        if (a !== 404 && a !== 403) leak(`action supervise ${a}`, c.id);
        if (a >= 200 && a < 300) leak('action supervise acted', c.id);
        if (me.role === 'inspector' || me.role === 'dispatcher') {
          const r = await probe.addReportStatus(srv.base, auth, c); requests++;
          if (r !== 404 && r !== 403) leak(`add-report ${r}`, c.id);
        }
      }
    }
  }
  // Nothing the probes refused may have changed a case.
  for (const c of refs) {
    const now = (await send(srv.base, `/api/cases/${c.id}`, { headers: admin })).body as { version: number };
    if (now.version !== c.version) v.add(`case ${c.id} changed by a refused probe: version ${c.version} → ${now.version}`);
  }
  console.log(`scope: ${who.length} users × ${caseIds.length} cases; ${inScope} in-scope and ${outScope} out-of-scope pairs; ${undecided} pairs undecided (cases outside every area); ${requests} requests in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
} catch (err) {
  v.add(`trial aborted: ${(err as Error).stack ?? String(err)}`);
} finally {
  await srv.stop();
}
v.finish('scope');
