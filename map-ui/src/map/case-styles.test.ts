// Cluster rings split by state in workflow order, and every category icon of the seed has a glyph.
import { describe, expect, it } from 'vitest';
import { CASE_STATES } from '../api-types';
import { CATEGORY_GLYPHS, STATE_COLORS, categoryGlyph, clusterSize, ringSegments } from './case-styles';

describe('ringSegments', () => {
  it('gives each present state an arc in proportion, in workflow order, adding up to the whole ring', () => {
    const segs = ringSegments({ closed: 1, submitted: 3, dispatched: 0 });
    expect(segs).toEqual([
      { state: 'submitted', count: 3, start: 0, length: 0.75 },
      { state: 'closed', count: 1, start: 0.75, length: 0.25 },
    ]);
    const many = ringSegments({ submitted: 1, registered: 2, dispatched: 3, in_progress: 4 });
    expect(many.reduce((s, x) => s + x.length, 0)).toBeCloseTo(1, 10);
  });

  it('ignores unknown states and answers nothing for an empty cluster', () => {
    expect(ringSegments({})).toEqual([]);
    expect(ringSegments({ archived: 5 })).toEqual([]);
  });
});

describe('styles', () => {
  it('has a colour for every state, all different', () => {
    expect(Object.keys(STATE_COLORS).sort()).toEqual([...CASE_STATES].sort());
    expect(new Set(Object.values(STATE_COLORS)).size).toBe(CASE_STATES.length);
  });

  it('has a glyph for each seeded category icon and falls back for others', () => {
    const seeded = ['debris', 'garbage', 'outfall', 'odour', 'building', 'fishing', 'bank', 'sign', 'fire-lane', 'ebike', 'clutter', 'exit', 'extinguisher', 'wiring', 'panel', 'three-in-one', 'other'];
    for (const icon of seeded) expect(CATEGORY_GLYPHS[icon], icon).toMatch(/^M/);
    expect(categoryGlyph('unknown')).toBe(CATEGORY_GLYPHS.other);
  });

  it('grows cluster markers slowly with the count, within bounds', () => {
    expect(clusterSize(1)).toBe(34);
    expect(clusterSize(100)).toBeGreaterThan(clusterSize(10));
    expect(clusterSize(1e9)).toBe(64);
  });
});
