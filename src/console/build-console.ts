import { hkdfSync } from 'node:crypto';
import { join } from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import { loadDirectory } from '../../flows/directory/load-directory.ts';
import type { CaseworkSide } from '../casework/build-casework.ts';
import type { TwilioMediaApi } from '../channels/twilio/media-api.ts';
import type { Config } from '../config.ts';
import type { Clock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import type { Outbox, Timers } from '../engine/ports.ts';
import type { HandoffSide } from '../handoff/build-handoff.ts';
import type { Recontact } from '../handoff/recontact.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import { renderForChannel } from '../render/index.ts';
import type { StatsSide } from '../stats/build-stats.ts';
import type { ConversationStore } from '../store/store.ts';
import { createAuth } from './auth.ts';
import { withDemoInMemory } from './demo-staff.ts';
import { createMediaLibrary } from './media-library.ts';
import { createMemoryStaffStore } from './memory-staff-store.ts';
import { createRedisStaffStore } from './redis-staff-store.ts';
import type { StaffApiDeps } from './staff-api.ts';
import type { StaffStore } from './staff-store.ts';
import { createTicketActions } from './ticket-actions.ts';
import { cannedReplies, createTicketDetail } from './ticket-detail.ts';

export interface ConsoleSide {
  staff: StaffStore;
  api: StaffApiDeps;
  publicDir: string;
}

/** The staff console's services: accounts and sessions, ticket actions, views. */
export function buildConsole({
  config,
  redis,
  handoff,
  store,
  crypto,
  i18n,
  engine,
  outbox,
  timers,
  clock,
  rootDir,
  logger,
  casework,
  stats,
  twilioMedia,
  recontact,
}: {
  /** Re-contact after WhatsApp's 24-hour window (src/handoff/recontact.ts). */
  recontact: Recontact;
  /** Twilio's Media API (staff open what a person sent); null without Twilio. */
  twilioMedia: TwilioMediaApi | null;
  config: Readonly<Config>;
  redis: Redis | Cluster | null;
  handoff: HandoffSide;
  store: ConversationStore;
  crypto: AddressCrypto;
  i18n: I18n;
  engine: Engine;
  outbox: Outbox;
  timers: Timers;
  clock: Clock;
  rootDir: string;
  logger: Logger;
  casework?: CaseworkSide;
  /** The aggregate counters (the supervisors' dashboard). */
  stats: StatsSide;
}): ConsoleSide {
  const auditRetentionMs = handoff.closedTtlMs;
  // Open live streams of a changed account re-check their session at once, on every instance.
  const onAccountChanged = (username: string) => handoff.events.publish({ type: 'account', username });
  const staff = redis
    ? withDemoInMemory(
        createRedisStaffStore({
          redis,
          prefix: config.REDIS_KEY_PREFIX,
          clock,
          auditRetentionMs,
          onAccountChanged,
        }),
      )
    : createMemoryStaffStore({ clock, auditRetentionMs, onAccountChanged });
  // SESSION_SECRET when set, else a key derived from HASH_KEY (default DATA_KEY) (shared by every instance anyway).
  const sessionKey = config.SESSION_SECRET
    ? Buffer.from(config.SESSION_SECRET)
    : Buffer.from(hkdfSync('sha256', config.hashRoot, Buffer.alloc(0), 'faro staff session', 32));
  const auth = createAuth({ staff, sessionKey, clock, logger });
  const retentionSeconds = (r: { childAlone: boolean }) =>
    (r.childAlone ? config.CHILD_ALONE_TTL_DAYS : config.CONVERSATION_TTL_DAYS) * 86_400;
  const actions = createTicketActions({
    tickets: handoff.tickets,
    onFreed: casework?.autoAssign,
    store,
    engine,
    outbox,
    timers,
    publish: handoff.publish,
    views: handoff.views,
    staff,
    crypto,
    clock,
    render: (channel, text) =>
      renderForChannel({ channel, text, smsEncoding: config.SMS_ENCODING, maxMessages: 12 }).messages,
    retentionSeconds,
    recontact,
  });
  const canned = async (lang: Parameters<typeof cannedReplies>[1]) => {
    const edited = await casework?.cases.cannedOverrides(lang);
    return edited ? Object.entries(edited).map(([id, text]) => ({ id, text })) : cannedReplies(i18n, lang);
  };
  const detail = createTicketDetail({
    views: handoff.views,
    i18n,
    recontact,
    casework: casework && {
      info: (id) => casework.cases.info(id),
      referrals: (id) => casework.cases.referralsOfTicket(id),
      canned,
    },
  });
  const directory = loadDirectory(join(rootDir, 'flows', 'directory', 'services.json')).services;
  const services = directory.map(({ id, name, kind, city }) => ({ id, name, kind, city }));
  return {
    staff,
    publicDir: join(rootDir, 'src', 'console', 'public'),
    api: {
      auth,
      staff,
      tickets: handoff.tickets,
      actions,
      detail,
      views: handoff.views,
      events: handoff.events,
      clock,
      secureCookie: config.publicBaseUrl.startsWith('https:'),
      casework,
      canned,
      services,
      directory,
      stats,
      localesDir: join(rootDir, 'locales'),
      twilioMedia,
      mediaStore: store,
      templates: () => recontact.list(),
      recontact,
      library: createMediaLibrary({ redis, prefix: config.REDIS_KEY_PREFIX }),
    },
  };
}
