import type { Redis } from 'ioredis';
import { bullmqPrefix } from '../../src/store/bullmq-prefix.ts';

/** Work Faro still has: conversations pending a step, and outbox jobs not yet sent. */
export async function backlog(redis: Redis, prefix: string): Promise<{ pending: number; outbox: number }> {
  const bull = bullmqPrefix(prefix);
  const pipe = redis.pipeline().zcard(`${prefix}pending`);
  for (const queue of ['outbox-sms', 'outbox-whatsapp']) {
    const q = `${bull}:${queue}`;
    pipe.llen(`${q}:wait`).llen(`${q}:active`).zcard(`${q}:delayed`).zcard(`${q}:prioritized`);
  }
  const counts = ((await pipe.exec()) ?? []).map(([, n]) => Number(n));
  const [pending = 0, ...outbox] = counts;
  return { pending, outbox: outbox.reduce((a, b) => a + b, 0) };
}

/**
 * Waits until Faro has stepped every recorded message and sent every reply, and the fake
 * Twilio count has stopped moving. Returns how long that took, or throws after `timeoutMs`.
 */
export async function waitForDrain({
  redis,
  prefix,
  sentCount,
  timeoutMs,
}: {
  redis: Redis;
  prefix: string;
  sentCount: () => Promise<number>;
  timeoutMs: number;
}): Promise<number> {
  const start = performance.now();
  let last = -1;
  let stableSince = 0;
  while (performance.now() - start < timeoutMs) {
    const { pending, outbox } = await backlog(redis, prefix);
    const sent = await sentCount();
    const now = performance.now();
    if (pending + outbox > 0 || sent !== last) {
      last = sent;
      stableSince = now;
    } else if (now - stableSince >= 500) {
      return stableSince - start;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const left = await backlog(redis, prefix);
  throw new Error(
    `Faro did not drain in ${timeoutMs} ms: ${left.pending} pending, ${left.outbox} outbox jobs`,
  );
}
