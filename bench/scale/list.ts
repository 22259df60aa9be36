// GET /api/cases with two filters and paging, against the naive list: every matching case
// fetched, sorted and sliced in the app. Usage: npm run bench:list -- [--database-url URL] [--iterations 200]
import { benchArgs, get, machine, openBench, percentile, printFigure, printPlans, saveAndCompare, time, type Figure } from './harness';

const { url, iterations } = benchArgs();
const bench = await openBench(url);
const admin = await bench.login('admin');
console.log(`case list on ${bench.dataset.cases.toLocaleString('en')} cases; ${machine()}`);

const [busiest] = await bench.db.query<{ id: number; code: string }>(`
  SELECT a.id, a.code FROM (SELECT street_id, count(*) FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x JOIN areas a ON a.id = x.street_id`);
const street = busiest!;
const LIMIT = 20;
// A supervisor browsing closed e-bike hazards city-wide, deep pages too; a street office's open work.
const SCENARIOS = [
  { name: 'list status+category, page 1', query: 'status=closed&category=ebike_indoor&page=1', where: `status = 'closed' AND category_code = 'ebike_indoor'`, page: 1 },
  { name: 'list status+category, page 50', query: 'status=closed&category=ebike_indoor&page=50', where: `status = 'closed' AND category_code = 'ebike_indoor'`, page: 50 },
  { name: 'list area+status, page 2', query: `area=${street.code}&status=dispatched,in_progress&page=2`,
    where: `$1::int IN (area_id, micro_grid_id, grid_id, community_id, street_id, district_id) AND status IN ('dispatched', 'in_progress')`, page: 2 },
];

// The naive list: everything that matches, then sort and slice in the app.
async function naive(where: string, page: number) {
  const rows = await bench.db.query<{ id: number; created_at: Date }>(
    `SELECT id, code, status, category_code, description, ST_AsGeoJSON(location)::json AS location, created_at, due_at FROM cases WHERE ${where}`,
    where.includes('$1') ? [street.id] : []);
  rows.sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || b.id - a.id);
  return JSON.stringify({ total: rows.length, items: rows.slice((page - 1) * LIMIT, page * LIMIT) }).length;
}

const figures: Figure[] = [];
let plansOk = true;
for (const s of SCENARIOS) {
  const path = `/api/cases?${s.query}&limit=${LIMIT}`;
  const ours = await time(() => get(bench.app, path, admin), iterations);
  const base = await time(() => naive(s.where, s.page), Math.max(5, Math.round(iterations / 10)), 1);
  const f: Figure = { name: s.name, p50: percentile(ours, 50), p95: percentile(ours, 95), naiveP50: percentile(base, 50), naiveP95: percentile(base, 95) };
  printFigure(f);
  plansOk = printPlans(s.name, await bench.explainRequest(path, admin)) && plansOk;
  figures.push(f);
}
saveAndCompare('list', bench.dataset.cases, figures);
await bench.close();
if (!plansOk) {
  console.error('FAILED: a plan scans the whole cases table where an index is expected');
  process.exit(1);
}
