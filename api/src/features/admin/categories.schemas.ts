// Request and response shapes of /api/admin/categories.
import { z } from '@hono/zod-openapi';
import { DOMAINS } from '../categories/categories.repo';
import { Severity, TimeLimitBody } from './time-limits.schemas';

const CategoryCode = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,63}$/, '2–64 characters: a–z, 0–9 or underscore, starting with a letter')
  .openapi({ example: 'fire_door_open' });

const Fields = {
  name_zh: z.string().trim().min(1).max(64).openapi({ example: '常闭式防火门常开' }),
  name_en: z.string().trim().min(1).max(100).openapi({ example: 'Fire door propped open' }),
  icon: z.string().regex(/^[a-z0-9-]{1,40}$/, '1–40 characters: a–z, 0–9 or hyphen').openapi({ example: 'exit' }),
  default_severity: Severity,
  duplicate_radius_m: z.number().int().min(1).max(5000).openapi({ description: 'Reports this close are offered as possible duplicates' }),
  sort_order: z.number().int().min(0).max(100_000),
};

export const CategoryParam = z.object({
  code: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/).openapi({ param: { name: 'code', in: 'path' }, example: 'bank_garbage' }),
});

export const NewCategoryBody = z
  .strictObject({
    code: CategoryCode,
    domain: z.enum(DOMAINS),
    name_zh: Fields.name_zh,
    name_en: Fields.name_en,
    icon: Fields.icon,
    default_severity: Fields.default_severity.default('general'),
    duplicate_radius_m: Fields.duplicate_radius_m.default(30),
    sort_order: Fields.sort_order.optional().openapi({ description: 'Default: after the last category of its domain' }),
    time_limits: z
      .strictObject({ general: TimeLimitBody, serious: TimeLimitBody, major: TimeLimitBody })
      .openapi({ description: 'One limit per severity, all three required' }),
  })
  .openapi('NewCategory');

export const CategoryPatchBody = z
  .strictObject({
    name_zh: Fields.name_zh.optional(),
    name_en: Fields.name_en.optional(),
    icon: Fields.icon.optional(),
    default_severity: Fields.default_severity.optional(),
    duplicate_radius_m: Fields.duplicate_radius_m.optional(),
    sort_order: Fields.sort_order.optional(),
    active: z.boolean().optional().openapi({ description: 'An inactive category takes no new reports; its cases stay' }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .openapi('CategoryPatch');

const Limit = z.object({ amount: z.number().int(), unit: z.enum(['hours', 'working_days']) });

export const AdminCategorySchema = z
  .object({
    code: z.string(),
    domain: z.enum(DOMAINS),
    name_zh: z.string(),
    name_en: z.string(),
    icon: z.string(),
    default_severity: Severity,
    duplicate_radius_m: z.number().int(),
    sort_order: z.number().int(),
    active: z.boolean(),
    time_limits: z.object({ general: Limit.optional(), serious: Limit.optional(), major: Limit.optional() }),
  })
  .openapi('AdminCategory');

export const AdminCategoryList = z.object({ categories: z.array(AdminCategorySchema) }).openapi('AdminCategoryList');

export type NewCategoryInput = z.infer<typeof NewCategoryBody>;
export type CategoryPatchInput = z.infer<typeof CategoryPatchBody>;
