// Which level's names the map shows at each zoom.
import { describe, expect, it } from 'vitest';
import { labelLevelAt } from './label-levels';

const all = () => true;

describe('labelLevelAt', () => {
  it('names streets, then communities, grids and micro-grids as the map zooms in', () => {
    expect(labelLevelAt(11, all)).toBeNull();
    expect(labelLevelAt(12, all)).toBe('street');
    expect(labelLevelAt(14, all)).toBe('community');
    expect(labelLevelAt(15, all)).toBe('grid');
    expect(labelLevelAt(16, all)).toBe('grid');
    expect(labelLevelAt(17, all)).toBe('micro_grid');
  });

  it('skips a level the user has hidden, falling back to the next one up', () => {
    expect(labelLevelAt(17, (l) => l !== 'micro_grid')).toBe('grid');
    expect(labelLevelAt(15, (l) => l === 'street')).toBe('street');
  });
});
