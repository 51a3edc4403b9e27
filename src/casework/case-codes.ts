import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Logger } from 'pino';
import type { Channel, Lang } from '../channels/inbound-message.ts';
import type { AuditEntry } from '../console/staff-store.ts';
import type { Clock } from '../engine/clock.ts';
import type { Ticket } from '../handoff/ticket.ts';
import type { TicketPublisher } from '../handoff/ticket-events.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import { maskAddress } from '../privacy/mask-address.ts';
import { TTL } from '../store/keys.ts';
import type { ConversationRecord, ConversationStore } from '../store/store.ts';
import { generateCode, generatePin } from './case-code.ts';
import type { CaseStore } from './case-store.ts';
import type { SendToPerson } from './send-to-person.ts';
import { CASE_LIMITS, type CaseCode, DETACHED_PREFIX } from './types.ts';

/** The actor of audit entries written for what a person did from their phone. */
export const PERSON_ACTOR = '(user)';

export type JoinOutcome = 'joined' | 'already' | 'wrong' | 'limited' | 'busy';

export interface JoinInput {
  /** The conversation the code was written in (the new number's). */
  conversationId: string;
  addressEnc: string;
  channel: Channel;
  to: string;
  code: string;
  pin: string;
  lang: Lang;
}

export type CaseCodes = ReturnType<typeof createCaseCodes>;

/**
 * Case codes: staff give one to the person of an open ticket; writing the code and the PIN
 * from another number moves the conversation to that number. The old number is routed to a
 * conversation of its own, so it hears nothing more about the case.
 */
