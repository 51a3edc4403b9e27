import type { Redis } from 'ioredis';
import { usedMemory } from '../redis/key-memory.ts';
import { metricSum, scrapeMetrics } from '../report/scrape-metrics.ts';

export interface MemorySample {
  /** ms since the run started. */
  at: number;
  rss: number;
  heapUsed: number;
  redisUsed: number;
}

/**
 * Reads the Faro process's memory from its /metrics (prom-client default metrics, prefix
 * `faro_`) every `everyMs`, and Redis's used_memory, until stopped.
 */
export function startMemorySampler({
  faroUrl,
  redis,
  everyMs,
  startedAt,
}: {
  faroUrl: string;
  redis: Redis;
  everyMs: number;
  startedAt: number;
}) {
  const samples: MemorySample[] = [];
  const failures: string[] = [];
  const sample = async () => {
    try {
      const m = await scrapeMetrics(faroUrl);
      samples.push({
        at: performance.now() - startedAt,
        rss: metricSum(m, 'faro_process_resident_memory_bytes'),
        heapUsed: metricSum(m, 'faro_nodejs_heap_size_used_bytes'),
        redisUsed: await usedMemory(redis),
      });
    } catch (err) {
      failures.push((err as Error).message);
    }
  };
  const timer = setInterval(() => void sample(), everyMs);
  void sample();
  return {
    samples,
    failures,
    sampleNow: sample,
    stop: () => clearInterval(timer),
  };
}
