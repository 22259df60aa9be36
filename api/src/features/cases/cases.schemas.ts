// Request and response shapes of the case endpoints; they validate and document at once.
import { z } from '@hono/zod-openapi';
import { CASE_STATES } from '../../lib/case-workflow';

const SEVERITY = z.enum(['general', 'serious', 'major']);
const PhotoFile = z.instanceof(File).openapi({ type: 'string', format: 'binary' });

const optionalNumber = (min: number, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().min(min).max(max).optional());

export const NewCaseForm = z
  .object({
    photos: z
      .union([PhotoFile, z.array(PhotoFile)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .openapi({ description: '1–9 photos (JPEG, PNG, WebP, HEIC/HEIF); repeat the field for each' }),
    after_photos: z
      .union([PhotoFile, z.array(PhotoFile)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .openapi({ description: 'Fixed on the spot (马上办, inspectors only): after-photos; the case starts rectified for a dispatcher to confirm' }),
    category: z.string().trim().min(1).max(64).openapi({ example: 'bank_garbage' }),
    description: z.string().trim().max(2000).default(''),
    severity: SEVERITY.optional(),
    lat: optionalNumber(-90, 90).openapi({ type: 'number', description: "The phone's latitude (WGS-84), or the pin's" }),
    lon: optionalNumber(-180, 180).openapi({ type: 'number', description: "The phone's longitude (WGS-84), or the pin's" }),
    accuracy: optionalNumber(0, 100_000).openapi({ type: 'number', description: 'Accuracy of lat/lon in metres' }),
    location_source: z.enum(['device', 'manual']).default('device').openapi({ description: 'manual: the user placed the pin by hand' }),
    observed_at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the problem was seen (ISO 8601 with zone)' }),
    patrol_id: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()).openapi({ type: 'integer' }),
  })
  .refine((f) => (f.lat === undefined) === (f.lon === undefined), { message: 'lat and lon go together', path: ['lon'] })
  .openapi('NewCase');

export const IdempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{1,200}$/, 'printable ASCII, at most 200 characters')
    .optional()
    .openapi({ description: 'Retries with the same key return the first answer and create nothing new' }),
});

export const NearbyQuery = z.object({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  category: z.string().trim().min(1).max(64),
});

const csv = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

/** `status=a,b`: each must be a state, or the filter would quietly match nothing. */
export const StatusFilter = csv
  .superRefine((list, ctx) => {
    const unknown = list.filter((s) => !(CASE_STATES as readonly string[]).includes(s));
    if (unknown.length > 0) ctx.addIssue({ code: 'custom', message: `unknown status ${unknown.join(', ')}; one of ${CASE_STATES.join(', ')}` });
  })
  .openapi({ type: 'string', description: `Comma-separated states: ${CASE_STATES.join(', ')}` });

/** `category=a,b`: the codes are checked against the categories table by the service (400 unknown_category). */
export const CategoryFilter = csv.openapi({ type: 'string', description: 'Comma-separated category codes' });

export const CaseIdParam = z.object({ id: z.coerce.number().int().positive().max(2 ** 53 - 1).openapi({ param: { name: 'id', in: 'path' }, example: 1 }) });

const GeoPoint = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const AreaRef = z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string() });

export const PossibleDuplicate = z
  .object({
    id: z.number(),
    code: z.string(),
    status: z.string(),
    category: z.string(),
    description: z.string(),
    distance_m: z.number(),
    created_at: z.string(),
    location: GeoPoint,
  })
  .openapi('PossibleDuplicate');

export const CaseSchema = z
  .object({
    id: z.number(),
    code: z.string().openapi({ example: 'XC-20261122-0007' }),
    status: z.string(),
    category: z.object({ code: z.string(), domain: z.string(), name_zh: z.string(), name_en: z.string(), icon: z.string() }),
    severity: SEVERITY,
    handling_mode: z.string().nullable(),
    description: z.string(),
    location: GeoPoint,
    location_source: z.enum(['exif', 'device', 'manual']),
    exif_location: GeoPoint.nullable(),
    device_location: GeoPoint.nullable(),
    device_accuracy_m: z.number().nullable(),
    area_path: z.array(AreaRef).openapi({ description: 'From the micro-grid up to the district; empty when unassigned' }),
    unassigned: z.boolean(),
    unit: z.object({ id: z.number(), code: z.string(), name: z.string() }).nullable(),
    reporter: z.object({ id: z.number(), display_name: z.string() }).nullable(),
    flags: z.array(z.string()).openapi({ description: 'location_conflict, stale_photo, reused_photo' }),
    rework_count: z.number(),
    urgent: z.boolean().openapi({ description: 'Supervised (督办) at least once' }),
    supervision_count: z.number(),
    merged_into_id: z.number().nullable(),
    merged_cases: z.array(z.object({ id: z.number(), code: z.string() })).openapi({ description: 'Cases merged into this one; their photos are listed here too' }),
    overdue: z.boolean(),
    due_soon: z.boolean().openapi({ description: 'In the last 20% of the allowed time' }),
    available_actions: z.array(z.string()).openapi({ description: 'What the caller may do now' }),
    version: z.number(),
    patrol_id: z.number().nullable(),
    observed_at: z.string().nullable(),
    created_at: z.string(),
    updated_at: z.string(),
    dispatched_at: z.string().nullable(),
    due_at: z.string().nullable(),
    closed_at: z.string().nullable(),
    time_limit: z.object({ amount: z.number(), unit: z.enum(['hours', 'working_days']) }).nullable(),
    expected_due_at: z.string().nullable().openapi({ description: 'The deadline if dispatched now (the clock starts at dispatch)' }),
    photos: z.array(
      z.object({
        id: z.string(),
        stage: z.string(),
        width: z.number(),
        height: z.number(),
        taken_at: z.string().nullable(),
        urls: z.object({ original: z.string(), display: z.string(), thumb: z.string() }),
      }),
    ),
    possible_duplicates: z.array(PossibleDuplicate).optional(),
  })
  .openapi('Case');
