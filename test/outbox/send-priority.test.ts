import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../src/store/store.ts';
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

/**
 * Two instances on one Redis and one slow SMS sender (3 segments a second), as on a crowded
 * morning: ten first messages queue about 50 segments of welcome replies, then a staff member
 * answers someone and a child writes that they are in danger.
 */
describe('the send order in a surge, across two instances', () => {
  let fake: FakeTwilio;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const env = {
      TWILIO_API_BASE_URL: fake.baseUrl,
      DATA_KEY: randomBytes(32).toString('base64'),
      TWILIO_SMS_MPS: '3',
    };
    a = await createTestApp({ store: 'redis', env, prefix });
    b = await createTestApp({ store: 'redis', env, prefix });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fake?.close();
  });

  it('sends the emergency reply and the staff reply before the welcomes queued ahead of them', async () => {
    // Someone talking with staff, whose conversation is quiet by now.
    const helped = '+5219621230000';
    await a.post(PATH, inboundForm(helped, 'hola'));
    await waitUntil(async () => fake.messages.some((m) => m.to === helped), 10_000);
    await waitUntil(
      async () =>
        await a.services.outbox.drain(1).then(
          () => true,
          () => false,
        ),
      20_000,
    );

    const crowd = Array.from({ length: 10 }, (_, i) => `+52196212300${String(i + 1).padStart(2, '0')}`);
    for (const [i, from] of crowd.entries()) {
      expect((await (i % 2 ? b : a).post(PATH, inboundForm(from, 'hola'))).statusCode).toBe(200);
    }
    await waitUntil(async () => fake.messages.filter((m) => crowd.includes(m.to)).length >= 2, 10_000);

    // A staff reply, as the console adds it (src/console/ticket-actions.ts), on instance a ...
    const conversationId = a.services.crypto.hash(helped);
    const now = Date.now();
    const staffReply: OutboundMessage = {
      id: 'staff-surge-1',
      conversationId,
      channel: 'sms',
      body: 'Hola, soy Ana del equipo. Te escribo en un momento.',
      origin: 'staff',
      status: 'pending',
      sid: null,
      attempts: 0,
      error: null,
      createdAt: now,
      updatedAt: now,
      author: 'ana',
    };
    await a.services.store.addOutbound(staffReply, null, 3600);
    await a.services.outbox.enqueue([
      { kind: 'stored', conversationId, messageId: staffReply.id, channel: 'sms', priority: 'staff' },
    ]);
    await a.services.store.ackOutbound(conversationId, [staffReply.id]);
    // ... and a child in danger writes to instance b.
    const child = '+5219621239999';
    expect((await b.post(PATH, inboundForm(child, 'me quieren matar ayuda'))).statusCode).toBe(200);
    const handedBefore = fake.messages.length;

    await waitUntil(
      async () =>
        fake.messages.some((m) => m.to === child) && fake.messages.some((m) => m.body === staffReply.body),
      20_000,
      () => `sent: ${fake.messages.length}`,
    );
    const order = fake.messages.map((m) =>
      m.to === child ? 'safety' : m.body === staffReply.body ? 'staff' : m.to,
    );
    const emergency = order.indexOf('safety');
    const staff = order.indexOf('staff');
    expect(fake.messages[emergency]!.body).toMatch(/911/);
    // Only the sends already given their turn (two a worker, on two instances) went in between.
    expect(emergency - handedBefore).toBeLessThanOrEqual(4);
    expect(staff - handedBefore).toBeLessThanOrEqual(5);
    // The welcomes queued before are still being sent after both.
    await waitUntil(async () => fake.messages.length >= Math.max(emergency, staff) + 4, 20_000);
    const welcomesAfter = fake.messages
      .slice(Math.max(emergency, staff) + 1)
      .filter((m) => crowd.includes(m.to));
    expect(welcomesAfter.length).toBeGreaterThanOrEqual(3);
  }, 60_000);
});
