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
import { detectRisk } from '../../flows/understand/index.ts';
import { buildServices } from '../build-services.ts';
import { loadConfig, withRole } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { ThreadReply, ThreadRequest, WorkThreadData } from './thread-messages.ts';

const port = parentPort;
if (!port) throw new Error('work-thread.ts runs as a worker thread');

const data = workerData as WorkThreadData;
const config = withRole(loadConfig(), 'worker');
const logger = createLogger(config.LOG_LEVEL).child({ thread: 'work' });
lowerPriority(data.nice);
const webLoad = new Int32Array(data.load);

const services = await buildServices(config, logger, {
  defaultMetrics: false,
  // The webhook thread busy more than half of the last 50 ms: Twilio's webhooks come first.
  webBusy: () => Atomics.load(webLoad, 0) > 500,
});
await services.start();
const post = (m: ThreadReply) => port.postMessage(m);
post({ type: 'ready' });

port.on('message', (m: ThreadRequest) => {
  // Danger is stepped now, ahead of the backlog the work list holds (its hint comes later, and
  // finds the conversation done). The check is the lexicon's, the flow decides with more.
  if (m.type === 'accepted') {
    for (const [conversationId, text] of m.messages) {
      if (speaksOfDanger(text)) services.engine.kick(conversationId);
    }
  } else if (m.type === 'metrics') {
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
 * The lexicon's danger check, remembered for short texts: most messages are a menu number, a
 * greeting or a yes, written again and again, and the check costs ~25 µs a message.
 */
const shortTexts = new Map<string, boolean>();
function speaksOfDanger(text: string): boolean {
  if (text.length > 32) return detectRisk(text) !== null;
  let known = shortTexts.get(text);
  if (known === undefined) {
    known = detectRisk(text) !== null;
    if (shortTexts.size >= 10_000) shortTexts.clear();
    shortTexts.set(text, known);
  }
  return known;
}

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
