// The unit ranking by on-time closure rate (按期结案率), where a unit with too few cases due is listed but not ranked.
import type { StatsGroupRow } from './stats-api';

/** A unit needs this many cases due (应结案数, the rate's denominator) to be ranked: 1 of 1 on time is not 100 % earned. */
export const MIN_RANKED_DUE = 3;

export const RANK_SORT_KEYS = ['on_time_rate', 'due', 'closed_on_time', 'overdue'] as const;
export type RankSortKey = (typeof RANK_SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';

export type RankedUnit = {
  code: string;
  name: string;
  /** n: the cases due, the on-time rate's denominator. */
  due: number;
  closedOnTime: number;
  onTimeRate: number | null;
  overdue: number;
  /** Standard competition rank (1, 1, 3 …) by on-time rate; null below the minimum n. */
  rank: number | null;
};

export type RankOptions = { minDue?: number; sortBy?: RankSortKey; direction?: SortDirection };

function value(u: RankedUnit, key: RankSortKey): number {
  switch (key) {
    case 'on_time_rate':
      return u.onTimeRate ?? -1;
    case 'due':
      return u.due;
    case 'closed_on_time':
      return u.closedOnTime;
    case 'overdue':
      return u.overdue;
  }
}

/**
 * Ranks the units of a `group=unit` answer (cases with no unit are left out) and sorts them for display.
 * Sorted by rate, units below the minimum n always come after the ranked ones, in either direction.
 * @example rankUnits(stats.groups, { sortBy: 'on_time_rate', direction: 'desc' })
 */
export function rankUnits(groups: readonly StatsGroupRow[], options: RankOptions = {}): RankedUnit[] {
  const { minDue = MIN_RANKED_DUE, sortBy = 'on_time_rate', direction = 'desc' } = options;
  const units: RankedUnit[] = groups
    .filter((g): g is StatsGroupRow & { key: string } => g.key !== null)
    .map((g) => ({ code: g.key, name: g.name ?? g.key, due: g.due, closedOnTime: g.closed_on_time, onTimeRate: g.on_time_rate, overdue: g.overdue, rank: null }));

  const ranked = units.filter((u) => u.due >= minDue && u.onTimeRate !== null).sort((a, b) => value(b, 'on_time_rate') - value(a, 'on_time_rate'));
  ranked.forEach((u, i) => {
    const prev = ranked[i - 1];
    u.rank = prev && prev.onTimeRate === u.onTimeRate ? prev.rank : i + 1;
  });

  const sign = direction === 'desc' ? -1 : 1;
  // Ties: more cases due first (a steadier rate), then by name, so the order never flickers between loads.
  const tieBreak = (a: RankedUnit, b: RankedUnit) => b.due - a.due || a.name.localeCompare(b.name, 'zh-CN');
  return units.sort((a, b) => {
    if (sortBy === 'on_time_rate' && (a.rank === null || b.rank === null)) {
      // Unranked units trail the ranked ones, in one fixed order whichever way the rate is sorted.
      return a.rank === null && b.rank === null ? tieBreak(a, b) : a.rank === null ? 1 : -1;
    }
    return sign * (value(a, sortBy) - value(b, sortBy)) || tieBreak(a, b);
  });
}
