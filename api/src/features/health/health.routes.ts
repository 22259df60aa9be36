// GET /healthz: is the process up and can it reach its database?
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { createRouter } from '../../http/router';

const Health = z
  .object({
    status: z.enum(['ok', 'unavailable']),
    db: z.enum(['pglite', 'postgres']),
    version: z.string(),
  })
  .openapi('Health');

const route = createRoute({
  method: 'get',
  path: '/healthz',
  tags: ['health'],
  summary: 'Liveness and database reachability',
  responses: {
    200: { description: 'Up, and the database answers', content: { 'application/json': { schema: Health } } },
    503: { description: 'The database does not answer', content: { 'application/json': { schema: Health } } },
  },
});

// A health probe must answer even when the database hangs, so the check has its own deadline.
const DB_CHECK_TIMEOUT_MS = 2000;

export function healthRoutes(deps: { db: Db; version: string }) {
  return createRouter().openapi(route, async (c) => {
    c.header('Cache-Control', 'no-store');
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database check timed out')), DB_CHECK_TIMEOUT_MS);
    });
    try {
      await Promise.race([deps.db.query('SELECT 1'), timeout]);
      return c.json({ status: 'ok' as const, db: deps.db.driver, version: deps.version }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const, db: deps.db.driver, version: deps.version }, 503);
    } finally {
      clearTimeout(timer);
    }
  });
}
