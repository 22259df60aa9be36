// Reading cases as the API shows them, inside the caller's scope.
import type { Queryable } from '../../db/db';
import { ApiError } from '../../http/errors';
import { availableActions, type CaseAction, type CaseState } from '../../lib/case-workflow';
import type { Clock } from '../../lib/clock';
import { dueAt, workCalendar, type WorkCalendar } from '../../lib/time-limits';
import { loadWorkCalendar } from '../admin/work-calendar.repo';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from './case-scope';
import { casesRepo, type CaseRow } from './cases.repo';
import type { PossibleDuplicate } from './duplicates';

const LEVEL_ORDER = ['micro_grid', 'grid', 'community', 'street', 'district'];

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export type CaseView = ReturnType<typeof toView> & { possible_duplicates?: PossibleDuplicate[]; available_actions: CaseAction[] };

function toView(r: CaseRow, timeZone: string, calendar: WorkCalendar) {
  // Until dispatch the deadline is only a preview: what it would be if dispatched now.
  const deadlineStart = r.dispatchedAt ?? r.createdAt;
  return {
    id: r.id,
    code: r.code,
    status: r.status,
    category: r.category,
    severity: r.severity,
    handling_mode: r.handlingMode,
    description: r.description,
    location: r.location,
    location_source: r.locationSource,
    exif_location: r.exifLocation,
    device_location: r.deviceLocation,
    device_accuracy_m: r.deviceAccuracyM,
    area_path: [...r.areaPath].sort((a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level)),
    unassigned: r.areaPath.length === 0,
    unit: r.unit,
    reporter: r.reporter,
    flags: r.flags,
    rework_count: r.reworkCount,
    urgent: r.urgent,
    supervision_count: r.supervisionCount,
    merged_into_id: r.mergedIntoId,
    merged_cases: r.mergedCases.map((m) => ({ id: m.id, code: m.code })),
    overdue: r.overdue,
    due_soon: r.dueSoon,
    version: r.version,
    patrol_id: r.patrolId,
    observed_at: iso(r.observedAt),
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    dispatched_at: iso(r.dispatchedAt),
    due_at: iso(r.dueAt),
    closed_at: iso(r.closedAt),
    time_limit: r.timeLimit,
    expected_due_at: iso(r.dueAt ?? (r.timeLimit ? dueAt(deadlineStart, r.timeLimit, calendar, timeZone) : null)),
    photos: r.photos.map((p) => ({
      id: p.id,
      stage: p.stage,
      width: p.width,
      height: p.height,
      taken_at: p.taken_at,
      urls: { original: `/photos/${p.id}/original`, display: `/photos/${p.id}/display`, thumb: `/photos/${p.id}/thumb` },
    })),
  };
}

/** One case, or 404 when it does not exist or lies outside the caller's scope (the two look the same). */
export async function getCase(
  deps: { db: Queryable; clock: Clock; settings: { timeZone: string } },
  user: SessionUser,
  id: number,
  opts: { afterOwnAction?: boolean } = {},
): Promise<CaseView> {
  // Right after acting, the actor sees the result even if the action moved the case out of
  // their scope (a handler returning a case that is not theirs).
  const scope = opts.afterOwnAction ? { sql: 'TRUE', params: [] } : caseScope(user, 'c', 3);
  const row = await casesRepo.view(deps.db, id, deps.clock.now(), scope);
  if (!row) throw new ApiError(404, 'not_found', `case ${id} not found`);
  // Before dispatch the deadline is a preview, on the same holiday calendar dispatch will use.
  const calendar = row.dueAt ? workCalendar() : await loadWorkCalendar(deps.db);
  return { ...toView(row, deps.settings.timeZone, calendar), available_actions: availableActions(row.status as CaseState, user.role, { wasDispatched: row.dispatchedAt !== null, handlingMode: row.handlingMode }) };
}
