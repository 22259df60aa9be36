// GET/POST /api/admin/categories and PATCH /api/admin/categories/:code.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { AdminCategoryList, AdminCategorySchema, CategoryParam, CategoryPatchBody, NewCategoryBody } from './categories.schemas';
import { createCategory, listCategories, updateCategory } from './categories.service';

const tags = ['admin: categories'];

const listRoute = createRoute({
  method: 'get',
  path: '/categories',
  tags,
  summary: 'Every category with its time limits, inactive ones included',
  ...adminOnly,
  responses: {
    200: jsonResponse(AdminCategoryList, 'The categories, river before fire'),
    ...adminErrors,
  },
});

const createCategoryRoute = createRoute({
  method: 'post',
  path: '/categories',
  tags,
  summary: 'Create a category in the river or fire domain, with its three time limits',
  ...adminOnly,
  request: { body: jsonBody(NewCategoryBody) },
  responses: {
    201: jsonResponse(AdminCategorySchema, 'The new category'),
    400: errorResponse('validation_failed (including a missing or out-of-bounds time limit), malformed_json'),
    ...adminErrors,
    409: errorResponse('conflict: the code is taken'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/categories/{code}',
  tags,
  summary: 'Change a category: names, icon, default severity, duplicate radius, order, active',
  ...adminOnly,
  request: { params: CategoryParam, body: jsonBody(CategoryPatchBody) },
  responses: {
    200: jsonResponse(AdminCategorySchema, 'The category as changed'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    404: errorResponse('not_found: no such category'),
  },
});

export function categoriesRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ categories: await listCategories(deps) }, 200))
    .openapi(createCategoryRoute, async (c) => c.json(await createCategory(deps, c.req.valid('json')), 201))
    .openapi(patchRoute, async (c) => c.json(await updateCategory(deps, c.req.valid('param').code, c.req.valid('json')), 200));
}
