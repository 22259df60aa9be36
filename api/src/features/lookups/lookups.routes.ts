// GET /api/rivers (river segments for the map) and GET /api/units (whom a case may be dispatched to).
import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { RiverCollection, RiversQuery, UnitList, UnitsQuery } from './lookups.schemas';
import { listRivers, listUnits } from './lookups.service';

const riversRoute = createRoute({
  method: 'get',
  path: '/rivers',
  tags: ['map'],
  summary: 'River segments 河段 as a GeoJSON FeatureCollection of LineStrings, optionally within a bbox',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: RiversQuery },
  responses: {
    200: { description: 'River segments', content: { 'application/geo+json': { schema: RiverCollection } } },
    400: errorResponse('Bad bbox'),
    401: errorResponse('Not logged in'),
  },
});

const unitsRoute = createRoute({
  method: 'get',
  path: '/units',
  tags: ['cases'],
  summary: 'Active responsible units 责任单位 a case may be dispatched to; with ?case=, the unit the rules propose',
  security: bearerSecurity,
  middleware: [requireUser('dispatcher', 'supervisor', 'admin')] as const,
  request: { query: UnitsQuery },
  responses: {
    200: { description: 'The units, local first', content: { 'application/json': { schema: UnitList } } },
    400: errorResponse('Bad case id'),
    401: errorResponse('Not logged in'),
    403: errorResponse('Not a dispatcher, supervisor or admin'),
    404: errorResponse('No such case in your scope'),
  },
});

export function lookupsRoutes(deps: { db: Db }) {
  return createRouter()
    .openapi(riversRoute, async (c) =>
      c.json(await listRivers(deps, c.req.valid('query').bbox), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' }),
    )
    .openapi(unitsRoute, async (c) => c.json(await listUnits(deps, currentUser(c), c.req.valid('query').case), 200));
}
