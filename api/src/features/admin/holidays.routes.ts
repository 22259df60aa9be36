// The holiday calendar: GET and PUT (a whole year) /api/admin/holidays?year=, PUT and DELETE /api/admin/holidays/:date.
import { createRoute } from '@hono/zod-openapi';
import { createRouter, errorResponse } from '../../http/router';
import { adminErrors, adminOnly, jsonBody, jsonResponse } from './admin-openapi';
import type { AdminDeps } from './admin.types';
import { DateParam, DayBody, DaySchema, YearBody, YearQuery, YearSchema } from './holidays.schemas';
import { deleteDay, listYear, putDay, replaceYear } from './holidays.service';

const tags = ['admin: holidays'];

const listRoute = createRoute({
  method: 'get',
  path: '/holidays',
  tags,
  summary: 'The holidays and make-up working days (调休) of a year',
  ...adminOnly,
  request: { query: YearQuery },
  responses: {
    200: jsonResponse(YearSchema, 'The days, by date'),
    400: errorResponse('validation_failed: year missing or outside 2000–2100'),
    ...adminErrors,
  },
});

const replaceYearRoute = createRoute({
  method: 'put',
  path: '/holidays',
  tags,
  summary: "Replace a whole year at once, as published in the State Council's notice",
  description: 'All or nothing: one transaction. An empty list clears the year.',
  ...adminOnly,
  request: { query: YearQuery, body: jsonBody(YearBody) },
  responses: {
    200: jsonResponse(YearSchema, 'The year as stored'),
    400: errorResponse('validation_failed (a malformed date, kind or name), malformed_json'),
    ...adminErrors,
    422: errorResponse('date_outside_year, duplicate_date, workday_not_weekend (details.dates lists them)'),
  },
});

const putDayRoute = createRoute({
  method: 'put',
  path: '/holidays/{date}',
  tags,
  summary: 'Set one day: a holiday, or a make-up working day on a weekend',
  ...adminOnly,
  request: { params: DateParam, body: jsonBody(DayBody) },
  responses: {
    200: jsonResponse(DaySchema, 'The day as stored'),
    400: errorResponse('validation_failed (not a YYYY-MM-DD date, bad kind or name), malformed_json'),
    ...adminErrors,
    422: errorResponse('workday_not_weekend: a make-up working day must be a Saturday or Sunday'),
  },
});

const deleteDayRoute = createRoute({
  method: 'delete',
  path: '/holidays/{date}',
  tags,
  summary: 'Remove one day from the calendar',
  ...adminOnly,
  request: { params: DateParam },
  responses: {
    204: { description: 'Removed' },
    400: errorResponse('validation_failed: not a YYYY-MM-DD date'),
    ...adminErrors,
    404: errorResponse('not_found: nothing on that date'),
  },
});

export function holidaysRoutes(deps: AdminDeps) {
  return createRouter()
    .openapi(listRoute, async (c) => c.json(await listYear(deps, c.req.valid('query').year), 200))
    .openapi(replaceYearRoute, async (c) => c.json(await replaceYear(deps, c.req.valid('query').year, c.req.valid('json').days), 200))
    .openapi(putDayRoute, async (c) => c.json(await putDay(deps, { date: c.req.valid('param').date, ...c.req.valid('json') }), 200))
    .openapi(deleteDayRoute, async (c) => {
      await deleteDay(deps, c.req.valid('param').date);
      return c.body(null, 204);
    });
}
