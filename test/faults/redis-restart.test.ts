import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  type FaroProcess,
  faroEnv,
  freePort,
  type RedisProcess,
  startFaro,
  startRedis,
  waitUntil,
} from '../helpers/processes.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

describe('Redis restarted (AOF on) while traffic flows', () => {
  let fake: FakeTwilio;
  let redis: RedisProcess;
  let faro: FaroProcess;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    redis = await startRedis(await freePort());
    faro = await startFaro(
      await freePort(),
      faroEnv({
        twilioBaseUrl: fake.baseUrl,
        dataKey: randomBytes(32),
        redisUrl: redis.url,
        extra: { OUTBOX_SMS_PER_SECOND: '100' },
      }),
    );
  }, 60_000);

  afterAll(async () => {
    await faro?.stop();
    await redis?.stop();
    await fake?.close();
  });

  const status = async (path: string) => (await fetch(faro.url + path).catch(() => null))?.status ?? 0;

  it('answers with the outage message meanwhile, reports not ready, and resumes the conversation after', async () => {
    const user = '+5219628000001';
    const bystander = '+5219628000002';
    // "hola": hello, privacy and the menu (two SMS); "2": children's rights ask the age first.
    for (const text of ['hola', '2'])
      expect((await signedPost(faro.url, PATH, inboundForm(user, text))).status).toBe(200);
    await waitUntil(async () => fake.messages.filter((m) => m.to === user).length === 3, 10_000);
    expect(fake.messages.at(-1)?.body).toMatch(/menos de 18/);
    expect(await status('/readyz')).toBe(200);

    await redis.stop();
    await waitUntil(
      async () => (await status('/readyz')) === 503,
      10_000,
      () => 'readyz stayed 200',
    );
    const during = await signedPost(faro.url, PATH, inboundForm(bystander, 'hola'));
    expect(during.status).toBe(200);
    expect(during.body).toMatch(/<Message>[^<]*911[^<]*<\/Message>/);
    expect(during.body).toMatch(/Faro/);
    expect(await status('/healthz')).toBe(200);

    await redis.start();
    await waitUntil(
      async () => (await status('/readyz')) === 200,
      20_000,
      () => 'readyz did not recover',
    );
    expect(faro.child.exitCode).toBeNull();

    // The conversation continues where it was: the age question was asked, "1" answers it.
    expect((await signedPost(faro.url, PATH, inboundForm(user, '1'))).status).toBe(200);
    await waitUntil(
      async () => fake.messages.filter((m) => m.to === user).length === 4,
      15_000,
      () => 'no reply after recovery',
    );
    expect(fake.messages.filter((m) => m.to === user).at(-1)?.body).toMatch(/Tus derechos/);
  }, 90_000);
});
