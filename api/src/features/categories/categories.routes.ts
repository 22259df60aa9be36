// GET /api/categories: the category tree with severities and time-limit defaults.
import { createRoute } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { bearerSecurity, createRouter, errorResponse, requireUser } from '../../http/router';
import { CategoryTree } from './categories.schemas';
import { categoryTree } from './categories.service';

const route = createRoute({
  method: 'get',
  path: '/categories',
  tags: ['categories'],
  summary: 'Problem categories grouped into river and fire, with time limits by severity',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'The category tree', content: { 'application/json': { schema: CategoryTree } } },
    401: errorResponse('Not logged in'),
  },
});

export function categoriesRoutes(deps: { db: Db }) {
  return createRouter().openapi(route, async (c) => c.json(await categoryTree(deps), 200));
}
