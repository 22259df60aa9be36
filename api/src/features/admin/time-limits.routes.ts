// GET /api/admin/time-limits and PUT /api/admin/time-limits/:category/:severity.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { TimeLimitBody, TimeLimitList, TimeLimitParams, TimeLimitSchema } from './time-limits.schemas';
import { listTimeLimits, putTimeLimit } from './time-limits.service';

const tags = ['admin: categories'];

const listRoute = createRoute({
  method: 'get',
  path: '/time-limits',
  tags,
  summary: 'Every time limit 处置时限, by category and severity',
  ...adminOnly,
  responses: {
    200: jsonResponse(TimeLimitList, 'The limits; the clock starts at dispatch'),
    ...adminErrors,
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/time-limits/{category}/{severity}',
  tags,
  summary: 'Set the time limit of a category at a severity',
  description: 'Applies to cases dispatched afterwards. Working days skip weekends and holidays and count make-up working days.',
  ...adminOnly,
  request: { params: TimeLimitParams, body: jsonBody(TimeLimitBody) },
  responses: {
    200: jsonResponse(TimeLimitSchema, 'The limit as stored'),
    400: errorResponse('validation_failed (amount out of bounds, unknown unit or severity), malformed_json'),
    ...adminErrors,
    404: errorResponse('not_found: no such category'),
  },
});

export function timeLimitsRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ time_limits: await listTimeLimits(deps) }, 200))
    .openapi(putRoute, async (c) => {
      const { category, severity } = c.req.valid('param');
      return c.json(await putTimeLimit(deps, category, severity, c.req.valid('json')), 200);
    });
}
