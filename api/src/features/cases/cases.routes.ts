// POST /api/cases (a report in), GET /api/cases/nearby (possible duplicates), GET /api/cases/:id.
import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { CaseIdParam, CaseSchema, IdempotencyHeader, NearbyQuery, NewCaseForm, PossibleDuplicate } from './cases.schemas';
import { getCase } from './cases.service';
import { findNearbyOpen } from './duplicates';
import { submitCase, type IntakeDeps } from './intake.service';
import { photoBodyLimit } from './photo-body-limit';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const submitRoute = createRoute({
  method: 'post',
  path: '/cases',
  tags: ['cases'],
  summary: 'Report a problem: photos plus fields, multipart. Honours Idempotency-Key.',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    headers: IdempotencyHeader,
    body: { required: true, content: { 'multipart/form-data': { schema: NewCaseForm } } },
  },
  responses: {
    201: json(CaseSchema, 'The new case (or, for a retried Idempotency-Key, the first answer)'),
    400: errorResponse('Malformed fields'),
    401: errorResponse('Not logged in'),
    413: errorResponse('payload_too_large: a file, the photo count or the pixel count is over the limit'),
    415: errorResponse('unsupported_media_type: a photo is not JPEG, PNG, WebP or HEIC'),
    422: errorResponse('photo_required, unknown_category, location_required, image_unreadable, observed_at_in_future, idempotency_key_reused'),
  },
});

const nearbyRoute = createRoute({
  method: 'get',
  path: '/cases/nearby',
  tags: ['cases'],
  summary: 'Open cases of a category near a point, from the last days, nearest first ("is it one of these?")',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: NearbyQuery },
  responses: {
    200: json(z.object({ cases: z.array(PossibleDuplicate) }), 'Possible duplicates'),
    400: errorResponse('Bad point'),
    401: errorResponse('Not logged in'),
    422: errorResponse('Unknown category'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags: ['cases'],
  summary: 'One case',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { params: CaseIdParam },
  responses: {
    200: json(CaseSchema, 'The case'),
    401: errorResponse('Not logged in'),
    404: errorResponse('No such case in your scope'),
  },
});

export function casesRoutes(deps: IntakeDeps) {
  const limit = photoBodyLimit(deps.settings);
  const router = createRouter();
  router.post('/cases', limit);
  return router
    .openapi(submitRoute, async (c) => {
      const form = c.req.valid('form');
      const key = c.req.valid('header')['idempotency-key'];
      const user = currentUser(c);
      const result = await submitCase(
        deps,
        user,
        {
          photos: form.photos,
          afterPhotos: form.after_photos,
          category: form.category,
          description: form.description,
          severity: form.severity,
          device: form.lat !== undefined && form.lon !== undefined ? { lat: form.lat, lon: form.lon, accuracyM: form.accuracy } : undefined,
          manualLocation: form.location_source === 'manual',
          observedAt: form.observed_at ? new Date(form.observed_at) : undefined,
          patrolId: form.patrol_id,
        },
        key,
      );
      return c.json(result.body, 201, {
        Location: `/api/cases/${result.body.id}`,
        ...(result.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      });
    })
    .openapi(nearbyRoute, async (c) => {
      const q = c.req.valid('query');
      const cases = await findNearbyOpen(deps, currentUser(c), { point: { lon: q.lon, lat: q.lat }, category: q.category });
      return c.json({ cases }, 200);
    })
    .openapi(getRoute, async (c) => c.json(await getCase(deps, currentUser(c), c.req.valid('param').id), 200));
}
