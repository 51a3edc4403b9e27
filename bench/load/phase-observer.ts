import { metricSum, type Scrape, scrapeMetrics } from '../report/scrape-metrics.ts';
import { type CpuSnapshot, cpuDelta, type createCpuMeter } from './cpu-meter.ts';
import type { Phase, PhaseHooks } from './drive-server.ts';
import type { LoadResult } from './load-result.ts';

/** prom-client's default eventLoopMonitoringPrecision: its histogram counts this interval too. */
const LOOP_TIMER_MS = 10;

export interface PhaseFigures {
  /** 2xx answers of the phase. */
  requests: number;
  /** The phase, plus (Faro) the time its backlog took to drain afterwards. */
  wallMs: number;
  drainMs: number;
  /** CPU seconds by process over `wallMs`. */
  cpu: CpuSnapshot;
  /** Faro only: messages stepped and replies sent over `wallMs`. */
  steps?: number;
  replies?: number;
  /**
   * Faro only: how long the event loop was blocked over the phase (prom-client's
   * monitorEventLoopDelay, reset at each scrape, minus its 10 ms timer), and GC time.
   */
  loopDelayP99Ms?: number;
  loopDelayMaxMs?: number;
  gcMs?: number;
}

export interface FaroProbe {
  url: string;
  drain: () => Promise<number>;
  sentCount: () => Promise<number>;
  /** A separate worker process (FARO_ROLE=worker): the steps are counted there. */
  workerUrl?: string;
}

/**
 * Hooks for driveServer that measure each phase: CPU of every process, and for Faro the
 * drain time, messages stepped, replies sent, event-loop delay and GC from its /metrics.
 */
export function createPhaseObserver({
  meter,
  faro,
}: {
  meter: ReturnType<typeof createCpuMeter>;
  faro?: FaroProbe;
}): PhaseHooks & { figures: Partial<Record<Phase, PhaseFigures>> } {
  const figures: Partial<Record<Phase, PhaseFigures>> = {};
  let start: {
    at: number;
    cpu: CpuSnapshot;
    metrics?: Scrape;
    workerMetrics?: Scrape;
    replies?: number;
  } | null = null;
  const stepsScrape = async () => (faro?.workerUrl ? scrapeMetrics(faro.workerUrl) : undefined);
  return {
    figures,
    async before() {
      const metrics = faro ? await scrapeMetrics(faro.url) : undefined;
      const workerMetrics = await stepsScrape();
      const replies = faro ? await faro.sentCount() : undefined;
      start = { at: performance.now(), cpu: await meter.snapshot(), metrics, workerMetrics, replies };
    },
    async after(phase: Phase, result: LoadResult) {
      // Event-loop delay and GC of the phase itself, before the drain.
      const atEnd = faro ? await scrapeMetrics(faro.url) : undefined;
      const drainMs = faro ? await faro.drain() : 0;
      const metrics = faro ? await scrapeMetrics(faro.url) : undefined;
      const cpu = cpuDelta(start!.cpu, await meter.snapshot());
      const f: PhaseFigures = {
        requests: result.ok,
        wallMs: result.elapsedMs + drainMs,
        drainMs,
        cpu,
      };
      if (faro && atEnd && metrics && start?.metrics) {
        const delta = (name: string) => metricSum(metrics, name) - metricSum(start!.metrics!, name);
        const worker = await stepsScrape();
        f.steps =
          worker && start.workerMetrics
            ? metricSum(worker, 'faro_step_seconds_count') -
              metricSum(start.workerMetrics, 'faro_step_seconds_count')
            : delta('faro_step_seconds_count');
        f.replies = (await faro.sentCount()) - (start.replies ?? 0);
        f.gcMs =
          (metricSum(atEnd, 'faro_nodejs_gc_duration_seconds_sum') -
            metricSum(start.metrics, 'faro_nodejs_gc_duration_seconds_sum')) *
          1000;
        f.loopDelayP99Ms = metricSum(atEnd, 'faro_nodejs_eventloop_lag_p99_seconds') * 1000 - LOOP_TIMER_MS;
        f.loopDelayMaxMs = metricSum(atEnd, 'faro_nodejs_eventloop_lag_max_seconds') * 1000 - LOOP_TIMER_MS;
      }
      figures[phase] = f;
    },
  };
}
