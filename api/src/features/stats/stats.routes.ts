// GET /api/stats: the 数字城管 evaluation indicators, in the caller's scope.
import { createRoute } from '@hono/zod-openapi';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { StatsQuery, StatsResponse } from './stats.schemas';
import { computeStats, type StatsDeps } from './stats.service';

/** The formulas, stated once for the API docs; stats.repo.ts implements exactly these. */
const FORMULAS = `Indicators over the cases created in [from, to) that the caller may see (their scope applies), optionally below \`area\`.
\`now\` is the server clock; \`end\` = least(to, now).

- received 受理数 = count(*)
- registered 立案数 = count where registered_at IS NOT NULL OR status IN (registered, dispatched, in_progress, rectified, closed)
- registration_rate 立案率 = registered / received
- dispatched 派遣数 = count where dispatched_at IS NOT NULL
- due 应结案数 = count where status = closed OR (dispatched_at IS NOT NULL AND due_at < end) — cases closed ahead of their deadline count as due, so the rates stay within 0..1
- closed 结案数 = count where status = closed (rejected and merged cases are not closed)
- closure_rate 结案率 = closed / due
- closed_on_time 按期结案数 = count where status = closed AND closed_at <= due_at
- on_time_rate 按期结案率 = closed_on_time / due
- overdue 超期数 = count where (status IN (dispatched, in_progress) AND due_at < now) OR (status = closed AND closed_at > due_at)
- reworked 返工结案数 = count where status = closed AND rework_count > 0
- rework_rate 返工率 = reworked / closed
- median_hours_to_close, p90_hours_to_close = percentile_cont(0.5 / 0.9) of (closed_at - created_at) in hours over closed cases.
  Resolution: requests in a district, street or unit scope are read from a rollup that keeps these times in buckets 5% wide
  (under a minute: one bucket) with each bucket's exact mean, so a percentile is within 5% of the exact value plus one minute,
  and exact when the cases it falls between are alone in their buckets. Inspectors' and community-or-deeper requests are
  computed exactly from the cases. Every count and rate is exact either way.

Every rate is null when its denominator is 0; medians are null when nothing is closed.
\`group\`: area (children of \`area\`, else of the caller's home area, else the districts; every child listed), category, unit, day or week (buckets of created_at in Asia/Shanghai, keyed YYYY-MM-DD; weeks start on Monday).
Plain dates in \`from\`/\`to\` mean midnight in Asia/Shanghai; the default period is the 30 days up to now.`;

const statsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['stats'],
  summary: 'Evaluation indicators (考核指标): received, registered, dispatched, due, closed, on time, overdue, rework, time to close',
  description: FORMULAS,
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: StatsQuery },
  responses: {
    200: { description: 'Totals, and with `group` one entry per bucket', content: { 'application/json': { schema: StatsResponse } } },
    400: errorResponse('validation_failed (unknown group, malformed date) or invalid_period (from >= to)'),
    401: errorResponse('Not logged in'),
    422: errorResponse('unknown_area'),
  },
});

export function statsRoutes(deps: StatsDeps) {
  return createRouter().openapi(statsRoute, async (c) => c.json(await computeStats(deps, currentUser(c), c.req.valid('query')), 200));
}
