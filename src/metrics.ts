import {
  AggregatorRegistry,
  Counter,
  collectDefaultMetrics,
  Gauge,
  Histogram,
  type MetricObjectWithValues,
  type MetricValue,
  Registry,
} from 'prom-client';

/** Another thread's metrics, as `registry.getMetricsAsJSON()` gives them. */
export type MetricsSource = () => Promise<MetricObjectWithValues<MetricValue<string>>[]>;

/**
 * Counts only: nothing here says who wrote or what. `defaults`: the process and Node metrics
 * (off in a worker thread: the process is counted once, by the main thread).
 */
export function createMetrics({ defaults = true }: { defaults?: boolean } = {}) {
  const registry = new Registry();
  if (defaults) collectDefaultMetrics({ register: registry, prefix: 'faro_' });
  const sources: MetricsSource[] = [];
  return {
    registry,
    /** Adds another thread's metrics to what `/metrics` shows (counters and histograms add up). */
    addSource(source: MetricsSource) {
      sources.push(source);
    },
    /** The Prometheus text of this thread and of every added source. */
    async text(): Promise<string> {
      if (sources.length === 0) return registry.metrics();
      const all = [
        await registry.getMetricsAsJSON(),
        ...(await Promise.all(sources.map((s) => s().catch(() => [])))),
      ];
      return AggregatorRegistry.aggregate(all).metrics();
    },
    messagesIn: new Counter({
      name: 'faro_messages_in_total',
      help: 'Inbound webhooks by channel and result (recorded, duplicate, outage)',
      labelNames: ['channel', 'result'] as const,
      registers: [registry],
    }),
    messagesOut: new Counter({
      name: 'faro_messages_out_total',
      help: 'Outbound messages by channel and status',
      labelNames: ['channel', 'status'] as const,
      registers: [registry],
    }),
    statusCallbacks: new Counter({
      name: 'faro_status_callbacks_total',
      help: 'Twilio status callbacks by status',
      labelNames: ['status'] as const,
      registers: [registry],
    }),
    stepSeconds: new Histogram({
      name: 'faro_step_seconds',
      help: 'Time to process one inbound message (load, step, commit)',
      labelNames: ['channel'] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
    escalations: new Counter({
      name: 'faro_escalations_total',
      help: 'Escalations to a person by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    topicsViewed: new Counter({
      name: 'faro_topics_viewed_total',
      help: 'Topic screens shown, by screen id',
      labelNames: ['screen'] as const,
      registers: [registry],
    }),
    outboxRetries: new Counter({
      name: 'faro_outbox_retries_total',
      help: 'Outbound sends that failed and will be retried',
      labelNames: ['channel'] as const,
      registers: [registry],
    }),
    // Every thread reads the same queue: shown once, not added up.
    queueWaiting: new Gauge({
      name: 'faro_handoff_queue_waiting',
      help: 'Tickets waiting for a person',
      registers: [registry],
      aggregator: 'first',
    }),
    queueOldestWait: new Gauge({
      name: 'faro_handoff_queue_oldest_wait_seconds',
      help: 'How long the longest-waiting ticket has waited',
      registers: [registry],
      aggregator: 'first',
    }),
  };
}

/** Reads the queue when Prometheus scrapes, not on every change. */
export function observeQueue(
  metrics: Metrics,
  read: () => Promise<{ waiting: number; oldestWaitMs: number }>,
) {
  const gauges = [metrics.queueWaiting, metrics.queueOldestWait];
  for (const gauge of gauges) {
    (gauge as unknown as { collect: () => Promise<void> }).collect = async () => {
      const q = await read().catch(() => null);
      if (!q) return;
      metrics.queueWaiting.set(q.waiting);
      metrics.queueOldestWait.set(q.oldestWaitMs / 1000);
    };
  }
}

export type Metrics = ReturnType<typeof createMetrics>;
