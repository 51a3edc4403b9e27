import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  type FaroProcess,
  faroEnv,
  freePort,
  pool,
  repliesFor,
  startFaro,
  waitUntil,
} from '../helpers/processes.ts';
import { signedPost } from '../helpers/signed-post.ts';
import {
  deleteKeys,
  inboundForm,
  REDIS_URL,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
} from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

/** Sum of a Prometheus counter or histogram `_count` over its labels. */
async function metric(faro: FaroProcess, name: string): Promise<number> {
  const text = await (await fetch(`${faro.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

describe('a web process and a worker process (FARO_ROLE)', () => {
  let fake: FakeTwilio;
  let web: FaroProcess;
  let worker: FaroProcess;
  let workerEnv: Record<string, string>;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const env = faroEnv({
      twilioBaseUrl: fake.baseUrl,
      prefix,
      dataKey,
      extra: { OUTBOX_SMS_PER_SECOND: '5000', FLOOD_MAX_PER_MINUTE: '1000' },
    });
    workerEnv = { ...env, FARO_ROLE: 'worker' };
    [web, worker] = await Promise.all([
      startFaro(await freePort(), { ...env, FARO_ROLE: 'web' }),
      startFaro(await freePort(), workerEnv),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()]);
    await fake?.close();
    await deleteKeys(prefix);
  });

  async function converse(senders: string[], from: number, count: number) {
    await pool(senders, 20, async (sender) => {
      for (let k = from; k < from + count; k++) {
        const res = await signedPost(web.url, PATH, inboundForm(sender, k === 0 ? 'hola' : `mensaje ${k}`));
        expect(res.status).toBe(200);
      }
    });
  }

  it('answers through the worker, in order, once each; the web process steps and sends nothing', async () => {
    const senders = Array.from({ length: 40 }, (_, i) => `+5219625${String(i).padStart(6, '0')}`);
    await converse(senders, 0, 3);
    const first = senders.length * repliesFor(3);
    await waitUntil(
      async () => fake.messages.length >= first,
      30_000,
      () => `only ${fake.messages.length} of ${first} replies`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.messages).toHaveLength(first);
    for (const s of senders) expect(fake.messages.filter((m) => m.to === s)).toHaveLength(repliesFor(3));
    expect(await metric(web, 'faro_step_seconds_count')).toBe(0);
    expect(await metric(web, 'faro_messages_out_total')).toBe(0);
    expect(await metric(worker, 'faro_step_seconds_count')).toBe(120);

    // No worker running: the web process still takes every message; the next worker answers them.
    expect(await worker.stop('SIGTERM')).toBe(0);
    await converse(senders, 3, 2);
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.messages).toHaveLength(first);
    worker = await startFaro(await freePort(), workerEnv);
    const all = senders.length * repliesFor(5);
    await waitUntil(
      async () => fake.messages.length >= all,
      30_000,
      () => `only ${fake.messages.length} of ${all} replies after the worker came back`,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(fake.messages).toHaveLength(all);

    const redis = new Redis(REDIS_URL);
    const store = createRedisStore({ redis, prefix, clock: createManualClock() });
    const crypto = createAddressCrypto(dataKey);
    try {
      for (const s of senders) {
        const said = (await store.transcript(crypto.hash(s)))
          .filter((e) => e.from === 'user')
          .map((e) => e.text);
        expect(said).toEqual(['hola', 'mensaje 1', 'mensaje 2', 'mensaje 3', 'mensaje 4']);
      }
    } finally {
      await redis.quit();
    }
  }, 120_000);
});
