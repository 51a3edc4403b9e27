/**
 * BullMQ's key prefix (outbox and timer queues) under REDIS_KEY_PREFIX, so that an ACL
 * (`~faro:*`), a SCAN or a backup filter by the prefix covers them too. `{bull}` is the hash
 * tag BullMQ needs on Redis Cluster (every key of a queue in one slot).
 * https://docs.bullmq.io/bull/patterns/redis-cluster
 */
export const bullmqPrefix = (prefix: string) => `${prefix}{bull}`;
