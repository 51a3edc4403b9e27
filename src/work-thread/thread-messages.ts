import type { MetricObjectWithValues, MetricValue } from 'prom-client';

/** What the main thread asks the work thread. */
export type ThreadRequest = { type: 'metrics'; id: number } | { type: 'stop' };

/** What the work thread says. */
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'stopped' }
  | { type: 'metrics'; id: number; metrics: MetricObjectWithValues<MetricValue<string>>[] };
