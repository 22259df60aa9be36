// GET /api/events/stream: live case changes in the caller's scope, as server-sent events.
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { Logger } from 'pino';
import type { Queryable } from '../../db/db';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { DEFAULT_LIVE_SETTINGS, runCaseStream, type LiveSettings } from './case-stream';
import { createLiveFeed, type LiveFeed } from './live-feed';
import { STREAM_DESCRIPTION, StreamHeaders, StreamQuery } from './live.schemas';

const streamRoute = createRoute({
  method: 'get',
  path: '/events/stream',
  tags: ['live'],
  summary: 'Live case changes in your scope (server-sent events); Last-Event-ID replays what was missed',
  description: STREAM_DESCRIPTION,
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: StreamQuery, headers: StreamHeaders },
  responses: {
    200: { description: 'An event stream that stays open', content: { 'text/event-stream': { schema: z.string() } } },
    400: errorResponse('Last-Event-ID is not an event id'),
    401: errorResponse('Not logged in'),
  },
});

export type LiveDeps = {
  db: Queryable;
  logger: Logger;
  settings?: Partial<LiveSettings>;
  /** Shared by every stream of this router; made here when not given. */
  feed?: LiveFeed;
};

export function liveRoutes(deps: LiveDeps) {
  const settings: LiveSettings = { ...DEFAULT_LIVE_SETTINGS, ...deps.settings };
  const feed = deps.feed ?? createLiveFeed(deps, settings.pollMs);
  const streamDeps = { db: deps.db, feed, logger: deps.logger, settings };
  return createRouter().openapi(streamRoute, (c) => {
    const lastEventId = c.req.valid('header')['last-event-id'] ?? c.req.valid('query').last_event_id;
    const user = currentUser(c);
    // nginx and similar proxies buffer responses unless told not to.
    c.header('X-Accel-Buffering', 'no');
    const res = streamSSE(c, async (sse) => {
      try {
        await runCaseStream(streamDeps, user, lastEventId, sse);
      } catch (err) {
        // The status line has gone out already: say it in the stream, without internals.
        deps.logger.error({ err, user: user.username }, 'live stream failed');
        await sse.writeSSE({ event: 'error', data: JSON.stringify({ code: 'internal', message: 'internal server error' }) });
      }
    });
    // One stream per connection: when it ends (time up, shutdown) the socket closes too, rather
    // than idling in keep-alive and holding a stopping server's close() for seconds.
    res.headers.set('Connection', 'close');
    return res;
  });
}
