import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../engine/clock.ts';

/**
 * The few storage operations casework needs, each on one key (so they run on Redis Cluster
 * without hash tags). Two implementations, memory and Redis, pass one contract suite
 * (test/casework/case-store-contract.ts) through the case store built on them.
 */
export interface CaseKv {
  get(key: string): Promise<string | null>;
  /** `ttlMs` null: no expiry. */
  set(key: string, value: string, ttlMs: number | null): Promise<void>;
  del(key: string): Promise<void>;
  /** Deletes the key only while it still holds `value`; true when deleted. */
  delIfEquals(key: string, value: string): Promise<boolean>;
  /** Counts one more in a window that starts at the first count and lasts `windowMs`. */
  incrWindow(key: string, windowMs: number): Promise<number>;
  hset(key: string, field: string, value: string): Promise<void>;
  hget(key: string, field: string): Promise<string | null>;
  hgetall(key: string): Promise<Record<string, string>>;
  hdel(key: string, field: string): Promise<void>;
  zadd(key: string, score: number, member: string): Promise<void>;
  /** Members by score, highest first. */
  zrevrange(key: string, limit: number): Promise<string[]>;
  zrem(key: string, member: string): Promise<void>;
}

/** One Lua step, so that a value written meanwhile is never deleted. */
const DEL_IF_EQUALS = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;
const INCR_WINDOW = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n
`;

type Scripted = (Redis | Cluster) & {
  faroDelIfEquals(key: string, value: string): Promise<number>;
  faroIncrWindow(key: string, ms: number): Promise<number>;
};

export function createRedisCaseKv(redis: Redis | Cluster): CaseKv {
  const r = redis as Scripted;
  if (typeof r.faroDelIfEquals !== 'function') {
    redis.defineCommand('faroDelIfEquals', { numberOfKeys: 1, lua: DEL_IF_EQUALS });
    redis.defineCommand('faroIncrWindow', { numberOfKeys: 1, lua: INCR_WINDOW });
  }
  return {
    get: (key) => r.get(key),
    async set(key, value, ttlMs) {
      if (ttlMs === null) await r.set(key, value);
      else await r.set(key, value, 'PX', Math.max(1, Math.round(ttlMs)));
    },
    async del(key) {
      await r.del(key);
    },
    async delIfEquals(key, value) {
      return (await r.faroDelIfEquals(key, value)) === 1;
    },
    incrWindow: (key, windowMs) => r.faroIncrWindow(key, windowMs),
    async hset(key, field, value) {
      await r.hset(key, field, value);
    },
    hget: (key, field) => r.hget(key, field),
    hgetall: (key) => r.hgetall(key),
    async hdel(key, field) {
      await r.hdel(key, field);
    },
    async zadd(key, score, member) {
      await r.zadd(key, score, member);
    },
    zrevrange: (key, limit) => r.zrevrange(key, 0, limit - 1),
    async zrem(key, member) {
      await r.zrem(key, member);
    },
  };
}

/** Embedded mode: the same behaviour in this process, expiry on the injected clock. */
export function createMemoryCaseKv(clock: Clock): CaseKv & { keys(): string[] } {
  const strings = new Map<string, { value: string; expiresAt: number | null }>();
  const hashes = new Map<string, Map<string, string>>();
  const zsets = new Map<string, Map<string, number>>();
  const live = (key: string) => {
    const hit = strings.get(key);
    if (hit && hit.expiresAt !== null && hit.expiresAt <= clock.now()) strings.delete(key);
    return strings.get(key) ?? null;
  };
  const hash = (key: string) => hashes.get(key) ?? hashes.set(key, new Map()).get(key)!;
  const zset = (key: string) => zsets.get(key) ?? zsets.set(key, new Map()).get(key)!;
  return {
    async get(key) {
      return live(key)?.value ?? null;
    },
    async set(key, value, ttlMs) {
      strings.set(key, { value, expiresAt: ttlMs === null ? null : clock.now() + ttlMs });
    },
    async del(key) {
      strings.delete(key);
      hashes.delete(key);
      zsets.delete(key);
    },
    async delIfEquals(key, value) {
      if (live(key)?.value !== value) return false;
      strings.delete(key);
      return true;
    },
    async incrWindow(key, windowMs) {
      const hit = live(key);
      const n = hit ? Number(hit.value) + 1 : 1;
      strings.set(key, { value: String(n), expiresAt: hit ? hit.expiresAt : clock.now() + windowMs });
      return n;
    },
    async hset(key, field, value) {
      hash(key).set(field, value);
    },
    async hget(key, field) {
      return hashes.get(key)?.get(field) ?? null;
    },
    async hgetall(key) {
      return Object.fromEntries(hashes.get(key) ?? []);
    },
    async hdel(key, field) {
      hashes.get(key)?.delete(field);
    },
    async zadd(key, score, member) {
      zset(key).set(member, score);
    },
    async zrevrange(key, limit) {
      return [...(zsets.get(key) ?? [])]
        .sort((a, b) => b[1] - a[1] || b[0].localeCompare(a[0]))
        .slice(0, limit)
        .map(([m]) => m);
    },
    async zrem(key, member) {
      zsets.get(key)?.delete(member);
    },
    keys: () => [...strings.keys()].filter((k) => live(k)).concat([...hashes.keys()], [...zsets.keys()]),
  };
}
