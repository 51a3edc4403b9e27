import { randomUUID } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Clock } from '../../engine/clock.ts';
import type { Sealer } from '../../privacy/seal.ts';
import { conversationKeys, globalKeys, TTL, TWILIO_SIDS_GRACE_SECONDS } from '../keys.ts';
import type { ConversationStore } from '../store.ts';
import {
  ACCEPT_INBOUND,
  BEGIN_PROCESSING,
  BEGIN_SEND,
  CLAIM_ID,
  COMMIT_STEP,
  FINISH_PROCESSING,
  FINISH_SEND,
  RECORD_INBOUND,
  RELEASE_LOCK,
  SAVE_RECORD,
  UPDATE_MESSAGE,
} from './scripts.ts';
import { createStoreCodec } from './store-codec.ts';
import { pushWorkHint } from './work-hint.ts';

type Client = Redis | Cluster;

const KEEP_TWILIO_SIDS = `if redis.call('exists', KEYS[1]) == 0 then return 0 end
redis.call('sadd', KEYS[2], unpack(ARGV, 2))
redis.call('expire', KEYS[2], ARGV[1])
return 1`;
type Scripted = Client & {
  faroRecordInbound(
    ids: string,
    inbox: string,
    id: string | Buffer,
    now: number,
    forgetAt: number,
    ttl: number,
    json: string,
  ): Promise<number>;
  faroAccept(...args: Array<string | number | Buffer>): Promise<[0 | 1 | 2, number]>;
  faroAcceptNoPending(...args: Array<string | number | Buffer>): Promise<[0 | 1 | 2, number]>;
  faroClaimId(ids: string, sid: string | Buffer, now: number, forgetAt: number, ttl: number): Promise<number>;
  faroCommit(...args: Array<string | number>): Promise<number | [1, string | null, string[]]>;
  faroBeginProcessing(
    lock: string,
    inbox: string,
    record: string,
    token: string,
    ttlMs: number,
  ): Promise<[0] | [1, string | null, string | null]>;
  faroFinishProcessing(...args: Array<string | number>): Promise<number>;
  faroFinishProcessingPending(...args: Array<string | number>): Promise<number>;
  faroSaveRecord(key: string, expected: number, json: string, ttlMs: number): Promise<number>;
  faroUpdateMessage(
    key: string,
    id: string,
    patch: string,
    rank: string,
    now: number,
  ): Promise<string | null>;
  faroReleaseLock(key: string, token: string): Promise<number>;
  faroBeginSend(
    lease: string,
    record: string,
    msgs: string,
    messageId: string,
    leaseMs: number,
    now: number,
  ): Promise<[0] | [1, string | null, string | null]>;
  faroFinishSend(...args: Array<string | number | Buffer>): Promise<number>;
};

