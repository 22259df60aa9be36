// Route pieces every admin endpoint shares: the admin-only guard with its OpenAPI security,
// the 401/403 answers, and JSON request and response entries.
import type { z } from '@hono/zod-openapi';
import { bearerSecurity, errorResponse, requireUser } from '../../http/router';

/** Spread into createRoute: admins only, and documented as such. */
export const adminOnly = {
  security: bearerSecurity,
  middleware: [requireUser('admin')],
};

/** The answers every admin route gives a caller who is not an admin. */
export const adminErrors = {
  401: errorResponse('unauthenticated: not logged in'),
  403: errorResponse('forbidden: the caller is not an admin'),
};

export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  required: true as const,
  content: { 'application/json': { schema } },
});
