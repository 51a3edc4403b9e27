import type { Cluster, Redis } from 'ioredis';
import { TTL } from '../keys.ts';

/**
 * Pushes a conversation id on the work list for a `worker` process (outside a Lua script: on a
 * Cluster, or for an internal event). The list keeps its newest `TTL.workHintsMax` entries; an
 * urgent hint goes to the front, to be taken next.
 */
export async function pushWorkHint(
  redis: Redis | Cluster,
  key: string,
  conversationId: string,
  { front = false }: { front?: boolean } = {},
) {
  if (front) await redis.lpush(key, conversationId);
  else await redis.multi().rpush(key, conversationId).ltrim(key, -TTL.workHintsMax, -1).exec();
}
