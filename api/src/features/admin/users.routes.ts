// GET/POST /api/admin/users, GET/PATCH /api/admin/users/:id.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, currentUser, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { IdParam } from './common.schemas';
import { NewUserBody, UserList, UserPatchBody, UserPatchResult, UserSchema, UsersQuery } from './users.schemas';
import { createUser, getUser, listUsers, updateUser } from './users.service';

const tags = ['admin: users'];

const listRoute = createRoute({
  method: 'get',
  path: '/users',
  tags,
  summary: 'Users, filtered by role, area (with everything below it), unit, active and name',
  ...adminOnly,
  request: { query: UsersQuery },
  responses: {
    200: jsonResponse(UserList, 'Users by user name; password hashes are never returned'),
    400: errorResponse('validation_failed: a bad filter'),
    ...adminErrors,
    422: errorResponse('unknown_area, unknown_unit'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/users/{id}',
  tags,
  summary: 'One user',
  ...adminOnly,
  request: { params: IdParam },
  responses: {
    200: jsonResponse(UserSchema, 'The user'),
    400: errorResponse('validation_failed: a bad id'),
    ...adminErrors,
    404: errorResponse('not_found: no such user'),
  },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/users',
  tags,
  summary: 'Create a user',
  ...adminOnly,
  request: { body: jsonBody(NewUserBody) },
  responses: {
    201: jsonResponse(UserSchema, 'The new user'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    409: errorResponse('conflict: the user name is taken'),
    422: errorResponse('unknown_area, unknown_unit, unit_inactive, area_required, unit_required'),
  },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/users/{id}',
  tags,
  summary: 'Change a user: name, role, area, unit, phone, active, or reset the password',
  description: 'Deactivating a user, or resetting the password of another user, ends their sessions at once.',
  ...adminOnly,
  request: { params: IdParam, body: jsonBody(UserPatchBody) },
  responses: {
    200: jsonResponse(UserPatchResult, 'The user as changed'),
    400: errorResponse('validation_failed, malformed_json'),
    ...adminErrors,
    404: errorResponse('not_found: no such user'),
    409: errorResponse('self_lockout: an admin cannot deactivate or demote themselves; last_admin: nor the last active admin'),
    422: errorResponse('unknown_area, unknown_unit, unit_inactive, area_required, unit_required'),
  },
});

export function usersRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json({ users: await listUsers(deps, c.req.valid('query')) }, 200))
    .openapi(getRoute, async (c) => c.json(await getUser(deps, c.req.valid('param').id), 200))
    .openapi(createUserRoute, async (c) => {
      const user = await createUser(deps, c.req.valid('json'));
      return c.json(user, 201, { Location: `/api/admin/users/${user.id}` });
    })
    .openapi(patchRoute, async (c) =>
      c.json(await updateUser(deps, currentUser(c), c.req.valid('param').id, c.req.valid('json')), 200),
    );
}
