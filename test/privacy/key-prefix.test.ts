import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalSender } from '../../src/channels/local/local-sender.ts';
import { createTestApp, inboundForm, type TestApp } from '../helpers/test-app.ts';
import { scanAll, testRedis } from '../helpers/test-redis.ts';

/**
 * REDIS_KEY_PREFIX is what an operator scopes a Redis ACL (`~faro:*`), a SCAN or a backup
 * filter by: every key Faro writes, BullMQ's queues included, must start with it.
 */
describe('REDIS_KEY_PREFIX', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ store: 'redis', overrides: { sender: createLocalSender() } });
  });
  afterAll(() => t.close());

  it("starts every key Faro writes, BullMQ's outbox and timers included", async () => {
    await t.post('/webhooks/twilio/messages', inboundForm('whatsapp:+5219625554444', 'hola'));
    await t.services.engine.idle();
    await t.services.outbox.drain();
    const redis = testRedis();
    try {
      const keys = await scanAll(redis, `*${t.prefix}*`);
      expect(keys.filter((k) => k.includes('outbox-')).length).toBeGreaterThan(0);
      expect(keys.filter((k) => !k.startsWith(t.prefix))).toEqual([]);
    } finally {
      await redis.quit();
    }
  });
});
