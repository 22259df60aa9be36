// The evaluation indicators (考核指标) for a period and area, in the caller's scope, optionally grouped.
import type { Db } from '../../db/db';
import { ApiError } from '../../http/errors';
import type { Clock } from '../../lib/clock';
import type { SessionUser } from '../auth/auth.types';
import { caseScope } from '../cases/case-scope';
import { statsFromRollup } from './stats-rollup.service';
import { SCOPE_FIRST_PARAM, statsRepo, type GroupRow, type IndicatorRow, type StatsParams } from './stats.repo';
import type { StatGroup } from './stats.schemas';
import { findAreaFilter } from '../areas/areas.service';

/** `rollup: false` reads every case at query time (the reference the rollup is tested against). */
export type StatsDeps = { db: Db; clock: Clock; timeZone?: string; rollup?: boolean };
export type StatsQueryInput = { area?: string | undefined; from?: string | undefined; to?: string | undefined; group?: StatGroup | undefined };

/** Day and week buckets, and plain dates, follow the deployment's time zone. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DEFAULT_DAYS = 30;
const DAY_MS = 86_400_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function indicators(r: IndicatorRow) {
  return {
    received: r.received,
    registered: r.registered,
    registration_rate: r.registrationRate,
    dispatched: r.dispatched,
    due: r.due,
    closed: r.closed,
    closure_rate: r.closureRate,
    closed_on_time: r.closedOnTime,
    on_time_rate: r.onTimeRate,
    overdue: r.overdue,
    reworked: r.reworked,
    rework_rate: r.reworkRate,
    median_hours_to_close: r.medianHoursToClose,
    p90_hours_to_close: r.p90HoursToClose,
  };
}

async function instant(deps: StatsDeps, value: string, timeZone: string) {
  return PLAIN_DATE.test(value) ? statsRepo.localMidnight(deps.db, value, timeZone) : new Date(value);
}

/**
 * Totals for cases created in [from, to) that the caller may see, and with `group` one row per bucket.
 * @example computeStats(deps, user, { area: 'D', from: '2026-11-01', to: '2026-12-01', group: 'area' })
 */
export async function computeStats(deps: StatsDeps, user: SessionUser, query: StatsQueryInput) {
  const timeZone = deps.timeZone ?? DEFAULT_TIME_ZONE;
  const now = deps.clock.now();
  const to = query.to ? await instant(deps, query.to, timeZone) : now;
  const from = query.from ? await instant(deps, query.from, timeZone) : new Date(to.getTime() - DEFAULT_DAYS * DAY_MS);
  if (from.getTime() >= to.getTime()) {
    throw new ApiError(400, 'invalid_period', '`from` must be before `to`', { from: from.toISOString(), to: to.toISOString() });
  }
  const area = await findAreaFilter(deps.db, query.area);

  const head = { from: from.toISOString(), to: to.toISOString(), area: area ?? null };
  // The rollup answers whatever maps onto its keys; the query-time statements below answer the rest,
  // and are the reference the rollup is tested against.
  const rolled = deps.rollup === false ? null : await statsFromRollup(deps.db, timeZone, { user, area, from, to, now, group: query.group });
  if (rolled) {
    const result = { ...head, totals: indicators(rolled.totals) };
    return rolled.groups ? { ...result, groups: rolled.groups.map(groupIndicators) } : result;
  }

  const params: StatsParams = { from, to, now, areaId: area?.id ?? null, timeZone };
  const totals = await statsRepo.totals(deps.db, params, caseScope(user, 'c', SCOPE_FIRST_PARAM));
  const result = { ...head, totals: indicators(totals) };
  if (!query.group) return result;

  // Areas break down into the children of the chosen area, else of the caller's home area.
  const rows =
    query.group === 'area'
      ? await statsRepo.byChildArea(deps.db, area?.id ?? user.areaId, params, caseScope(user, 'c', SCOPE_FIRST_PARAM + 1))
      : await statsRepo.grouped(deps.db, query.group, params, caseScope(user, 'c', SCOPE_FIRST_PARAM));
  return { ...result, groups: rows.map(groupIndicators) };
}

const groupIndicators = (r: GroupRow) => ({ key: r.key, name: r.name, ...indicators(r) });
