// Logs one line per request with its status and duration, and tags the response with a request id.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';
import type { AppEnv } from './env';

export function requestLogger(logger: Logger): MiddlewareHandler<AppEnv> {
  return async function requestLogger(c, next) {
    const started = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || randomUUID();
    c.set('requestId', requestId);
    c.header('X-Request-Id', requestId);
    await next();
    const line = {
      reqId: requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      user: c.get('user')?.username,
    };
    // Health probes arrive every few seconds from load balancers; keep them out of the info log.
    if (c.req.path === '/healthz') logger.debug(line, 'request');
    else if (c.res.status >= 500) logger.error(line, 'request');
    else logger.info(line, 'request');
  };
}
