/**
 * Waits are counted in buckets, not one by one: exact to the minute under an hour, to 5 minutes
 * under 5 hours, to 30 minutes under a day, to 4 hours beyond (at most 10 days of business
 * minutes). A median or p90 read from them is the bucket's lower edge.
 */
export function waitBucket(minutes: number): number {
  const m = Math.max(0, Math.floor(minutes));
  if (m < 60) return m;
  if (m < 300) return m - (m % 5);
  if (m < 1440) return m - (m % 30);
  return Math.min(m - (m % 240), 14_400);
}

/** The value at quantile `q` (0.5, 0.9) of a histogram bucket → count, by nearest rank; null if empty. */
export function quantile(histogram: ReadonlyMap<number, number>, q: number): number | null {
  const total = [...histogram.values()].reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const bucket of [...histogram.keys()].sort((a, b) => a - b)) {
    seen += histogram.get(bucket)!;
    if (seen >= rank) return bucket;
  }
  return null;
}
