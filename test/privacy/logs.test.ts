import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
const NUMBER = '+5219623334455';
const SAID = [
  'hola',
  '1',
  '2',
  '2',
  '1',
  'nesesito asilo urgente',
  'alguien me esta pegando',
  'MENU',
  'quiero hablar con una persona',
];

describe('logs', () => {
  let fake: FakeTwilio;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    t = await createTestApp({
      store: 'redis',
      env: {
        TWILIO_API_BASE_URL: fake.baseUrl,
        LOG_LEVEL: 'trace',
        OUTBOX_SMS_PER_SECOND: '1000',
        OUTBOX_WHATSAPP_PER_SECOND: '1000',
      },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('never contain a phone number or a message body, through a whole conversation', async () => {
    for (const text of SAID) {
      for (const from of [NUMBER, `whatsapp:${NUMBER}`]) {
        const res = await t.post(PATH, inboundForm(from, text));
        expect(res.statusCode).toBe(200);
        await t.services.engine.idle();
      }
    }
    await t.services.outbox.drain();
    // Twilio reports delivery; one status callback per sent message.
    for (const m of fake.messages.slice(0, 5)) {
      const url = new URL(m.statusCallback!);
      await t.post(url.pathname + url.search, {
        MessageSid: m.sid,
        MessageStatus: 'delivered',
        AccountSid: TEST_ACCOUNT_SID,
        To: m.to,
        From: m.from ?? '',
      });
    }
    expect(fake.messages.length).toBeGreaterThan(SAID.length);
    const log = t.logs.join('');
    expect(log.length).toBeGreaterThan(1_000);
    expect(log).toContain('"event":"escalated"');
    const digits = NUMBER.replace(/\D/g, '');
    for (const needle of [digits, digits.slice(-10), digits.slice(-8)]) expect(log).not.toContain(needle);
    for (const text of SAID.filter((s) => s.length > 4))
      expect(log.toLowerCase()).not.toContain(text.toLowerCase());
    for (const m of fake.messages) expect(log).not.toContain(m.body.slice(0, 40));
  });
});
