import type { Config } from './config.ts';

type RedisSettings = Pick<
  Config,
  'REDIS_URL' | 'REDIS_CLUSTER_NODES' | 'REDIS_SENTINELS' | 'REDIS_SENTINEL_NAME'
>;

/** Where Faro looks for Redis, as host:port: never the user name or password of REDIS_URL. */
export function redisTarget(config: RedisSettings): string {
  if (config.REDIS_CLUSTER_NODES) return `the Redis Cluster nodes ${config.REDIS_CLUSTER_NODES}`;
  if (config.REDIS_SENTINELS)
    return `the Sentinels ${config.REDIS_SENTINELS} (master ${config.REDIS_SENTINEL_NAME ?? '?'})`;
  try {
    const url = new URL(config.REDIS_URL ?? 'redis://127.0.0.1:6379');
    return `${url.hostname}:${url.port || '6379'}`;
  } catch {
    return 'the address in REDIS_URL (not a valid URL)';
  }
}

/** Redis did not answer at start: main prints this message alone, with no stack trace. */
export class RedisUnreachableError extends Error {
  constructor(config: RedisSettings, lastError: string | null, waitedMs: number) {
    const variable = config.REDIS_CLUSTER_NODES
      ? 'REDIS_CLUSTER_NODES'
      : config.REDIS_SENTINELS
        ? 'REDIS_SENTINELS'
        : 'REDIS_URL';
    super(
      `Cannot reach Redis at ${redisTarget(config)}${lastError ? ` (${lastError})` : ''} ` +
        `within ${Math.round(waitedMs / 1000)} s. Is it running, and is ${variable} right?`,
    );
    this.name = 'RedisUnreachableError';
  }
}
