import { randomBytes } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../engine/clock.ts';
import { STAFF_TTL, staffKeys } from '../store/ticket-keys.ts';
import { createRedisLoginLimits } from './redis-login-limits.ts';
import {
  type AuditEntry,
  newSessionVersion,
  type Session,
  type StaffAccount,
  type StaffStore,
} from './staff-store.ts';

/** Sets a hash field only if it still holds the value read. */
const REPLACE_FIELD = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
`;

type Scripted = (Redis | Cluster) & {
  faroReplaceField(key: string, field: string, expected: string, value: string): Promise<number>;
};

function defineScripts(client: Redis | Cluster): Scripted {
  const c = client as Scripted;
  if (typeof c.faroReplaceField === 'function') return c;
  client.defineCommand('faroReplaceField', { numberOfKeys: 1, lua: REPLACE_FIELD });
  return c;
}

/** Staff data in Redis: accounts in one hash, sessions and counters as expiring keys. */
export function createRedisStaffStore({
  redis,
  prefix,
  clock,
  auditRetentionMs,
  onAccountChanged,
}: {
  redis: Redis | Cluster;
  prefix: string;
  clock: Clock;
  auditRetentionMs: number;
  /**
   * Told after an account is written or removed, so that open live streams re-check their
   * session at once (the server publishes a live event; `npm run staff` publishes it on Redis).
   * A failure is ignored: the streams' next ping checks anyway.
   */
  onAccountChanged?: (username: string) => Promise<void>;
}): StaffStore {
  const changed = (username: string) => onAccountChanged?.(username).catch(() => undefined);
  const k = staffKeys(prefix);
  const r = defineScripts(redis);
  const logins = createRedisLoginLimits(redis, k.loginLimit);

  return {
    async getAccount(username) {
      const raw = await redis.hget(k.accounts, username);
      return raw ? (JSON.parse(raw) as StaffAccount) : null;
    },
    async putAccount(account) {
      const stored: StaffAccount = { ...account, sessionVersion: newSessionVersion() };
      await redis.hset(k.accounts, account.username, JSON.stringify(stored));
      await changed(account.username);
    },
    async removeAccount(username) {
      const removed = (await redis.hdel(k.accounts, username)) === 1;
      if (removed) await changed(username);
      return removed;
    },
    async endSessions(username) {
      // Compare-and-set, so that a password or role written meanwhile is not overwritten.
      for (let i = 0; i < 10; i++) {
        const raw = await redis.hget(k.accounts, username);
        if (!raw) return false;
        const next = { ...(JSON.parse(raw) as StaffAccount), sessionVersion: newSessionVersion() };
        if ((await r.faroReplaceField(k.accounts, username, raw, JSON.stringify(next))) === 1) {
          await changed(username);
          return true;
        }
      }
      throw new Error('account changed 10 times while ending its sessions');
    },
    async listAccounts() {
      const all = await redis.hvals(k.accounts);
      return all
        .map((raw) => JSON.parse(raw) as StaffAccount)
        .sort((a, b) => a.username.localeCompare(b.username));
    },
    async createSession(idHash, session, ttlMs) {
      await redis.set(k.session(idHash), JSON.stringify(session), 'PX', ttlMs);
    },
    async getSession(idHash) {
      const raw = await redis.get(k.session(idHash));
      return raw ? (JSON.parse(raw) as Session) : null;
    },
    async deleteSession(idHash) {
      await redis.del(k.session(idHash));
    },
    takeLoginAttempt: (keys, now, policy) => logins.take(keys, now, policy),
    loginSucceeded: (keys) => logins.succeeded(keys),
    async audit(entry) {
      const now = clock.now();
      // A random suffix keeps two identical entries in the same millisecond apart.
      const member = JSON.stringify({ ...entry, n: randomBytes(4).toString('hex') });
      await redis
        .multi()
        .zadd(k.audit, entry.at, member)
        .zremrangebyscore(k.audit, '-inf', now - auditRetentionMs)
        .zremrangebyrank(k.audit, 0, -(STAFF_TTL.auditMax + 1))
        .pexpire(k.audit, auditRetentionMs)
        .exec();
    },
    async listAudit(limit) {
      const oldest = clock.now() - auditRetentionMs;
      const raw = await redis.zrevrangebyscore(k.audit, '+inf', oldest, 'LIMIT', 0, limit);
      return raw.map((m) => {
        const { n: _n, ...entry } = JSON.parse(m) as AuditEntry & { n: string };
        return entry;
      });
    },
    async close() {},
  };
}
