// Setting time limits. A change applies to cases dispatched after it; running clocks keep their due time.
import type { Severity } from '../categories/categories.repo';
import type { AdminDeps } from './admin.types';
import { requireCategory } from './lookups.service';
import { timeLimitsRepo, type TimeLimitRow } from './time-limits.repo';
import type { TimeLimitInput } from './time-limits.schemas';

/** Every limit, category by category. */
export async function listTimeLimits(deps: AdminDeps): Promise<TimeLimitRow[]> {
  return timeLimitsRepo.list(deps.db);
}

/** Sets one category × severity limit; 404 for an unknown category. */
export async function putTimeLimit(deps: AdminDeps, category: string, severity: Severity, limit: TimeLimitInput): Promise<TimeLimitRow> {
  return deps.db.transaction(async (tx) => {
    await requireCategory(tx, category, 'path');
    return timeLimitsRepo.upsert(tx, { category, severity, amount: limit.amount, unit: limit.unit });
  });
}
