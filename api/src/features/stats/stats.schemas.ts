// The query and response shapes of GET /api/stats, with each indicator's formula in its description.
import { z } from '@hono/zod-openapi';
import { QueryInstant } from '../../http/query-dates';

export const STAT_GROUPS = ['area', 'category', 'unit', 'day', 'week'] as const;
export type StatGroup = (typeof STAT_GROUPS)[number];

// A plain date is midnight in the deployment time zone; a date-time must carry Z or an offset.
const Instant = QueryInstant;

export const StatsQuery = z.object({
  area: z.string().min(1).optional().openapi({ description: 'Area code or id: cases anywhere below it', example: 'S1' }),
  from: Instant.optional().openapi({ description: 'Start of the period (inclusive); default: `to` minus 30 days', example: '2026-11-01' }),
  to: Instant.optional().openapi({ description: 'End of the period (exclusive); default: now', example: '2026-12-01' }),
  group: z.enum(STAT_GROUPS).optional().openapi({ description: 'Break the totals down by child area, category, unit, day or week (Asia/Shanghai)' }),
});

const rate = (d: string) => z.number().nullable().openapi({ description: `${d}; null when the denominator is 0` });
const count = (d: string) => z.number().int().openapi({ description: d });

export const Indicators = z.object({
  received: count('受理数: cases created in [from, to)'),
  registered: count("立案数: registered_at IS NOT NULL OR status IN (registered, dispatched, in_progress, rectified, closed)"),
  registration_rate: rate('立案率 = registered / received'),
  dispatched: count('派遣数: dispatched_at IS NOT NULL'),
  due: count("应结案数: status = closed OR (dispatched_at IS NOT NULL AND due_at < least(to, now))"),
  closed: count("结案数: status = closed"),
  closure_rate: rate('结案率 = closed / due'),
  closed_on_time: count('按期结案数: status = closed AND closed_at <= due_at'),
  on_time_rate: rate('按期结案率 = closed_on_time / due'),
  overdue: count("超期数: (status IN (dispatched, in_progress) AND due_at < now) OR (status = closed AND closed_at > due_at)"),
  reworked: count('返工结案数: status = closed AND rework_count > 0'),
  rework_rate: rate('返工率 = reworked / closed'),
  median_hours_to_close: z.number().nullable().openapi({ description: 'percentile_cont(0.5) of (closed_at - created_at) in hours over closed cases; from the rollup within 5% + 1 min' }),
  p90_hours_to_close: z.number().nullable().openapi({ description: 'percentile_cont(0.9) of (closed_at - created_at) in hours over closed cases; from the rollup within 5% + 1 min' }),
});

export const StatsGroup = Indicators.extend({
  key: z.string().nullable().openapi({ description: 'Area code, category code, unit code (null: no unit), or the day / week start as YYYY-MM-DD' }),
  name: z.string().nullable(),
});

export const StatsResponse = z
  .object({
    from: z.string(),
    to: z.string(),
    area: z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() }).nullable(),
    totals: Indicators,
    groups: z.array(StatsGroup).optional(),
  })
  .openapi('Stats');