function defineScripts(client: Client): Scripted {
  const c = client as Scripted;
  if (typeof c.faroCommit === 'function') return c;
  client.defineCommand('faroRecordInbound', { numberOfKeys: 2, lua: RECORD_INBOUND });
  client.defineCommand('faroAccept', { numberOfKeys: 5, lua: ACCEPT_INBOUND });
  client.defineCommand('faroAcceptNoPending', { numberOfKeys: 3, lua: ACCEPT_INBOUND });
  client.defineCommand('faroClaimId', { numberOfKeys: 1, lua: CLAIM_ID });
  client.defineCommand('faroCommit', { numberOfKeys: 5, lua: COMMIT_STEP });
  client.defineCommand('faroBeginProcessing', { numberOfKeys: 3, lua: BEGIN_PROCESSING });
  client.defineCommand('faroFinishProcessing', { numberOfKeys: 3, lua: FINISH_PROCESSING });
  client.defineCommand('faroFinishProcessingPending', { numberOfKeys: 4, lua: FINISH_PROCESSING });
  client.defineCommand('faroSaveRecord', { numberOfKeys: 1, lua: SAVE_RECORD });
  client.defineCommand('faroUpdateMessage', { numberOfKeys: 1, lua: UPDATE_MESSAGE });
  client.defineCommand('faroReleaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK });
  client.defineCommand('faroBeginSend', { numberOfKeys: 3, lua: BEGIN_SEND });
  client.defineCommand('faroFinishSend', { numberOfKeys: 3, lua: FINISH_SEND });
  return c;
}

/** The production store: every conversation's keys share a hash tag; each step is one Lua call. */
export function createRedisStore({
  redis,
  prefix,
  clock,
  sealer,
  logger,
}: {
  redis: Client;
  prefix: string;
  clock: Clock;
  /** Seals what people and staff wrote: inbox, message bodies, transcript texts, the record. */
  sealer: Pick<Sealer, 'seal' | 'open'>;
  logger?: Pick<Logger, 'warn'>;
}): ConversationStore {
  const r = defineScripts(redis);
  const codec = createStoreCodec(sealer, logger);
  const { encodeRecord, decodeRecord, encodeEntry, decodeEntry, encodeInbound, decodeInbound } = codec;
  const { encodeMessage, decodeMessage } = codec;
  const keys = (id: string) => conversationKeys(prefix, id);
  const g = globalKeys(prefix);

  return {
    async recordInbound(id, inbound) {
      const k = keys(id);
      const now = seconds(clock.now());
      const ok = await r.faroRecordInbound(
        k.ids,
        k.inbox,
        compactId(inbound.id),
        now,
        now + TTL.dedupeSeconds,
        TTL.dedupeSeconds,
        encodeInbound(inbound),
      );
      return ok === 1 ? 'recorded' : 'duplicate';
    },
    async acceptInbound(id, inbound, { minute, floodMax, at, notify = false }) {
      const k = keys(id);
      const now = seconds(clock.now());
      const args = [
        String(minute),
        floodMax,
        compactId(inbound.id),
        now,
        now + TTL.dedupeSeconds,
        TTL.dedupeSeconds,
        encodeInbound(inbound),
        at,
        id,
        notify === 'urgent' ? 2 : notify ? 1 : 0,
        TTL.workHintsMax,
      ];
      // On a Cluster the pending set and the work list live in other hash slots: more round trips.
      const [code, count] = redis.isCluster
        ? await r.faroAcceptNoPending(k.flood, k.ids, k.inbox, ...args)
        : await r.faroAccept(k.flood, k.ids, k.inbox, g.pending, g.work, ...args);
      if (redis.isCluster) {
        await r.zadd(g.pending, at, id);
        if (notify) await pushWorkHint(redis, g.work, id, { front: notify === 'urgent' });
      }
      return { result: code === 2 ? 'flooded' : code === 1 ? 'recorded' : 'duplicate', count };
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
      const raw = await r.get(keys(id).record);
      return raw === null ? null : decodeRecord(id, raw);
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
        encodeRecord(step.record),
        step.ttlSeconds * 1000,
        TTL.transcriptMax,
        step.outbound.length,
      ];
      for (const m of step.outbound) args.push(m.id, encodeMessage(m));
      args.push(step.transcript.length, ...step.transcript.map(encodeEntry));
      const result = await r.faroCommit(...args);
      if (!Array.isArray(result)) return { result: 'conflict' };
      const [, next, outq] = result;
      return { result: 'committed', next: next ? decodeInbound(next) : null, outq };
    },
    async beginProcessing(id, ttlMs) {
      const k = keys(id);
      const token = randomUUID();
      const res = await r.faroBeginProcessing(k.lock, k.inbox, k.record, token, ttlMs);
      if (res[0] !== 1) return null;
      const [, head, record] = res;
      return {
        token,
        head: head ? decodeInbound(head) : null,
        record: record ? decodeRecord(id, record) : null,
      };
    },
    async finishProcessing(id, token, handedOver) {
      const k = keys(id);
      if (!redis.isCluster) {
        const left = await r.faroFinishProcessingPending(
          k.lock,
          k.inbox,
          k.outq,
          g.pending,
          token,
          id,
          clock.now(),
          ...handedOver,
        );
        return left === 0;
      }
      // Cluster: the pending set is in another slot. Out of it first: a message recorded from
      // here on is counted below, or puts the conversation back itself.
      await r.zrem(g.pending, id);
      let left = 1;
      try {
        left = await r.faroFinishProcessing(k.lock, k.inbox, k.outq, token, id, clock.now(), ...handedOver);
      } finally {
        if (left > 0) await r.zadd(g.pending, clock.now(), id);
      }
      return left === 0;
    },
    async saveRecord(record, expectedVersion, ttlSeconds) {
      return (
        (await r.faroSaveRecord(
          keys(record.id).record,
          expectedVersion,
          encodeRecord(record),
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
      tx.hset(k.messages, message.id, encodeMessage(message));
      tx.rpush(k.outq, message.id);
      if (entry) tx.rpush(k.transcript, encodeEntry(entry)).ltrim(k.transcript, -TTL.transcriptMax, -1);
      for (const key of [k.messages, k.outq, k.transcript]) tx.expire(key, ttlSeconds, 'GT');
      tx.expire(k.messages, ttlSeconds, 'NX')
        .expire(k.outq, ttlSeconds, 'NX')
        .expire(k.transcript, ttlSeconds, 'NX');
      await tx.exec();
    },
    async getMessage(id, messageId) {
      const raw = await r.hget(keys(id).messages, messageId);
      return raw ? decodeMessage(id, raw) : null;
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
      return raw ? decodeMessage(id, raw) : null;
    },
    async forgetMessage(id, messageId) {
      await r.hdel(keys(id).messages, messageId);
    },
    async releaseSendLease(id, token) {
      await r.faroReleaseLock(keys(id).sending, token);
    },
    async claimSid(id, sid) {
      const now = seconds(clock.now());
      const ttl = TTL.claimedSidSeconds;
      return (await r.faroClaimId(keys(id).ids, compactId(sid), now, now + ttl, ttl)) === 1;
    },
    async beginSend(id, messageId, leaseMs, now) {
      const k = keys(id);
      const res = await r.faroBeginSend(k.sending, k.record, k.messages, messageId, leaseMs, now);
      if (res[0] !== 1) return null;
      const [, record, message] = res;
      return {
        record: record ? decodeRecord(id, record) : null,
        message: message ? decodeMessage(id, message) : null,
      };
    },
    async finishSend(id, messageId, sid, patch, { forget, statusRank }) {
      const k = keys(id);
      const now = clock.now();
      const ttl = TTL.claimedSidSeconds;
      await r.faroFinishSend(
        k.ids,
        k.messages,
        k.sending,
        messageId,
        compactId(sid),
        seconds(now),
        seconds(now) + ttl,
        ttl,
        JSON.stringify(patch),
        JSON.stringify(statusRank),
        now,
        forget ? 1 : 0,
      );
    },
    async transcript(id) {
      const raw = await r.lrange(keys(id).transcript, 0, -1);
      return raw.map(decodeEntry);
    },
    async appendTranscript(id, entries, ttlSeconds) {
      if (entries.length === 0) return;
      const k = keys(id);
      await r
        .multi()
        .rpush(k.transcript, ...entries.map(encodeEntry))
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
    async scheduleExpiry(id, at) {
      await r.zadd(g.expiry, at, id);
    },
    async listExpired(now, limit) {
      return r.zrangebyscore(g.expiry, '-inf', now, 'LIMIT', 0, limit);
    },
    async keepTwilioSids(id, sids, ttlSeconds) {
      if (sids.length === 0) return;
      const k = keys(id);
      // Only while the conversation exists: a send finishing after an erase leaves nothing behind.
      await r.eval(
        KEEP_TWILIO_SIDS,
        2,
        k.record,
        k.twilioSids,
        ttlSeconds + TWILIO_SIDS_GRACE_SECONDS,
        ...sids,
      );
    },
    async erase(id) {
      const k = keys(id);
      const [messageIds, twilioSids] = await Promise.all([r.hkeys(k.messages), r.smembers(k.twilioSids)]);
      await r.del(
        k.record,
        k.inbox,
        k.outq,
        k.messages,
        k.transcript,
        k.lock,
        k.flood,
        k.sending,
        k.ids,
        k.twilioSids,
      );
      await r.zrem(g.pending, id);
      await r.zrem(g.expiry, id);
      return { messageIds, twilioSids };
    },
    async ping() {
      await r.ping();
    },
    async close() {
      await r.quit().catch(() => undefined);
    },
  };
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * A Twilio id (`SM` + 32 hex digits) as 18 bytes instead of 34: each conversation keeps a few
 * dozen for 48 hours. Other ids (internal events) are kept as they are.
 */
export function compactId(id: string): string | Buffer {
  return /^[A-Z]{2}[0-9a-f]{32}$/.test(id)
    ? Buffer.concat([Buffer.from(id.slice(0, 2)), Buffer.from(id.slice(2), 'hex')])
    : id;
}
