import { percentile } from '../load/latency-stats.ts';
import type { Sample } from '../load/load-result.ts';

export interface MinuteStats {
  minute: number;
  requests: number;
  errors: number;
  p50: number;
  p99: number;
  max: number;
}

/** Latencies bucketed by the minute each request was due in. */
export function createMinuteBuckets(startedAt: number) {
  const buckets: Array<{ latencies: number[]; errors: number }> = [];
  return {
    add(sample: Sample) {
      const minute = Math.floor((sample.dueAt - startedAt) / 60_000);
      buckets[minute] ??= { latencies: [], errors: 0 };
      const b = buckets[minute]!;
      if (sample.ok) b.latencies.push(sample.latencyMs);
      else b.errors++;
    },
    stats(minute: number): MinuteStats {
      const b = buckets[minute] ?? { latencies: [], errors: 0 };
      const sorted = Float64Array.from(b.latencies).sort();
      return {
        minute,
        requests: sorted.length + b.errors,
        errors: b.errors,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        max: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
      };
    },
  };
}
