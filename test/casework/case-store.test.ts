import { randomBytes } from 'node:crypto';
import { createMemoryCaseKv, createRedisCaseKv } from '../../src/casework/case-kv.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';
import { caseStoreContract } from './case-store-contract.ts';

caseStoreContract('memory', async (clock) => ({
  kv: createMemoryCaseKv(clock),
  prefix: 'faro:',
  close: async () => undefined,
}));

caseStoreContract('redis', async () => {
  const redis = testRedis();
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  return {
    kv: createRedisCaseKv(redis),
    prefix,
    async close() {
      await redis.quit();
      await deleteKeys(prefix);
    },
  };
});
