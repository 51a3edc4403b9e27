import type { SendOutcome } from './http-target.ts';

/** One finished request. `latencyMs` counts from when it was due (open loop) or sent (closed loop). */
export interface Sample {
  dueAt: number;
  latencyMs: number;
  ok: boolean;
}

export interface LoadResult {
  /** Requests answered with a 2xx. */
  ok: number;
  /** Requests with a non-2xx answer or no answer. */
  errors: number;
  /** Status code (0: no answer) or error name → count, for the errors only. */
  errorKinds: Record<string, number>;
  /** Latencies of the 2xx answers, ms. */
  latenciesMs: number[];
  elapsedMs: number;
  /** 2xx answers a second over the run. */
  rps: number;
}

export function createResultRecorder(onSample?: (sample: Sample) => void) {
  const latenciesMs: number[] = [];
  const errorKinds: Record<string, number> = {};
  let ok = 0;
  let errors = 0;
  return {
    record(outcome: SendOutcome, dueAt: number, endAt: number) {
      const good = outcome.status >= 200 && outcome.status < 300;
      const latencyMs = endAt - dueAt;
      if (good) {
        ok++;
        latenciesMs.push(latencyMs);
      } else {
        errors++;
        const kind = outcome.status ? String(outcome.status) : (outcome.error ?? 'no answer');
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
      }
      onSample?.({ dueAt, latencyMs, ok: good });
    },
    result(elapsedMs: number): LoadResult {
      return { ok, errors, errorKinds, latenciesMs, elapsedMs, rps: (ok * 1000) / elapsedMs };
    },
  };
}
