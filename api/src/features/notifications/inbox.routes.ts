// GET /api/me/inbox and POST /api/me/inbox/read: the caller's notifications.
import { createRoute } from '@hono/zod-openapi';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { InboxQuery, InboxResponse, MarkReadBody, MarkReadResponse } from './inbox.schemas';
import { listInbox, markRead, type InboxDeps } from './inbox.service';

const listRoute = createRoute({
  method: 'get',
  path: '/me/inbox',
  tags: ['notifications'],
  summary: 'Your notifications, newest first: dispatched to your unit, awaiting your recheck, returned, overdue',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { query: InboxQuery },
  responses: {
    200: { description: 'One page of the inbox', content: { 'application/json': { schema: InboxResponse } } },
    400: errorResponse('Bad query'),
    401: errorResponse('Not logged in'),
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/me/inbox/read',
  tags: ['notifications'],
  summary: 'Mark notifications read: {"ids": [...]} or {"all": true}',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { body: { required: true, content: { 'application/json': { schema: MarkReadBody } } } },
  responses: {
    200: { description: 'How many were unread, and how many unread remain', content: { 'application/json': { schema: MarkReadResponse } } },
    400: errorResponse('Malformed body'),
    401: errorResponse('Not logged in'),
    404: errorResponse('An id is not one of your notifications; nothing was marked'),
  },
});

export function inboxRoutes(deps: InboxDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      return c.json(await listInbox(deps, currentUser(c), { unreadOnly: q.unread, limit: q.limit, before: q.before }), 200);
    })
    .openapi(readRoute, async (c) => c.json(await markRead(deps, currentUser(c), c.req.valid('json')), 200));
}
