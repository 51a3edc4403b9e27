import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import { deleteKeys, REDIS_URL } from '../helpers/test-app.ts';
import { storeContract } from './store-contract.ts';

storeContract('redis', async (clock) => {
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const redis = new Redis(REDIS_URL);
  return {
    store: createRedisStore({ redis, prefix, clock }),
    cleanup: async () => {
      await redis.quit();
      await deleteKeys(prefix);
    },
  };
});
