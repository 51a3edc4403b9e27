import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { waitUntil } from '../helpers/processes.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';

const SENTINELS = process.env.FARO_TEST_REDIS_SENTINELS;
const NAME = process.env.FARO_TEST_REDIS_SENTINEL_NAME ?? 'faro';

/**
 * `npm run test:cluster` only (it starts a master, a replica and a Sentinel): Sentinel promotes
 * the replica mid-conversation, and Faro carries on against the new master by itself.
 */
describe.runIf(SENTINELS && process.env.FARO_TEST_SENTINEL_FAILOVER)('a Sentinel failover', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  let sentinel: Redis;
  const [host, port] = (SENTINELS ?? '127.0.0.1:0').split(',')[0]!.split(':');

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    t = await createTestApp({
      store: 'redis',
      env: { TWILIO_API_BASE_URL: fake.baseUrl, OUTBOX_SMS_PER_SECOND: '100' },
    });
    sentinel = new Redis({ host, port: Number(port) });
  });
  afterAll(async () => {
    await t?.close();
    await fake?.close();
    sentinel?.disconnect();
  });

  const master = async () =>
    ((await sentinel.call('SENTINEL', 'get-master-addr-by-name', NAME)) as string[]).join(':');

  let outageAnswers = 0;

  /** What a user does when the bot says it is briefly down: writes again, until it is recorded. */
  async function say(user: string, text: string) {
    const form = inboundForm(user, text);
    await waitUntil(
      async () => {
        const res = await t.post('/webhooks/twilio/messages', form);
        expect(res.statusCode).toBe(200);
        if (res.body.includes('<Message>')) {
          outageAnswers++;
          await new Promise((r) => setTimeout(r, 300));
        }
        return !res.body.includes('<Message>');
      },
      30_000,
      () => `"${text}" was never recorded after the failover`,
    );
    await t.services.engine.idle();
    await t.services.outbox.drain();
  }

  it('keeps the conversation where it was when the replica becomes master', async () => {
    const user = '+5219621110099';
    await say(user, 'hola');
    await say(user, '1'); // Spanish: the privacy note and the age question follow
    const before = await master();
    // Let the replica catch up, as a planned failover would.
    const old = new Redis({ host: before.split(':')[0], port: Number(before.split(':')[1]) });
    await old.call('WAIT', '1', '2000');
    old.disconnect();
    await sentinel.call('SENTINEL', 'FAILOVER', NAME);
    const switched = Date.now();
    await waitUntil(
      async () => (await master()) !== before,
      30_000,
      () => 'no new master',
    );
    const after = await master();
    const switchMs = Date.now() - switched;

    await say(user, '2'); // age group: the next question, not the greeting again
    await say(user, '1');
    const bodies = fake.messages.filter((m) => m.to === user).map((m) => m.body);
    expect(bodies).toHaveLength(4);
    expect(bodies[2]).not.toEqual(bodies[0]);
    const record = await t.services.store.load(t.services.crypto.hash(user));
    expect(record?.version).toBe(4);
    console.log(
      `Sentinel moved the master from ${before} to ${after} in ${switchMs} ms; then 2 more messages ` +
        `recorded (${outageAnswers} outage answers on the way), 4 replies in all, the state kept`,
    );
  }, 90_000);
});
