import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { senderProfiles } from '../../src/channels/twilio/send-rates.ts';
import {
  createMemorySendPacer,
  createRedisSendPacer,
  type SendPacer,
  sendCostMs,
} from '../../src/outbox/send-pacer.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';

// A sender so slow (one segment in 100 s) that the milliseconds a test takes cannot matter.
const senders = senderProfiles({ smsFrom: '+529621234567', smsPerSecond: 0.01, whatsappPerSecond: 0.01 });
const ONE_SEGMENT = 'Hola';
const THREE_SEGMENTS = 'x'.repeat(400);

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** Two pacers as two instances would have them: one Redis, or (memory) one process. */
const pacers: Record<string, () => [SendPacer, SendPacer]> = {
  memory: () => {
    const p = createMemorySendPacer({ senders });
    return [p, p];
  },
  redis: () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const [a, b] = [testRedis(), testRedis()];
    cleanups.push(async () => {
      await a.quit();
      await b.quit();
      await deleteKeys(prefix);
    });
    return [
      createRedisSendPacer({ redis: a, prefix, senders }),
      createRedisSendPacer({ redis: b, prefix, senders }),
    ];
  },
};

describe.each(Object.keys(pacers))('the send pacer (%s)', (kind) => {
  it('hands the first message over at once and the next one when Twilio holds at most a second of work', async () => {
    const [a, b] = pacers[kind]!();
    expect(await a.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false })).toBe(0);
    // The sender is busy for 100 s: the next message waits until 1 s of it is left, on either instance.
    const wait = await b.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false });
    expect(wait).toBeGreaterThan(90_000);
    expect(wait).toBeLessThanOrEqual(99_000);
    // Another sender is not held up.
    expect(await a.reserve({ lane: 'whatsapp', body: ONE_SEGMENT, urgent: false })).toBe(0);
  });

  it('counts SMS segments: a three-segment message holds the sender three times as long', async () => {
    const [a] = pacers[kind]!();
    expect(await a.reserve({ lane: 'sms', body: THREE_SEGMENTS, urgent: false })).toBe(0);
    const wait = await a.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false });
    expect(wait).toBeGreaterThan(290_000);
    expect(wait).toBeLessThanOrEqual(299_000);
  });

  it('hands a safety reply over at once, and the messages behind it wait for its time too', async () => {
    const [a, b] = pacers[kind]!();
    await a.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false });
    await a.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false });
    expect(await b.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: true })).toBe(0);
    const wait = await b.reserve({ lane: 'sms', body: ONE_SEGMENT, urgent: false });
    expect(wait).toBeGreaterThan(290_000);
  });
});

describe('sender rates', () => {
  it.each([
    ['a Mexican long code', { smsFrom: '+529621234567' }, 'long_code', 10],
    ['a US long code', { smsFrom: '+15005550006' }, 'us_long_code', 1],
    ['a US toll-free number', { smsFrom: '+18885550100' }, 'toll_free', 3],
    ['a short code', { smsFrom: '89898' }, 'short_code', 100],
    ['a Messaging Service', { messagingServiceSid: `MG${'0'.repeat(32)}` }, 'messaging_service', 1],
    ['a configured rate', { smsFrom: '+15005550006', smsPerSecond: 4 }, 'us_long_code', 4],
  ])('paces SMS from %s at its rate', (_name, cfg, kind, perSecond) => {
    expect(senderProfiles(cfg).sms).toMatchObject({ kind, perSecond });
  });

  it('paces WhatsApp at 80 messages a second unless told otherwise, whatever the length', () => {
    expect(senderProfiles({}).whatsapp).toMatchObject({ kind: 'whatsapp', perSecond: 80 });
    const whatsapp = senderProfiles({ whatsappPerSecond: 10 }).whatsapp;
    expect(sendCostMs(whatsapp, THREE_SEGMENTS)).toBe(100);
  });
});
