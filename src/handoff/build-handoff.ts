import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from '../engine/clock.ts';
import { errorSummary } from '../engine/engine.ts';
import type { Timers } from '../engine/ports.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import type { Sealer } from '../privacy/seal.ts';
import { withTicketCounts } from '../stats/count-tickets.ts';
import type { TicketBefore } from '../stats/stats-recorder.ts';
import type { ConversationStore } from '../store/store.ts';
import { createBusinessHours, parseHolidays, parseSchedule } from './business-hours.ts';
import { createLocalLiveEvents, type LiveEvents } from './live-events.ts';
import { createMemoryTicketStore } from './memory-ticket-store.ts';
import { createRedisLiveEvents, liveEventsChannel } from './redis-live-events.ts';
import { createRedisTicketStore } from './redis-ticket-store.ts';
import { createStaffHandoff } from './staff-handoff.ts';
import type { Ticket } from './ticket.ts';
import { createTicketPublisher } from './ticket-events.ts';
import { createTicketViews } from './ticket-view.ts';

export type HandoffSide = Awaited<ReturnType<typeof buildHandoff>>;

/**
 * The ticket side, wired for the configured store: tickets, live events (Redis pub/sub on
 * its own subscriber connection, or in-process), business hours and the engine's port.
 */
export async function buildHandoff({
  config,
  redis,
  subscriber,
  store,
  crypto,
  sealer,
  i18n,
  timers,
  clock,
  logger,
  noAnswerDelayMs,
  onTicketChange,
}: {
  config: Readonly<Config>;
  redis: Redis | Cluster | null;
  /** A separate connection for pub/sub (Redis mode). */
  subscriber: (() => Redis | Cluster) | null;
  store: ConversationStore;
  crypto: AddressCrypto;
  /** Seals ticket JSON in Redis (notes, labels, the closed ticket's transcript). */
  sealer: Sealer;
  i18n: I18n;
  timers: Timers;
  clock: Clock;
  logger: Logger;
  noAnswerDelayMs?: number;
  /** Told of each ticket created and each change saved, exactly once (the aggregate counters). */
  onTicketChange?: (before: TicketBefore | null, after: Ticket) => void;
}) {
  const closedTtlMs = config.CLOSED_TICKET_TTL_DAYS * 86_400_000;
  const stored = redis
    ? createRedisTicketStore({ redis, prefix: config.REDIS_KEY_PREFIX, clock, closedTtlMs, sealer })
    : createMemoryTicketStore({ clock, closedTtlMs });
  const tickets = onTicketChange ? withTicketCounts(stored, onTicketChange) : stored;
  const events: LiveEvents =
    redis && subscriber
      ? await createRedisLiveEvents({
          publisher: redis,
          subscriber: subscriber(),
          channel: liveEventsChannel(config.REDIS_KEY_PREFIX),
          logger,
        })
      : createLocalLiveEvents();
  const hours = createBusinessHours({
    schedule: parseSchedule(config.BUSINESS_HOURS),
    holidays: parseHolidays(config.HOLIDAYS),
  });
  const views = createTicketViews({ store, crypto });
  const publish = createTicketPublisher({
    events,
    views,
    onError: (err) => logger.warn({ event: 'live_event_failed', err: errorSummary(err) }),
  });
  const handoff = createStaffHandoff({
    tickets,
    views,
    publish,
    timers,
    i18n,
    hours,
    expectedWaitMinutes: config.HANDOFF_EXPECTED_WAIT_MINUTES,
    noAnswerDelayMs: noAnswerDelayMs ?? config.HANDOFF_NO_ANSWER_MINUTES * 60_000,
    logger,
  });
  return { tickets, events, hours, views, publish, handoff, closedTtlMs };
}
