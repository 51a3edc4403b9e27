import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Clock } from '../../engine/clock.ts';
import { conversationKeys, globalKeys, TTL } from '../keys.ts';
import type {
  ConversationRecord,
  ConversationStore,
  OutboundMessage,
  StoredInbound,
  TranscriptEntry,
} from '../store.ts';
import {
  ACQUIRE_LEASE,
  CLAIM_ID,
  COMMIT_STEP,
  RECORD_INBOUND,
  RELEASE_LOCK,
  SAVE_RECORD,
  UPDATE_MESSAGE,
} from './scripts.ts';

type Client = Redis | Cluster;
type Scripted = Client & {
  faroRecordInbound(
    ids: string,
    inbox: string,
    id: string,
    now: number,
    forgetAt: number,
    ttl: number,
    json: string,
  ): Promise<number>;
  faroClaimId(ids: string, sid: string, now: number, forgetAt: number, ttl: number): Promise<number>;
  faroCommit(...args: Array<string | number>): Promise<number>;
  faroSaveRecord(key: string, expected: number, json: string, ttlMs: number): Promise<number>;
  faroUpdateMessage(
    key: string,
    id: string,
    patch: string,
    rank: string,
    now: number,
  ): Promise<string | null>;
  faroReleaseLock(key: string, token: string): Promise<number>;
  faroAcquireLease(key: string, token: string, ttlMs: number): Promise<number>;
};

