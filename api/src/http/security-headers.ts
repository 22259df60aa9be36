// Security headers on every response, from Hono's secureHeaders: a CSP without inline script for the
// map UI, no framing, nosniff, a referrer policy, HSTS behind TLS, and no-store on API JSON.
import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { tileSources } from '../lib/tile-sources';
import type { AppEnv } from './env';

export type SecurityHeadersOptions = {
  /** Tile URL templates of every base map: their hosts are the only images from elsewhere. */
  tileTemplates: readonly string[];
  /** Served over TLS (COOKIE_SECURE): send HSTS. Over plain HTTP it would be ignored, and behind a mistake, sticky. */
  hsts: boolean;
};

// Paths whose JSON is per-user and current; photos and UI assets set their own caching.
const NO_STORE_PREFIXES = ['/api/', '/open311/', '/openapi.json', '/health'];

export function securityHeaders(options: SecurityHeadersOptions): MiddlewareHandler<AppEnv> {
  const headers = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Stylesheets only from here. Leaflet positions tiles through element.style (CSSOM, not governed), but some
      // markup the UI builds carries style="" attributes (seen in Chromium on the workbench): allow attributes,
      // which cannot load anything or run script, and still refuse <style> elements.
      styleSrc: ["'self'"],
      styleSrcAttr: ["'unsafe-inline'"],
      // data: for Leaflet's and the stylesheet's small inline icons, blob: for the photo picker's previews.
      imgSrc: ["'self'", 'data:', 'blob:', ...tileSources(options.tileTemplates)],
      connectSrc: ["'self'"],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    // Tile servers (OpenStreetMap's policy) want to know the site; they get the origin, never the path.
    referrerPolicy: 'strict-origin-when-cross-origin',
    strictTransportSecurity: options.hsts ? 'max-age=15552000; includeSubDomains' : false,
  });
  return async function securityHeaders(c, next) {
    await headers(c, next);
    const json = /json/i.test(c.res.headers.get('content-type') ?? '');
    if (json && !c.res.headers.has('cache-control') && NO_STORE_PREFIXES.some((p) => c.req.path.startsWith(p))) {
      c.res.headers.set('Cache-Control', 'no-store');
    }
  };
}
