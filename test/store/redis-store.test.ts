import { randomBytes } from 'node:crypto';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';
import { storeContract } from './store-contract.ts';

storeContract('redis', async (clock) => {
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const redis = testRedis();
  return {
    store: createRedisStore({ redis, prefix, clock }),
    cleanup: async () => {
      await redis.quit();
      await deleteKeys(prefix);
    },
  };
});
