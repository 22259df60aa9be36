// GET /api/stats for one street and for a whole district over one year, against the naive
// report: the same indicators aggregated from the raw cases inside the area's polygon.
// Usage: npm run bench:stats -- [--database-url URL] [--iterations 200]
import { benchArgs, get, machine, openBench, percentile, printFigure, printPlans, saveAndCompare, time, type Figure } from './harness';

const { url, iterations } = benchArgs();
const bench = await openBench(url);
const admin = await bench.login('admin');
console.log(`stats on ${bench.dataset.cases.toLocaleString('en')} cases; ${machine()}`);

// The busiest street and its district; the year that ends on the dataset's last day.
const [busiest] = await bench.db.query<{ street: string; district: string }>(`
  SELECT s.code AS street, d.code AS district FROM (SELECT street_id, count(*) FROM cases GROUP BY 1 ORDER BY 2 DESC LIMIT 1) x
  JOIN areas s ON s.id = x.street_id JOIN areas d ON d.id = s.parent_id`);
const end = new Date(bench.dataset.now);
const to = end.toISOString().slice(0, 10);
const from = new Date(end.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);

// The naive report: no denormalized area columns, no rollup; the polygon decides what is in the area.
const NAIVE = `
  SELECT count(*)::int AS received, count(*) FILTER (WHERE c.registered_at IS NOT NULL)::int AS registered,
         count(*) FILTER (WHERE c.dispatched_at IS NOT NULL)::int AS dispatched, count(*) FILTER (WHERE c.status = 'closed')::int AS closed,
         count(*) FILTER (WHERE c.status = 'closed' AND c.closed_at <= c.due_at)::int AS closed_on_time,
         count(*) FILTER (WHERE c.status = 'closed' AND c.rework_count > 0)::int AS reworked,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.closed_at - c.created_at) / 3600) FILTER (WHERE c.status = 'closed') AS median_hours
  FROM cases c JOIN areas a ON a.code = $1 AND ST_Covers(a.geom, c.location)
  WHERE c.created_at >= $2::date AND c.created_at < $3::date`;

const figures: Figure[] = [];
let plansOk = true;
for (const [name, area, target] of [['stats street-year', busiest!.street, 100], ['stats district-year', busiest!.district, undefined]] as const) {
  const path = `/api/stats?area=${area}&from=${from}&to=${to}`;
  const ours = await time(() => get(bench.app, path, admin), iterations);
  const base = await time(() => bench.db.query(NAIVE, [area, from, to]), Math.max(5, Math.round(iterations / 10)), 1);
  const f: Figure = { name, p50: percentile(ours, 50), p95: percentile(ours, 95), naiveP50: percentile(base, 50), naiveP95: percentile(base, 95) };
  if (target) {
    f.target = `p95 <= ${target} ms`;
    f.met = f.p95 <= target;
  }
  printFigure(f);
  plansOk = printPlans(`${name} (${area}, ${from} to ${to})`, await bench.explainRequest(path, admin)) && plansOk;
  figures.push(f);
}
saveAndCompare('stats', bench.dataset.cases, figures);
await bench.close();
if (!plansOk) {
  console.error('FAILED: a plan scans the whole cases table where an index is expected');
  process.exit(1);
}
