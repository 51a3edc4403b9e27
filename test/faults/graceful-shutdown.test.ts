import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  type FaroProcess,
  FIRST_REPLY_PARTS,
  faroEnv,
  freePort,
  startFaro,
  waitUntil,
} from '../helpers/processes.ts';
import { signedPost } from '../helpers/signed-post.ts';
import { deleteKeys, inboundForm, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';

const PATH = '/webhooks/twilio/messages';

describe('SIGTERM', () => {
  let fake: FakeTwilio;
  let faro: FaroProcess;
  let env: Record<string, string>;
  const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    env = faroEnv({
      twilioBaseUrl: fake.baseUrl,
      prefix: prefix,
      dataKey: randomBytes(32),
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
    expect(fake.messages.length).toBeLessThan(users.length * FIRST_REPLY_PARTS);

    faro = await startFaro(await freePort(), env);
    await waitUntil(
      async () => fake.messages.length >= users.length * FIRST_REPLY_PARTS,
      30_000,
      () => `${fake.messages.length} replies`,
    );
    for (const u of users) expect(fake.messages.filter((m) => m.to === u)).toHaveLength(FIRST_REPLY_PARTS);
  }, 90_000);
});
