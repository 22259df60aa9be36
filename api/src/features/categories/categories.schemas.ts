// Response shape of GET /api/categories.
import { z } from '@hono/zod-openapi';
import { DOMAINS, SEVERITIES } from './categories.repo';

const TimeLimit = z.object({ amount: z.number().int(), unit: z.enum(['hours', 'working_days']) });

const Category = z.object({
  code: z.string().openapi({ example: 'fire_lane_blocked' }),
  name_zh: z.string(),
  name_en: z.string(),
  icon: z.string(),
  default_severity: z.enum(SEVERITIES),
  duplicate_radius_m: z.number().int(),
  time_limits: z.record(z.string(), TimeLimit).openapi({ description: 'By severity; the clock starts at dispatch' }),
});

export const CategoryTree = z
  .object({
    groups: z.array(z.object({ domain: z.enum(DOMAINS), name_zh: z.string(), name_en: z.string(), categories: z.array(Category) })),
    severities: z.array(z.object({ code: z.enum(SEVERITIES), name_zh: z.string(), name_en: z.string() })),
  })
  .openapi('CategoryTree');
