// Request and response shapes of /api/admin/units.
import { z } from '@hono/zod-openapi';
import { AreaRef, AreaSummary, BoolParam, Id, Phone } from './common.schemas';

export const UNIT_KINDS = ['property', 'cleaning', 'community', 'water', 'urban_management', 'fire', 'other'] as const;
const Kind = z.enum(UNIT_KINDS).openapi({ description: '物业, 保洁, 社区, 水务, 城管, 消防, other' });
const Name = z.string().trim().min(1).max(100).openapi({ example: '绿苑物业' });

export const UnitsQuery = z.object({
  kind: Kind.optional(),
  area: z.string().trim().min(1).max(64).optional().openapi({ description: 'Units placed in this area or below it (code or id)' }),
  active: BoolParam.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
});

export const NewUnitBody = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,64}$/, '1–64 characters: letters, digits, dot, underscore or hyphen')
      .openapi({ example: 'U-PROP' }),
    name: Name,
    kind: Kind,
    area: AreaRef.nullish(),
    phone: Phone.nullish(),
  })
  .openapi('NewUnit');

export const UnitPatchBody = z
  .strictObject({
    name: Name.optional(),
    kind: Kind.optional(),
    area: AreaRef.nullable().optional(),
    phone: Phone.nullable().optional(),
    active: z.boolean().optional().openapi({ description: 'A deactivated unit gets no new cases; its default-unit rules stop routing' }),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' })
  .openapi('UnitPatch');

export const UnitSchema = z
  .object({
    id: Id,
    code: z.string(),
    name: z.string(),
    kind: Kind,
    area: AreaSummary.nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    active_handlers: z.number().int().openapi({ description: 'How many active handler accounts belong to the unit' }),
    created_at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('AdminUnit');

export const UnitList = z.object({ units: z.array(UnitSchema) }).openapi('AdminUnitList');

const HandlerBrief = z.object({ id: Id, username: z.string(), display_name: z.string() });
const RuleBrief = z.object({ area: AreaSummary, category: z.string().nullable() });

export const UnitPatchResult = z
  .object({
    unit: UnitSchema,
    handlers_still_active: z.array(HandlerBrief).openapi({ description: 'For a deactivated unit: its handlers who can still log in' }),
    default_rules: z.array(RuleBrief).openapi({ description: 'For a deactivated unit: default-unit rules that now route nowhere' }),
  })
  .openapi('AdminUnitPatched');

export type NewUnitInput = z.infer<typeof NewUnitBody>;
export type UnitPatchInput = z.infer<typeof UnitPatchBody>;
export type UnitsFilter = z.infer<typeof UnitsQuery>;
export type UnitKind = (typeof UNIT_KINDS)[number];
