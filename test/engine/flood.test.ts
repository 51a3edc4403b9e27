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

describe('a sender who floods', () => {
  it('gets one notice and is throttled, keeps risk phrases answered, and slows no one else', async () => {
    const clock = createManualClock();
    const sender = createLocalSender();
    t = await createTestApp({
      env: { FLOOD_MAX_PER_MINUTE: '5', OUTBOX_SMS_PER_SECOND: '1000' },
      overrides: { clock, sender },
    });
    const flooder = '+5219625556666';
    const other = '+5219625557777';
    const post = async (from: string, text: string) => {
      const res = await t!.post(PATH, inboundForm(from, text));
      expect(res.statusCode).toBe(200);
      await t!.services.engine.idle();
      await t!.services.outbox.drain();
    };
    for (let i = 0; i < 12; i++) await post(flooder, `spam ${i}`);
    await post(other, 'hola');
    await post(flooder, 'me quieren matar');

    const toFlooder = sender.sent.filter((d) => d.to === flooder).map((d) => d.body);
    expect(toFlooder.filter((b) => /espera un minuto/.test(b))).toHaveLength(1);
    expect(toFlooder.length).toBe(5 + 1 + 1); // five answers, one notice, the emergency answer
    expect(toFlooder.at(-1)).toMatch(/911/);
    expect(sender.sent.filter((d) => d.to === other)).toHaveLength(1);
    // Nothing is lost: staff can still read every message.
    const transcript = await t.services.store.transcript(t.services.crypto.hash(flooder));
    expect(transcript.filter((e) => e.from === 'user')).toHaveLength(13);

    // A minute later the bot answers again (MENU: the emergency put them in the queue for a person).
    clock.advance(61_000);
    await post(flooder, 'MENU');
    expect(sender.sent.filter((d) => d.to === flooder).length).toBe(8);
  });
});
