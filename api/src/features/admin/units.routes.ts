// GET/POST /api/admin/units, GET/PATCH /api/admin/units/:id.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { IdParam } from './common.schemas';
import { NewUnitBody, UnitList, UnitPatchBody, UnitPatchResult, UnitSchema, UnitsQuery } from './units.schemas';
import { createUnit, getUnit, listUnits, updateUnit } from './units.service';

const tags = ['admin: units'];

const listRoute = createRoute({
  method: 'get',
  path: '/units',
  tags,
  summary: 'Responsible units 责任单位, filtered by kind, area (with everything below it) and active',
  ...adminOnly,
  request: { query: UnitsQuery },
  responses: {
    200: jsonResponse(UnitList, 'Units by code, inactive ones included unless filtered out'),
    400: errorResponse('validation_failed: a bad filter'),
    ...adminErrors,
    422: errorResponse('unknown_area'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/units/{id}',
  tags,
  summary: 'One unit',
  ...adminOnly,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(UnitSchema, 'The unit'),
    400: errorResponse('validation_failed: a bad id'),
    ...adminErrors,
    404: errorResponse('not_found: no such unit'),
  },
});

const createUnitRoute = createRoute({
  method: 'post',
  path: '/units',
  tags,
  summary: 'Create a unit',
  ...adminOnly,
  request: { body: jsonBody(NewUnitBody) },
  responses: {
    201: jsonResponse(UnitSchema, 'The new unit'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    409: errorResponse('conflict: the code is taken'),
    422: errorResponse('unknown_area'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/units/{id}',
  tags,
  summary: 'Change a unit: name, kind, area, phone, active',
  description: 'Deactivating a unit that still has active handlers is allowed; the answer lists them, and the default-unit rules that stop routing.',
  ...adminOnly,
  request: { params: IdParam, body: jsonBody(UnitPatchBody) },
  responses: {
    200: jsonResponse(UnitPatchResult, 'The unit as changed, and what still points at it when inactive'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    404: errorResponse('not_found: no such unit'),
    422: errorResponse('unknown_area'),
  },
});

export function unitsRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ units: await listUnits(deps, c.req.valid('query')) }, 200))
    .openapi(getRoute, async (c) => c.json(await getUnit(deps, c.req.valid('param').id), 200))
    .openapi(createUnitRoute, async (c) => {
      const unit = await createUnit(deps, c.req.valid('json'));
      return c.json(unit, 201, { Location: `/api/admin/units/${unit.id}` });
    })
    .openapi(patchRoute, async (c) => c.json(await updateUnit(deps, c.req.valid('param').id, c.req.valid('json')), 200));
}
