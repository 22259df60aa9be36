// Building blocks every feature's routes share: a router whose validation failures use our
// error format, the error schema for the OpenAPI document, and the login guard.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Role } from '../features/auth/auth.types';
import type { AppEnv } from './env';
import { ApiError, errorBody } from './errors';
import { findNul, nulByteError } from './nul-guard';

/** A router for one feature. Invalid input becomes a 400 `validation_failed` naming each field. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      // Every validated part (query, params, JSON, form text fields) is checked for NUL here, once; files are not read.
      // The parsed input: unknown keys are dropped, so NUL in them never reaches the database either;
      // a field that is also invalid is a 400 validation_failed, which is as good.
      const nulAt = result.success ? findNul(result.data) : null;
      if (nulAt !== null) throw nulByteError(result.target, nulAt);
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const first = details[0];
        const message = first ? `invalid ${result.target}: ${first.path || 'body'}: ${first.message}` : `invalid ${result.target}`;
        return c.json(errorBody('validation_failed', message, details), 400);
      }
    },
  });
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** An OpenAPI response entry for an error status. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorSchema } },
});

/** Refuses requests without a logged-in user (401), or, when roles are given, with another role (403). */
export function requireUser(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async function requireUser(c, next) {
    const user = c.get('user');
    if (!user) throw new ApiError(401, 'unauthenticated', 'please log in');
    if (roles.length > 0 && !roles.includes(user.role)) {
      throw new ApiError(403, 'forbidden', `this needs the role ${roles.join(' or ')}`);
    }
    await next();
  };
}

/** The signed-in user; only call behind requireUser. */
export function currentUser(c: { get(key: 'user'): AppEnv['Variables']['user'] }) {
  const user = c.get('user');
  if (!user) throw new ApiError(401, 'unauthenticated', 'please log in');
  return user;
}

/** OpenAPI security: a bearer token or the session cookie. */
export const bearerSecurity: Record<string, string[]>[] = [{ bearer: [] }, { session: [] }];
