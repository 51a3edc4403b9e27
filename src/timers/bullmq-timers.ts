import { Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Timers } from '../engine/ports.ts';
import { openJson, type Sealer, sealJson } from '../privacy/seal.ts';
import { bullmqPrefix } from '../store/bullmq-prefix.ts';

type Fire = (conversationId: string, event: 'NO_ANSWER', key: string) => Promise<unknown>;

/**
 * Durable timers: a delayed BullMQ job per timer, keyed so that scheduling again replaces
 * it and cancelling removes it. The job only drops an event into the conversation's inbox.
 */
export function createBullmqTimers({
  connection,
  prefix,
  fire,
  logger,
  sealer,
  consume = true,
}: {
  connection: () => Redis | Cluster;
  prefix: string;
  fire: Fire;
  logger: Logger;
  /** A job's data (the conversation id) is stored sealed. */
  sealer: Pick<Sealer, 'seal' | 'open'>;
  /** False in a `web` process: it schedules and cancels timers; workers fire them. */
  consume?: boolean;
}): Timers {
  const queue = new Queue('timers', { connection: connection(), prefix: bullmqPrefix(prefix) });
  const worker = !consume
    ? null
    : new Worker(
        'timers',
        async (job) => {
          const sealed = (job.data as { s?: unknown }).s;
          const { conversationId, event } = (
            typeof sealed === 'string' ? openJson(sealer, sealed) : job.data
          ) as { conversationId: string; event: 'NO_ANSWER' };
          await fire(conversationId, event, job.id ?? '');
        },
        { connection: connection(), prefix: bullmqPrefix(prefix), concurrency: 4 },
      );
  worker?.on('error', (err) => logger.warn({ event: 'timer_worker_error', type: err.name }));
  return {
    async schedule({ key, conversationId, event, delayMs }) {
      await queue.remove(key);
      await queue.add(
        event,
        { s: sealJson(sealer, { conversationId, event }) },
        { jobId: key, delay: delayMs, removeOnComplete: true, removeOnFail: { age: 86_400 } },
      );
    },
    async cancel(key) {
      await queue.remove(key);
    },
    async close() {
      await worker?.close();
      await queue.close();
    },
  };
}
