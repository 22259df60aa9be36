// Shapes of time limits 处置时限: an amount in hours or working days, with sane bounds.
import { z } from '@hono/zod-openapi';
import { SEVERITIES } from '../categories/categories.repo';

/** Longest limits an admin may set: a month of hours, a quarter of working days. */
export const TIME_LIMIT_BOUNDS = { hours: 720, working_days: 60 } as const;

export const TimeLimitBody = z
  .strictObject({
    amount: z.number().int().min(1).openapi({ example: 3 }),
    unit: z.enum(['hours', 'working_days']),
  })
  .superRefine((t, ctx) => {
    const max = TIME_LIMIT_BOUNDS[t.unit];
    if (t.amount > max) ctx.addIssue({ code: 'custom', path: ['amount'], message: `at most ${max} ${t.unit.replace('_', ' ')}` });
  })
  .openapi('TimeLimitBody', { description: 'hours: 1–720; working_days: 1–60 (skipping weekends and holidays)' });

export const Severity = z.enum(SEVERITIES);

export const TimeLimitParams = z.object({
  category: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).openapi({ param: { name: 'category', in: 'path' }, example: 'bank_garbage' }),
  severity: Severity.openapi({ param: { name: 'severity', in: 'path' } }),
});

export const TimeLimitSchema = z
  .object({
    category: z.string(),
    severity: Severity,
    amount: z.number().int(),
    unit: z.enum(['hours', 'working_days']),
  })
  .openapi('TimeLimit');

export const TimeLimitList = z.object({ time_limits: z.array(TimeLimitSchema) }).openapi('TimeLimitList');

export type TimeLimitInput = z.infer<typeof TimeLimitBody>;
