import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { createRedisTicketStore } from '../../src/handoff/redis-ticket-store.ts';
import { ticketKeys } from '../../src/store/ticket-keys.ts';
import { deleteKeys, REDIS_URL } from '../helpers/test-app.ts';
import { testSealer } from '../helpers/test-sealer.ts';
import { makeTicket } from './ticket-factory.ts';
import { ticketStoreContract } from './ticket-store-contract.ts';

ticketStoreContract('redis', async (clock, closedTtlMs) => {
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  return {
    store: createRedisTicketStore({ redis, prefix, clock, closedTtlMs, sealer: testSealer() }),
    elapse: async (ms) => {
      clock.advance(ms);
      await new Promise((r) => setTimeout(r, ms));
    },
    cleanup: async () => {
      await redis.quit();
      await deleteKeys(prefix);
    },
  };
});

describe('redis ticket keys', () => {
  it('puts every ticket key in one Cluster slot and expires closed tickets after the retention', async () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const redis = new Redis(REDIS_URL);
    const days = 30;
    const store = createRedisTicketStore({
      redis,
      prefix,
      clock: createManualClock(),
      closedTtlMs: days * 86_400_000,
      sealer: testSealer(),
    });
    try {
      const t = makeTicket();
      await store.create(t);
      await store.update(t.id, (x) => ({ ...x, status: 'closed', closedAt: Date.UTC(2026, 10, 26, 16) }));
      const keys = await redis.keys(`${prefix}*`);
      expect(keys.length).toBeGreaterThanOrEqual(3);
      const slots = new Set(
        await Promise.all(keys.map((key) => redis.call('CLUSTER', 'KEYSLOT', key).catch(() => slotOf(key)))),
      );
      expect(slots.size).toBe(1);
      const k = ticketKeys(prefix);
      const ttl = await redis.pttl(k.ticket(t.id));
      expect(ttl).toBeGreaterThan((days - 1) * 86_400_000);
      expect(ttl).toBeLessThanOrEqual(days * 86_400_000);
      expect(await redis.pttl(k.byConversation(t.conversationId!))).toBeGreaterThan(0);
    } finally {
      await redis.quit();
      await deleteKeys(prefix);
    }
  });
});

/** The hash tag is what decides the slot; without cluster mode compare the tags. */
function slotOf(key: string) {
  return /\{([^}]+)\}/.exec(key)?.[1] ?? key;
}
