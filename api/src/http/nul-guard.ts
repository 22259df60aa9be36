// Refuses a NUL byte in any text input with one 400, before PostgreSQL refuses it with a 500
// ("invalid byte sequence 0x00"): the URL here, validated bodies and queries in the router's hook.
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './env';
import { ApiError } from './errors';

const NUL = '\u0000';

/** The path of the first string holding a NUL inside `value` ('' for `value` itself), or null. Files are not read. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) {
      const hit = findNul(v, path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [k, v] of Object.entries(value)) {
      const where = path ? `${path}.${k}` : k;
      if (k.includes(NUL)) return where;
      const hit = findNul(v, where);
      if (hit !== null) return hit;
    }
  }
  return null;
}

/** The 400 for a NUL found at `where` in one part of the request (query, json, form, …). */
export function nulByteError(target: string, where: string): ApiError {
  const field = where ? ` field ${where}` : '';
  return new ApiError(400, 'nul_byte', `the ${target}${field} contains a NUL byte (\\u0000), which no text may hold`, { target, path: where });
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s; // malformed escapes are the router's business; they cannot hide a NUL from the check below
  }
}

/** Checks the decoded path and every query key and value; bodies are checked once they are parsed (router.ts). */
export function nulGuard(): MiddlewareHandler<AppEnv> {
  return async function nulGuard(c, next) {
    const url = new URL(c.req.url);
    if (decoded(url.pathname).includes(NUL)) throw nulByteError('path', '');
    for (const [k, v] of url.searchParams) {
      if (k.includes(NUL) || v.includes(NUL)) throw nulByteError('query', k.replaceAll(NUL, '\\u0000'));
    }
    await next();
  };
}
