import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Topic } from '../flows/content/types.ts';
import { createFaroMachine } from '../flows/faro/machine.ts';
import type { Understanding } from '../flows/faro/types.ts';
import { detectRisk } from '../flows/understand/index.ts';
import { buildCasework, type CaseworkSide } from './casework/build-casework.ts';
import type { Channel } from './channels/inbound-message.ts';
import { createLocalSender, type LocalSender } from './channels/local/local-sender.ts';
import {
  type ContentCatalog,
  createContentCatalog,
  loadContentCatalog,
} from './channels/twilio/content/content-catalog.ts';
import { createTwilioMediaApi } from './channels/twilio/media-api.ts';
import { STATUS_RANK } from './channels/twilio/message-status.ts';
import { createTwilioSender } from './channels/twilio/send.ts';
import { createFetchApproval } from './channels/twilio/template-approval.ts';
import type { Config } from './config.ts';
import { buildConsole, type ConsoleSide } from './console/build-console.ts';
import { createDemoSupervisor, demoCredentialsText } from './console/demo-staff.ts';
import { type Clock, systemClock } from './engine/clock.ts';
import { createComposeReply, type ServicesText } from './engine/compose-reply.ts';
import { createEngine, type Engine } from './engine/engine.ts';
import type { Outbox, OutboxJob, Timers } from './engine/ports.ts';
import { createWorkGate } from './engine/work-gate.ts';
import { createWorkQueue } from './engine/work-queue.ts';
import { buildHandoff, type HandoffSide } from './handoff/build-handoff.ts';
import { createRecontact, parseTemplates, type Recontact } from './handoff/recontact.ts';
import type { StaffHandoff } from './handoff/staff-handoff.ts';
import { createI18n, type I18n } from './i18n/create-i18n.ts';
import { createMetrics, type Metrics, observeQueue } from './metrics.ts';
import { createBullmqOutbox } from './outbox/bullmq-outbox.ts';
import { createDeliver, type Sender } from './outbox/deliver.ts';
import { createMemoryOutbox } from './outbox/memory-outbox.ts';
import { createMemorySendPacer, createRedisSendPacer } from './outbox/send-pacer.ts';
import { type AddressCrypto, createAddressCrypto } from './privacy/address-crypto.ts';
import { checkDataKey } from './privacy/check-data-key.ts';
import { createSealer, type Sealer } from './privacy/seal.ts';
import { RedisUnreachableError } from './redis-unreachable.ts';
import { renderForChannel } from './render/index.ts';
import { buildStats, type StatsSide } from './stats/build-stats.ts';
import { createMemoryStore } from './store/memory/memory-store.ts';
import { createRedis, waitUntilReady } from './store/redis/create-redis.ts';
import { createRedisStore } from './store/redis/redis-store.ts';
import type { ConversationStore } from './store/store.ts';
import { createBullmqTimers } from './timers/bullmq-timers.ts';
import { createMemoryTimers } from './timers/memory-timers.ts';

const REDIS_START_WAIT_MS = 10_000;

/** The project root (where package.json is), from src/ under tsx or dist/src/ when built. */
export const ROOT_DIR = findRoot(import.meta.dirname);

function findRoot(dir: string): string {
  for (let d = dir; d !== dirname(d); d = dirname(d)) if (existsSync(join(d, 'package.json'))) return d;
  return process.cwd();
}

