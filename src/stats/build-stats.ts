import type { Cluster, Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Clock } from '../engine/clock.ts';
import { parseHolidays, parseSchedule } from '../handoff/business-hours.ts';
import type { CountStore } from './count-store.ts';
import { STATS_TIME_ZONE } from './local-date.ts';
import { createMemoryCountStore } from './memory-count-store.ts';
import { readStats } from './read-stats.ts';
import { createRedisCountStore } from './redis-count-store.ts';
import { createStatsRecorder } from './stats-recorder.ts';
import { buildTables, type PublicStats } from './stats-tables.ts';

export type StatsSide = ReturnType<typeof buildStats>;

/** The counters, wired for the configured store: what records them and what reads a period. */
export function buildStats({
  config,
  redis,
  clock,
  logger,
  counts = redis
    ? createRedisCountStore({ redis, prefix: config.REDIS_KEY_PREFIX })
    : createMemoryCountStore(),
}: {
  config: Readonly<Config>;
  redis: Redis | Cluster | null;
  clock: Clock;
  logger: Logger;
  counts?: CountStore;
}) {
  const hours = {
    schedule: parseSchedule(config.BUSINESS_HOURS),
    holidays: parseHolidays(config.HOLIDAYS),
    timeZone: STATS_TIME_ZONE,
  };
  const recorder = createStatsRecorder({ counts, clock, hours, logger });
  return {
    counts,
    recorder,
    /** A period's figures, small counts suppressed (`from`, `to`: local dates, both included). */
    async read(from: string, to: string): Promise<PublicStats> {
      return buildTables(await readStats(counts, from, to));
    },
  };
}
