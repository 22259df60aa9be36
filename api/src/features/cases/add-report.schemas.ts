// The body of POST /api/cases/:id/reports: an inspector's photos (and a note) added to a case already open.
import { z } from '@hono/zod-openapi';

const PhotoFile = z.instanceof(File).openapi({ type: 'string', format: 'binary' });

export const AddReportForm = z
  .object({
    photos: z
      .union([PhotoFile, z.array(PhotoFile)])
      .optional()
      .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
      .openapi({ description: '1–9 photos (JPEG, PNG, WebP, HEIC/HEIF); repeat the field for each' }),
    note: z.string().trim().max(2000).default('').openapi({ description: 'What the reporter adds, e.g. "still there today"' }),
  })
  .openapi('AddReport');
