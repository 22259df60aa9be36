import { describe, expect, it } from 'vitest';
import { ABSOLUTE_ERROR_HOURS, percentileHours, RELATIVE_ERROR, type HoursBucket } from './hours-percentile';

const US = 3_600_000_000;
// The same bucketing as the stats_rollup_apply SQL function.
const bucketOf = (us: number) => (us < 60_000_000 ? 0 : 1 + Math.floor(Math.log(us / 60_000_000) / Math.log(1.05)));

function histogram(hours: number[]): HoursBucket[] {
  const m = new Map<number, HoursBucket>();
  for (const h of hours) {
    const us = Math.round(h * US);
    const b = m.get(bucketOf(us)) ?? { bucket: bucketOf(us), n: 0, sumUs: 0 };
    b.n += 1;
    b.sumUs += us;
    m.set(b.bucket, b);
  }
  return [...m.values()].sort((a, b) => a.bucket - b.bucket);
}

// percentile_cont over the exact values, as PostgreSQL computes it.
function exact(hours: number[], p: number) {
  const s = [...hours].sort((a, b) => a - b);
  const h = p * (s.length - 1);
  const lo = Math.floor(h);
  return lo === h ? s[lo]! : s[lo]! + (h - lo) * (s[lo + 1]! - s[lo]!);
}

describe('percentileHours', () => {
  it('is null with nothing closed', () => {
    expect(percentileHours([], 0.5)).toBeNull();
  });

  it('is exact when each case has a bucket of its own', () => {
    const h = histogram([27, 360]);
    expect(percentileHours(h, 0.5)).toBe(193.5);
    expect(percentileHours(h, 0.9)).toBeCloseTo(27 + 0.9 * 333, 9);
  });

  it('stays within the documented bound on crowded buckets', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 50; run++) {
      const hours = Array.from({ length: 1 + (run * 37) % 400 }, () => Math.exp(random() * 9 - 4));
      for (const p of [0.5, 0.9]) {
        const want = exact(hours, p);
        const got = percentileHours(histogram(hours), p)!;
        expect(Math.abs(got - want)).toBeLessThanOrEqual(RELATIVE_ERROR * want + ABSOLUTE_ERROR_HOURS);
      }
    }
  });
});
