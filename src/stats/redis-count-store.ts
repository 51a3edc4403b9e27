import type { Cluster, Redis } from 'ioredis';
import { assertBucket, type Bucket, type CountStore } from './count-store.ts';
import { STATS_TTL_SECONDS, statsKeys } from './stats-keys.ts';

/**
 * Counters in Redis: HINCRBY per field and the key's lifetime renewed, in one MULTI (one round
 * trip, all or nothing); a period is read with one pipeline of HGETALL.
 */
export function createRedisCountStore({
  redis,
  prefix,
}: {
  redis: Redis | Cluster;
  prefix: string;
}): CountStore {
  const k = statsKeys(prefix);
  const key = (b: Bucket) => (b.kind === 'day' ? k.day(b.date) : k.reports(b.month));
  return {
    async add(bucket, counts) {
      assertBucket(bucket);
      if (counts.size === 0) return;
      const tx = redis.multi();
      for (const [field, n] of counts) tx.hincrby(key(bucket), field, n);
      tx.expire(key(bucket), STATS_TTL_SECONDS);
      const results = await tx.exec();
      const failed = results?.find(([err]) => err);
      if (!results || failed) throw failed?.[0] ?? new Error('counter transaction discarded');
    },
    async read(list) {
      if (list.length === 0) return [];
      for (const b of list) assertBucket(b);
      const pipeline = redis.pipeline();
      for (const b of list) pipeline.hgetall(key(b));
      const results = (await pipeline.exec()) ?? [];
      return results.map(([err, value]) => {
        if (err) throw err;
        const hash = (value ?? {}) as Record<string, string>;
        return new Map(Object.entries(hash).map(([field, n]) => [field, Number(n)]));
      });
    },
  };
}
