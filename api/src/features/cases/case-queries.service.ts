// Reading many cases (the filtered list, as JSON or GeoJSON) and one case's timeline, in scope.
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { SessionUser } from '../auth/auth.types';
import { findAreaFilter } from '../areas/areas.service';
import { checkCategoryFilter } from '../categories/category-filter';
import { caseScope } from './case-scope';
import { eventsRepo } from './events.repo';
import { COUNT_CAP, listRepo, SCOPE_FIRST_PARAM, type CaseFilter, type CaseSummaryRow } from './list.repo';

type Deps = { db: Db; clock: Clock };

export type ListQuery = Omit<CaseFilter, 'areaId' | 'areaLevel' | 'reporterId'> & { area?: string | undefined; mine?: boolean | undefined; page: number; limit: number };

function summary(r: CaseSummaryRow) {
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    category: r.categoryCode,
    severity: r.severity,
    description: r.description,
    location: r.location,
    area: r.area,
    unit: r.unit,
    flags: r.flags,
    urgent: r.urgent,
    overdue: r.overdue,
    due_soon: r.dueSoon,
    created_at: r.createdAt.toISOString(),
    due_at: r.dueAt ? r.dueAt.toISOString() : null,
  };
}

/** A page of cases, newest first, with the total that match. */
export async function listCases(deps: Deps, user: SessionUser, query: ListQuery) {
  const { area, page, limit, mine, ...filter } = query;
  const [areaRow] = await Promise.all([findAreaFilter(deps.db, area), checkCategoryFilter(deps.db, filter.category)]);
  const f: CaseFilter = { ...filter, areaId: areaRow?.id, areaLevel: areaRow?.level, reporterId: mine ? user.id : undefined };
  const now = deps.clock.now();
  const scope = caseScope(user, 'c', SCOPE_FIRST_PARAM);
  const [rows, matched] = await Promise.all([
    listRepo.page(deps.db, f, now, { limit, offset: (page - 1) * limit }, scope),
    listRepo.count(deps.db, f, now, scope),
  ]);
  // Past COUNT_CAP the total is a lower bound: "10000+" in the UI, and the pages still go on.
  return { total: Math.min(matched, COUNT_CAP), total_capped: matched > COUNT_CAP, page, limit, cases: rows.map(summary) };
}

/** The same page as an RFC 7946 FeatureCollection for map layers. */
export function asFeatureCollection(list: Awaited<ReturnType<typeof listCases>>) {
  return {
    type: 'FeatureCollection' as const,
    features: list.cases.map(({ location, ...properties }) => ({ type: 'Feature' as const, id: properties.id, geometry: location, properties })),
    total: list.total,
    total_capped: list.total_capped,
  };
}

/** The case's events, oldest first: the timeline is rebuilt from them. */
export async function caseTimeline(deps: Deps, user: SessionUser, caseId: number) {
  if (!(await eventsRepo.visible(deps.db, caseId, caseScope(user, 'c', 2)))) throw new ApiError(404, 'not_found', `case ${caseId} not found`);
  const rows = await eventsRepo.timeline(deps.db, caseId);
  return {
    events: rows.map((e) => ({
      id: e.id,
      action: e.action,
      from: e.fromStatus,
      to: e.toStatus,
      actor: e.actor,
      note: e.note,
      payload: e.payload,
      at: e.createdAt.toISOString(),
      photos: e.photos.map((p) => ({ ...p, urls: { display: `/photos/${p.id}/display`, thumb: `/photos/${p.id}/thumb` } })),
    })),
  };
}
