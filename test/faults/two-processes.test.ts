import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { type FaroProcess, faroEnv, freePort, pool, startFaro } from '../helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../helpers/replies.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { deleteKeys, inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const SENDERS = 200;
const PER_SENDER = 10;
const PATH = '/webhooks/twilio/messages';

describe('two Faro processes on one Redis', () => {
  let fake: FakeTwilio;
  let a: FaroProcess;
  let b: FaroProcess;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const env = faroEnv({
      twilioBaseUrl: fake.baseUrl,
      prefix: prefix,
      dataKey: dataKey,
      extra: { OUTBOX_SMS_PER_SECOND: '5000', FLOOD_MAX_PER_MINUTE: '1000' },
    });
    [a, b] = await Promise.all([startFaro(await freePort(), env), startFaro(await freePort(), env)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await fake?.close();
    await deleteKeys(prefix);
  });

  it('processes 2,000 messages from 200 senders once each, in order, with every reply sent once, despite 5% retries', async () => {
    const senders = Array.from({ length: SENDERS }, (_, i) => `+5219626${String(i).padStart(6, '0')}`);
    let posts = 0;
    let retries = 0;
    const started = Date.now();
    await pool(senders, 50, async (from) => {
      for (let k = 0; k < PER_SENDER; k++) {
        const form = inboundForm(from, k === 0 ? 'hola' : `mensaje ${k}`);
        const first = (posts + k) % 2 === 0 ? a : b;
        const res = await signedPost(first.url, PATH, form);
        posts++;
        expect(res.status).toBe(200);
        // Twilio retries about one delivery in twenty, possibly at the other instance.
        if (Math.random() < 0.05) {
          retries++;
          const again = await signedPost((first === a ? b : a).url, PATH, form);
          expect(again.status).toBe(200);
        }
      }
    });
    const acked = Date.now() - started;
    const conversations = readConversations({ prefix, dataKey });
    try {
      await waitForAllReplies({
        conversations,
        users: senders,
        messages: PER_SENDER,
        sentCount: () => fake.messages.length,
        timeoutMs: 90_000,
      });
      const total = Date.now() - started;
      let committed = 0;
      for (const row of await repliesPerUser(conversations, senders, fake.messages)) {
        expect(row.sent).toBe(row.committed);
        committed += row.committed;
      }
      for (const from of senders) {
        expect(await conversations.said(from)).toEqual([
          'hola',
          ...Array.from({ length: PER_SENDER - 1 }, (_, k) => `mensaje ${k + 1}`),
        ]);
      }
      expect(fake.messages).toHaveLength(committed);
      console.log(
        `two processes: ${posts} messages + ${retries} retries from ${SENDERS} senders; ` +
          `acknowledged in ${acked} ms (${Math.round((posts + retries) / (acked / 1000))} webhooks/s); ` +
          `all ${fake.messages.length} replies at the fake Twilio after ${total} ms; duplicates 0, out of order 0`,
      );
    } finally {
      await conversations.close();
    }
  }, 120_000);
});
