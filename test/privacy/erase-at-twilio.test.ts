import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { sampleOggOpus, samplePng } from '../fakes/media-samples.ts';
import { redisContents } from '../helpers/redis-contents.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
const DAY = 86_400_000;
const FAST = { OUTBOX_SMS_PER_SECOND: '1000', OUTBOX_WHATSAPP_PER_SECOND: '1000' };

let t: TestApp | null = null;
let fake: FakeTwilio | null = null;
afterEach(async () => {
  await t?.close();
  await fake?.close();
  t = null;
  fake = null;
});

/**
 * BORRAR and retention delete the person's messages and media at Twilio too (Twilio keeps
 * them otherwise), through the outbox so that a failing Twilio delays a deletion but never loses
 * it; Faro keeps only the ids it needs for that, and nothing once they are deleted.
 */
describe('erase at Twilio', () => {
  async function start(store: 'redis' | 'memory' = 'redis') {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const clock = createManualClock();
    t = await createTestApp({
      store,
      env: { ...FAST, TWILIO_API_BASE_URL: fake.baseUrl },
      overrides: { clock },
    });
    return { app: t, fake, clock };
  }

  /** Texts, a voice note and a photo from one person; returns every SID Twilio holds of them. */
  async function conversation(app: TestApp, twilio: FakeTwilio, from: string) {
    const inbound: string[] = [];
    const media: string[] = [];
    const send = async (text: string, files: Array<{ contentType: string; bytes: Buffer }> = []) => {
      const held = twilio.media.addInbound(files);
      const extra: Record<string, string> = { MessageSid: held.messageSid, NumMedia: String(files.length) };
      files.forEach((f, i) => {
        extra[`MediaUrl${i}`] = held.urls[i]!;
        extra[`MediaContentType${i}`] = f.contentType;
      });
      const res = await app.post(PATH, inboundForm(from, text, extra));
      expect(res.statusCode).toBe(200);
      await app.services.engine.idle();
      await app.services.outbox.drain();
      inbound.push(held.messageSid);
      media.push(...held.sids.map((sid) => `${held.messageSid}/${sid}`));
    };
    await send('hola');
    await send('', [{ contentType: 'audio/ogg', bytes: sampleOggOpus() }]);
    await send('mira', [{ contentType: 'image/jpeg', bytes: samplePng() }]);
    await send('quiero hablar con una persona');
    const outbound = twilio.messages.filter((m) => m.to === from).map((m) => m.sid);
    expect(outbound.length).toBeGreaterThan(2);
    return { inbound, media, outbound };
  }

  function traces(contents: Array<{ key: string; value: string }>, needles: string[]) {
    return contents.filter(({ key, value }) => needles.some((n) => key.includes(n) || value.includes(n)));
  }

  it('deletes every message and file of the person at Twilio after BORRAR, and keeps none of their ids', async () => {
    const { app, fake: twilio } = await start();
    const from = 'whatsapp:+5219625557070';
    const sids = await conversation(app, twilio, from);
    const id = app.services.crypto.hash(from);
    const all = [...sids.inbound, ...sids.outbound, ...sids.media.map((m) => m.split('/')[1]!)];
    expect(traces(await redisContents(app.prefix), all).length).toBeGreaterThan(0);

    for (const text of ['BORRAR', 'sí']) {
      const erase = inboundForm(from, text);
      twilio.media.knowMessage(erase.MessageSid!);
      sids.inbound.push(erase.MessageSid!);
      expect((await app.post(PATH, erase)).statusCode).toBe(200);
      await app.services.engine.idle();
      await app.services.outbox.drain();
    }
    expect(twilio.messages.at(-1)?.body).toMatch(/notas de voz/);

    // Files first, then their messages; the person's own messages and Faro's replies.
    expect(twilio.media.deleted).toEqual(
      expect.arrayContaining([...sids.media, ...sids.inbound, ...sids.outbound]),
    );
    for (const m of sids.media) {
      expect(twilio.media.deleted.indexOf(m)).toBeLessThan(twilio.media.deleted.indexOf(m.split('/')[0]!));
      expect(twilio.media.exists(m)).toBe(false);
    }
    const after = await redisContents(app.prefix);
    expect(traces(after, [id, ...all, ...sids.inbound]).map((c) => c.key)).toEqual([]);
  });

  it('retries a deletion Twilio refused, without holding up the erase', async () => {
    const { app, fake: twilio } = await start();
    const from = 'whatsapp:+5219625557171';
    const sids = await conversation(app, twilio, from);
    twilio.media.failNextDeletes(2);
    for (const text of ['BORRAR', 'sí']) {
      expect((await app.post(PATH, inboundForm(from, text))).statusCode).toBe(200);
      await app.services.engine.idle();
    }
    // The conversation is gone at once; Twilio's copies follow once it answers.
    expect(await app.services.store.load(app.services.crypto.hash(from))).toBeNull();
    await app.services.outbox.drain(20_000);
    expect(twilio.media.deleted).toEqual(expect.arrayContaining([...sids.media, ...sids.outbound]));
    expect(app.logs.join('')).toMatch(/twilio_delete_failed/);
    const after = await redisContents(app.prefix);
    expect(traces(after, [...sids.inbound, ...sids.outbound]).map((c) => c.key)).toEqual([]);
  }, 30_000);

  it('deletes at Twilio when retention ends a conversation', async () => {
    const { app, fake: twilio, clock } = await start('memory');
    const from = 'whatsapp:+5219625557272';
    await app.post(PATH, inboundForm(from, 'hola'));
    await app.services.engine.idle();
    await app.services.outbox.drain();
    const held = twilio.media.addInbound([{ contentType: 'image/png', bytes: samplePng() }]);
    await app.post(
      PATH,
      inboundForm(from, '', {
        MessageSid: held.messageSid,
        NumMedia: '1',
        MediaUrl0: held.urls[0]!,
        MediaContentType0: 'image/png',
      }),
    );
    await app.services.engine.idle();
    await app.services.outbox.drain();
    const outbound = twilio.messages.filter((m) => m.to === from).map((m) => m.sid);

    clock.advance(31 * DAY);
    expect(await app.services.engine.expire()).toBe(1);
    await app.services.outbox.drain();
    expect(twilio.media.deleted).toEqual(
      expect.arrayContaining([`${held.messageSid}/${held.sids[0]}`, held.messageSid, ...outbound]),
    );
  });

  it('deletes nothing at Twilio for a conversation that is not erased', async () => {
    const { app, fake: twilio } = await start('memory');
    await conversation(app, twilio, 'whatsapp:+5219625557373');
    expect(twilio.media.deleted).toEqual([]);
  });
});
