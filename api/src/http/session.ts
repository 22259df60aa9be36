// Reads the session cookie or bearer token and puts the user (or null) on the context.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { resolveSession, type AuthDeps } from '../features/auth/auth.service';
import type { AppEnv } from './env';

export const SESSION_COOKIE = 'xc_session';

/** The token a request carries: `Authorization: Bearer …` first, then the session cookie. */
export function requestToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): string | null {
  const auth = c.req.header('authorization');
  if (auth) {
    const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/i.exec(auth.trim());
    return m?.[1] ?? null;
  }
  const cookie = getCookie(c, SESSION_COOKIE);
  return cookie && /^[A-Za-z0-9_-]{20,200}$/.test(cookie) ? cookie : null;
}

export function sessionMiddleware(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const token = requestToken(c);
    c.set('sessionToken', token);
    c.set('user', token ? await resolveSession(deps, token) : null);
    await next();
  };
}
