import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { globalKeys } from '../store/keys.ts';
import { pushWorkHint } from '../store/redis/work-hint.ts';
import { errorSummary } from './engine.ts';

/**
 * How a `web` process hands conversations to `worker` processes: a Redis list of conversation
 * ids. It only says "look at this one now"; the engine's pending set is the durable record, so
 * a hint lost in a crash or dropped from a full list costs seconds (the next sweep), not a
 * message, and a hint for a conversation already done costs one lock attempt. The store pushes
 * the hint for a webhook itself, in the same step as the message (`acceptInbound`, `notify`).
 */
export function createWorkQueue({
  redis,
  blocking,
  prefix,
  logger,
}: {
  redis: Redis | Cluster;
  /** A connection of its own: BLPOP holds it while it waits. */
  blocking: () => Redis | Cluster;
  prefix: string;
  logger: Logger;
}) {
  const key = globalKeys(prefix).work;
  return {
    async notify(conversationId: string) {
      await pushWorkHint(redis, key, conversationId);
    },
    /**
     * Takes hints and hands each to `take` until stopped, at most `room()` at a time. While the
     * process has enough in hand (no room), it waits: the hints stay in Redis for a less busy worker.
     */
    consume(take: (conversationId: string) => void, room: () => number) {
      const conn = blocking();
      let running = true;
      const loop = (async () => {
        while (running) {
          try {
            const n = Math.min(64, room());
            if (n <= 0) {
              await new Promise((r) => setTimeout(r, 5));
              continue;
            }
            const batch = await conn.lpop(key, n);
            if (batch?.length) {
              for (const id of batch) take(id);
              continue;
            }
            const one = await conn.blpop(key, 1);
            if (one) take(one[1]);
          } catch (err) {
            if (!running) break;
            logger.warn({ event: 'work_queue_error', err: errorSummary(err) });
            await new Promise((r) => setTimeout(r, 500));
          }
        }
      })();
      return async () => {
        running = false;
        conn.disconnect();
        await loop;
      };
    },
  };
}

export type WorkQueue = ReturnType<typeof createWorkQueue>;
