// Answers a stats request from the rollup when it maps onto the rollup's keys (district, street and unit
// scopes and areas), and says so with null otherwise, so the caller reads the cases instead.
import type { Db, Queryable } from '../../db/db';
import type { SessionUser } from '../auth/auth.types';
import { percentileHours, type HoursBucket } from './hours-percentile';
import { rollupRanges, splitPeriod } from './stats-period';
import {
  statsRollupRepo,
  type RollupCondition,
  type RollupCountRow,
  type RollupGroup,
  type RollupQuery,
  type RollupSlice,
} from './stats-rollup.repo';
import type { AreaRow, GroupRow, IndicatorRow } from './stats.repo';
import type { StatGroup } from './stats.schemas';

export type RollupRequest = {
  user: SessionUser;
  area: AreaRow | undefined;
  from: Date;
  to: Date;
  now: Date;
  group: StatGroup | undefined;
};

/** The rollup keeps these area levels as keys; anything deeper is answered from the cases. */
const AREA_COLUMN: Record<string, RollupCondition['column'] | undefined> = { district: 'district_id', street: 'street_id' };

// The zone each database's rollup was last seen to count in, so a request does not ask every time.
const zoneSeen = new WeakMap<Queryable, string>();

async function rollupInZone(db: Queryable, timeZone: string): Promise<boolean> {
  if (zoneSeen.get(db) === timeZone) return true;
  const zone = await statsRollupRepo.timeZone(db);
  if (zone !== timeZone) return false;
  zoneSeen.set(db, zone);
  return true;
}

/**
 * Makes the rollup count local days in the deployment's zone, rebuilding it when the zone changed; run
 * at start-up on the primary. Returns whether it rebuilt. Until it has, stats read the cases instead.
 */
export async function syncStatsRollupTimeZone(db: Db, timeZone: string): Promise<boolean> {
  zoneSeen.delete(db);
  return statsRollupRepo.setTimeZone(db, timeZone);
}

type Scope = { conditions: RollupCondition[]; dispatchedOnly: boolean };

// The caller's scope as rollup conditions, or null when the rollup's keys cannot express it.
function scopeOf(user: SessionUser, home: AreaRow | undefined): Scope | null {
  if (user.role === 'admin') return { conditions: [], dispatchedOnly: false };
  if (user.role === 'handler') return user.unitId === null ? null : { conditions: [{ column: 'unit_id', id: user.unitId }], dispatchedOnly: true };
  if (user.role === 'inspector') return null; // their micro-grid, plus what they reported
  const column = home && AREA_COLUMN[home.level];
  return column ? { conditions: [{ column, id: home.id }], dispatchedOnly: false } : null;
}

function groupOf(group: StatGroup | undefined, parent: AreaRow | undefined | null): RollupGroup | null {
  if (group !== 'area') return group ?? 'none';
  if (parent === null) return { childColumn: 'district_id', parentId: null };
  return parent?.level === 'district' ? { childColumn: 'street_id', parentId: parent.id } : null;
}

function sliceOf(scope: Scope, group: RollupGroup): RollupSlice {
  if (scope.dispatchedOnly || group === 'category' || group === 'unit') return 'full';
  const byStreet = scope.conditions.some((c) => c.column === 'street_id') || (typeof group === 'object' && group.childColumn === 'street_id');
  return byStreet ? 'street' : 'district';
}

/** The rollup query for this request, or null when the request needs the cases themselves. */
async function planFor(db: Queryable, timeZone: string, r: RollupRequest): Promise<{ totals: RollupQuery; grouped: RollupQuery | null } | null> {
  const needsHome = r.user.role === 'dispatcher' || r.user.role === 'supervisor' || (r.group === 'area' && !r.area);
  const home = needsHome && r.user.areaId !== null ? await statsRollupRepo.findAreaById(db, r.user.areaId) : undefined;
  const scope = scopeOf(r.user, home);
  if (!scope) return null;
  if (r.area) {
    const column = AREA_COLUMN[r.area.level];
    if (!column) return null;
    scope.conditions.push({ column, id: r.area.id });
  }
  const group = groupOf(r.group, r.area ?? (r.user.areaId === null ? null : home));
  if (!group) return null;

  const { wholeDays, edges } = splitPeriod(r.from, r.to, timeZone);
  const query = (g: RollupGroup): RollupQuery => ({
    ranges: wholeDays ? rollupRanges(wholeDays.from, wholeDays.to, g !== 'day' && g !== 'week') : [],
    edges,
    slice: sliceOf(scope, g),
    ...scope,
    group: g,
    from: r.from,
    to: r.to,
    now: r.now,
    timeZone,
  });
  return { totals: query('none'), grouped: group === 'none' ? null : query(group) };
}

const zero = (n: number | null) => n ?? 0;
const ratio = (a: number, b: number) => (b === 0 ? null : a / b);

// One group's indicators, with the same formulas as the query-time statements (stats.repo.ts).
function indicatorsOf(row: RollupCountRow | undefined, buckets: HoursBucket[]): IndicatorRow {
  const received = zero(row?.received ?? null);
  const registered = zero(row?.registered ?? null);
  const closed = zero(row?.closed ?? null);
  const closedOnTime = zero(row?.closedOnTime ?? null);
  const reworked = zero(row?.reworked ?? null);
  const due = closed + zero(row?.dueOpen ?? null);
  return {
    received,
    registered,
    registrationRate: ratio(registered, received),
    dispatched: zero(row?.dispatched ?? null),
    due,
    closed,
    closureRate: ratio(closed, due),
    closedOnTime,
    onTimeRate: ratio(closedOnTime, due),
    overdue: zero(row?.closedLate ?? null) + zero(row?.overdueOpen ?? null),
    reworked,
    reworkRate: ratio(reworked, closed),
    medianHoursToClose: percentileHours(buckets, 0.5),
    p90HoursToClose: percentileHours(buckets, 0.9),
  };
}

async function run(db: Queryable, q: RollupQuery): Promise<GroupRow[]> {
  const rows = await statsRollupRepo.counts(db, q);
  const buckets = new Map<string | null, HoursBucket[]>();
  for (const h of await statsRollupRepo.hours(db, q)) {
    const list = buckets.get(h.k) ?? [];
    list.push(h);
    buckets.set(h.k, list);
  }
  for (const list of buckets.values()) list.sort((a, b) => a.bucket - b.bucket);
  return rows.map((row) => ({ key: row.key, name: row.name, ...indicatorsOf(row, buckets.get(row.k) ?? []) }));
}

/**
 * The totals (and groups) from the rollup, or null when the request does not map onto its keys:
 * an inspector's scope, a community or deeper area or scope, children below a street, or a rollup
 * still counting in another time zone.
 */
export async function statsFromRollup(db: Queryable, timeZone: string, r: RollupRequest): Promise<{ totals: IndicatorRow; groups: GroupRow[] | null } | null> {
  const plan = await planFor(db, timeZone, r);
  if (!plan || !(await rollupInZone(db, timeZone))) return null;
  const [totals] = await run(db, plan.totals);
  return {
    totals: totals ?? { key: null, name: null, ...indicatorsOf(undefined, []) },
    groups: plan.grouped ? await run(db, plan.grouped) : null,
  };
}
