import type { MetricObjectWithValues, MetricValue } from 'prom-client';

/** What the main thread asks the work thread. */
export type ThreadRequest =
  | { type: 'metrics'; id: number }
  | { type: 'stop' }
  /** Messages the web thread just recorded ([conversation id, text]): stepped at once if in danger. */
  | { type: 'accepted'; messages: Array<[string, string]> };

/** What the work thread says. */
export type ThreadReply =
  | { type: 'ready' }
  | { type: 'stopped' }
  | { type: 'metrics'; id: number; metrics: MetricObjectWithValues<MetricValue<string>>[] };

/** What the work thread is started with. */
export interface WorkThreadData {
  /** Its CPU niceness (Linux). */
  nice: number;
  /** One Int32: the webhook thread's event-loop utilisation, in thousandths (start-work-thread.ts). */
  load: SharedArrayBuffer;
}
