/**
 * The `worker` half of a process that runs FARO_ROLE=all on Redis: steps conversations, sends
 * replies, fires timers and runs retention, on its own thread, while the main thread answers
 * webhooks and the console as a `web` process would. They meet in Redis exactly as two
 * processes do (the pending set, the work list, the outbox), so exactly-once and order hold as
 * they do for `FARO_ROLE=web` + `worker`. Started by start-work-thread.ts.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { buildServices } from '../build-services.ts';
import { loadConfig, withRole } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { ThreadReply, ThreadRequest } from './thread-messages.ts';

const port = parentPort;
if (!port) throw new Error('work-thread.ts runs as a worker thread');

const config = withRole(loadConfig(), 'worker');
const logger = createLogger(config.LOG_LEVEL).child({ thread: 'work' });
lowerPriority((workerData as { nice?: number } | null)?.nice ?? 0);

const services = await buildServices(config, logger, { defaultMetrics: false });
await services.start();
const post = (m: ThreadReply) => port.postMessage(m);
post({ type: 'ready' });

port.on('message', (m: ThreadRequest) => {
  if (m.type === 'metrics') {
    void services.metrics.registry.getMetricsAsJSON().then(
      (metrics) => post({ type: 'metrics', id: m.id, metrics }),
      () => post({ type: 'metrics', id: m.id, metrics: [] }),
    );
  } else if (m.type === 'stop') {
    // As main.ts does for the process: once everything is closed, end the thread even if a
    // library left a handle open.
    void services.stop().finally(() => {
      post({ type: 'stopped' });
      process.exit(0);
    });
  }
});

/**
 * Linux gives each thread its own nice value (setpriority on the thread id): the work yields
 * the CPU to webhooks under load, as a `worker` process started with `nice` would. Elsewhere,
 * or when not allowed, the thread keeps the process's priority.
 */
function lowerPriority(nice: number) {
  if (nice <= 0) return;
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid)) setPriority(tid, nice);
  } catch {
    logger.debug({ event: 'work_thread_priority_unchanged' });
  }
}
