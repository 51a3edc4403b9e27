import type { Redis } from 'ioredis';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { conversationKeys } from '../../src/store/keys.ts';
import { senderAddress } from '../traffic/webhook-traffic.ts';

/**
 * Experiment `--accept-only`: holds the processing lock of every benchmark conversation, as
 * another instance would, so that Faro records each message (the webhook's whole job) but
 * does not step it or send a reply. What is left is the cost of the webhook path alone.
 */
export async function holdConversationLocks({
  redis,
  prefix,
  dataKey,
  senders,
  ttlMs,
}: {
  redis: Redis;
  prefix: string;
  dataKey: Buffer;
  senders: number;
  ttlMs: number;
}): Promise<{ release(): Promise<void> }> {
  const crypto = createAddressCrypto(dataKey);
  const locks = Array.from(
    { length: senders },
    (_, i) => conversationKeys(prefix, crypto.hash(senderAddress(i + 1))).lock,
  );
  const pipe = redis.pipeline();
  for (const key of locks) pipe.set(key, 'held-by-benchmark', 'PX', ttlMs);
  await pipe.exec();
  return {
    async release() {
      for (let i = 0; i < locks.length; i += 500) await redis.del(...locks.slice(i, i + 500));
    },
  };
}
