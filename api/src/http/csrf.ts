// Refuses cross-site state-changing requests that ride on the session cookie. SameSite=Lax alone
// lets a same-site page (another port or subdomain) and old browsers through, so the browser's own
// Origin / Sec-Fetch-Site headers are checked too. Bearer-token clients carry no ambient credential.
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv } from './env';
import { ApiError } from './errors';
import { SESSION_COOKIE } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser said the request comes from this site: Origin's host is Host, or Sec-Fetch-Site is same-origin/none. */
export function isSameOrigin(headers: { origin?: string | undefined; secFetchSite?: string | undefined; host?: string | undefined }): boolean {
  if (headers.origin !== undefined) {
    if (headers.origin === 'null') return false;
    try {
      return new URL(headers.origin).host === headers.host;
    } catch {
      return false;
    }
  }
  // Browsers send Sec-Fetch-Site on every request since 2023; "none" is the user typing the URL.
  if (headers.secFetchSite !== undefined) return headers.secFetchSite === 'same-origin' || headers.secFetchSite === 'none';
  // Neither header: not a browser (curl, a script with a saved cookie), so not a forged request.
  return true;
}

/** 403 `cross_site_request` for a POST/PUT/PATCH/DELETE with the session cookie, no bearer token, from another site. */
export function csrfGuard(options: { trustProxy: boolean }): MiddlewareHandler<AppEnv> {
  return async function csrfGuard(c, next) {
    if (SAFE_METHODS.has(c.req.method) || c.req.header('authorization') || getCookie(c, SESSION_COOKIE) === undefined) return next();
    const forwardedHost = options.trustProxy ? c.req.header('x-forwarded-host')?.split(',')[0]?.trim() : undefined;
    const host = forwardedHost || c.req.header('host') || new URL(c.req.url).host;
    const ok = isSameOrigin({ origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site'), host });
    if (!ok) {
      throw new ApiError(403, 'cross_site_request', 'this request came from another site; open XunCha itself and try again', {
        origin: c.req.header('origin') ?? null,
        sec_fetch_site: c.req.header('sec-fetch-site') ?? null,
      });
    }
    await next();
  };
}
