// POST /api/auth/login, POST /api/auth/logout, GET /api/me.
import { createRoute } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientAddress } from '../../http/client-address';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { SESSION_COOKIE } from '../../http/session';
import { LoginBody, LoginResponse, MeSchema } from './auth.schemas';
import { login, logout, me, type AuthDeps } from './auth.service';

const loginRoute = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  summary: 'Log in: a session cookie for the browser, or a bearer token with {"token": true}',
  request: { body: { required: true, content: { 'application/json': { schema: LoginBody } } } },
  responses: {
    200: { description: 'Logged in', content: { 'application/json': { schema: LoginResponse } } },
    400: errorResponse('Malformed body'),
    401: errorResponse('Wrong user name or password (the same answer for an unknown user)'),
    429: errorResponse('Too many failed attempts; see Retry-After'),
  },
});

const logoutRoute = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  summary: 'End the current session',
  security: bearerSecurity,
  responses: { 204: { description: 'Logged out (also when there was no session)' } },
});

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'The logged-in user, with their area and unit',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  responses: {
    200: { description: 'The current user', content: { 'application/json': { schema: MeSchema } } },
    401: errorResponse('Not logged in'),
  },
});

export function authRoutes(deps: AuthDeps & { settings: { cookieSecure: boolean; trustProxy: boolean } }) {
  return createRouter()
    .openapi(loginRoute, async (c) => {
      const body = c.req.valid('json');
      const kind = body.token ? 'bearer' : 'cookie';
      const result = await login(deps, { ...body, kind, clientAddress: clientAddress(c, deps.settings.trustProxy) });
      if (kind === 'cookie') {
        setCookie(c, SESSION_COOKIE, result.token, {
          httpOnly: true,
          sameSite: 'Lax',
          secure: deps.settings.cookieSecure,
          path: '/',
          expires: result.expiresAt,
        });
      }
      return c.json(
        { user: result.user, expiresAt: result.expiresAt.toISOString(), ...(kind === 'bearer' ? { token: result.token } : {}) },
        200,
      );
    })
    .openapi(logoutRoute, async (c) => {
      const token = c.get('sessionToken');
      if (token) await logout(deps, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    })
    .openapi(meRoute, async (c) => c.json(await me(deps, currentUser(c).id), 200));
}
