// GET /api/admin/areas/:area/default-units, PUT/DELETE /api/admin/areas/:area/default-units/:category.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { AreaParam, AreaRules, RuleBody, RuleParams, RuleSchema } from './area-units.schemas';
import { deleteAreaRule, listAreaRules, putAreaRule } from './area-units.service';

const tags = ['admin: units'];

const listRoute = createRoute({
  method: 'get',
  path: '/areas/{area}/default-units',
  tags,
  summary: "An area's default-unit rules: which unit takes which category",
  ...adminOnly,
  request: { params: AreaParam },
  responses: {
    200: jsonResponse(AreaRules, 'The rules, the catch-all first'),
    ...adminErrors,
    404: errorResponse('not_found: no such area'),
  },
});

const putRoute = createRoute({
  method: 'put',
  path: '/areas/{area}/default-units/{category}',
  tags,
  summary: 'Set the unit that takes a category (or * for any other) in an area',
  ...adminOnly,
  request: { params: RuleParams, body: jsonBody(RuleBody) },
  responses: {
    200: jsonResponse(RuleSchema, 'The rule as stored'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    404: errorResponse('not_found: no such area or category'),
    422: errorResponse('unknown_unit, unit_inactive'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/areas/{area}/default-units/{category}',
  tags,
  summary: 'Remove a default-unit rule',
  ...adminOnly,
  request: { params: RuleParams },
  responses: {
    204: { description: 'Removed' },
    400: errorResponse('validation_failed: a bad category'),
    ...adminErrors,
    404: errorResponse('not_found: no such area, or no such rule'),
  },
});

export function areaUnitsRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await listAreaRules(deps, c.req.valid('param').area), 200))
    .openapi(putRoute, async (c) => {
      const { area, category } = c.req.valid('param');
      return c.json(await putAreaRule(deps, area, category, c.req.valid('json').unit), 200);
    })
    .openapi(deleteRoute, async (c) => {
      const { area, category } = c.req.valid('param');
      await deleteAreaRule(deps, area, category);
      return c.body(null, 204);
    });
}
