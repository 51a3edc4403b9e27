import { Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Channel } from '../channels/inbound-message.ts';
import type { Outbox, OutboxJob } from '../engine/ports.ts';
import { bullmqPrefix } from '../store/bullmq-prefix.ts';
import type { DeliveryResult } from './deliver.ts';

type Deliver = (job: OutboxJob, opts: { finalAttempt: boolean }) => Promise<DeliveryResult>;

/**
 * The durable outbox: one BullMQ queue per channel, so each gets its own rate limit
 * (BullMQ's limiter is global across workers: N instances still send at most `perSecond`).
 * Job ids are the message ids, so a message handed over twice after a crash is queued once.
 * https://docs.bullmq.io/guide/rate-limiting
 */
export function createBullmqOutbox({
  connection,
  prefix,
  deliver,
  perSecond,
  maxAttempts,
  logger,
  concurrency = 8,
  consume = true,
  onGaveUp,
}: {
  connection: () => Redis | Cluster;
  prefix: string;
  deliver: Deliver;
  perSecond: Record<Channel, number>;
  maxAttempts: number;
  logger: Logger;
  concurrency?: number;
  /** False in a `web` process: it queues replies (staff messages) but sends none. */
  consume?: boolean;
  /** A job that failed its last attempt with an error deliver could not classify. */
  onGaveUp?: (job: OutboxJob) => Promise<void>;
}): Outbox & { workers: Worker[] } {
  const channels: Channel[] = ['sms', 'whatsapp'];
  const queues = Object.fromEntries(
    channels.map((c) => [
      c,
      new Queue(`outbox-${c}`, { connection: connection(), prefix: bullmqPrefix(prefix) }),
    ]),
  ) as Record<Channel, Queue>;
  const workers = (consume ? channels : []).map(
    (c) =>
      new Worker(
        `outbox-${c}`,
        async (job) => deliver(job.data as OutboxJob, { finalAttempt: job.attemptsMade + 1 >= maxAttempts }),
        {
          connection: connection(),
          prefix: bullmqPrefix(prefix),
          concurrency,
          limiter: { max: perSecond[c], duration: 1_000 },
          // A worker that died mid-send (SIGKILL) gives its jobs back within ~20 s instead of 60.
          lockDuration: 15_000,
          stalledInterval: 5_000,
        },
      ),
  );
  for (const w of workers) {
    w.on('error', (err) => logger.warn({ event: 'outbox_worker_error', type: err.name }));
    // BullMQ keeps the failed job for a week; the message itself must not stay "pending" forever.
    w.on('failed', (job) => {
      if (job && job.attemptsMade >= maxAttempts)
        void onGaveUp?.(job.data as OutboxJob).catch(() => undefined);
    });
  }

  return {
    workers,
    async enqueue(jobs) {
      for (const job of jobs) {
        const jobId = job.kind === 'stored' ? storedJobId(job.conversationId, job.messageId) : job.id;
        await queues[job.channel].add('send', job, {
          jobId,
          attempts: maxAttempts,
          backoff: { type: 'exponential', delay: 1_000 },
          // A finished job is dropped at once: a duplicate hand-over is harmless (deliver sends only a
          // message still pending), and a kept job would hold the conversation id after an erase.
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
        });
      }
    },
    async forget(conversationId, messageIds) {
      for (const id of messageIds) {
        for (const c of channels) await queues[c].remove(storedJobId(conversationId, id)).catch(() => 0);
      }
    },
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const counts = await Promise.all(
          channels.map((c) => queues[c].getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
        );
        if (counts.every((k) => Object.values(k).every((n) => n === 0))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('outbox did not drain');
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all(channels.map((c) => queues[c].close()));
    },
  };
}

/**
 * Message ids are unique on their own (a MessageSid and a counter). The conversation id is
 * kept out of the job id so BullMQ's event stream holds no trace of it after an erase.
 * BullMQ job ids may not contain ':'.
 */
function storedJobId(_conversationId: string, messageId: string): string {
  return `m-${messageId}`.replace(/:/g, '_');
}
