import { randomUUID } from 'node:crypto';
import type { Clock } from '../../engine/clock.ts';
import { TTL, TWILIO_SIDS_GRACE_SECONDS } from '../keys.ts';
import type {
  CommitStep,
  ConversationRecord,
  ConversationStore,
  OutboundMessage,
  StoredInbound,
  TranscriptEntry,
} from '../store.ts';

interface ConversationData {
  record: ConversationRecord | null;
  inbox: StoredInbound[];
  /** Twilio ids met (inbound for dedupe, outbound claimed) → when each may be forgotten. */
  ids: Map<string, number>;
  lock: { token: string; until: number } | null;
  sending: { token: string; until: number } | null;
  outq: string[];
  messages: Map<string, OutboundMessage>;
  transcript: TranscriptEntry[];
  flood: Map<number, number>;
  expiresAt: number;
}

/**
 * The embedded store: everything in this process, lost on restart. It keeps the same
 * contract as the Redis store (test/store/contract.ts runs against both), including expiry.
 */
export function createMemoryStore({ clock }: { clock: Clock }): ConversationStore {
  const conversations = new Map<string, ConversationData>();
  const pending = new Map<string, number>();
  const expiry = new Map<string, number>();
  /** Outlive the conversation's data (see keys.ts), so that retention still finds them. */
  const twilioSids = new Map<string, { sids: Set<string>; until: number }>();
  const clone = <T>(v: T): T => structuredClone(v);

  function get(id: string): ConversationData | undefined {
    const data = conversations.get(id);
    if (data && data.expiresAt <= clock.now()) {
      conversations.delete(id);
      return undefined;
    }
    return data;
  }
  function getOrCreate(id: string): ConversationData {
    let data = get(id);
    if (!data) {
      data = {
        record: null,
        inbox: [],
        ids: new Map(),
        lock: null,
        sending: null,
        outq: [],
        messages: new Map(),
        transcript: [],
        flood: new Map(),
        expiresAt: clock.now() + TTL.dedupeSeconds * 1000,
      };
      conversations.set(id, data);
    }
    return data;
  }
  /** False if the id was already met and not yet forgotten; else remembers it for `seconds`. */
  const meet = (data: ConversationData, id: string, seconds: number) => {
    const now = clock.now();
    for (const [known, until] of data.ids) if (until <= now) data.ids.delete(known);
    if (data.ids.has(id)) return false;
    data.ids.set(id, now + seconds * 1000);
    return true;
  };
  const touch = (data: ConversationData, ttlSeconds: number) => {
    data.expiresAt = Math.max(data.expiresAt, clock.now() + ttlSeconds * 1000);
  };
  /** The send lease: taken when free, expired, or already this message's. */
  const takeSendLease = (data: ConversationData, token: string, ttlMs: number) => {
    const held = data.sending && data.sending.until > clock.now() ? data.sending.token : null;
    if (held !== null && held !== token) return false;
    data.sending = { token, until: clock.now() + ttlMs };
    return true;
  };
  /** Out of the pending set unless the inbox or the outbound queue still holds work. */
  const clearPendingIfIdle = (id: string) => {
    pending.delete(id);
    const data = get(id);
    if (data && (data.inbox.length > 0 || data.outq.length > 0)) {
      pending.set(id, clock.now());
      return false;
    }
    return true;
  };

  return {
    async recordInbound(id, inbound) {
      const data = getOrCreate(id);
      if (!meet(data, inbound.id, TTL.dedupeSeconds)) return 'duplicate';
      data.inbox.push(clone(inbound));
      touch(data, TTL.dedupeSeconds);
      return 'recorded';
    },
    async acceptInbound(id, inbound, { minute, floodMax, at }) {
      const data = getOrCreate(id);
      pending.set(id, at);
      if (!meet(data, inbound.id, TTL.dedupeSeconds)) {
        return { result: 'duplicate', count: data.flood.get(minute) ?? 0 };
      }
      const count = (data.flood.get(minute) ?? 0) + 1;
      data.flood.set(minute, count);
      for (const m of data.flood.keys()) if (m < minute - 1) data.flood.delete(m);
      const flooded = count > floodMax;
      data.inbox.push(clone(flooded ? { flooded: minute, ...inbound } : inbound));
      touch(data, TTL.dedupeSeconds);
      return { result: flooded ? 'flooded' : 'recorded', count };
    },
    async acquireLock(id, ttlMs) {
      const data = getOrCreate(id);
      if (data.lock && data.lock.until > clock.now()) return null;
      const token = randomUUID();
      data.lock = { token, until: clock.now() + ttlMs };
      return token;
    },
    async releaseLock(id, token) {
      const data = get(id);
      if (data?.lock?.token === token) data.lock = null;
    },
    async load(id) {
      const record = get(id)?.record;
      return record ? clone(record) : null;
    },
    async commit(step: CommitStep) {
      const data = getOrCreate(step.conversationId);
      const current = data.record?.version ?? 0;
      if (current !== step.expectedVersion) return { result: 'conflict' };
      if (data.inbox[0]?.id !== step.processedInboxId) return { result: 'conflict' };
      data.inbox.shift();
      data.record = clone({ ...step.record, version: current + 1 });
      for (const m of step.outbound) {
        data.messages.set(m.id, clone(m));
        data.outq.push(m.id);
      }
      data.transcript.push(...clone(step.transcript));
      if (data.transcript.length > TTL.transcriptMax)
        data.transcript.splice(0, data.transcript.length - TTL.transcriptMax);
      data.expiresAt = clock.now() + step.ttlSeconds * 1000;
      return { result: 'committed', next: data.inbox[0] ? clone(data.inbox[0]) : null, outq: [...data.outq] };
    },
    async beginProcessing(id, ttlMs) {
      const token = await this.acquireLock(id, ttlMs);
      if (!token) return null;
      const head = get(id)?.inbox[0];
      return { token, head: head ? clone(head) : null, record: await this.load(id) };
    },
    async finishProcessing(id, token, handedOver) {
      await this.ackOutbound(id, handedOver);
      await this.releaseLock(id, token);
      return clearPendingIfIdle(id);
    },
    async saveRecord(record, expectedVersion, ttlSeconds) {
      const data = getOrCreate(record.id);
      if ((data.record?.version ?? 0) !== expectedVersion) return false;
      data.record = clone({ ...record, version: expectedVersion + 1 });
      data.expiresAt = clock.now() + ttlSeconds * 1000;
      return true;
    },
    async pendingOutbound(id) {
      return [...(get(id)?.outq ?? [])];
    },
    async ackOutbound(id, ids) {
      const data = get(id);
      if (data) data.outq = data.outq.filter((m) => !ids.includes(m));
    },
    async addOutbound(message, entry, ttlSeconds) {
      const data = getOrCreate(message.conversationId);
      data.messages.set(message.id, clone(message));
      data.outq.push(message.id);
      if (entry) data.transcript.push(clone(entry));
      touch(data, ttlSeconds);
    },
    async getMessage(id, messageId) {
      const m = get(id)?.messages.get(messageId);
      return m ? clone(m) : null;
    },
    async updateMessage(id, messageId, patch, statusRank) {
      const m = get(id)?.messages.get(messageId);
      if (!m) return null;
      const { status, ...rest } = patch;
      Object.assign(m, rest, { updatedAt: clock.now() });
      if (status !== undefined) {
        const forward = !statusRank || (statusRank[status] ?? -1) > (statusRank[m.status] ?? -1);
        if (forward && (!statusRank || status in statusRank)) m.status = status;
      }
      return clone(m);
    },
    async forgetMessage(id, messageId) {
      get(id)?.messages.delete(messageId);
    },
    async releaseSendLease(id, token) {
      const data = get(id);
      if (data?.sending?.token === token) data.sending = null;
    },
    async claimSid(id, sid) {
      return meet(getOrCreate(id), sid, TTL.claimedSidSeconds);
    },
    async beginSend(id, messageId, leaseMs, now) {
      if (!takeSendLease(getOrCreate(id), messageId, leaseMs)) return null;
      const record = await this.load(id);
      const message = await this.getMessage(id, messageId);
      if (message?.status === 'pending' && !message.inFlightSince) {
        await this.updateMessage(id, messageId, { inFlightSince: now });
      }
      return { record, message };
    },
    async finishSend(id, messageId, sid, patch, { forget, statusRank }) {
      meet(getOrCreate(id), sid, TTL.claimedSidSeconds);
      if (forget) await this.forgetMessage(id, messageId);
      else await this.updateMessage(id, messageId, patch, statusRank);
      await this.releaseSendLease(id, messageId);
    },
    async transcript(id) {
      return clone(get(id)?.transcript ?? []);
    },
    async appendTranscript(id, entries, ttlSeconds) {
      if (entries.length === 0) return;
      const data = getOrCreate(id);
      data.transcript.push(...clone(entries));
      if (data.transcript.length > TTL.transcriptMax)
        data.transcript.splice(0, data.transcript.length - TTL.transcriptMax);
      touch(data, ttlSeconds);
    },
    async markPending(id, at) {
      pending.set(id, at);
    },
    async listPending(olderThan, limit) {
      return [...pending.entries()]
        .filter(([, at]) => at <= olderThan)
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .map(([id]) => id);
    },
    async scheduleExpiry(id, at) {
      expiry.set(id, at);
    },
    async listExpired(now, limit) {
      return [...expiry.entries()]
        .filter(([, at]) => at <= now)
        .sort((a, b) => a[1] - b[1])
        .slice(0, limit)
        .map(([id]) => id);
    },
    async keepTwilioSids(id, sids, ttlSeconds) {
      // Only while the conversation exists: a send finishing after an erase leaves nothing behind.
      if (sids.length === 0 || !get(id)?.record) return;
      const kept = twilioSids.get(id) ?? { sids: new Set<string>(), until: 0 };
      for (const sid of sids) kept.sids.add(sid);
      kept.until = Math.max(kept.until, clock.now() + (ttlSeconds + TWILIO_SIDS_GRACE_SECONDS) * 1000);
      twilioSids.set(id, kept);
    },
    async erase(id) {
      const messageIds = [...(conversations.get(id)?.messages.keys() ?? [])];
      const kept = twilioSids.get(id);
      twilioSids.delete(id);
      const toDelete = kept && kept.until > clock.now() ? [...kept.sids] : [];
      conversations.delete(id);
      pending.delete(id);
      expiry.delete(id);
      return { messageIds, twilioSids: toDelete };
    },
    async ping() {},
    async close() {},
  };
}
