// Request and response shapes of the default-unit rules: which unit takes which category in an area.
import { z } from '@hono/zod-openapi';
import { AreaSummary, UnitRef, UnitSummary } from './common.schemas';

/** In the path, `*` stands for "any category not covered by a rule of its own". */
export const ANY_CATEGORY = '*';

export const AreaParam = z.object({
  area: z.string().trim().min(1).max(64).openapi({ param: { name: 'area', in: 'path' }, example: 'C1', description: 'Area code or id' }),
});

export const RuleParams = AreaParam.extend({
  category: z
    .string()
    .regex(/^(\*|[a-z][a-z0-9_]{0,63})$/, 'a category code, or * for any category')
    .openapi({ param: { name: 'category', in: 'path' }, example: 'bank_garbage', description: 'A category code, or * for any other category' }),
});

export const RuleBody = z.strictObject({ unit: UnitRef }).openapi('DefaultUnitRuleBody');

export const RuleSchema = z
  .object({
    category: z.string().nullable().openapi({ description: 'null: any category without a rule of its own' }),
    category_name_zh: z.string().nullable(),
    unit: UnitSummary,
  })
  .openapi('DefaultUnitRule');

export const AreaRules = z
  .object({
    area: AreaSummary,
    rules: z.array(RuleSchema).openapi({ description: "This area's own rules; a deeper area's rule beats its parents'" }),
  })
  .openapi('DefaultUnitRules');
