// HTTP load on GET /api/map/clusters with autocannon (requests per second, p99), through a real
// server on a local port, and the same load on a naive endpoint that returns every case in the
// viewport as GeoJSON, served by the same process. Usage: npm run bench:http -- [--database-url URL] [--seconds 10] [--connections 10]
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { benchArgs, machine, openBench } from './harness';

const { url, values } = benchArgs({ seconds: { type: 'string' }, connections: { type: 'string' } });
const seconds = Number(values.seconds ?? 10);
const connections = Number(values.connections ?? 10);
const bench = await openBench(url);
const admin = await bench.login('admin');
console.log(`HTTP load on ${bench.dataset.cases.toLocaleString('en')} cases, ${connections} connections × ${seconds} s; ${machine()}`);

const [extent] = await bench.db.query<{ x0: number; y0: number; x1: number; y1: number }>(
  `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom)::geometry AS e FROM areas WHERE level = 'district') x`);
const { x0, y0, x1, y1 } = extent!;
const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
const bboxes = {
  city: [x0, y0, x1, y1].map((x) => x.toFixed(6)).join(','),
  street: [cx - 0.008, cy - 0.0045, cx + 0.008, cy + 0.0045].map((x) => x.toFixed(6)).join(','),
};

// The naive endpoint lives only in this bench: what a map without clustering would serve.
const root = new Hono();
root.get('/bench/naive', async (c) => {
  const box = c.req.query('bbox')!.split(',').map(Number);
  const rows = await bench.db.query<{ id: number; status: string; lon: number; lat: number }>(
    `SELECT id, status, ST_X(location) AS lon, ST_Y(location) AS lat FROM cases WHERE location && ST_MakeEnvelope($1, $2, $3, $4, 4326)`, box);
  return c.json({ type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { status: r.status } })) });
});
root.route('/', bench.app);
const server = createAdaptorServer({ fetch: root.fetch }) as Server;
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

// Ours must answer every request; the naive endpoint is given fewer connections (a city viewport is
// 160 MB of GeoJSON at 1 M cases) and its failures are counted, not fatal.
async function load(path: string, strict: boolean) {
  const r = await autocannon({ url: `${base}${path}`, connections: strict ? connections : Math.min(connections, 2), duration: seconds, headers: admin, timeout: 60 });
  if (strict && (r.non2xx || r.errors)) throw new Error(`${path}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, total: r.requests.total, failed: r.non2xx + r.errors };
}

for (const [name, bbox, zoom] of [['city z12', bboxes.city, 12], ['street z16', bboxes.street, 16]] as const) {
  const ours = await load(`/api/map/clusters?bbox=${bbox}&zoom=${zoom}`, true);
  const naive = await load(`/bench/naive?bbox=${bbox}`, false);
  console.log(`http clusters ${name}: ${ours.rps.toFixed(0)} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms (${ours.total} requests)`
    + `  | naive ${naive.rps.toFixed(1)} req/s, p99 ${naive.p99} ms, ${naive.failed} failed (${Math.min(connections, 2)} connections)  | ${(ours.rps / Math.max(naive.rps, 0.01)).toFixed(1)}x the throughput`);
}
await new Promise((r) => server.close(r));
await bench.close();
