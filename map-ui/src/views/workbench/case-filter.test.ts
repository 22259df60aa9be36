// The filter bar's state becomes exactly the query the list and the map send.
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER, activeFilterCount, bboxParam, filterParams, listParams } from './case-filter';

describe('filterParams', () => {
  it('leaves out every filter that is not set', () => {
    expect(filterParams(EMPTY_FILTER)).toEqual({});
    expect(activeFilterCount(EMPTY_FILTER)).toBe(0);
  });

  it('joins states, and writes flags as true', () => {
    const f = { ...EMPTY_FILTER, status: ['submitted', 'registered'] as const, category: 'bank_garbage', area: 'S1', overdue: true, dueSoon: true };
    expect(filterParams(f)).toEqual({ status: 'submitted,registered', category: 'bank_garbage', area: 'S1', overdue: 'true', due_soon: 'true' });
    expect(activeFilterCount(f)).toBe(5);
  });

  it('turns dates into local midnights and includes the whole `to` day', () => {
    // The test runs with TZ=Asia/Shanghai (vitest.config.ts).
    const p = filterParams({ ...EMPTY_FILTER, from: '2026-11-01', to: '2026-11-22' });
    expect(p.from).toBe('2026-10-31T16:00:00.000Z');
    expect(p.to).toBe('2026-11-22T16:00:00.000Z');
    // Month ends roll over.
    expect(filterParams({ ...EMPTY_FILTER, to: '2026-12-31' }).to).toBe('2026-12-31T16:00:00.000Z');
    expect(filterParams({ ...EMPTY_FILTER, from: '2026-1' })).toEqual({});
  });

  it('adds the order and page for the list, and rounds a bbox', () => {
    expect(listParams({ ...EMPTY_FILTER, overdue: true }, 'oldest', 3, 25)).toEqual({ overdue: 'true', sort: 'oldest', page: '3', limit: '25' });
    expect(bboxParam([120.123456789, 31.2, 120.6, 31.30000001])).toBe('120.12346,31.20000,120.60000,31.30000');
  });
});
