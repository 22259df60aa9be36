// Query and response shapes of GET /api/rivers and GET /api/units.
import { z } from '@hono/zod-openapi';
import { BboxParam } from '../areas/areas.schemas';

export const RiversQuery = z.object({ bbox: BboxParam.optional() });

const RiverFeature = z.object({
  type: z.literal('Feature'),
  id: z.number().int(),
  geometry: z.object({ type: z.literal('LineString'), coordinates: z.array(z.array(z.number())) }),
  properties: z.object({
    id: z.number().int(),
    code: z.string(),
    river_name: z.string(),
    name: z.string(),
    chief_name: z.string().nullable().openapi({ description: 'The river chief 河长' }),
    patrol_every_days: z.number().int(),
    area: z.object({ id: z.number().int(), code: z.string(), name: z.string() }).nullable(),
  }),
});

export const RiverCollection = z
  .object({ type: z.literal('FeatureCollection'), features: z.array(RiverFeature) })
  .openapi('RiverCollection');

export const UnitsQuery = z.object({
  case: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 53 - 1)
    .optional()
    .openapi({ type: 'integer', description: 'Also say which unit the area rules propose for this case' }),
});

export const UnitList = z
  .object({
    units: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        kind: z.string(),
        area: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }).nullable(),
        local: z.boolean().openapi({ description: "The unit serves the caller's area (inside, above, or no area); these come first" }),
      }),
    ),
    default_unit_id: z.number().int().nullable().openapi({ description: 'With ?case=: the unit the default-unit rules propose, if any' }),
  })
  .openapi('UnitList');
