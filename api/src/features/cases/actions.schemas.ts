// The body of POST /api/cases/:id/actions: JSON, or multipart when it carries photos.
import { z } from '@hono/zod-openapi';
import { CASE_ACTIONS } from '../../lib/case-workflow';

const PhotoFile = z.instanceof(File).openapi({ type: 'string', format: 'binary' });
const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);
const num = (min: number, max: number) => z.preprocess(blankToUndefined, z.coerce.number().min(min).max(max).optional());
const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().min(1).max(max).optional());

export const ActionBody = z
  .object({
    action: z.enum(CASE_ACTIONS),
    version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).openapi({
      type: 'integer',
      description: 'The case version you acted on (or send If-Match)',
    }),
    note: text(2000),
    reason: text(2000).openapi({ type: 'string', description: 'Required for reject, return, recheck_fail and reopen' }),
    severity: z.preprocess(blankToUndefined, z.enum(['general', 'serious', 'major']).optional()),
    handling_mode: z.preprocess(blankToUndefined, z.enum(['on_the_spot', 'consultation', 'joint']).optional()).openapi({
      description: 'accept: 马上办 / 协商办 / 联合办',
    }),
    unit_id: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).openapi({ type: 'integer' }),
    due_at: z.preprocess(blankToUndefined, z.iso.datetime({ offset: true }).optional()).openapi({ type: 'string', format: 'date-time' }),
    target_case_id: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()).openapi({ type: 'integer' }),
    lat: num(-90, 90).openapi({ type: 'number', description: 'Where you are (rechecks must be on site)' }),
    lon: num(-180, 180).openapi({ type: 'number' }),
    photos: z
      .union([PhotoFile, z.array(PhotoFile)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
  })
  .refine((b) => (b.lat === undefined) === (b.lon === undefined), { message: 'lat and lon go together', path: ['lon'] })
  .openapi('CaseAction');

export const IfMatchHeader = z.object({
  'if-match': z.string().optional().openapi({ description: 'The case version, e.g. "3"' }),
});
