import type { Cluster, Redis } from 'ioredis';
import { type Config, ConfigError, loadConfig } from '../config.ts';
import { RedisUnreachableError } from '../redis-unreachable.ts';
import { createRedis, waitUntilReady } from '../store/redis/create-redis.ts';

/**
 * The configuration for a command: a setting that is missing or wrong is printed as the one-line
 * message it is (exit 1 follows), not a stack trace. Other errors are bugs and are thrown.
 */
export function loadCliConfig(): Config | null {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    process.stderr.write(`${err.message}\n`);
    return null;
  }
}

/**
 * Redis for a command, once it answers. When it does not within 10 s, one line names its host
 * and port (never the password in REDIS_URL) and null comes back (exit 1 follows). The caller
 * quits the connection it gets.
 */
export async function connectCliRedis(config: Config): Promise<Redis | Cluster | null> {
  const redis = createRedis(config);
  let lastError: string | null = null;
  redis.on('error', (err: Error & { code?: string }) => {
    lastError = err.code ?? err.name;
  });
  try {
    await waitUntilReady(redis, 10_000);
    return redis;
  } catch {
    process.stderr.write(`${new RedisUnreachableError(config, lastError, 10_000).message}\n`);
    await redis.quit().catch(() => undefined);
    return null;
  }
}
