import { randomBytes } from 'node:crypto';
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

describe('two instances on one Redis', () => {
  let fake: FakeTwilio;
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const env = {
      TWILIO_API_BASE_URL: fake.baseUrl,
      DATA_KEY: randomBytes(32).toString('base64'),
      OUTBOX_SMS_PER_SECOND: '1000',
    };
    a = await createTestApp({ store: 'redis', env, prefix });
    b = await createTestApp({ store: 'redis', env, prefix });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await fake.close();
  });

  it("processes one sender's messages once each, in arrival order, when they hit both instances at once", async () => {
    const users = Array.from({ length: 10 }, (_, i) => `+52196255500${String(i).padStart(2, '0')}`);
    const perUser = 6;
    const forms = users.map((u) =>
      Array.from({ length: perUser }, (_, k) => inboundForm(u, `mensaje ${k + 1}`)),
    );
    // Each user's messages arrive one after another, alternating instances, while all users
    // write at the same time; every fourth message is also retried by "Twilio" on the other instance.
    await Promise.all(
      forms.map(async (list) => {
        for (const [k, form] of list.entries()) {
          const first = k % 2 === 0 ? a : b;
          const other = first === a ? b : a;
          const sends = [first.post(PATH, form)];
          if (k % 4 === 0) sends.push(other.post(PATH, form));
          const results = await Promise.all(sends);
          for (const r of results) expect(r.statusCode).toBe(200);
        }
      }),
    );
    await waitFor(async () => {
      for (const s of [a, b]) await s.services.engine.idle();
      const counts = await Promise.all(users.map((u) => userLines(a, u)));
      return counts.every((lines) => lines.length === perUser);
    });
    for (const u of users) {
      expect(await userLines(a, u)).toEqual(Array.from({ length: perUser }, (_, k) => `mensaje ${k + 1}`));
    }
    // One reply per message (the first message gets the welcome, the rest "not understood" + welcome):
    await a.services.outbox.drain();
    await b.services.outbox.drain();
    for (const u of users) {
      const botLines = (await a.services.store.transcript(a.services.crypto.hash(u))).filter(
        (e) => e.from === 'bot',
      );
      const sentToUser = fake.messages.filter((m) => m.to === u);
      expect(sentToUser.length).toBe(botLines.length);
      expect(new Set(sentToUser.map((m) => m.body)).size).toBeGreaterThan(0);
    }
  });
});

async function userLines(t: TestApp, address: string) {
  const transcript = await t.services.store.transcript(t.services.crypto.hash(address));
  return transcript.filter((e) => e.from === 'user').map((e) => e.text);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition not met in time');
}