export function createCaseCodes(d: {
  cases: CaseStore;
  tickets: Pick<TicketStore, 'get' | 'openFor' | 'update'>;
  store: Pick<ConversationStore, 'load' | 'saveRecord' | 'acquireLock' | 'releaseLock' | 'appendTranscript'>;
  crypto: AddressCrypto;
  pinKey: Buffer;
  send: Pick<SendToPerson, 'sendSecret'>;
  publish: Pick<TicketPublisher, 'ticket' | 'transcript'>;
  audit: (entry: AuditEntry) => Promise<void>;
  i18n: Pick<I18n, 't'>;
  clock: Clock;
  logger: Logger;
  retentionSeconds: (record: ConversationRecord) => number;
}) {
  const pinHash = (code: string, pin: string) =>
    createHmac('sha256', d.pinKey).update(`${code}\n${pin}`).digest('base64url');
  const audit = (actor: string, action: AuditEntry['action'], ticketId: string | null) =>
    d.audit({ at: d.clock.now(), actor, action, ticketId });

  async function revokeCode(conversationId: string, by: string) {
    const info = await d.cases.info(conversationId);
    if (!info.code) return null;
    const code = info.code;
    const stored = await d.cases.getCode(code);
    if (stored?.conversationId === conversationId) await d.cases.deleteCode(code);
    await d.cases.putInfo(conversationId, { ...info, code: null, revokedAt: d.clock.now(), revokedBy: by });
    return code;
  }

  /** Takes the conversation's lock (the engine may be stepping it), waiting a little for it. */
  async function withLock<T>(conversationId: string, fn: () => Promise<T>): Promise<T> {
    for (let i = 0; i < 50; i++) {
      const token = await d.store.acquireLock(conversationId, TTL.lockMs);
      if (token) {
        try {
          return await fn();
        } finally {
          await d.store.releaseLock(conversationId, token);
        }
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('conversation stayed locked');
  }

  /** Points the conversation at the new number; the old one gets a conversation of its own. */
  async function moveTo(code: CaseCode, input: JoinInput, newHash: string) {
    const caseId = code.conversationId;
    return withLock(caseId, async () => {
      const record = await d.store.load(caseId);
      if (!record) return null;
      const oldHash = d.crypto.hash(d.crypto.decrypt(record.addressEnc));
      const now = d.clock.now();
      const next: ConversationRecord = {
        ...record,
        addressEnc: input.addressEnc,
        channel: input.channel,
        to: input.to || record.to,
        stopped: false,
        lastInboundAt: now,
        updatedAt: now,
      };
      if (!(await d.store.saveRecord(next, record.version, d.retentionSeconds(record)))) return null;
      const routes: Record<string, string> = {};
      if (newHash !== caseId) {
        await d.cases.setRoute(newHash, caseId);
        routes[newHash] = caseId;
      } else {
        const existing = await d.cases.route(newHash);
        if (existing) await d.cases.dropRoute(newHash, existing);
      }
      if (oldHash !== newHash) {
        const detached = `${DETACHED_PREFIX}${randomBytes(12).toString('base64url')}`;
        await d.cases.setRoute(oldHash, detached);
        routes[oldHash] = detached;
      }
      const masked = maskAddress(d.crypto.decrypt(input.addressEnc));
      await d.cases.updateInfo(caseId, (i) => ({
        ...i,
        joins: [...i.joins, { at: now, channel: input.channel, maskedAddress: masked }].slice(-20),
        routes: { ...i.routes, ...routes },
      }));
      const entry = {
        at: now,
        from: 'system' as const,
        text: `joined by case code: ${masked}`,
        screen: 'case.joined',
      };
      await d.store.appendTranscript(caseId, [entry], d.retentionSeconds(record));
      return { record: next, entry };
    });
  }

  return {
    /** The conversation an address writes to: its own, unless a join moved it. */
    async resolve(addressHash: string): Promise<string> {
      return (await d.cases.route(addressHash)) ?? addressHash;
    },

    /** A new code and PIN for the ticket's conversation (any earlier code stops working). */
    async issue(ticket: Ticket, by: string, { send }: { send: boolean }) {
      const conversationId = ticket.conversationId;
      if (!conversationId) return null;
      await revokeCode(conversationId, by);
      let code = generateCode();
      while (await d.cases.getCode(code)) code = generateCode();
      const pin = generatePin();
      const now = d.clock.now();
      await d.cases.putCode({
        code,
        conversationId,
        ticketId: ticket.id,
        pinHash: pinHash(code, pin),
        issuedAt: now,
        issuedBy: by,
        failures: 0,
      });
      await d.cases.updateInfo(conversationId, (i) => ({
        ...i,
        code,
        issuedAt: now,
        issuedBy: by,
        revokedAt: null,
        revokedBy: null,
      }));
      await audit(by, 'case_code_issued', ticket.id);
      let sent = false;
      if (send) {
        const text = d.i18n.t(ticket.lang)('case.issued', { code, pin });
        const res = await d.send.sendSecret({
          ticket,
          text,
          shown: `case code ${code} sent (PIN hidden)`,
          screen: 'case.issued',
        });
        sent = res.sent;
      }
      d.logger.info({ event: 'case_code_issued', ticket: ticket.id });
      return { code, pin, sent };
    },

    async revoke(ticket: Ticket, by: string) {
      if (!ticket.conversationId) return null;
      const code = await revokeCode(ticket.conversationId, by);
      if (code) await audit(by, 'case_code_revoked', ticket.id);
      return code;
    },

    info: (conversationId: string) => d.cases.info(conversationId),

    /**
     * Code then PIN, written from some number. Counted before the PIN is checked, per number
     * and per code, and audited; the answer says what the person hears.
     */
    async join(input: JoinInput): Promise<{ outcome: JoinOutcome; notice: string; lang: Lang }> {
      const newHash = d.crypto.hash(d.crypto.decrypt(input.addressEnc));
      let lang = input.lang;
      const say = (outcome: JoinOutcome) => ({ outcome, lang, notice: d.i18n.t(lang)(`case.${outcome}`) });
      const byNumber = await d.cases.countTryByNumber(newHash, CASE_LIMITS.windowMs);
      const code = await d.cases.getCode(input.code);
      if (byNumber > CASE_LIMITS.perNumber) {
        await audit(PERSON_ACTOR, 'case_code_refused', code?.ticketId ?? null);
        d.logger.warn({ event: 'case_code_refused', by: 'number' });
        return say('limited');
      }
      if (!code) {
        await audit(PERSON_ACTOR, 'case_code_failed', null);
        d.logger.info({ event: 'case_code_failed', known: false });
        return say('wrong');
      }
      const ticket = await d.tickets.get(code.ticketId);
      lang = ticket?.lang ?? lang;
      const byCode = await d.cases.countTryByCode(code.code, CASE_LIMITS.windowMs);
      if (byCode > CASE_LIMITS.perCode) {
        await audit(PERSON_ACTOR, 'case_code_refused', code.ticketId);
        d.logger.warn({ event: 'case_code_refused', by: 'code', ticket: code.ticketId });
        return say('limited');
      }
      const given = Buffer.from(pinHash(code.code, input.pin));
      if (!timingSafeEqual(given, Buffer.from(code.pinHash))) {
        const failures = code.failures + 1;
        await audit(PERSON_ACTOR, 'case_code_failed', code.ticketId);
        d.logger.info({ event: 'case_code_failed', known: true, ticket: code.ticketId });
        if (failures >= CASE_LIMITS.codeMaxFailures) {
          await revokeCode(code.conversationId, PERSON_ACTOR);
          await audit(PERSON_ACTOR, 'case_code_locked', code.ticketId);
        } else {
          await d.cases.putCode({ ...code, failures });
        }
        return say('wrong');
      }
      if (input.conversationId === code.conversationId) return say('already');
      if (await d.tickets.openFor(input.conversationId)) return say('busy');
      const moved = await moveTo(code, input, newHash);
      if (!moved) {
        await d.cases.deleteCode(code.code);
        return say('wrong');
      }
      await audit(PERSON_ACTOR, 'case_code_joined', code.ticketId);
      d.logger.info({ event: 'case_code_joined', ticket: code.ticketId, channel: input.channel });
      const open = await d.tickets.openFor(code.conversationId);
      if (open) {
        const res = await d.tickets.update(open.id, (t) =>
          t.channel === input.channel ? null : { ...t, channel: input.channel, updatedAt: d.clock.now() },
        );
        if (res?.changed) await d.publish.ticket(res.ticket);
        await d.publish.transcript(res?.ticket ?? open, [moved.entry]);
      }
      return say('joined');
    },

    /** The conversation is gone (erase, retention): its code and the routes it wrote go too. */
    async forget(conversationId: string) {
      const info = await d.cases.info(conversationId);
      if (info.code) {
        const stored = await d.cases.getCode(info.code);
        if (stored?.conversationId === conversationId) await d.cases.deleteCode(info.code);
      }
      for (const [hash, target] of Object.entries(info.routes)) await d.cases.dropRoute(hash, target);
      await d.cases.forgetInfo(conversationId);
    },
  };
}
