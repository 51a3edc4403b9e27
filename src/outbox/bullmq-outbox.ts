import { type JobsOptions, Queue, Worker } from 'bullmq';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Channel } from '../channels/inbound-message.ts';
import type { Outbox, OutboxJob } from '../engine/ports.ts';
import { openJson, type Sealer, sealJson } from '../privacy/seal.ts';
import { bullmqPrefix } from '../store/bullmq-prefix.ts';
import type { DeliveryResult } from './deliver.ts';

type Deliver = (job: OutboxJob, opts: { finalAttempt: boolean }) => Promise<DeliveryResult>;

const CHANNELS: Channel[] = ['sms', 'whatsapp'];
const DELETIONS = 'outbox-deletions';
export const DELETION_ATTEMPTS = 17;

/**
 * The durable outbox. Each Twilio sender (one per channel) has two BullMQ queues:
 * - `outbox-<channel>-safety`: replies to someone who may be in danger. Its own workers take
 *   them at once, and the pacer hands them to Twilio at once.
 * - `outbox-<channel>`: the rest, staff replies first. BullMQ takes jobs without a priority
 *   before prioritised ones (https://docs.bullmq.io/guide/jobs/prioritized), so staff replies
 *   are added without one and the rest with priority 1; each kind stays first in, first out.
 *   Its workers wait for the sender's turn (deliver's pacer) before handing a message to Twilio,
 *   so Twilio's own first-in-first-out queue never holds more than about a second of work.
 * Job ids are the message ids, so a message handed over twice after a crash is queued once.
 */
export function createBullmqOutbox({
  connection,
  prefix,
  deliver,
  perSecond,
  maxAttempts,
  logger,
  sealer,
  consume = true,
  onGaveUp,
}: {
  connection: () => Redis | Cluster;
  prefix: string;
  deliver: Deliver;
  /** Each channel's sender rate: sets how many sends a worker has under way (or waiting their turn). */
  perSecond: Record<Channel, number>;
  maxAttempts: number;
  logger: Logger;
  /** A job's data is stored sealed: an ephemeral job holds a text and an address. */
  sealer: Pick<Sealer, 'seal' | 'open'>;
  /** False in a `web` process: it queues replies (staff messages) but sends none. */
  consume?: boolean;
  /** A job that failed its last attempt with an error deliver could not classify. */
  onGaveUp?: (job: OutboxJob) => Promise<void>;
}): Outbox & { workers: Worker[] } {
  const bullPrefix = bullmqPrefix(prefix);
  const openJob = (data: unknown): OutboxJob => {
    const sealed = (data as { s?: unknown }).s;
    return typeof sealed === 'string' ? openJson<OutboxJob>(sealer, sealed) : (data as OutboxJob);
  };
  const lanes = [
    ...CHANNELS.flatMap((channel) => [
      { name: `outbox-${channel}-safety`, concurrency: 4 },
      { name: `outbox-${channel}`, concurrency: pacedConcurrency(perSecond[channel]) },
    ]),
    // Deletions at Twilio after an erase: not paced (no message is sent), never in a send's way.
    { name: DELETIONS, concurrency: 2 },
  ];
  const queues = new Map(
    lanes.map((l) => [l.name, new Queue(l.name, { connection: connection(), prefix: bullPrefix })]),
  );
  const queueFor = (job: OutboxJob) =>
    queues.get(
      job.kind === 'twilio-delete'
        ? DELETIONS
        : job.priority === 'safety'
          ? `outbox-${job.channel}-safety`
          : `outbox-${job.channel}`,
    )!;

  const workers = (consume ? lanes : []).map(
    (l) =>
      new Worker(
        l.name,
        async (job) =>
          deliver(openJob(job.data), {
            finalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? maxAttempts),
          }),
        {
          connection: connection(),
          prefix: bullPrefix,
          concurrency: l.concurrency,
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
      if (job && job.attemptsMade >= (job.opts.attempts ?? maxAttempts))
        void onGaveUp?.(openJob(job.data)).catch(() => undefined);
    });
  }

  return {
    workers,
    async enqueue(jobs) {
      for (const job of jobs) {
        const jobId = job.kind === 'stored' ? storedJobId(job.messageId) : job.id;
        const deletion = job.kind === 'twilio-delete';
        const opts: JobsOptions = {
          jobId,
          // A deletion must not be lost: retried for about a day (1 s doubling, 17 tries).
          attempts: deletion ? DELETION_ATTEMPTS : maxAttempts,
          backoff: { type: 'exponential', delay: 1_000 },
          // A finished job is dropped at once: a duplicate hand-over is harmless (deliver sends only a
          // message still pending), and a kept job would hold the conversation id after an erase.
          removeOnComplete: true,
          removeOnFail: { age: 7 * 24 * 3600 },
          ...(!deletion && (job.priority ?? 'normal') === 'normal' && { priority: 1 }),
        };
        await queueFor(job).add('send', { s: sealJson(sealer, job) }, opts);
      }
    },
    async forget(_conversationId, messageIds) {
      for (const id of messageIds) {
        for (const q of queues.values()) await q.remove(storedJobId(id)).catch(() => 0);
      }
    },
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        const counts = await Promise.all(
          [...queues.values()].map((q) => q.getJobCounts('waiting', 'active', 'delayed', 'prioritized')),
        );
        if (counts.every((k) => Object.values(k).every((n) => n === 0))) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error('outbox did not drain');
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
    },
  };
}

/**
 * Sends a worker has under way, or waiting for the sender's turn: enough to keep a fast sender
 * busy through the API's latency, few enough that a staff reply queued behind them waits about
 * half a second of the sender's time per instance.
 */
export function pacedConcurrency(perSecond: number): number {
  return Math.min(32, Math.max(1, Math.ceil(perSecond / 2)));
}

/**
 * Message ids are unique on their own (a MessageSid and a counter). The conversation id is
 * kept out of the job id so BullMQ's event stream holds no trace of it after an erase.
 * BullMQ job ids may not contain ':'.
 */
function storedJobId(messageId: string): string {
  return `m-${messageId}`.replace(/:/g, '_');
}
