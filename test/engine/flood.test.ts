import { afterEach, describe, expect, it } from 'vitest';
import { createLocalSender } from '../../src/channels/local/local-sender.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { createTestApp, inboundForm, type TestApp } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function floodApp(store: 'memory' | 'redis', floodMax: number) {
  const clock = createManualClock();
  const sender = createLocalSender();
  t = await createTestApp({
    store,
    env: { FLOOD_MAX_PER_MINUTE: String(floodMax), OUTBOX_SMS_PER_SECOND: '1000' },
    overrides: { clock, sender },
  });
  const app = t;
  /** Posts a form (Twilio retries reuse the form, so the MessageSid) and waits for the replies. */
  const post = async (form: Record<string, string>) => {
    const res = await app.post(PATH, form);
    expect(res.statusCode).toBe(200);
    await app.services.engine.idle();
    await app.services.outbox.drain();
  };
  const sentTo = (address: string) => sender.sent.filter((d) => d.to === address).map((d) => d.body);
  const userLines = async (address: string) =>
    (await app.services.store.transcript(app.services.crypto.hash(address)))
      .filter((e) => e.from === 'user')
      .map((e) => e.text);
  return { clock, post, sentTo, userLines };
}

describe.each(['memory', 'redis'] as const)('a sender who floods (%s store)', (store) => {
  it('gets one notice and is throttled, keeps risk phrases answered, and slows no one else', async () => {
    const { clock, post, sentTo, userLines } = await floodApp(store, 5);
    const flooder = '+5219625556666';
    const other = '+5219625557777';
    for (let i = 0; i < 12; i++) await post(inboundForm(flooder, `spam ${i}`));
    await post(inboundForm(other, 'hola'));
    await post(inboundForm(flooder, 'me quieren matar'));

    const toFlooder = sentTo(flooder);
    expect(toFlooder.filter((b) => /espera un minuto/.test(b))).toHaveLength(1);
    expect(toFlooder.length).toBe(5 + 1 + 1); // five answers, one notice, the emergency answer
    expect(toFlooder.at(-1)).toMatch(/911/);
    expect(sentTo(other).length).toBeGreaterThan(0);
    expect(sentTo(other).some((b) => /espera un minuto/.test(b))).toBe(false);
    // Nothing is lost: staff can still read every message.
    expect(await userLines(flooder)).toHaveLength(13);

    // A minute later the bot answers again (MENU: the emergency put them in the queue for a person).
    clock.advance(61_000);
    await post(inboundForm(flooder, 'MENU'));
    expect(sentTo(flooder).length).toBe(8);
  });

  it("does not count Twilio's retries: 13 messages each delivered twice are all answered", async () => {
    const { post, sentTo, userLines } = await floodApp(store, 20);
    const user = '+5219625558888';
    for (let i = 0; i < 13; i++) {
      const form = inboundForm(user, `mensaje ${i}`);
      await post(form);
      await post(form); // Twilio did not hear our 200 in time and delivered it again
    }
    expect(sentTo(user).some((b) => /espera un minuto/.test(b))).toBe(false);
    expect(sentTo(user)).toHaveLength(13);
    expect(await userLines(user)).toEqual(Array.from({ length: 13 }, (_, i) => `mensaje ${i}`));
  });

  it('keeps a retried message past the limit once in the transcript, and sends one notice', async () => {
    const { post, sentTo, userLines } = await floodApp(store, 3);
    const user = '+5219625559999';
    const forms = Array.from({ length: 6 }, (_, i) => inboundForm(user, `spam ${i}`));
    for (const form of forms) {
      await post(form);
      await post(form);
      await post(form);
    }
    expect(await userLines(user)).toEqual(forms.map((f) => f.Body));
    expect(sentTo(user).filter((b) => /espera un minuto/.test(b))).toHaveLength(1);
    expect(sentTo(user)).toHaveLength(3 + 1);
  });
});
