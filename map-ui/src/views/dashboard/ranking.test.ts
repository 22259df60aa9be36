// Units rank by on-time rate only with enough cases due; a 1-of-1 unit is shown with its n but never tops the list.
import { describe, expect, it } from 'vitest';
import { rankUnits } from './ranking';
import type { StatsGroupRow } from './stats-api';

function unit(key: string | null, due: number, closedOnTime: number, overdue = 0): StatsGroupRow {
  return {
    key, name: key ? `单位${key}` : null, received: due, registered: due, registration_rate: 1, dispatched: due, due, closed: closedOnTime,
    closure_rate: due ? closedOnTime / due : null, closed_on_time: closedOnTime, on_time_rate: due ? closedOnTime / due : null,
    overdue, reworked: 0, rework_rate: null, median_hours_to_close: null, p90_hours_to_close: null,
  };
}

const GROUPS = [unit('ONE', 1, 1), unit('A', 10, 9, 1), unit('B', 4, 2, 2), unit('C', 5, 4, 1), unit(null, 7, 0), unit('D', 8, 4, 4), unit('E', 0, 0)];

describe('unit ranking', () => {
  it('ranks by on-time rate with ties sharing a rank, and lists small units last, unranked', () => {
    const rows = rankUnits(GROUPS);
    expect(rows.map((r) => [r.code, r.rank])).toEqual([['A', 1], ['C', 2], ['D', 3], ['B', 3], ['ONE', null], ['E', null]]);
  });

  it('leaves out cases with no unit', () => {
    expect(rankUnits(GROUPS).some((r) => r.code === null)).toBe(false);
    expect(rankUnits(GROUPS)).toHaveLength(6);
  });

  it('keeps unranked units last when the rate is sorted ascending', () => {
    expect(rankUnits(GROUPS, { direction: 'asc' }).map((r) => r.code)).toEqual(['D', 'B', 'C', 'A', 'ONE', 'E']);
  });

  it('sorts by n or by overdue count across all units, ranks unchanged', () => {
    const byDue = rankUnits(GROUPS, { sortBy: 'due' });
    expect(byDue.map((r) => r.code)).toEqual(['A', 'D', 'C', 'B', 'ONE', 'E']);
    expect(byDue.find((r) => r.code === 'ONE')?.rank).toBeNull();
    expect(rankUnits(GROUPS, { sortBy: 'overdue' })[0]?.code).toBe('D');
  });

  it('honours a different minimum n', () => {
    expect(rankUnits(GROUPS, { minDue: 1 })[0]?.code).toBe('ONE');
  });
});
