import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { type FaroProcess, freePort, pool, startFaro, waitUntil } from '../helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../helpers/replies.ts';
import { signedPost } from '../helpers/signed-post.ts';
import {
  deleteKeys,
  inboundForm,
  PUBLIC_BASE_URL,
  REDIS_URL,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
} from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

describe('a Faro process killed mid-work', () => {
  let fake: FakeTwilio;
  let faro: FaroProcess;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);
  let env: Record<string, string>;
  let port: number;

  beforeAll(async () => {
    fake = await startFakeTwilio({
      accountSid: TEST_ACCOUNT_SID,
      authToken: TEST_AUTH_TOKEN,
      responseDelayMs: 30,
    });
    env = {
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      DATA_KEY: dataKey.toString('base64'),
      PUBLIC_BASE_URL,
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      TWILIO_SMS_FROM: '+15005550006',
      TWILIO_API_BASE_URL: fake.baseUrl,
      OUTBOX_SMS_PER_SECOND: '200',
      FLOOD_MAX_PER_MINUTE: '1000',
      LOG_LEVEL: 'info',
    };
    port = await freePort();
    faro = await startFaro(port, env);
  }, 60_000);

  afterAll(async () => {
    await faro?.stop();
    await fake?.close();
    await deleteKeys(prefix);
  });

  // Replies share texts ("mensaje k" all get the same answer): an earlier version matched a send
  // that never reached Twilio to an earlier reply with the same text, and dropped that reply.
  it('loses nothing that was answered with 200 and sends nothing twice after SIGKILL and restart', async () => {
    const senders = Array.from({ length: 30 }, (_, i) => `+5219627${String(i).padStart(6, '0')}`);
    const perSender = 10;
    let acked = 0;
    let failedDeliveries = 0;
    let killed = false;
    let restarting: Promise<void> | null = null;

    /** Twilio's behaviour: a delivery that got no 200 is tried again, with the same MessageSid. */
    async function deliver(form: Record<string, string>) {
      for (;;) {
        const res = await signedPost(faro.url, PATH, form).catch(() => null);
        if (res?.status === 200) return;
        failedDeliveries++;
        await (restarting ?? new Promise((r) => setTimeout(r, 200)));
      }
    }

    await pool(senders, senders.length, async (from) => {
      for (let k = 0; k < perSender; k++) {
        await deliver(inboundForm(from, k === 0 ? 'hola' : `mensaje ${k}`));
        acked++;
        if (acked === 100 && !killed) {
          killed = true;
          // Eight sends are under way when the process dies: four never reached Twilio, four did
          // but the process never heard back. The restarted process must send the first four
          // again and not the others.
          fake.failNext(Array.from({ length: 8 }, (_, i) => (i % 2 ? 'created-then-hang' : 'hang')));
          // The eight can take a while to reach Twilio: the later replies of a conversation whose
          // send hangs wait for it (one send at a time per conversation) and fill the outbox's
          // workers until Twilio's timeout (10 s) ends the hung sends. Locally 1-11 s; a loaded CI
          // machine once took over 20 s.
          await waitUntil(
            async () => fake.failuresLeft() === 0,
            60_000,
            () =>
              `${8 - fake.failuresLeft()} of 8 sends reached Twilio in 60 s ` +
              `(${fake.messages.length} messages created, ${acked} acknowledged); Faro said:\n` +
              faro.output.join('').slice(-4_000),
          );
          await faro.stop('SIGKILL');
          restarting = (async () => {
            faro = await startFaro(port, env);
          })();
        }
      }
    });
    await restarting;
    const conversations = readConversations({ prefix, dataKey });
    try {
      // A stalled job would be re-run within the settling time.
      await waitForAllReplies({
        conversations,
        users: senders,
        messages: perSender,
        sentCount: () => fake.messages.length,
        timeoutMs: 120_000,
        settleMs: 6_000,
      });
      let committed = 0;
      for (const row of await repliesPerUser(conversations, senders, fake.messages)) {
        expect(row.sent).toBe(row.committed);
        committed += row.committed;
      }
      for (const from of senders) {
        expect(await conversations.said(from)).toEqual([
          'hola',
          ...Array.from({ length: perSender - 1 }, (_, k) => `mensaje ${k + 1}`),
        ]);
      }
      const reconciled = faro.output.join('').split('"send_reconciled"').length - 1;
      console.log(
        `SIGKILL after 100 of ${senders.length * perSender} messages: ${failedDeliveries} deliveries failed and were retried; ` +
          `${reconciled} sends found at Twilio after the restart; ${fake.messages.length} replies (${committed} committed), none twice, none lost`,
      );
    } finally {
      await conversations.close();
    }
  }, 260_000);
});
