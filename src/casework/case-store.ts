import { openJson, type Sealer, sealJson } from '../privacy/seal.ts';
import { caseworkKeys } from '../store/casework-keys.ts';
import type { CaseKv } from './case-kv.ts';
import type { Referral } from './referral.ts';
import { type CaseCode, type CaseInfo, emptyCaseInfo } from './types.ts';

export type CaseStore = ReturnType<typeof createCaseStore>;

/**
 * Casework's storage, on a CaseKv (memory or Redis). `ttlMs` is the backstop lifetime of
 * what belongs to a conversation: erase and retention delete it first (forgetConversation).
 */
export function createCaseStore({
  kv,
  prefix,
  ttlMs,
  sealer,
}: {
  kv: CaseKv;
  prefix: string;
  ttlMs: number;
  /** Every JSON value is stored sealed (referral notes, joins, canned replies). */
  sealer: Pick<Sealer, 'seal' | 'open'>;
}) {
  const k = caseworkKeys(prefix);
  const json = async <T>(key: string): Promise<T | null> => {
    const raw = await kv.get(key);
    return raw ? openJson<T>(sealer, raw) : null;
  };
  const stringify = (value: unknown) => sealJson(sealer, value);

  async function info(conversationId: string): Promise<CaseInfo> {
    return { ...emptyCaseInfo(), ...(await json<CaseInfo>(k.info(conversationId))) };
  }
  async function putInfo(conversationId: string, value: CaseInfo) {
    await kv.set(k.info(conversationId), stringify(value), ttlMs);
  }

  return {
    info,
    putInfo,
    async updateInfo(conversationId: string, change: (i: CaseInfo) => CaseInfo) {
      const next = change(await info(conversationId));
      await putInfo(conversationId, next);
      return next;
    },

    getCode: (code: string) => json<CaseCode>(k.code(code)),
    async putCode(c: CaseCode) {
      await kv.set(k.code(c.code), stringify(c), ttlMs);
    },
    deleteCode: (code: string) => kv.del(k.code(code)),

    /** The conversation an address writes to when it is not the one its HMAC names. */
    route: (addressHash: string) => kv.get(k.route(addressHash)),
    setRoute: (addressHash: string, conversationId: string) =>
      kv.set(k.route(addressHash), conversationId, null),
    dropRoute: (addressHash: string, ifValue: string) => kv.delIfEquals(k.route(addressHash), ifValue),

    countTryByNumber: (addressHash: string, windowMs: number) =>
      kv.incrWindow(k.triesByNumber(addressHash), windowMs),
    countTryByCode: (code: string, windowMs: number) => kv.incrWindow(k.triesByCode(code), windowMs),

    getReferral: (id: string) => json<Referral>(k.referral(id)),
    async putReferral(r: Referral) {
      await kv.set(k.referral(r.id), stringify(r), ttlMs);
      await kv.hset(k.referralsOfTicket(r.ticket_id), r.id, String(r.created_at));
      if (r.conversation_id) await kv.hset(k.referralsOfConversation(r.conversation_id), r.id, '1');
      await kv.zadd(k.referrals, r.created_at, r.id);
    },
    async deleteReferral(r: Pick<Referral, 'id' | 'ticket_id'>) {
      await kv.del(k.referral(r.id));
      await kv.hdel(k.referralsOfTicket(r.ticket_id), r.id);
      await kv.zrem(k.referrals, r.id);
    },
    async referralsOfTicket(ticketId: string): Promise<Referral[]> {
      const ids = Object.keys(await kv.hgetall(k.referralsOfTicket(ticketId)));
      const found = await Promise.all(ids.map((id) => json<Referral>(k.referral(id))));
      return found.filter((r): r is Referral => r !== null).sort((a, b) => a.created_at - b.created_at);
    },
    async referralIdsOfConversation(conversationId: string): Promise<string[]> {
      return Object.keys(await kv.hgetall(k.referralsOfConversation(conversationId)));
    },
    dropConversationReferralIndex: (conversationId: string) =>
      kv.del(k.referralsOfConversation(conversationId)),
    /** Newest first; ids whose referral expired are pruned. */
    async listReferrals(limit: number): Promise<Referral[]> {
      const ids = await kv.zrevrange(k.referrals, limit);
      const out: Referral[] = [];
      for (const id of ids) {
        const r = await json<Referral>(k.referral(id));
        if (r) out.push(r);
        else await kv.zrem(k.referrals, id);
      }
      return out;
    },

    async cannedOverrides(lang: string): Promise<Record<string, string> | null> {
      const raw = await kv.hget(k.canned, lang);
      return raw ? openJson<Record<string, string>>(sealer, raw) : null;
    },
    putCanned: (lang: string, replies: Record<string, string>) => kv.hset(k.canned, lang, stringify(replies)),

    availability: () => kv.hgetall(k.availability),
    setAvailability: (username: string, value: 'available' | 'away') =>
      kv.hset(k.availability, username, value),
    async autoAssign(): Promise<boolean> {
      return (await kv.hget(k.settings, 'autoAssign')) === 'true';
    },
    setAutoAssign: (on: boolean) => kv.hset(k.settings, 'autoAssign', String(on)),

    async forgetInfo(conversationId: string) {
      await kv.del(k.info(conversationId));
    },
  };
}
