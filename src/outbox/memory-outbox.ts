import type { Outbox, OutboxJob, SendPriority } from '../engine/ports.ts';
import type { DeliveryResult } from './deliver.ts';

type Deliver = (job: OutboxJob, opts: { finalAttempt: boolean }) => Promise<DeliveryResult>;
type Item = { job: OutboxJob; attempt: number };

const ORDER: readonly SendPriority[] = ['safety', 'staff', 'normal'];

/**
 * The embedded outbox: per channel, safety replies in a lane of their own and the rest (staff
 * first) in another, each sent one at a time in this process and retried with exponential
 * backoff; deliver's pacer keeps to the sender's rate. Lost on restart, like the rest of the
 * memory mode.
 */
export function createMemoryOutbox({
  deliver,
  maxAttempts,
  backoffMs = 1_000,
  onGaveUp,
}: {
  deliver: Deliver;
  maxAttempts: number;
  backoffMs?: number;
  /** A job that failed its last attempt with an error deliver could not classify. */
  onGaveUp?: (job: OutboxJob) => Promise<void>;
}): Outbox {
  const waiting = new Map<string, Item[]>();
  const busy = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let inFlight = 0;
  let closed = false;
  const idleWaiters: Array<() => void> = [];

  const priorityOf = (job: OutboxJob) => job.priority ?? 'normal';
  const laneOf = (job: OutboxJob) =>
    job.kind === 'twilio-delete'
      ? 'deletions'
      : `${job.channel}:${priorityOf(job) === 'safety' ? 'safety' : 'paced'}`;
  // A deletion at Twilio after an erase must not be lost: it gets more tries than a send.
  const attemptsOf = (job: OutboxJob) =>
    job.kind === 'twilio-delete' ? Math.max(maxAttempts, 17) : maxAttempts;
  const isIdle = () =>
    inFlight === 0 && timers.size === 0 && [...waiting.values()].every((items) => items.length === 0);
  const notifyIdle = () => {
    if (isIdle()) for (const w of idleWaiters.splice(0)) w();
  };

  /** Adds behind the last item of the same or higher priority: first in, first out within each. */
  function push(item: Item) {
    const lane = laneOf(item.job);
    const items = waiting.get(lane) ?? [];
    const rank = ORDER.indexOf(priorityOf(item.job));
    const at = items.findIndex((i) => ORDER.indexOf(priorityOf(i.job)) > rank);
    items.splice(at < 0 ? items.length : at, 0, item);
    waiting.set(lane, items);
    void pump(lane);
  }

  async function pump(lane: string) {
    if (busy.has(lane) || closed) return;
    busy.add(lane);
    try {
      for (let item = waiting.get(lane)?.shift(); item && !closed; item = waiting.get(lane)?.shift()) {
        inFlight++;
        try {
          await deliver(item.job, { finalAttempt: item.attempt + 1 >= attemptsOf(item.job) });
        } catch {
          if (item.attempt + 1 >= attemptsOf(item.job)) {
            await onGaveUp?.(item.job).catch(() => undefined);
            continue;
          }
          const retry = { job: item.job, attempt: item.attempt + 1 };
          const t = setTimeout(
            () => {
              timers.delete(t);
              push(retry);
            },
            backoffMs * 2 ** item.attempt,
          );
          timers.add(t);
        } finally {
          inFlight--;
        }
      }
    } finally {
      busy.delete(lane);
      notifyIdle();
    }
  }

  return {
    async enqueue(jobs) {
      for (const job of jobs) push({ job, attempt: 0 });
    },
    async forget(conversationId, messageIds) {
      const gone = new Set(messageIds);
      for (const [lane, items] of waiting) {
        waiting.set(
          lane,
          items.filter(
            ({ job }) =>
              !(job.kind === 'stored' && job.conversationId === conversationId && gone.has(job.messageId)),
          ),
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
