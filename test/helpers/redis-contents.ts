import type { Cluster, Redis } from 'ioredis';
import { scanAll, testRedis } from './test-redis.ts';

/**
 * Every key under a prefix and its value as text, read by type: what someone who copied the
 * Redis data would see.
 */
export async function redisContents(prefix: string): Promise<Array<{ key: string; value: string }>> {
  const redis = testRedis();
  const out: Array<{ key: string; value: string }> = [];
  try {
    for (const key of await scanAll(redis, `*${prefix}*`))
      out.push({ key, value: await readValue(redis, key) });
  } finally {
    await redis.quit();
  }
  return out;
}

async function readValue(redis: Redis | Cluster, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case 'string':
      return (await redis.get(key)) ?? '';
    case 'hash':
      return JSON.stringify(await redis.hgetall(key));
    case 'list':
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case 'set':
      return JSON.stringify(await redis.smembers(key));
    case 'zset':
      return JSON.stringify(await redis.zrange(key, 0, -1, 'WITHSCORES'));
    case 'stream':
      return JSON.stringify(await redis.xrange(key, '-', '+'));
    default:
      return '';
  }
}
