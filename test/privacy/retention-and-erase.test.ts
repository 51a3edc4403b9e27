import { afterEach, describe, expect, it } from 'vitest';
import { createLocalSender } from '../../src/channels/local/local-sender.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { redisContents } from '../helpers/redis-contents.ts';
import { createTestApp, inboundForm, type TestApp } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';
const DAY = 86_400_000;
const FAST = { OUTBOX_SMS_PER_SECOND: '1000', OUTBOX_WHATSAPP_PER_SECOND: '1000' };
let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function converse(app: TestApp, from: string, lines: string[]) {
  for (const text of lines) {
    const res = await app.post(PATH, inboundForm(from, text));
    expect(res.statusCode).toBe(200);
    await app.services.engine.idle();
  }
  await app.services.outbox.drain();
}

function traces(contents: Array<{ key: string; value: string }>, needles: string[]) {
  return contents
    .filter(({ key, value }) => needles.some((n) => key.includes(n) || value.includes(n)))
    .map((c) => c.key);
}

describe('retention', () => {
  it('deletes an idle conversation from Redis after its age, sooner for a child alone', async () => {
    const clock = createManualClock();
    t = await createTestApp({ store: 'redis', env: FAST, overrides: { clock, sender: createLocalSender() } });
    const adult = '+5219625551111';
    const child = '+5219625552222';
    await converse(t, adult, ['hola', 'tengo 30 años']);
    await converse(t, child, ['hola', 'tengo 15 y viajo solo']);
    const adultId = t.services.crypto.hash(adult);
    const childId = t.services.crypto.hash(child);
    expect((await t.services.store.load(childId))?.childAlone).toBe(true);

    clock.advance(8 * DAY);
    await t.services.engine.expire();
    expect(await t.services.store.load(childId)).toBeNull();
    expect(await t.services.store.load(adultId)).not.toBeNull();
    expect(traces(await redisContents(t.prefix), [childId])).toEqual([]);

    clock.advance(23 * DAY);
    await t.services.engine.expire();
    expect(await t.services.store.load(adultId)).toBeNull();
    expect(traces(await redisContents(t.prefix), [adultId, childId])).toEqual([]);
  });
});

describe('retention of a conversation still in use', () => {
  it('counts from the last message, not the first', async () => {
    const clock = createManualClock();
    t = await createTestApp({ store: 'redis', env: FAST, overrides: { clock, sender: createLocalSender() } });
    const user = '+5219625553344';
    await converse(t, user, ['hola', '1', '3', '2', '9']);
    for (let day = 0; day < 40; day += 10) {
      clock.advance(10 * DAY);
      await converse(t, user, ['0']);
      await t.services.engine.expire();
    }
    expect(await t.services.store.load(t.services.crypto.hash(user))).not.toBeNull();
  });
});

describe('erase (BORRAR)', () => {
  it('leaves no key or value with the number, its hash or what was written', async () => {
    t = await createTestApp({ store: 'redis', env: FAST, overrides: { sender: createLocalSender() } });
    const number = '+5219625553333';
    const said = [
      'hola',
      '1',
      '4',
      '3',
      '9',
      'nesesito un lugar para dormir',
      'mi hermano se llama Kevin Aguilar',
    ];
    await converse(t, number, said);
    const id = t.services.crypto.hash(number);
    const before = await redisContents(t.prefix);
    expect(traces(before, [id]).length).toBeGreaterThan(3);
    // Sealed in Redis (test/privacy/redis-dump.test.ts), readable through the store.
    expect(traces(before, ['Kevin Aguilar'])).toEqual([]);
    const lines = await t.services.store.transcript(id);
    expect(lines.some((e) => e.text.includes('Kevin Aguilar'))).toBe(true);

    await converse(t, number, ['BORRAR', 'si']);
    const after = await redisContents(t.prefix);
    const digits = number.replace(/\D/g, '');
    expect(
      traces(after, [id, digits, digits.slice(-10), 'Kevin Aguilar', 'nesesito un lugar', 'BORRAR']),
    ).toEqual([]);
  });
});

describe('a Redis dump of a whole run', () => {
  it('holds no phone number in clear', async () => {
    t = await createTestApp({ store: 'redis', env: FAST, overrides: { sender: createLocalSender() } });
    const numbers = ['+5219625554444', 'whatsapp:+5219625555555', '+50242345678'];
    for (const n of numbers) {
      await converse(t, n, [
        'hola',
        '2',
        '2',
        '1',
        '5',
        'asylum',
        '2',
        'talk to a person',
        'someone is hitting me',
      ]);
    }
    const contents = await redisContents(t.prefix);
    expect(contents.length).toBeGreaterThan(10);
    const found = traces(
      contents,
      numbers.flatMap((n) => {
        const d = n.replace(/\D/g, '');
        return [d, d.slice(-8)];
      }),
    );
    expect(found).toEqual([]);
  });
});
