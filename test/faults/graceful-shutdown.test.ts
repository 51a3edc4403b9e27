import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { type FaroProcess, faroEnv, freePort, startFaro } from '../helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../helpers/replies.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { deleteKeys, inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

describe('SIGTERM', () => {
  let fake: FakeTwilio;
  let faro: FaroProcess;
  let env: Record<string, string>;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
  const dataKey = randomBytes(32);

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    env = faroEnv({
      twilioBaseUrl: fake.baseUrl,
      prefix: prefix,
      dataKey,
      extra: { OUTBOX_SMS_PER_SECOND: '5' },
    });
    faro = await startFaro(await freePort(), env);
  }, 60_000);

  afterAll(async () => {
    await faro?.stop();
    await fake?.close();
    await deleteKeys(prefix);
  });

  it('finishes in-flight work, exits 0, and the next process sends what was still queued', async () => {
    const users = Array.from({ length: 20 }, (_, i) => `+5219621${String(i).padStart(6, '0')}`);
    const results = await Promise.all(users.map((u) => signedPost(faro.url, PATH, inboundForm(u, 'hola'))));
    expect(results.every((r) => r.status === 200)).toBe(true);

    const code = await faro.stop('SIGTERM');
    expect(code).toBe(0);
    expect(fake.messages.length).toBeLessThan(users.length);

    faro = await startFaro(await freePort(), env);
    const conversations = readConversations({ prefix, dataKey });
    try {
      await waitForAllReplies({
        conversations,
        users,
        messages: 1,
        sentCount: () => fake.messages.length,
        timeoutMs: 30_000,
      });
      for (const row of await repliesPerUser(conversations, users, fake.messages)) {
        expect(row.committed).toBeGreaterThan(0);
        expect(row.sent).toBe(row.committed);
      }
    } finally {
      await conversations.close();
    }
  }, 90_000);
});
