// Request and response shapes of the auth endpoints; they validate and document at once.
import { z } from '@hono/zod-openapi';
import { ROLES } from './auth.types';

export const LoginBody = z
  .object({
    username: z.string().trim().min(1).max(64).openapi({ example: 'inspector' }),
    password: z.string().min(1).max(256).openapi({ example: 'xuncha-demo' }),
    /** API clients ask for a bearer token; the browser gets an HttpOnly cookie instead. */
    token: z.boolean().optional().openapi({ description: 'true: return a bearer token in the body instead of setting the session cookie' }),
  })
  .openapi('LoginRequest');

export const MeSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    areaId: z.number().int().nullable(),
    unitId: z.number().int().nullable(),
    area: z.object({ id: z.number().int(), code: z.string(), name: z.string(), level: z.string() }).nullable(),
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), kind: z.string() }).nullable(),
  })
  .openapi('Me');

export const LoginResponse = z
  .object({
    user: MeSchema,
    token: z.string().optional().openapi({ description: 'Bearer token; present only when the request asked for one' }),
    expiresAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('LoginResponse');
