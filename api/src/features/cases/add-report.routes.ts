// POST /api/cases/:id/reports: add my photos to a case already reported ("是这个问题吗?" → yes).
import { createRoute, z } from '@hono/zod-openapi';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { AddReportForm } from './add-report.schemas';
import { addReport } from './add-report.service';
import { CaseIdParam, CaseSchema, IdempotencyHeader } from './cases.schemas';
import type { IntakeDeps } from './intake.service';
import { photoBodyLimit } from './photo-body-limit';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });

const addReportRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/reports',
  tags: ['cases'],
  summary: 'Add a report (photos, note) to an open case instead of filing a duplicate. The state does not change. Honours Idempotency-Key.',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    params: CaseIdParam,
    headers: IdempotencyHeader,
    body: { required: true, content: { 'multipart/form-data': { schema: AddReportForm } } },
  },
  responses: {
    201: json(CaseSchema, 'The case with the added photos (or, for a retried Idempotency-Key, the first answer)'),
    400: errorResponse('Malformed fields'),
    401: errorResponse('Not logged in'),
    403: errorResponse('Only inspectors add reports'),
    404: errorResponse('No such case in your scope'),
    409: errorResponse('case_not_open: the case is closed, rejected or merged'),
    413: errorResponse('payload_too_large'),
    415: errorResponse('unsupported_media_type'),
    422: errorResponse('photo_required, image_unreadable, idempotency_key_reused'),
  },
});

export function addReportRoutes(deps: IntakeDeps) {
  const limit = photoBodyLimit(deps.settings);
  const router = createRouter();
  router.post('/cases/:id/reports', limit);
  return router.openapi(addReportRoute, async (c) => {
    const form = c.req.valid('form');
    const id = c.req.valid('param').id;
    const result = await addReport(deps, currentUser(c), id, form, c.req.valid('header')['idempotency-key']);
    return c.json(result.body, 201, result.replayed ? { 'Idempotent-Replayed': 'true' } : {});
  });
}
