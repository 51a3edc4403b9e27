import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Outbox, OutboxJob } from '../../src/engine/ports.ts';
import { createBullmqOutbox } from '../../src/outbox/bullmq-outbox.ts';
import { createMemoryOutbox } from '../../src/outbox/memory-outbox.ts';
import { createRedis } from '../../src/store/redis/create-redis.ts';
import { waitUntil } from '../helpers/processes.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { redisEnv } from '../helpers/test-redis.ts';
import { testSealer } from '../helpers/test-sealer.ts';

const redisConfig = () => {
  const env = redisEnv();
  return {
    REDIS_URL: env.REDIS_URL,
    REDIS_CLUSTER_NODES: env.REDIS_CLUSTER_NODES,
    REDIS_SENTINELS: env.REDIS_SENTINELS,
    REDIS_SENTINEL_NAME: env.REDIS_SENTINEL_NAME,
  };
};
const job: OutboxJob = { kind: 'stored', conversationId: 'c1', messageId: 'SM1.0', channel: 'sms' };

/** deliver throws what it cannot classify (a Redis error): after the last try the outbox says so. */
describe.each(['memory', 'bullmq'] as const)('%s outbox giving up', (kind) => {
  let outbox: Outbox | null = null;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  afterEach(async () => {
    await outbox?.close();
    if (kind === 'bullmq') await deleteKeys(prefix);
  });

  it('tries maxAttempts times, then hands the job to onGaveUp once', async () => {
    const tries: boolean[] = [];
    const gaveUp: OutboxJob[] = [];
    const deliver = async (_job: OutboxJob, { finalAttempt }: { finalAttempt: boolean }) => {
      tries.push(finalAttempt);
      throw new Error('Connection is closed.');
    };
    const onGaveUp = async (j: OutboxJob) => void gaveUp.push(j);
    const perSecond = { sms: 100, whatsapp: 100 };
    outbox =
      kind === 'memory'
        ? createMemoryOutbox({ deliver, maxAttempts: 2, backoffMs: 10, onGaveUp })
        : createBullmqOutbox({
            connection: () => createRedis(redisConfig(), { forBullmq: true }),
            prefix,
            deliver,
            perSecond,
            maxAttempts: 2,
            logger: pino({ level: 'silent' }),
            sealer: testSealer(),
            onGaveUp,
          });
    await outbox.enqueue([job]);
    await waitUntil(
      async () => gaveUp.length > 0,
      15_000,
      () => `tries: ${tries.length}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(tries).toEqual([false, true]);
    expect(gaveUp).toEqual([job]);
  }, 30_000);
});
