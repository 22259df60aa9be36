// Shapes the admin endpoints share: ids, references to areas and units, flags and phones.
import { z } from '@hono/zod-openapi';

// Ids are PostgreSQL `integer`s; a larger number is a bad request, not a database error.
export const MAX_ID = 2_147_483_647;

export const Id = z.number().int().positive().max(MAX_ID);

export const IdParam = z.object({
  id: z.coerce.number().int().positive().max(MAX_ID).openapi({ param: { name: 'id', in: 'path' }, example: 1 }),
});

/** An area or unit as the client names it: its code as a string, or its id as a number. */
export const Ref = (what: string, example: string) =>
  z.union([Id, z.string().trim().min(1).max(64)]).openapi({ description: `The ${what}'s code, or its id as a number`, example });

export const AreaRef = Ref('area', 'S1');
export const UnitRef = Ref('unit', 'U-PROP');

/** `true` or `false` in a query string; z.coerce.boolean would read "false" as true. */
export const BoolParam = z.enum(['true', 'false']).transform((v) => v === 'true');

/** Mobile or landline numbers as people write them: digits, +, -, spaces and brackets. */
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{3,32}$/, '3–32 characters: digits, +, -, spaces or brackets')
  .openapi({ example: '0512-68001234' });

export const AreaSummary = z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() });
export const UnitSummary = z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string(), active: z.boolean() });
