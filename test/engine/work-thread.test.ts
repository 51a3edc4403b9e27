import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { type FaroProcess, faroEnv, freePort, startFaro } from '../helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../helpers/replies.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { deleteKeys, inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

/** Prometheus lines of one metric (any labels). */
async function metricLines(faro: FaroProcess, name: string): Promise<string[]> {
  const text = await (await fetch(`${faro.url}/metrics`)).text();
  return text.split('\n').filter((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
}
const sum = (lines: string[]) => lines.reduce((n, l) => n + Number(l.split(' ').pop()), 0);

describe('one process, FARO_ROLE=all on Redis: webhooks on the main thread, the work on a thread', () => {
  let fake: FakeTwilio;
  let faro: FaroProcess;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    faro = await startFaro(
      await freePort(),
      faroEnv({ twilioBaseUrl: fake.baseUrl, prefix, dataKey, extra: { TWILIO_SMS_MPS: '1000' } }),
    );
  }, 60_000);
  afterAll(async () => {
    await faro?.stop();
    await fake?.close();
    await deleteKeys(prefix);
  });

  it('answers every message once, in order, counts both threads in /metrics, and stops cleanly', async () => {
    const users = ['+5219629000001', '+5219629000002'];
    for (const text of ['hola', '1', 'MENU']) {
      for (const u of users)
        expect((await signedPost(faro.url, PATH, inboundForm(u, text))).status).toBe(200);
    }
    const conversations = readConversations({ prefix, dataKey });
    try {
      await waitForAllReplies({
        conversations,
        users,
        messages: 3,
        sentCount: () => fake.messages.length,
        timeoutMs: 20_000,
      });
      for (const row of await repliesPerUser(conversations, users, fake.messages)) {
        expect(row.sent).toBe(row.committed);
      }
      for (const u of users) expect(await conversations.said(u)).toEqual(['hola', '1', 'MENU']);
    } finally {
      await conversations.close();
    }
    expect(sum(await metricLines(faro, 'faro_messages_in_total'))).toBe(6);
    expect(sum(await metricLines(faro, 'faro_step_seconds_count'))).toBe(6);
    expect(sum(await metricLines(faro, 'faro_messages_out_total'))).toBe(fake.messages.length);
    // The process is reported once, not once per thread.
    expect(await metricLines(faro, 'faro_process_resident_memory_bytes')).toHaveLength(1);
    expect(await faro.stop('SIGTERM')).toBe(0);
  }, 60_000);
});
