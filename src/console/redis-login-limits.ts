import type { Cluster, Redis } from 'ioredis';
import type { LoginAttempt, LoginAttemptKeys, LoginPolicy } from './login-limit.ts';

/**
 * One login attempt, taken atomically before the password is checked, so that logins sent in
 * parallel each see the ones before them (the check itself takes ~30 ms of argon2).
 * KEYS: pair hash {f: failures, until: lock end, told}, address hash {n, since, told}.
 * ARGV: now, window, free failures, first lock, longest lock, attempts per address.
 * Returns {allowed 0|1, retry after ms, first refusal 0|1}. Times are the app clock's ms.
 */
const TAKE = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '0')
if untilMs > now then
  return {0, untilMs - now, redis.call('HSETNX', KEYS[1], 'told', '1')}
end
local since = tonumber(redis.call('HGET', KEYS[2], 'since') or '-1')
if since < 0 or now - since >= window then
  since = now
  redis.call('DEL', KEYS[2])
  redis.call('HSET', KEYS[2], 'since', ARGV[1], 'n', 0)
  redis.call('PEXPIRE', KEYS[2], window)
end
if tonumber(redis.call('HGET', KEYS[2], 'n')) >= tonumber(ARGV[6]) then
  return {0, since + window - now, redis.call('HSETNX', KEYS[2], 'told', '1')}
end
redis.call('HINCRBY', KEYS[2], 'n', 1)
local f = redis.call('HINCRBY', KEYS[1], 'f', 1)
local lock = 0
local free = tonumber(ARGV[3])
if f >= free then
  lock = math.floor(math.min(tonumber(ARGV[4]) * 2 ^ (f - free), tonumber(ARGV[5])))
  redis.call('HSET', KEYS[1], 'until', string.format('%d', now + lock))
  redis.call('HDEL', KEYS[1], 'told')
end
redis.call('PEXPIRE', KEYS[1], lock + window)
return {1, 0, 0}
`;

/** A right password: the pair starts over, and the address gets its attempt back. */
const SUCCEEDED = `
redis.call('DEL', KEYS[1])
if tonumber(redis.call('HGET', KEYS[2], 'n') or '0') > 0 then redis.call('HINCRBY', KEYS[2], 'n', -1) end
return 1
`;

type Scripted = (Redis | Cluster) & {
  faroLoginTake(...args: Array<string | number>): Promise<[number, number, number]>;
  faroLoginSucceeded(pair: string, address: string): Promise<number>;
};

function defineScripts(client: Redis | Cluster): Scripted {
  const c = client as Scripted;
  if (typeof c.faroLoginTake === 'function') return c;
  client.defineCommand('faroLoginTake', { numberOfKeys: 2, lua: TAKE });
  client.defineCommand('faroLoginSucceeded', { numberOfKeys: 2, lua: SUCCEEDED });
  return c;
}

export function createRedisLoginLimits(redis: Redis | Cluster, key: (name: string) => string) {
  const r = defineScripts(redis);
  return {
    async take(keys: LoginAttemptKeys, now: number, p: LoginPolicy): Promise<LoginAttempt> {
      const [allowed, retryAfterMs, first] = await r.faroLoginTake(
        key(keys.pair),
        key(keys.address),
        now,
        p.loginWindowMs,
        p.loginFreeFailures,
        p.loginFirstLockMs,
        p.loginMaxLockMs,
        p.maxLoginsPerAddress,
      );
      return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterMs, firstRefusal: first === 1 };
    },
    async succeeded(keys: LoginAttemptKeys): Promise<void> {
      await r.faroLoginSucceeded(key(keys.pair), key(keys.address));
    },
  };
}
