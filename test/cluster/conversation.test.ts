import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';

/**
 * A short conversation end to end on whatever Redis the tests are pointed at: the single
 * server in `npm test`, a three-node Cluster or a Sentinel setup in `npm run test:cluster`.
 */
describe('a conversation on the configured Redis', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    t = await createTestApp({
      store: 'redis',
      env: { TWILIO_API_BASE_URL: fake.baseUrl, OUTBOX_SMS_PER_SECOND: '100' },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('answers a child in Tapachula in order, once per message, and erases on request', async () => {
    const user = '+5219621110000';
    // Hello and the menu; a safe place (the city first); Tapachula; erase, confirmed.
    const said = ['hola', '4', '1', 'BORRAR', 'si'];
    const replies: string[][] = [];
    for (const text of said) {
      const before = fake.messages.filter((m) => m.to === user).length;
      expect((await t.post('/webhooks/twilio/messages', inboundForm(user, text))).statusCode).toBe(200);
      await t.services.engine.idle();
      await t.services.outbox.drain();
      replies.push(
        fake.messages
          .filter((m) => m.to === user)
          .slice(before)
          .map((m) => m.body),
      );
    }
    for (const r of replies) expect(r.length).toBeGreaterThan(0);
    expect(replies[1]!.join('\n')).toMatch(/En qu[eé] ciudad estas/i);
    expect(replies[2]!.join('\n')).toMatch(/lugar seguro para dormir/i);
    expect(replies[4]!.join('\n')).toMatch(/borr/i);
    expect(await t.services.store.load(t.services.crypto.hash(user))).toBeNull();
  });
});
