// Median and p90 hours to close from the rollup's histogram, the way percentile_cont would read the cases.
//
// Buckets are 5% wide (bucket k >= 1 holds [1 min * 1.05^(k-1), 1 min * 1.05^k); bucket 0 holds under a
// minute) and carry their count and exact sum. Each case stands in as its bucket's mean, which lies in the
// same bucket, so every order statistic is off by less than 5% of itself (or one minute in bucket 0), and a
// percentile, a weighted mean of two order statistics, by less than 5% of the exact answer plus one minute.
// A bucket holding one case gives that case's exact value.

/** One histogram bucket: how many closed cases, and their hours to close summed in microseconds. */
export type HoursBucket = { bucket: number; n: number; sumUs: number };

/** The documented error bound: |estimate - exact| <= RELATIVE_ERROR * exact + ABSOLUTE_ERROR_HOURS. */
export const RELATIVE_ERROR = 0.05;
export const ABSOLUTE_ERROR_HOURS = 1 / 60;

const US_PER_HOUR = 3_600_000_000;

/**
 * percentile_cont(p) of the hours to close, estimated from buckets sorted by `bucket`; null when empty.
 * @example percentileHours([{ bucket: 152, n: 1, sumUs: 97_200_000_000 }], 0.5) // 27
 */
export function percentileHours(buckets: readonly HoursBucket[], p: number): number | null {
  const total = buckets.reduce((s, b) => s + b.n, 0);
  if (total === 0) return null;
  const h = p * (total - 1);
  const lower = Math.floor(h);
  const below = valueAtRank(buckets, lower);
  if (h === lower) return below;
  return below + (h - lower) * (valueAtRank(buckets, lower + 1) - below);
}

/** The estimated value of the rank-th smallest case (0-based): its bucket's mean. */
function valueAtRank(buckets: readonly HoursBucket[], rank: number): number {
  let seen = 0;
  for (const b of buckets) {
    seen += b.n;
    if (rank < seen) return b.sumUs / b.n / US_PER_HOUR;
  }
  throw new RangeError(`rank ${rank} is beyond the histogram's ${seen} cases`);
}
