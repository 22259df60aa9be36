// The Hono environment shared by every route: what middleware puts on the context.
import type { SessionUser } from '../features/auth/auth.types';

export type AppEnv = {
  Variables: {
    requestId: string;
    /** The logged-in user, or null. Set by the session middleware. */
    user: SessionUser | null;
    /** The token that authenticated this request, for logout. */
    sessionToken: string | null;
  };
};
