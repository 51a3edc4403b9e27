import { hkdfSync } from 'node:crypto';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Understanding } from '../../flows/faro/types.ts';
import type { Channel } from '../channels/inbound-message.ts';
import type { Config } from '../config.ts';
import type { AuditEntry } from '../console/staff-store.ts';
import type { Clock } from '../engine/clock.ts';
import type { Outbox } from '../engine/ports.ts';
import type { HandoffSide } from '../handoff/build-handoff.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import type { Sealer } from '../privacy/seal.ts';
import type { ConversationRecord, ConversationStore } from '../store/store.ts';
import { createAutoAssign } from './auto-assign.ts';
import { createCaseCodes } from './case-codes.ts';
import { createMemoryCaseKv, createRedisCaseKv } from './case-kv.ts';
import { createCaseStore } from './case-store.ts';
import { withCasework } from './casework-handoff.ts';
import { createPrimeroClient } from './primero-client.ts';
import { createReferrals } from './referrals.ts';
import { createTicketSearch } from './search-tickets.ts';
import { createSendToPerson } from './send-to-person.ts';

export type CaseworkSide = ReturnType<typeof buildCasework>;

/**
 * Casework, wired for the configured store. Two things it needs exist only later (the staff
 * store's audit log and ticket claims live in the console): they are passed as late-bound
 * functions, as the engine and timers are elsewhere.
 */
export function buildCasework(d: {
  config: Readonly<Config>;
  redis: Redis | Cluster | null;
  store: ConversationStore;
  crypto: AddressCrypto;
  /** Seals casework's JSON values (referrals, case info, codes, canned replies). */
  sealer: Sealer;
  i18n: I18n;
  outbox: Outbox;
  handoff: HandoffSide;
  understand: (text: string) => Understanding;
  clock: Clock;
  logger: Logger;
  render: (channel: Channel, text: string) => string[];
  audit: (entry: AuditEntry) => Promise<void>;
  assign: (ticketId: string, username: string) => Promise<boolean>;
  onReferral?: Parameters<typeof createReferrals>[0]['onReferral'];
}) {
  const { config } = d;
  const retentionSeconds = (r: Pick<ConversationRecord, 'childAlone'>) =>
    (r.childAlone ? config.CHILD_ALONE_TTL_DAYS : config.CONVERSATION_TTL_DAYS) * 86_400;
  // Backstop only: erase and retention remove a conversation's casework first.
  const ttlMs = (config.CONVERSATION_TTL_DAYS + config.CLOSED_TICKET_TTL_DAYS) * 86_400_000;
  const kv = d.redis ? createRedisCaseKv(d.redis) : createMemoryCaseKv(d.clock);
  const cases = createCaseStore({ kv, prefix: config.REDIS_KEY_PREFIX, ttlMs, sealer: d.sealer });
  const send = createSendToPerson({
    store: d.store,
    outbox: d.outbox,
    publish: d.handoff.publish,
    render: d.render,
    retentionSeconds,
    now: () => d.clock.now(),
  });
  const codes = createCaseCodes({
    cases,
    tickets: d.handoff.tickets,
    store: d.store,
    crypto: d.crypto,
    pinKey: Buffer.from(hkdfSync('sha256', config.hashRoot, Buffer.alloc(0), 'faro case pin', 32)),
    send,
    publish: d.handoff.publish,
    audit: d.audit,
    i18n: d.i18n,
    clock: d.clock,
    logger: d.logger,
    retentionSeconds,
  });
  const primero =
    config.PRIMERO_BASE_URL && config.PRIMERO_USER && config.PRIMERO_PASSWORD && config.PRIMERO_REFER_TO
      ? createPrimeroClient(
          {
            baseUrl: config.PRIMERO_BASE_URL,
            user: config.PRIMERO_USER,
            password: config.PRIMERO_PASSWORD,
            referTo: config.PRIMERO_REFER_TO,
            timeoutMs: config.PRIMERO_TIMEOUT_MS,
          },
          () => d.clock.now(),
        )
      : null;
  const referrals = createReferrals({
    cases,
    tickets: d.handoff.tickets,
    send,
    publish: d.handoff.publish,
    audit: d.audit,
    i18n: d.i18n,
    understand: d.understand,
    primero,
    clock: d.clock,
    logger: d.logger,
    onReferral: d.onReferral,
  });
  const autoAssign = createAutoAssign({
    cases,
    tickets: d.handoff.tickets,
    assign: d.assign,
    logger: d.logger,
  });
  const search = createTicketSearch({
    tickets: d.handoff.tickets,
    views: d.handoff.views,
    cases,
    crypto: d.crypto,
  });
  const handoff = withCasework(d.handoff.handoff, { codes, referrals, autoAssign, logger: d.logger });
  return { cases, codes, referrals, search, send, autoAssign, handoff, primeroConfigured: primero !== null };
}
