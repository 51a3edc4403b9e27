import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { globalKeys } from '../../src/store/keys.ts';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import type { StoredInbound } from '../../src/store/store.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';
import { testSealer } from '../helpers/test-sealer.ts';
import { storeContract } from './store-contract.ts';

storeContract('redis', async (clock) => {
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const redis = testRedis();
  return {
    store: createRedisStore({ redis, prefix, clock, sealer: testSealer() }),
    cleanup: async () => {
      await redis.quit();
      await deleteKeys(prefix);
    },
  };
});

describe('the work list a web process fills', () => {
  it('puts a message in danger at the front, to be stepped before the backlog', async () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const redis = testRedis();
    const clock = createManualClock();
    const store = createRedisStore({ redis, prefix, clock, sealer: testSealer() });
    try {
      const opts = { minute: 1, floodMax: 20, at: clock.now() };
      for (const c of ['c1', 'c2', 'c3']) {
        await store.acceptInbound(c, inbound(`SM${c}`), { ...opts, notify: true });
      }
      await store.acceptInbound('c9', inbound('SMc9'), { ...opts, notify: 'urgent' });
      expect(await redis.lrange(globalKeys(prefix).work, 0, -1)).toEqual(['c9', 'c1', 'c2', 'c3']);
    } finally {
      await redis.quit();
      await deleteKeys(prefix);
    }
  });
});

const inbound = (id: string): StoredInbound => ({
  id,
  kind: 'message',
  channel: 'sms',
  addressEnc: 'v1.enc',
  to: '+15005550006',
  text: 'hola',
  mediaCount: 0,
  mediaTypes: [],
  receivedAt: 1,
});
