// POST /api/cases/:id/actions, GET /api/cases/:id/events, GET /api/cases (list, JSON or GeoJSON).
import { createRoute, z } from '@hono/zod-openapi';
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import { QueryDateTime } from '../../http/query-dates';
import { bearerSecurity, createRouter, currentUser, errorResponse, requireUser } from '../../http/router';
import { BboxParam } from '../areas/areas.schemas';
import { applyAction, type ActionDeps } from './actions.service';
import { ActionBody, IfMatchHeader } from './actions.schemas';
import { asFeatureCollection, caseTimeline, listCases } from './case-queries.service';
import { CaseIdParam, CaseSchema, CategoryFilter, StatusFilter } from './cases.schemas';

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

const actionRoute = createRoute({
  method: 'post',
  path: '/cases/{id}/actions',
  tags: ['cases'],
  summary: 'Move a case along the closed loop (accept, reject, dispatch, start, rectify, recheck_pass, recheck_fail, return, supervise, merge, reopen, relocate)',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    params: CaseIdParam,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: ActionBody }, 'multipart/form-data': { schema: ActionBody } } },
  },
  responses: {
    200: json(CaseSchema, 'The case after the action'),
    400: errorResponse('Malformed body'),
    403: errorResponse('Your role may not take this action'),
    404: errorResponse('No such case in your scope'),
    409: errorResponse('invalid_transition (names the current state) or version_conflict (carries the current case)'),
    422: errorResponse('What the action needs is missing: reason, unit, after-photo, on-site location …'),
    428: errorResponse('No version sent'),
  },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/cases/{id}/events',
  tags: ['cases'],
  summary: "A case's timeline: its append-only events, oldest first",
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: { params: CaseIdParam },
  responses: { 200: json(z.object({ events: z.array(z.record(z.string(), z.unknown())) }), 'The events'), 404: errorResponse('No such case in your scope') },
});

const listRoute = createRoute({
  method: 'get',
  path: '/cases',
  tags: ['cases'],
  summary: 'Cases in your scope, filtered, newest first (sort=oldest: oldest first). Accept: application/geo+json for GeoJSON.',
  security: bearerSecurity,
  middleware: [requireUser()] as const,
  request: {
    query: z.object({
      status: StatusFilter.optional(),
      category: CategoryFilter.optional(),
      area: z.string().max(64).optional().openapi({ description: 'Area code or id: cases anywhere below it' }),
      bbox: BboxParam.optional(),
      overdue: bool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
      due_soon: bool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
      urgent: bool.optional().openapi({ type: 'string', enum: ['true', 'false'] }),
      q: z.string().trim().min(1).max(100).optional().openapi({ description: 'Text in the code or description' }),
      from: QueryDateTime.optional().openapi({ description: 'Created at or after' }),
      to: QueryDateTime.optional().openapi({ description: 'Created before' }),
      mine: bool.optional().openapi({ type: 'string', enum: ['true', 'false'], description: 'true: only the cases you reported (我的上报)' }),
      sort: z.enum(['newest', 'oldest']).default('newest').openapi({ description: 'By report time' }),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
  responses: { 200: json(z.record(z.string(), z.unknown()), 'A page of cases'), 400: errorResponse('Bad filter: validation_failed (an unknown status, a date outside 2000–2100), unknown_category'), 422: errorResponse('Unknown area') },
});

/** `readDb` (a read replica, when configured) answers the list; actions and the timeline read the primary. */
export function workflowRoutes(deps: ActionDeps & { readDb?: Db }) {
  return createRouter()
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const list = await listCases({ db: deps.readDb ?? deps.db, clock: deps.clock }, currentUser(c), {
        ...q,
        dueSoon: q.due_soon,
        oldestFirst: q.sort === 'oldest',
        from: q.from ? new Date(q.from) : undefined,
        to: q.to ? new Date(q.to) : undefined,
      });
      if (/application\/geo\+json/.test(c.req.header('accept') ?? '')) {
        return c.json(asFeatureCollection(list), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
      }
      return c.json(list, 200);
    })
    .openapi(eventsRoute, async (c) => c.json(await caseTimeline(deps, currentUser(c), c.req.valid('param').id), 200))
    .openapi(actionRoute, async (c) => {
      const isForm = /multipart\/form-data/.test(c.req.header('content-type') ?? '');
      const body = isForm ? c.req.valid('form') : c.req.valid('json');
      if (!body || !('action' in body)) throw new ApiError(400, 'validation_failed', 'send a JSON or multipart body with an "action"');
      const ifMatch = c.req.valid('header')['if-match']?.replace(/^W\//, '').replaceAll('"', '');
      const version = body.version ?? (ifMatch && /^\d+$/.test(ifMatch) ? Number(ifMatch) : undefined);
      const view = await applyAction(deps, currentUser(c), c.req.valid('param').id, {
        action: body.action,
        version,
        note: body.note,
        reason: body.reason,
        severity: body.severity,
        handlingMode: body.handling_mode,
        unitId: body.unit_id,
        dueAt: body.due_at ? new Date(body.due_at) : undefined,
        targetCaseId: body.target_case_id,
        device: body.lat !== undefined && body.lon !== undefined ? { lat: body.lat, lon: body.lon } : undefined,
        photos: body.photos,
      });
      c.header('ETag', `"${view.version}"`);
      return c.json(view, 200);
    });
}
