import type { BenchRequest, HttpTarget } from './http-target.ts';
import { createResultRecorder, type LoadResult, type Sample } from './load-result.ts';

/**
 * Fires requests on a fixed schedule (`rate` a second), whatever the server does: a slow
 * answer does not delay the next request, and each latency is counted from when its request
 * was due, not from when it left, so queueing anywhere (agent, socket, server) shows.
 */
export async function runOpenLoop({
  target,
  next,
  rate,
  durationMs,
  onSample,
}: {
  target: HttpTarget;
  next: () => BenchRequest;
  rate: number;
  durationMs: number;
  onSample?: (sample: Sample) => void;
}): Promise<LoadResult> {
  const total = Math.max(1, Math.round((rate * durationMs) / 1000));
  const intervalMs = 1000 / rate;
  const recorder = createResultRecorder(onSample);
  const inFlight = new Set<Promise<void>>();
  const start = performance.now();
  let fired = 0;

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request already due goes now (a late timer sends a burst, as real clients would).
      while (fired < total && start + fired * intervalMs <= now) {
        const dueAt = start + fired * intervalMs;
        fired++;
        const p = target.send(next()).then((outcome) => recorder.record(outcome, dueAt, performance.now()));
        inFlight.add(p);
        void p.finally(() => inFlight.delete(p));
      }
      if (fired >= total) return resolve();
      setTimeout(tick, Math.max(0, start + fired * intervalMs - performance.now()));
    };
    tick();
  });
  // Requests time out in the target, so this wait is bounded.
  await Promise.all([...inFlight]);
  return recorder.result(performance.now() - start);
}
