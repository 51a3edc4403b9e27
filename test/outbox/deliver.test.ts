import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTwilioSender } from '../../src/channels/twilio/send.ts';
import { systemClock } from '../../src/engine/clock.ts';
import type { OutboxJob } from '../../src/engine/ports.ts';
import { createDeliver, type Sender, SendLeaseBusy } from '../../src/outbox/deliver.ts';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { createMemoryStore } from '../../src/store/memory/memory-store.ts';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import type { ConversationStore, OutboundMessage } from '../../src/store/store.ts';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';
import { testSealer } from '../helpers/test-sealer.ts';

const accountSid = `AC${'d'.repeat(32)}`;
const authToken = 'deliver-test-token';
const user = '+5219621112233';
const NOT_UNDERSTOOD = 'No entendí. Escribe un número del menú, o 9 para hablar con una persona.';

const stores: Record<string, () => Promise<{ store: ConversationStore; cleanup(): Promise<void> }>> = {
  memory: async () => ({ store: createMemoryStore({ clock: systemClock }), cleanup: async () => {} }),
  redis: async () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const redis = testRedis();
    return {
      store: createRedisStore({ redis, prefix, clock: systemClock, sealer: testSealer() }),
      cleanup: async () => {
        await redis.quit();
        await deleteKeys(prefix);
      },
    };
  },
};

describe.each(Object.keys(stores))('delivering a reply (%s store)', (kind) => {
  let fake: FakeTwilio;
  let store: ConversationStore;
  let cleanup: () => Promise<void>;
  const crypto = createAddressCrypto(randomBytes(32));
  const twilioSender = () =>
    createTwilioSender({
      accountSid,
      authToken,
      apiBaseUrl: fake.baseUrl,
      smsFrom: '+15005550006',
      timeoutMs: 300,
    });
  const makeDeliver = (sender: Sender = twilioSender(), leaseWaitMs = 5_000) =>
    createDeliver({
      store,
      sender,
      crypto,
      statusCallbackBase: null,
      logger: pino({ level: 'silent' }),
      leaseWaitMs,
    });
  const job = (messageId: string): OutboxJob => ({
    kind: 'stored',
    conversationId: 'c1',
    messageId,
    channel: 'sms',
  });
  const later = { finalAttempt: false };
  const sentTo = () => fake.messages.filter((m) => m.to === user);

  async function queue(id: string, body = NOT_UNDERSTOOD) {
    const message: OutboundMessage = {
      id,
      conversationId: 'c1',
      channel: 'sms',
      body,
      origin: 'staff',
      status: 'pending',
      sid: null,
      attempts: 0,
      error: null,
      createdAt: Date.now(),
      updatedAt: Date.now(),
    };
    await store.addOutbound(message, null, 3600);
  }

  beforeEach(async () => {
    fake = await startFakeTwilio({ accountSid, authToken });
    ({ store, cleanup } = await stores[kind]!());
    await store.saveRecord(
      {
        id: 'c1',
        version: 0,
        channel: 'sms',
        addressEnc: crypto.encrypt(user),
        to: '+15005550006',
        flowVersion: 1,
        state: null,
        stopped: false,
        ticketId: null,
        childAlone: false,
        createdAt: Date.now(),
        updatedAt: Date.now(),
        lastInboundAt: Date.now(),
      },
      0,
      3600,
    );
  });
  afterEach(async () => {
    await fake.close();
    await cleanup();
  });

  it('does not send again a reply that reached Twilio before its answer was lost', async () => {
    const deliver = makeDeliver();
    await queue('m1');
    fake.failNext(['created-then-hang']);
    await expect(deliver(job('m1'), later)).rejects.toMatchObject({ kind: 'timeout' });
    expect(await deliver(job('m1'), later)).toBe('sent');
    expect(sentTo()).toHaveLength(1);
    expect((await store.getMessage('c1', 'm1'))?.sid).toBe(sentTo()[0]!.sid);
  });

  it('sends a reply that never reached Twilio, even when an earlier reply had the same text', async () => {
    const deliver = makeDeliver();
    await queue('m1');
    await queue('m2');
    expect(await deliver(job('m1'), later)).toBe('sent');
    fake.failNext(['hang']);
    await expect(deliver(job('m2'), later)).rejects.toMatchObject({ kind: 'timeout' });
    expect(await deliver(job('m2'), later)).toBe('sent');
    const sent = sentTo();
    expect(sent.map((m) => m.body)).toEqual([NOT_UNDERSTOOD, NOT_UNDERSTOOD]);
    expect((await store.getMessage('c1', 'm2'))?.sid).toBe(sent[1]!.sid);
    expect((await store.getMessage('c1', 'm1'))?.sid).toBe(sent[0]!.sid);
  });

  it('matches two interrupted replies with the same text to what Twilio holds, one each', async () => {
    const deliver = makeDeliver();
    await queue('m1');
    await queue('m2');
    fake.failNext(['created-then-hang', 'hang']);
    await expect(deliver(job('m1'), later)).rejects.toMatchObject({ kind: 'timeout' });
    await expect(deliver(job('m2'), later)).rejects.toMatchObject({ kind: 'timeout' });
    expect(sentTo()).toHaveLength(1);
    // The retries come back in the other order: m2 takes Twilio's copy, m1 is sent again.
    expect(await deliver(job('m2'), later)).toBe('sent');
    expect(await deliver(job('m1'), later)).toBe('sent');
    const sids = sentTo().map((m) => m.sid);
    expect(sids).toHaveLength(2);
    const ours = [(await store.getMessage('c1', 'm1'))?.sid, (await store.getMessage('c1', 'm2'))?.sid];
    expect(ours.sort()).toEqual([...sids].sort());
  });

  it('lets a retry take back the lease its dead worker left, and makes siblings wait for it', async () => {
    await queue('m1');
    await queue('m2');
    // A worker was killed while sending m1: its lease and in-flight mark are left behind.
    await store.beginSend('c1', 'm1', 60_000, Date.now());
    await store.updateMessage('c1', 'm1', { inFlightSince: Date.now() });
    await expect(makeDeliver(twilioSender(), 100)(job('m2'), later)).rejects.toBeInstanceOf(SendLeaseBusy);
    expect(sentTo()).toHaveLength(0);
    expect(await makeDeliver()(job('m1'), later)).toBe('sent');
    expect(await makeDeliver()(job('m2'), later)).toBe('sent');
    expect(sentTo()).toHaveLength(2);
  });

  it('sends the parts of one conversation one at a time, each once', async () => {
    let inFlight = 0;
    let most = 0;
    const real = twilioSender();
    const counting: Sender = {
      ...real,
      async send(req) {
        most = Math.max(most, ++inFlight);
        try {
          await new Promise((r) => setTimeout(r, 20));
          return await real.send(req);
        } finally {
          inFlight--;
        }
      },
    };
    const deliver = makeDeliver(counting);
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const id of ids) await queue(id, `parte ${id}`);
    const results = await Promise.all(ids.map((id) => deliver(job(id), later)));
    expect(results).toEqual(ids.map(() => 'sent'));
    expect(most).toBe(1);
    expect(
      sentTo()
        .map((m) => m.body)
        .sort(),
    ).toEqual(ids.map((id) => `parte ${id}`));
  });
});
