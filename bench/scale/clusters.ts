// GET /api/map/clusters at city and street level, against the naive map: every case in the
// viewport as GeoJSON. Usage: npm run bench:clusters -- [--database-url URL] [--iterations 200]
import { benchArgs, get, machine, openBench, percentile, printFigure, printPlans, saveAndCompare, time, type Figure } from './harness';

const { url, iterations } = benchArgs();
const bench = await openBench(url);
const admin = await bench.login('admin');
console.log(`clusters on ${bench.dataset.cases.toLocaleString('en')} cases (${url.replace(/\/\/[^@]*@/, '//')}); ${machine()}`);

const [extent] = await bench.db.query<{ x0: number; y0: number; x1: number; y1: number }>(
  `SELECT ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM (SELECT ST_Extent(geom)::geometry AS e FROM areas WHERE level = 'district') x`);
const { x0, y0, x1, y1 } = extent!;
const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
// The whole city at zoom 12 (about 700 × 550 px); a street in the old town at zoom 16 (about 1,500 × 1,000 px).
const VIEWPORTS = [
  { name: 'clusters city viewport (z12)', bbox: [x0, y0, x1, y1], zoom: 12, naiveRuns: 5 },
  { name: 'clusters street viewport (z16)', bbox: [cx - 0.008, cy - 0.0045, cx + 0.008, cy + 0.0045], zoom: 16, naiveRuns: iterations },
];

// The naive map: every case in the box as a GeoJSON feature, serialized as an endpoint would.
async function naive(bbox: number[]) {
  const rows = await bench.db.query<{ id: number; status: string; category_code: string; lon: number; lat: number }>(
    `SELECT id, status, category_code, ST_X(location) AS lon, ST_Y(location) AS lat FROM cases WHERE location && ST_MakeEnvelope($1, $2, $3, $4, 4326)`, bbox);
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((r) => ({ type: 'Feature', id: r.id, geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: { status: r.status, category: r.category_code } })),
  }).length;
}

const figures: Figure[] = [];
let plansOk = true;
for (const v of VIEWPORTS) {
  const path = `/api/map/clusters?bbox=${v.bbox.map((x) => x.toFixed(6)).join(',')}&zoom=${v.zoom}`;
  const bytes = await get(bench.app, path, admin);
  const ours = await time(() => get(bench.app, path, admin), iterations);
  const naiveBytes = await naive(v.bbox);
  const base = await time(() => naive(v.bbox), v.naiveRuns, 1);
  const f: Figure = { name: v.name, p50: percentile(ours, 50), p95: percentile(ours, 95), naiveP50: percentile(base, 50), naiveP95: percentile(base, 95), bytes };
  f.target = v.zoom === 12 ? 'p95 <= 30 ms and >= 20x naive' : 'p95 <= 30 ms';
  f.met = f.p95 <= 30 && (v.zoom !== 12 || f.naiveP50 / f.p50 >= 20);
  printFigure(f);
  console.log(`  response ${bytes.toLocaleString('en')} bytes; naive ${naiveBytes.toLocaleString('en')} bytes`);
  plansOk = printPlans(v.name, await bench.explainRequest(path, admin)) && plansOk;
  figures.push(f);
}
saveAndCompare('clusters', bench.dataset.cases, figures);
await bench.close();
if (!plansOk) {
  console.error('FAILED: a plan scans the whole cases table where an index is expected');
  process.exit(1);
}
