/**
 * Experiment, not a fix: loaded into the Faro process (`bench/webhook.ts --preload
 * bench/experiments/redis-auto-pipelining.ts`), it turns on ioredis `enableAutoPipelining` for
 * Faro's own Redis client (not BullMQ's, which are recognisable by `maxRetriesPerRequest: null`),
 * to measure what that one option in src/store/redis/create-redis.ts would change. Commands
 * issued in the same event-loop tick then leave in one socket write.
 * https://github.com/redis/ioredis#autopipelining
 */
import { Redis } from 'ioredis';

const connect = Redis.prototype.connect;
Redis.prototype.connect = function patchedConnect(this: Redis, ...args: Parameters<Redis['connect']>) {
  if (this.options.maxRetriesPerRequest !== null) this.options.enableAutoPipelining = true;
  return connect.apply(this, args);
};
