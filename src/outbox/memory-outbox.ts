import type { Channel } from '../channels/inbound-message.ts';
import type { Outbox, OutboxJob } from '../engine/ports.ts';
import type { DeliveryResult } from './deliver.ts';

type Deliver = (job: OutboxJob, opts: { finalAttempt: boolean }) => Promise<DeliveryResult>;

/**
 * The embedded outbox: a queue per channel in this process, paced to the channel's
 * messages per second, retried with exponential backoff. Lost on restart, like the rest of
 * the memory mode.
 */
export function createMemoryOutbox({
  deliver,
  perSecond,
  maxAttempts,
  backoffMs = 1_000,
  onGaveUp,
}: {
  deliver: Deliver;
  perSecond: Record<Channel, number>;
  maxAttempts: number;
  backoffMs?: number;
  /** A job that failed its last attempt with an error deliver could not classify. */
  onGaveUp?: (job: OutboxJob) => Promise<void>;
}): Outbox {
  const queues: Record<Channel, Array<{ job: OutboxJob; attempt: number }>> = { sms: [], whatsapp: [] };
  const busy: Record<Channel, boolean> = { sms: false, whatsapp: false };
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];

  const isIdle = () =>
    inFlight === 0 && timers.size === 0 && queues.sms.length === 0 && queues.whatsapp.length === 0;
  const notifyIdle = () => {
    if (isIdle()) for (const w of idleWaiters.splice(0)) w();
  };

  async function pump(channel: Channel) {
    if (busy[channel] || closed) return;
    busy[channel] = true;
    const gap = 1_000 / Math.max(1, perSecond[channel]);
    try {
      for (let item = queues[channel].shift(); item && !closed; item = queues[channel].shift()) {
        inFlight++;
        const started = Date.now();
        try {
          await deliver(item.job, { finalAttempt: item.attempt + 1 >= maxAttempts });
        } catch {
          if (item.attempt + 1 >= maxAttempts) {
            await onGaveUp?.(item.job).catch(() => undefined);
            continue;
          }
          const retry = { job: item.job, attempt: item.attempt + 1 };
          const t = setTimeout(
            () => {
              timers.delete(t);
              queues[channel].push(retry);
              void pump(channel);
            },
            backoffMs * 2 ** item.attempt,
          );
          timers.add(t);
        } finally {
          inFlight--;
        }
        const wait = gap - (Date.now() - started);
        if (wait > 0 && queues[channel].length > 0) await new Promise((r) => setTimeout(r, wait));
      }
    } finally {
      busy[channel] = false;
      notifyIdle();
    }
  }

  return {
    async enqueue(jobs) {
      for (const job of jobs) queues[job.channel].push({ job, attempt: 0 });
      for (const channel of new Set(jobs.map((j) => j.channel))) void pump(channel);
    },
    async forget(conversationId, messageIds) {
      const gone = new Set(messageIds);
      for (const channel of ['sms', 'whatsapp'] as const) {
        queues[channel] = queues[channel].filter(
          ({ job }) =>
            !(job.kind === 'stored' && job.conversationId === conversationId && gone.has(job.messageId)),
        );
      }
    },
    drain(timeoutMs = 30_000) {
      if (isIdle()) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error('outbox did not drain')), timeoutMs);
        idleWaiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    },
    async close() {
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
