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

const PATH = '/webhooks/twilio/messages';

describe('the Twilio API failing', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    t = await createTestApp({
      store: 'redis',
      env: { TWILIO_API_BASE_URL: fake.baseUrl, TWILIO_TIMEOUT_MS: '300', OUTBOX_SMS_PER_SECOND: '100' },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('delivers every queued message once after 500, 429, a timeout and a reset', async () => {
    const users = ['+5219629000001', '+5219629000002', '+5219629000003', '+5219629000004'];
    fake.failNext([{ status: 500 }, { status: 429, code: 20429 }, 'hang', 'reset', { status: 503 }]);
    for (const u of users) expect((await t.post(PATH, inboundForm(u, 'hola'))).statusCode).toBe(200);
    await t.services.engine.idle();
    // The first reply (hello, privacy note, menu) is two SMS: each must arrive exactly once.
    const parts = 2;
    await waitUntil(
      async () => users.every((u) => fake.messages.filter((m) => m.to === u).length >= parts),
      30_000,
      () => `delivered to ${new Set(fake.messages.map((m) => m.to)).size} of ${users.length}`,
    );
    await t.services.outbox.drain(30_000);
    for (const u of users) {
      const bodies = fake.messages.filter((m) => m.to === u).map((m) => m.body);
      expect(bodies).toHaveLength(parts);
      expect(new Set(bodies).size).toBe(parts);
    }
    expect(t.logs.join('')).toContain('"event":"send_failed"');
  }, 60_000);

  it('stops sending to a user who opted out (21610) until they write again', async () => {
    const user = '+5219629000009';
    fake.failNext([{ status: 400, code: 21610, message: 'Attempt to send to unsubscribed recipient' }]);
    await t.post(PATH, inboundForm(user, 'hola'));
    await t.services.engine.idle();
    await t.services.outbox.drain();
    const id = t.services.crypto.hash(user);
    expect((await t.services.store.load(id))?.stopped).toBe(true);

    // Anything else for this user (a staff reply, a reminder) is not sent while stopped.
    const now = Date.now();
    await t.services.store.addOutbound(
      {
        id: 'staff-1',
        conversationId: id,
        channel: 'sms',
        body: 'Hola, soy Ana',
        origin: 'staff',
        status: 'pending',
        sid: null,
        attempts: 0,
        error: null,
        createdAt: now,
        updatedAt: now,
      },
      null,
      3600,
    );
    await t.services.outbox.enqueue([
      { kind: 'stored', conversationId: id, messageId: 'staff-1', channel: 'sms' },
    ]);
    await t.services.outbox.drain();
    expect((await t.services.store.getMessage(id, 'staff-1'))?.status).toBe('canceled');
    expect(fake.messages.filter((m) => m.to === user)).toHaveLength(0);

    // Writing again (after START) opts back in: the answer is one message.
    await t.post(PATH, inboundForm(user, 'gracias'));
    await t.services.engine.idle();
    await t.services.outbox.drain();
    expect((await t.services.store.load(id))?.stopped).toBe(false);
    expect(fake.messages.filter((m) => m.to === user)).toHaveLength(1);
  }, 30_000);
});
