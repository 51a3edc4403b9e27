import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { Config } from '../../config.ts';

function hostPorts(list: string) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((hp) => {
      const [host, port] = hp.split(':');
      return { host: host ?? '127.0.0.1', port: Number(port ?? 6379) };
    });
}

/**
 * A Redis client for Faro's own commands: fail fast while Redis is down (no offline queue,
 * one retry) so that a webhook answers with the outage message instead of hanging, and
 * reconnect by itself when Redis returns. BullMQ gets its own connections (`forBullmq`).
 */
export function createRedis(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>,
  { forBullmq = false } = {},
): Redis | Cluster {
  const common: RedisOptions = forBullmq
    ? { maxRetriesPerRequest: null, enableReadyCheck: true }
    : {
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        commandTimeout: 2_000,
        connectTimeout: 2_000,
        retryStrategy: (times) => Math.min(times * 200, 2_000),
      };
  const client = connect(config, common, forBullmq);
  // Connection errors surface as failed commands (webhook outage message, /readyz 503); without a
  // listener ioredis would also print each reconnect attempt to stderr.
  client.on('error', () => undefined);
  return client;
}

function connect(
  config: Pick<Config, 'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'>,
  common: RedisOptions,
  forBullmq: boolean,
): Redis | Cluster {
  if (config.REDIS_CLUSTER_NODES) {
    return new Cluster(hostPorts(config.REDIS_CLUSTER_NODES), {
      redisOptions: common,
      enableOfflineQueue: forBullmq,
      clusterRetryStrategy: (times) => Math.min(times * 200, 2_000),
    });
  }
  if (config.REDIS_SENTINELS) {
    return new Redis({
      ...common,
      sentinels: hostPorts(config.REDIS_SENTINELS),
      name: config.REDIS_SENTINEL_NAME,
    });
  }
  return new Redis(config.REDIS_URL ?? 'redis://127.0.0.1:6379', common);
}

export async function waitUntilReady(client: Redis | Cluster, timeoutMs = 10_000): Promise<void> {
  if (client.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('Redis did not become ready')), timeoutMs);
    client.once('ready', () => {
      clearTimeout(t);
      resolve();
    });
  });
}
