import type { BenchRequest, HttpTarget } from './http-target.ts';
import { createResultRecorder, type LoadResult } from './load-result.ts';

/**
 * Maximum throughput: `connections` clients, each sending its next request as soon as the
 * previous one is answered, until `durationMs` has passed.
 */
export async function runClosedLoop({
  target,
  next,
  connections,
  durationMs,
}: {
  target: HttpTarget;
  next: () => BenchRequest;
  connections: number;
  durationMs: number;
}): Promise<LoadResult> {
  const recorder = createResultRecorder();
  const start = performance.now();
  const end = start + durationMs;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) {
        const sentAt = performance.now();
        const outcome = await target.send(next());
        recorder.record(outcome, sentAt, performance.now());
      }
    }),
  );
  return recorder.result(performance.now() - start);
}
