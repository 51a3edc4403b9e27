import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import type { CountStore } from '../../src/stats/count-store.ts';
import { createMemoryCountStore } from '../../src/stats/memory-count-store.ts';
import { createRedisCountStore } from '../../src/stats/redis-count-store.ts';
import { STATS_TTL_SECONDS, statsKeys } from '../../src/stats/stats-keys.ts';
import { deleteKeys, REDIS_URL } from '../helpers/test-app.ts';

type Fixture = { counts: CountStore; cleanup(): Promise<void> };

const stores: Array<[string, () => Promise<Fixture>]> = [
  ['memory', async () => ({ counts: createMemoryCountStore(), cleanup: async () => undefined })],
  [
    'redis',
    async () => {
      const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
      const redis = new Redis(REDIS_URL);
      return {
        counts: createRedisCountStore({ redis, prefix }),
        cleanup: async () => {
          await redis.quit();
          await deleteKeys(prefix);
        },
      };
    },
  ],
];

describe.each(stores)('%s count store', (_name, make) => {
  const withStore = async (fn: (counts: CountStore) => Promise<void>) => {
    const f = await make();
    try {
      await fn(f.counts);
    } finally {
      await f.cleanup();
    }
  };
  const day = (date: string) => ({ kind: 'day' as const, date });

  it('adds to the counters of a day and reads them back', () =>
    withStore(async (counts) => {
      await counts.add(day('2026-12-03'), new Map([['messages||-|es|sms', 2]]));
      await counts.add(
        day('2026-12-03'),
        new Map([
          ['messages||-|es|sms', 1],
          ['conversations||-|es|sms', 1],
        ]),
      );
      await counts.add(day('2026-12-04'), new Map([['messages||-|en|whatsapp', 5]]));
      const [d3, d4, d5] = await counts.read([day('2026-12-03'), day('2026-12-04'), day('2026-12-05')]);
      expect(Object.fromEntries(d3!)).toEqual({ 'messages||-|es|sms': 3, 'conversations||-|es|sms': 1 });
      expect(Object.fromEntries(d4!)).toEqual({ 'messages||-|en|whatsapp': 5 });
      expect(d5!.size).toBe(0);
    }));

  it('keeps reports by month, apart from the days', () =>
    withStore(async (counts) => {
      const month = { kind: 'reports' as const, month: '2026-12' };
      await counts.add(month, new Map([['returned_without_procedure|tapachula|this_week|migration', 1]]));
      await counts.add(month, new Map([['returned_without_procedure|tapachula|this_week|migration', 1]]));
      const [reports, days] = await counts.read([month, day('2026-12-01')]);
      expect(Object.fromEntries(reports!)).toEqual({
        'returned_without_procedure|tapachula|this_week|migration': 2,
      });
      expect(days!.size).toBe(0);
    }));

  it('refuses a bucket that is not a date or a month', () =>
    withStore(async (counts) => {
      await expect(counts.add(day('+5219625551111'), new Map([['x', 1]]))).rejects.toThrow(RangeError);
      await expect(counts.read([{ kind: 'reports', month: '2026-12-01' }])).rejects.toThrow(RangeError);
    }));
});

describe('redis counter keys', () => {
  it('live under one hash tag, apart from conversations, and last three years', async () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const redis = new Redis(REDIS_URL);
    try {
      const counts = createRedisCountStore({ redis, prefix });
      await counts.add({ kind: 'day', date: '2026-12-03' }, new Map([['messages||-|es|sms', 1]]));
      await counts.add(
        { kind: 'reports', month: '2026-12' },
        new Map([['other|elsewhere|earlier|unknown', 1]]),
      );
      const k = statsKeys(prefix);
      expect((await redis.keys(`${prefix}*`)).sort()).toEqual(
        [k.day('2026-12-03'), k.reports('2026-12')].sort(),
      );
      expect(k.day('2026-12-03')).toBe(`${prefix}{stats}:day:2026-12-03`);
      const ttl = await redis.ttl(k.day('2026-12-03'));
      expect(ttl).toBeGreaterThan(STATS_TTL_SECONDS - 60);
      expect(ttl).toBeLessThanOrEqual(STATS_TTL_SECONDS);
    } finally {
      await redis.quit();
      await deleteKeys(prefix);
    }
  });
});