export interface Services {
  config: Readonly<Config>;
  logger: Logger;
  clock: Clock;
  store: ConversationStore;
  crypto: AddressCrypto;
  /** Seals what people and staff write before it is stored (src/privacy/seal.ts). */
  sealer: Sealer;
  i18n: I18n;
  engine: Engine;
  outbox: Outbox;
  timers: Timers;
  handoff: StaffHandoff;
  /** Tickets, live events, business hours. */
  handoffSide: HandoffSide;
  /** Case codes, referrals, search, auto-assignment. */
  casework: CaseworkSide;
  /** Staff accounts, sessions, the /api/staff dependencies. */
  staffConsole: ConsoleSide;
  metrics: Metrics;
  /** Aggregate counters (issue 13): counts by day, city, language and channel, and anonymous reports. */
  stats: StatsSide;
  /** Set in embedded mode without Twilio: where replies go instead. */
  localSender: LocalSender | null;
  redis: Redis | Cluster | null;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface ServiceOverrides {
  clock?: Clock;
  sender?: Sender;
  topics?: Topic[];
  understand?: (text: string) => Understanding;
  servicesText?: ServicesText;
  /** Content SIDs for WhatsApp lists and buttons, instead of TWILIO_CONTENT_SIDS_FILE. */
  contentCatalog?: ContentCatalog;
  localesDir?: string;
  sweepEveryMs?: number;
  /** Delay of the "no one picks up" timer instead of HANDOFF_NO_ANSWER_MINUTES (tests). */
  noAnswerDelayMs?: number;
  /** Where the demo supervisor's credentials are printed once (default: stdout, not the log). */
  announce?: (text: string) => void;
  /** Process and Node metrics (off in a worker thread: the main thread reports the process). */
  defaultMetrics?: boolean;
  /**
   * A work thread: whether the process's webhook thread is saturated now. While it is, this
   * thread only trickles (src/engine/work-gate.ts), so that Twilio's webhooks are answered first
   * (the rest waits in Redis, and is taken up as soon as the webhooks slow down).
   */
  webBusy?: () => boolean;
  /** A web thread: every new message, once recorded (main.ts hands it to the work thread). */
  onAccepted?: (conversationId: string, text: string) => void;
}

/**
 * Builds every dependency from the config: the one place that knows which store, outbox
 * and sender are in use. Tests pass their own clock or sender; nothing is global.
 */
export async function buildServices(
  config: Readonly<Config>,
  logger: Logger,
  o: ServiceOverrides = {},
): Promise<Services> {
  const clock = o.clock ?? systemClock;
  const metrics = createMetrics({ defaults: o.defaultMetrics ?? true });
  const crypto = createAddressCrypto(config.keyring, { hashRoot: config.hashRoot });
  // What people and staff write is sealed wherever it is stored in Redis (README, Security).
  const sealer = createSealer(config.keyring, 'data');
  const i18n = createI18n({ localesDir: o.localesDir ?? join(ROOT_DIR, 'locales') });
  const topics = o.topics ?? (await import('../flows/content/topics.ts')).TOPICS;
  const understand =
    o.understand ?? (await import('./engine/load-understanding.ts')).loadUnderstanding(ROOT_DIR);
  const servicesText =
    o.servicesText ??
    (await import('./engine/services-text.ts')).createServicesText({ i18n, rootDir: ROOT_DIR });

  let redis: Redis | Cluster | null = null;
  let store: ConversationStore;
  if (config.storeKind === 'redis') {
    redis = createRedis(config);
    // The last connection error says why a start failed (ECONNREFUSED, ENOTFOUND, WRONGPASS).
    let lastError: string | null = null;
    redis.on('error', (err: Error & { code?: string }) => {
      lastError = err.code ?? err.message.split(' ')[0] ?? err.name;
      logger.debug({ event: 'redis_error', type: err.name });
    });
    try {
      await waitUntilReady(redis, REDIS_START_WAIT_MS);
    } catch {
      redis.disconnect();
      throw new RedisUnreachableError(config, lastError, REDIS_START_WAIT_MS);
    }
    await checkDataKey({ redis, prefix: config.REDIS_KEY_PREFIX, sealer }).catch((err: unknown) => {
      redis?.disconnect();
      throw err;
    });
    store = createRedisStore({ redis, prefix: config.REDIS_KEY_PREFIX, clock, sealer, logger });
  } else {
    logger.warn(
      { event: 'memory_store' },
      'No REDIS_URL: using the in-memory store. Every conversation is lost on restart.',
    );
    store = createMemoryStore({ clock });
  }

  // With a sender of their own (tests, the phone simulator), nothing was sent through Twilio.
  const twilioMedia =
    config.twilioConfigured && !o.sender
      ? createTwilioMediaApi({
          accountSid: config.TWILIO_ACCOUNT_SID!,
          authToken: config.TWILIO_AUTH_TOKEN!,
          apiBaseUrl: config.TWILIO_API_BASE_URL,
          timeoutMs: config.TWILIO_TIMEOUT_MS,
        })
      : null;
  let localSender: LocalSender | null = null;
  let sender: Sender;
  let closeSender = () => {};
  if (o.sender) sender = o.sender;
  else if (config.twilioConfigured) {
    const twilioSender = createTwilioSender({
      accountSid: config.TWILIO_ACCOUNT_SID!,
      authToken: config.TWILIO_AUTH_TOKEN!,
      apiBaseUrl: config.TWILIO_API_BASE_URL,
      messagingServiceSid: config.TWILIO_MESSAGING_SERVICE_SID,
      smsFrom: config.TWILIO_SMS_FROM,
      whatsappFrom: config.TWILIO_WHATSAPP_FROM,
      timeoutMs: config.TWILIO_TIMEOUT_MS,
    });
    sender = twilioSender;
    closeSender = () => twilioSender.close();
  } else {
    logger.warn(
      { event: 'local_sender' },
      'No Twilio credentials: replies stay in this process (npm run chat, /console/simulator).',
    );
    localSender = createLocalSender();
    sender = localSender;
  }

  // A `web` process records messages and hands them on; `worker` and `all` step and send.
  const works = config.FARO_ROLE !== 'web';
  const workQueue = redis
    ? createWorkQueue({
        redis,
        blocking: () => createRedis(config, { forBullmq: true }),
        prefix: config.REDIS_KEY_PREFIX,
        logger,
      })
    : null;

  // Each Twilio sender gets no more than it can send; the rest waits in Faro's prioritised queue.
  const pacer = redis
    ? createRedisSendPacer({ redis, prefix: config.REDIS_KEY_PREFIX, senders: config.senders })
    : createMemorySendPacer({ senders: config.senders });
  if (
    config.twilioConfigured &&
    !config.senders.sms.configured &&
    config.senders.sms.kind === 'messaging_service'
  ) {
    logger.warn(
      { event: 'sender_rate_unknown', perSecond: config.senders.sms.perSecond },
      'SMS through a Messaging Service is paced at 1 segment/s: set TWILIO_SMS_MPS to the total of its senders.',
    );
  }

  // The outbox reports statuses to the handoff, which exists only later (it needs the timers).
  let handoffRef: StaffHandoff | null = null;
  let handoffSideRef: HandoffSide | null = null;
  let recontactRef: Recontact | null = null;
  const deliver = createDeliver({
    store,
    sender,
    pacer,
    crypto,
    ...(twilioMedia && { deletions: twilioMedia }),
    // Twilio said 63016 (the 24-hour window closed) for a staff reply: hold it, send the notice.
    onWindowClosed: async (conversationId, message) => {
      const ticket = await handoffSideRef?.tickets.openFor(conversationId);
      if (!recontactRef || !ticket) return false;
      if (!(await recontactRef.check(ticket.lang)).ok) return false;
      await store.updateMessage(conversationId, message.id, { status: 'held', heldAt: clock.now() });
      const res = await recontactRef.hold({ conversationId, messageIds: [message.id], lang: ticket.lang });
      if (res.held) await handoffRef?.statusUpdated(conversationId, message.id, 'held');
      return res.held;
    },
    statusCallbackBase:
      config.twilioConfigured || o.sender ? `${config.publicBaseUrl}/webhooks/twilio/status` : null,
    logger,
    onRetry: ({ channel }) => metrics.outboxRetries.inc({ channel }),
    onSent: ({ channel, status, conversationId, messageId, ticketOpen }) => {
      metrics.messagesOut.inc({ channel, status });
      // A staff console shows the status of messages in open tickets as they go out; most sends
      // have no ticket, and then no ticket lookup is made.
      if (ticketOpen && conversationId && messageId)
        void handoffRef?.statusUpdated(conversationId, messageId, status);
    },
  });
  // A send that kept failing with something deliver could not classify (a Redis error, a busy
  // lease on every try): the message is marked failed, so staff see it and the user's next
  // message is answered; it never stays "pending" with no job behind it.
  const onGaveUp = async (job: OutboxJob) => {
    if (job.kind !== 'stored') return;
    await store.updateMessage(
      job.conversationId,
      job.messageId,
      { status: 'failed', error: 'gave_up' },
      STATUS_RANK,
    );
    metrics.messagesOut.inc({ channel: job.channel, status: 'failed' });
    logger.warn({ conversation: job.conversationId, event: 'send_gave_up' });
  };
  const perSecond: Record<Channel, number> = {
    sms: config.senders.sms.perSecond,
    whatsapp: config.senders.whatsapp.perSecond,
  };
  const outbox: Outbox = redis
    ? createBullmqOutbox({
        connection: () => createRedis(config, { forBullmq: true }),
        prefix: config.REDIS_KEY_PREFIX,
        deliver,
        perSecond,
        maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
        logger,
        sealer,
        consume: works,
        onGaveUp,
      })
    : createMemoryOutbox({ deliver, maxAttempts: config.OUTBOX_MAX_ATTEMPTS, onGaveUp });

  const recontact = createRecontact({
    templates: parseTemplates(config.TWILIO_RECONTACT_TEMPLATES),
    fetchApproval: config.twilioConfigured
      ? createFetchApproval({
          accountSid: config.TWILIO_ACCOUNT_SID!,
          authToken: config.TWILIO_AUTH_TOKEN!,
          contentBaseUrl: config.contentBaseUrl,
          timeoutMs: config.TWILIO_TIMEOUT_MS,
        })
      : null,
    store,
    outbox,
    i18n,
    clock,
    logger,
    retentionSeconds: (r) =>
      (r.childAlone ? config.CHILD_ALONE_TTL_DAYS : config.CONVERSATION_TTL_DAYS) * 86_400,
    onNotice: async (conversationId, entry) => {
      const ticket = await handoffSideRef?.tickets.openFor(conversationId);
      if (ticket) await handoffSideRef?.publish.transcript(ticket, [entry]);
    },
  });
  recontactRef = recontact;

  const machine = createFaroMachine(topics);
  const nearby = (await import('./engine/nearby-text.ts')).createNearby({ i18n, rootDir: ROOT_DIR, clock });
  const compose = createComposeReply({
    i18n,
    topics,
    servicesText,
    nearbyText: nearby.text,
    defaults: { days: config.CONVERSATION_TTL_DAYS },
  });

  // Engine and timers need each other: a timer drops an event into the engine.
  let engineRef: Engine | null = null;
  const fire = async (conversationId: string, event: 'NO_ANSWER', key: string) =>
    engineRef?.acceptEvent(conversationId, event, `evt-${key}`);
  const timers = redis
    ? createBullmqTimers({
        connection: () => createRedis(config, { forBullmq: true }),
        prefix: config.REDIS_KEY_PREFIX,
        fire,
        logger,
        sealer,
        consume: works,
      })
    : createMemoryTimers({ fire });

  const stats = buildStats({ config, redis, clock, logger });
  const handoffSide = await buildHandoff({
    config,
    redis,
    subscriber: redis ? () => createRedis(config, { forBullmq: true }) : null,
    store,
    crypto,
    sealer,
    i18n,
    timers,
    clock,
    logger,
    noAnswerDelayMs: o.noAnswerDelayMs,
    onTicketChange: (before, after) => stats.recorder.ticketChanged(before, after),
  });
  handoffSideRef = handoffSide;
  // Casework needs the audit log and claims, which the console builds after the engine.
  let consoleRef: ConsoleSide | null = null;
  const casework = buildCasework({
    config,
    redis,
    store,
    crypto,
    sealer,
    i18n,
    outbox,
    handoff: handoffSide,
    understand,
    clock,
    logger,
    render: (channel, text) =>
      renderForChannel({ channel, text, smsEncoding: config.SMS_ENCODING, maxMessages: 12 }).messages,
    audit: async (entry) => consoleRef?.staff.audit(entry),
    assign: async (ticketId, username) =>
      (await consoleRef?.api.actions.autoClaim(ticketId, username)) ?? false,
    onReferral: (r) => stats.recorder.referral(r),
  });
  const handoff = casework.handoff;
  observeQueue(metrics, async () => {
    const waiting = await handoffSide.tickets.list('waiting');
    const oldest = Math.min(...waiting.map((t) => t.createdAt), clock.now());
    return { waiting: waiting.length, oldestWaitMs: clock.now() - oldest };
  });
  handoffRef = handoff;

  // Lists and buttons on WhatsApp for the messages `npm run content:sync` made resources for.
  const contentCatalog =
    o.contentCatalog ??
    (config.contentSidsFile
      ? loadContentCatalog(resolve(ROOT_DIR, config.contentSidsFile))
      : createContentCatalog({}));
  if (contentCatalog.size > 0) logger.info({ event: 'content_catalog', resources: contentCatalog.size });
  const engine = createEngine({
    store,
    machine,
    compose,
    understand,
    render: (channel, text) => renderForChannel({ channel, text, smsEncoding: config.SMS_ENCODING }).messages,
    contentSid: contentCatalog.sidFor,
    locate: nearby.locate,
    crypto,
    outbox,
    handoff,
    cases: casework.codes,
    clock,
    logger,
    retention: {
      conversationDays: config.CONVERSATION_TTL_DAYS,
      childAloneDays: config.CHILD_ALONE_TTL_DAYS,
    },
    floodMaxPerMinute: config.FLOOD_MAX_PER_MINUTE,
    handOff: works ? undefined : (id) => workQueue!.notify(id),
    // A web process hands a message in danger to a worker ahead of the backlog (a web thread
    // leaves the check to its work thread, through onAccepted, to keep its own CPU for webhooks).
    urgent: works || o.onAccepted ? undefined : (text) => detectRisk(text) !== null,
    onAccepted: o.onAccepted,
    onStep: ({ effects, channel, ms, lang, city, message, isNew }) => {
      metrics.stepSeconds.observe({ channel }, ms / 1000);
      stats.recorder.step({ effects, channel, lang, city, message, isNew });
      for (const e of effects) {
        if (e.type === 'escalate') metrics.escalations.inc({ reason: e.reason });
        if (e.type === 'showScreen') metrics.topicsViewed.inc({ screen: e.id });
      }
    },
  });
  engineRef = engine;

  const staffConsole = buildConsole({
    config,
    redis,
    handoff: handoffSide,
    store,
    crypto,
    i18n,
    engine,
    outbox,
    timers,
    clock,
    rootDir: ROOT_DIR,
    logger,
    casework,
    stats,
    twilioMedia,
    recontact,
  });
  consoleRef = staffConsole;
  // Embedded mode: a demo supervisor, unless DEMO_STAFF=false (never in production or tests).
  const demoStaff = config.DEMO_STAFF ?? (config.storeKind === 'memory' && config.NODE_ENV === 'development');

  let sweeper: NodeJS.Timeout | null = null;
  let retention: NodeJS.Timeout | null = null;
  let stopConsuming: (() => Promise<void>) | null = null;
  return {
    config,
    logger,
    clock,
    store,
    crypto,
    sealer,
    i18n,
    engine,
    outbox,
    timers,
    handoff,
    handoffSide,
    casework,
    staffConsole,
    metrics,
    stats,
    localSender,
    redis,
    async start() {
      if (works) await engine.sweep(0);
      if (demoStaff) {
        const credentials = await createDemoSupervisor(staffConsole.staff, clock);
        (o.announce ?? ((text) => process.stdout.write(text)))(
          demoCredentialsText(credentials, config.publicBaseUrl),
        );
      }
      if (!works) return;
      // Conversations handed over by `web` processes; past 256 in hand, hints wait for another
      // worker. A work thread trickles while its process's webhook thread is saturated.
      const gate = createWorkGate({ max: 256, webBusy: o.webBusy });
      stopConsuming =
        workQueue?.consume(
          (id) => {
            gate.took();
            engine.kick(id);
          },
          () => gate.room(engine.inFlight()),
        ) ?? null;
      sweeper = setInterval(() => {
        const room = Math.min(100, gate.room(engine.inFlight()));
        if (room > 0) gate.took();
        engine.sweep(2_000, room).catch(() => undefined);
      }, o.sweepEveryMs ?? 1_000);
      sweeper.unref();
      // Retention runs every minute on every instance; erasing the same conversation twice is harmless.
      retention = setInterval(() => {
        engine.expire().catch(() => undefined);
      }, 60_000);
      retention.unref();
    },
    async stop() {
      if (sweeper) clearInterval(sweeper);
      if (retention) clearInterval(retention);
      await stopConsuming?.();
      await engine.stop();
      await timers.close();
      await handoffSide.events.close();
      await outbox.close();
      await stats.recorder.idle();
      await store.close();
      closeSender();
    },
  };
}
