import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { type FaroProcess, faroEnv, freePort, pool, startFaro } from '../helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../helpers/replies.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { deleteKeys, inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

/** Sum of a Prometheus counter or histogram `_count` over its labels. */
async function metric(faro: FaroProcess, name: string): Promise<number> {
  const text = await (await fetch(`${faro.url}/metrics`)).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

describe('a web process and a worker process (FARO_ROLE)', () => {
  let fake: FakeTwilio;
  let web: FaroProcess;
  let worker: FaroProcess;
  let workerEnv: Record<string, string>;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const env = faroEnv({
      twilioBaseUrl: fake.baseUrl,
      prefix,
      dataKey,
      extra: { OUTBOX_SMS_PER_SECOND: '5000', FLOOD_MAX_PER_MINUTE: '1000' },
    });
    workerEnv = { ...env, FARO_ROLE: 'worker' };
    [web, worker] = await Promise.all([
      startFaro(await freePort(), { ...env, FARO_ROLE: 'web' }),
      startFaro(await freePort(), workerEnv),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([web?.stop(), worker?.stop()]);
    await fake?.close();
    await deleteKeys(prefix);
  });

  async function converse(senders: string[], from: number, count: number) {
    await pool(senders, 20, async (sender) => {
      for (let k = from; k < from + count; k++) {
        const res = await signedPost(web.url, PATH, inboundForm(sender, k === 0 ? 'hola' : `mensaje ${k}`));
        expect(res.status).toBe(200);
      }
    });
  }

  it('answers through the worker, in order, once each; the web process steps and sends nothing', async () => {
    const senders = Array.from({ length: 40 }, (_, i) => `+5219625${String(i).padStart(6, '0')}`);
    const conversations = readConversations({ prefix, dataKey });
    try {
      await converse(senders, 0, 3);
      await waitForAllReplies({
        conversations,
        users: senders,
        messages: 3,
        sentCount: () => fake.messages.length,
        timeoutMs: 30_000,
      });
      for (const row of await repliesPerUser(conversations, senders, fake.messages)) {
        expect(row.sent).toBe(row.committed);
      }
      const firstRound = fake.messages.length;
      expect(await metric(web, 'faro_step_seconds_count')).toBe(0);
      expect(await metric(web, 'faro_messages_out_total')).toBe(0);
      expect(await metric(worker, 'faro_step_seconds_count')).toBe(120);

      // No worker running: the web process still takes every message; the next worker answers them.
      expect(await worker.stop('SIGTERM')).toBe(0);
      await converse(senders, 3, 2);
      await new Promise((r) => setTimeout(r, 500));
      expect(fake.messages).toHaveLength(firstRound);
      worker = await startFaro(await freePort(), workerEnv);
      await waitForAllReplies({
        conversations,
        users: senders,
        messages: 5,
        sentCount: () => fake.messages.length,
        timeoutMs: 30_000,
      });
      for (const row of await repliesPerUser(conversations, senders, fake.messages)) {
        expect(row.sent).toBe(row.committed);
      }
      for (const s of senders) {
        expect(await conversations.said(s)).toEqual([
          'hola',
          'mensaje 1',
          'mensaje 2',
          'mensaje 3',
          'mensaje 4',
        ]);
      }
    } finally {
      await conversations.close();
    }
  }, 120_000);
});