function defineScripts(client: Client): Scripted {
  const c = client as Scripted;
  if (typeof c.faroCommit === 'function') return c;
  client.defineCommand('faroRecordInbound', { numberOfKeys: 2, lua: RECORD_INBOUND });
  client.defineCommand('faroClaimId', { numberOfKeys: 1, lua: CLAIM_ID });
  client.defineCommand('faroCommit', { numberOfKeys: 5, lua: COMMIT_STEP });
  client.defineCommand('faroSaveRecord', { numberOfKeys: 1, lua: SAVE_RECORD });
  client.defineCommand('faroUpdateMessage', { numberOfKeys: 1, lua: UPDATE_MESSAGE });
  client.defineCommand('faroReleaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
  client.defineCommand('faroAcquireLease', { numberOfKeys: 1, lua: ACQUIRE_LEASE });
  return c;
}

/** The production store: every conversation's keys share a hash tag; each step is one Lua call. */
export function createRedisStore({
  redis,
  prefix,
  clock,
}: {
  redis: Client;
  prefix: string;
  clock: Clock;
}): ConversationStore {
  const r = defineScripts(redis);
  const keys = (id: string) => conversationKeys(prefix, id);
  const g = globalKeys(prefix);

  return {
    async recordInbound(id, inbound) {
      const k = keys(id);
      const now = clock.now();
      const ok = await r.faroRecordInbound(
        k.ids,
        k.inbox,
        inbound.id,
        now,
        now + TTL.dedupeSeconds * 1000,
        TTL.dedupeSeconds,
        JSON.stringify(inbound),
      );
      return ok === 1 ? 'recorded' : 'duplicate';
    },
    async peekInbox(id) {
      const raw = await r.lindex(keys(id).inbox, 0);
      return raw ? (JSON.parse(raw) as StoredInbound) : null;
    },
    async inboxLength(id) {
      return r.llen(keys(id).inbox);
    },
    async acquireLock(id, ttlMs) {
      const token = randomUUID();
      const ok = await r.set(keys(id).lock, token, 'PX', ttlMs, 'NX');
      return ok === 'OK' ? token : null;
    },
    async releaseLock(id, token) {
      await r.faroReleaseLock(keys(id).lock, token);
    },
    async load(id) {
      const [v, json] = await r.hmget(keys(id).record, 'v', 'json');
      if (!json) return null;
      return { ...(JSON.parse(json) as ConversationRecord), version: Number(v) };
    },
    async commit(step) {
      const k = keys(step.conversationId);
      const args: Array<string | number> = [
        k.record,
        k.inbox,
        k.outq,
        k.messages,
        k.transcript,
        step.expectedVersion,
        step.processedInboxId,
        JSON.stringify(step.record),
        step.ttlSeconds * 1000,
        TTL.transcriptMax,
        step.outbound.length,
      ];
      for (const m of step.outbound) args.push(m.id, JSON.stringify(m));
      args.push(step.transcript.length, ...step.transcript.map((t) => JSON.stringify(t)));
      const result = await r.faroCommit(...args);
      return result === 1 ? 'committed' : 'conflict';
    },
    async saveRecord(record, expectedVersion, ttlSeconds) {
      return (
        (await r.faroSaveRecord(
          keys(record.id).record,
          expectedVersion,
          JSON.stringify(record),
          ttlSeconds * 1000,
        )) === 1
      );
    },
    async pendingOutbound(id) {
      return r.lrange(keys(id).outq, 0, -1);
    },
    async ackOutbound(id, ids) {
      if (ids.length === 0) return;
      const pipe = r.pipeline();
      for (const m of ids) pipe.lrem(keys(id).outq, 1, m);
      await pipe.exec();
    },
    async addOutbound(message, entry, ttlSeconds) {
      const k = keys(message.conversationId);
      const tx = r.multi();
      tx.hset(k.messages, message.id, JSON.stringify(message));
      tx.rpush(k.outq, message.id);
      if (entry) tx.rpush(k.transcript, JSON.stringify(entry)).ltrim(k.transcript, -TTL.transcriptMax, -1);
      for (const key of [k.messages, k.outq, k.transcript]) tx.expire(key, ttlSeconds, 'GT');
      tx.expire(k.messages, ttlSeconds, 'NX')
        .expire(k.outq, ttlSeconds, 'NX')
        .expire(k.transcript, ttlSeconds, 'NX');
      await tx.exec();
    },
    async getMessage(id, messageId) {
      const raw = await r.hget(keys(id).messages, messageId);
      return raw ? (JSON.parse(raw) as OutboundMessage) : null;
    },
    async updateMessage(id, messageId, patch, statusRank) {
      const rank = statusRank ?? (patch.status ? { [patch.status]: Number.MAX_SAFE_INTEGER } : {});
      const raw = await r.faroUpdateMessage(
        keys(id).messages,
        messageId,
        JSON.stringify(patch),
        JSON.stringify(rank),
        clock.now(),
      );
      return raw ? (JSON.parse(raw) as OutboundMessage) : null;
    },
    async forgetMessage(id, messageId) {
      await r.hdel(keys(id).messages, messageId);
    },
    async acquireSendLease(id, token, ttlMs) {
      return (await r.faroAcquireLease(keys(id).sending, token, ttlMs)) === 1;
    },
    async releaseSendLease(id, token) {
      await r.faroReleaseLock(keys(id).sending, token);
    },
    async claimSid(id, sid) {
      const now = clock.now();
      const ttl = TTL.claimedSidSeconds;
      return (await r.faroClaimId(keys(id).ids, sid, now, now + ttl * 1000, ttl)) === 1;
    },
    async transcript(id) {
      const raw = await r.lrange(keys(id).transcript, 0, -1);
      return raw.map((t) => JSON.parse(t) as TranscriptEntry);
    },
    async appendTranscript(id, entries, ttlSeconds) {
      if (entries.length === 0) return;
      const k = keys(id);
      await r
        .multi()
        .rpush(k.transcript, ...entries.map((e) => JSON.stringify(e)))
        .ltrim(k.transcript, -TTL.transcriptMax, -1)
        .expire(k.transcript, ttlSeconds)
        .exec();
    },
    async markPending(id, at) {
      await r.zadd(g.pending, at, id);
    },
    async listPending(olderThan, limit) {
      return r.zrangebyscore(g.pending, '-inf', olderThan, 'LIMIT', 0, limit);
    },
    async clearPendingIfIdle(id) {
      await r.zrem(g.pending, id);
      const k = keys(id);
      const [inbox, outq] = await Promise.all([r.llen(k.inbox), r.llen(k.outq)]);
      if (inbox + outq > 0) {
        await r.zadd(g.pending, clock.now(), id);
        return false;
      }
      return true;
    },
    async countRecent(id, minute) {
      const key = keys(id).flood;
      const [[, n]] = (await r.multi().hincrby(key, String(minute), 1).expire(key, 120).exec()) as [
        [null, number],
        [null, number],
      ];
      return n;
    },
    async scheduleExpiry(id, at) {
      await r.zadd(g.expiry, at, id);
    },
    async listExpired(now, limit) {
      return r.zrangebyscore(g.expiry, '-inf', now, 'LIMIT', 0, limit);
    },
    async erase(id) {
      const k = keys(id);
      const messageIds = await r.hkeys(k.messages);
      await r.del(k.record, k.inbox, k.outq, k.messages, k.transcript, k.lock, k.flood, k.sending, k.ids);
      await r.zrem(g.pending, id);
      await r.zrem(g.expiry, id);
      return { messageIds };
    },
    async ping() {
      await r.ping();
    },
    async close() {
      await r.quit().catch(() => undefined);
    },
  };
}
