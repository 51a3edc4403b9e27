import { runClosedLoop } from './closed-loop.ts';
import type { BenchRequest } from './http-target.ts';
import { createHttpTarget } from './http-target.ts';
import type { LoadResult } from './load-result.ts';
import { runOpenLoop } from './open-loop.ts';

export interface DrivePlan {
  warmupMs: number;
  throughputMs: number;
  connections: number;
  latencyMs: number;
  rate: number;
}

export type Phase = 'warmup' | 'throughput' | 'latency';
export type DriveResult = Record<Phase, LoadResult>;

export interface PhaseHooks {
  before?(phase: Phase): Promise<void>;
  /** After every request of the phase is answered (Faro: wait here for its backlog to drain). */
  after?(phase: Phase, result: LoadResult): Promise<void>;
}

/**
 * The same three phases for each server: a warm-up (JIT, connection pools, first messages of
 * each conversation), maximum throughput in closed loop, then latency at a fixed rate in open
 * loop. The hooks run around each phase, so that one phase's leftover work does not land on
 * the next and each can be measured on its own.
 */
export async function driveServer({
  baseUrl,
  next,
  plan,
  hooks = {},
  log,
}: {
  baseUrl: string;
  next: () => BenchRequest;
  plan: DrivePlan;
  hooks?: PhaseHooks;
  log: (line: string) => void;
}): Promise<DriveResult> {
  const target = createHttpTarget({ baseUrl, maxSockets: Math.max(plan.connections, 256) });
  const run = async (phase: Phase, describe: string, load: () => Promise<LoadResult>) => {
    log(`  ${describe}`);
    await hooks.before?.(phase);
    const result = await load();
    await hooks.after?.(phase, result);
    return result;
  };
  try {
    const warmConnections = Math.min(8, plan.connections);
    const warmup = await run(
      'warmup',
      `warm-up: ${plan.warmupMs / 1000} s, ${warmConnections} connections`,
      () => runClosedLoop({ target, next, connections: warmConnections, durationMs: plan.warmupMs }),
    );
    const throughput = await run(
      'throughput',
      `max throughput: closed loop, ${plan.connections} connections, ${plan.throughputMs / 1000} s`,
      () => runClosedLoop({ target, next, connections: plan.connections, durationMs: plan.throughputMs }),
    );
    const latency = await run(
      'latency',
      `latency: open loop, ${plan.rate} requests/s, ${plan.latencyMs / 1000} s`,
      () => runOpenLoop({ target, next, rate: plan.rate, durationMs: plan.latencyMs }),
    );
    return { warmup, throughput, latency };
  } finally {
    target.close();
  }
}
