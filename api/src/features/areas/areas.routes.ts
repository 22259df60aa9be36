// GET /api/areas: the area hierarchy as GeoJSON, filtered by level, parent and bbox.
import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { bearerSecurity, createRouter, errorResponse, requireUser } from '../../http/router';
import { AreaCollection, AreasQuery } from './areas.schemas';
import { listAreas } from './areas.service';

const route = createRoute({
  method: 'get',
  path: '/areas',
  tags: ['areas'],
  summary: 'Areas (district → street → community → grid → micro-grid) as a GeoJSON FeatureCollection',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: AreasQuery },
  responses: {
    200: { description: 'Areas, parents before children', content: { 'application/geo+json': { schema: AreaCollection } } },
    400: errorResponse('Bad filter'),
    401: errorResponse('Not logged in'),
  },
});

export function areasRoutes(deps: { db: Db }) {
  return createRouter().openapi(route, async (c) => {
    return c.json(await listAreas(deps, c.req.valid('query')), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
