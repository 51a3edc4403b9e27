import { once } from 'node:events';
import { Cluster, Redis } from 'ioredis';

/**
 * Which Redis the integration tests use. Normally REDIS_URL (or 127.0.0.1:6379); the cluster
 * script (`npm run test:cluster`) sets FARO_TEST_REDIS_CLUSTER or FARO_TEST_REDIS_SENTINELS to run
 * the same tests against a Redis Cluster or through Sentinel.
 */
export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLUSTER = process.env.FARO_TEST_REDIS_CLUSTER;
const SENTINELS = process.env.FARO_TEST_REDIS_SENTINELS;
const SENTINEL_NAME = process.env.FARO_TEST_REDIS_SENTINEL_NAME ?? 'faro';

const hostPorts = (list: string) =>
  list.split(',').map((hp) => {
    const [host, port] = hp.trim().split(':');
    return { host: host!, port: Number(port) };
  });

/** The environment a Faro app needs to reach the test Redis, whatever its shape. */
export function redisEnv(): Record<string, string> {
  if (CLUSTER) return { REDIS_CLUSTER_NODES: CLUSTER };
  if (SENTINELS) return { REDIS_SENTINELS: SENTINELS, REDIS_SENTINEL_NAME: SENTINEL_NAME };
  return { REDIS_URL };
}

export function testRedis(): Redis | Cluster {
  if (CLUSTER) return new Cluster(hostPorts(CLUSTER));
  if (SENTINELS) return new Redis({ sentinels: hostPorts(SENTINELS), name: SENTINEL_NAME });
  return new Redis(REDIS_URL);
}

/** Every key matching a pattern, on every master node. */
export async function scanAll(redis: Redis | Cluster, pattern: string): Promise<string[]> {
  // A Cluster client knows its nodes only once it is ready.
  if (redis instanceof Cluster && redis.status !== 'ready') await once(redis, 'ready');
  const nodes = redis instanceof Cluster ? redis.nodes('master') : [redis];
  const keys: string[] = [];
  for (const node of nodes) {
    let cursor = '0';
    do {
      const [next, batch] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
      cursor = next;
      keys.push(...batch);
    } while (cursor !== '0');
  }
  return keys;
}
