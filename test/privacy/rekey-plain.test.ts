import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisCaseKv } from '../../src/casework/case-kv.ts';
import { createCaseStore } from '../../src/casework/case-store.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { createRedisTicketStore } from '../../src/handoff/redis-ticket-store.ts';
import { createAddressCrypto } from '../../src/privacy/address-crypto.ts';
import { rekeyRedis } from '../../src/privacy/rekey.ts';
import { createSealer } from '../../src/privacy/seal.ts';
import { bullmqPrefix } from '../../src/store/bullmq-prefix.ts';
import { caseworkKeys } from '../../src/store/casework-keys.ts';
import { conversationKeys } from '../../src/store/keys.ts';
import { createRedisStore } from '../../src/store/redis/redis-store.ts';
import { ticketKeys } from '../../src/store/ticket-keys.ts';
import { makeTicket } from '../handoff/ticket-factory.ts';
import { legacyAddress } from '../helpers/legacy-address.ts';
import { redisDump } from '../helpers/redis-dump.ts';
import { deleteKeys } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';

const NUMBER = '+5219625559001';

describe('npm run rekey on data written before sealing', () => {
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const redis = testRedis();
  afterAll(async () => {
    await deleteKeys(prefix);
    await redis.quit();
  });

  it('seals what was in clear, in the form Faro writes now, and every store reads it', async () => {
    const key = randomBytes(32);
    const keyring = { current: key, previous: [] };
    const sealer = createSealer(keyring, 'data');
    const crypto = createAddressCrypto(keyring);
    const clock = createManualClock();
    const cid = crypto.hash(NUMBER);
    const k = conversationKeys(prefix, cid);
    const record = {
      channel: 'sms',
      addressEnc: legacyAddress(key, NUMBER),
      to: '+15005550006',
      flowVersion: 1,
      state: { value: { bot: 'menu' }, context: { city: 'Tapachula con Rosa Quintanilla' } },
      stopped: false,
      ticketId: null,
      childAlone: false,
      createdAt: 1,
      updatedAt: 1,
      lastInboundAt: 1,
    };
    const ticket = makeTicket({
      conversationId: cid,
      notes: [{ at: 1, author: 'ana', text: 'nota vieja de Lucía' }],
    });
    const referral = {
      id: 'r1',
      ticket_id: ticket.id,
      conversation_id: cid,
      notes: 'cita vieja con Herminia',
    };
    const job = `${bullmqPrefix(prefix)}:timers:t-1`;
    await redis
      .multi()
      .set(k.record, `4|${JSON.stringify(record)}`)
      .rpush(
        k.transcript,
        JSON.stringify([1, 'u', 'texto viejo de Kevin']),
        JSON.stringify({ at: 2, from: 'bot', text: 'hola viejo' }),
      )
      .rpush(
        k.inbox,
        JSON.stringify({
          flooded: 7,
          id: 'SM1',
          kind: 'message',
          channel: 'sms',
          addressEnc: record.addressEnc,
          to: '',
          text: 'mensaje viejo de Marisol',
          mediaCount: 0,
          mediaTypes: [],
          receivedAt: 3,
        }),
      )
      .hset(
        k.messages,
        'm1',
        JSON.stringify({
          id: 'm1',
          conversationId: cid,
          channel: 'sms',
          body: 'respuesta vieja de Ana',
          origin: 'staff',
          status: 'pending',
          sid: null,
          attempts: 0,
          error: null,
          createdAt: 1,
          updatedAt: 1,
        }),
      )
      .hset(ticketKeys(prefix).ticket(ticket.id), 'v', 1, 'json', JSON.stringify(ticket))
      .set(caseworkKeys(prefix).referral('r1'), JSON.stringify(referral))
      .hset(job, 'data', JSON.stringify({ conversationId: cid, event: 'NO_ANSWER' }), 'name', 'NO_ANSWER')
      .exec();
    const clear = [
      'Rosa Quintanilla',
      'texto viejo de Kevin',
      'hola viejo',
      'mensaje viejo de Marisol',
      'respuesta vieja',
      'nota vieja',
      'cita vieja',
      NUMBER.slice(1),
    ];

    const report = await rekeyRedis({ redis, prefix, keyring });
    expect(report.sealedPlain).toEqual({
      'conversation:conv': 1,
      'conversation:transcript': 2,
      'conversation:inbox': 1,
      'conversation:msgs': 1,
      ticket: 1,
      'case:ref': 1,
      'bullmq:timers': 1,
    });
    const texts = (await redisDump(prefix)).parts.map((p) => p.text);
    expect(texts.filter((t) => clear.some((c) => t.includes(c)))).toEqual([]);
    expect(texts.filter((t) => t.includes(cid) && t !== cid && !t.startsWith(prefix))).toEqual([]);

    const store = createRedisStore({ redis, prefix, clock, sealer });
    const loaded = await store.load(cid);
    expect(loaded?.version).toBe(4);
    expect(crypto.decrypt(loaded!.addressEnc)).toBe(NUMBER);
    expect(loaded!.addressEnc.startsWith('v2.')).toBe(true);
    expect((await store.transcript(cid)).map((e) => e.text)).toEqual(['texto viejo de Kevin', 'hola viejo']);
    expect((await store.getMessage(cid, 'm1'))?.body).toBe('respuesta vieja de Ana');
    const begun = await store.beginProcessing(cid, 1000);
    expect(begun?.head).toMatchObject({ id: 'SM1', flooded: 7, text: 'mensaje viejo de Marisol' });
    const tickets = createRedisTicketStore({ redis, prefix, clock, closedTtlMs: 1000, sealer });
    expect((await tickets.get(ticket.id))?.notes[0]?.text).toBe('nota vieja de Lucía');
    const cases = createCaseStore({ kv: createRedisCaseKv(redis), prefix, ttlMs: 1000, sealer });
    expect((await cases.getReferral('r1'))?.notes).toBe('cita vieja con Herminia');

    const again = await rekeyRedis({ redis, prefix, keyring });
    expect(again.sealedPlain).toEqual({});
    expect(again.resealed).toEqual({});
  });
});
