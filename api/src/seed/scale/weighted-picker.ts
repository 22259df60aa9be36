// Weighted draws from long lists (2,048 micro-grids, a million times): cumulative weights and a
// binary search, where demo-random's `weighted` walks the list on every draw.
import type { Random } from '../demo-random';

/**
 * A function that draws one item with probability proportional to its weight.
 * @example const pick = weightedPicker([['a', 1], ['b', 3]]); pick(r) // 'b' three times in four
 */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (r: Random) => T {
  const items = entries.filter(([, w]) => w > 0);
  if (items.length === 0) throw new Error('weightedPicker needs at least one positive weight');
  const cumulative = new Float64Array(items.length);
  let total = 0;
  items.forEach(([, w], k) => {
    total += w;
    cumulative[k] = total;
  });
  return (r) => {
    const x = r.next() * total;
    let lo = 0;
    let hi = items.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}
