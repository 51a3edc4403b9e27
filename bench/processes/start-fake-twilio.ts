import { freePort } from '../../test/helpers/processes.ts';
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../../test/helpers/test-app.ts';
import { startChildServer } from './child-server.ts';

export interface FakeTwilioProcess {
  /** Where Faro's TWILIO_API_BASE_URL points. */
  baseUrl: string;
  pid: number;
  /** Messages created so far, and their total length in characters. */
  counts(): Promise<{ received: number; bodyChars: number }>;
  /** Every message created, in order (only with `keepLog`). */
  log(): Promise<Array<{ to: string; body: string; at: number }>>;
  stop(): Promise<void>;
}

export async function startFakeTwilioProcess({
  keepLog = false,
}: {
  keepLog?: boolean;
} = {}): Promise<FakeTwilioProcess> {
  const [port, fakePort] = [await freePort(), await freePort()];
  const server = await startChildServer({
    file: 'bench/processes/fake-twilio-server.ts',
    port,
    env: {
      TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
      TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
      FAKE_PORT: String(fakePort),
      KEEP_LOG: keepLog ? '1' : '0',
    },
  });
  return {
    baseUrl: `http://127.0.0.1:${fakePort}`,
    pid: server.child.pid!,
    async counts() {
      const res = await fetch(`${server.url}/healthz`);
      return (await res.json()) as { received: number; bodyChars: number };
    },
    async log() {
      return (await (await fetch(`${server.url}/log`)).json()) as Array<{
        to: string;
        body: string;
        at: number;
      }>;
    },
    stop: () => server.stop(),
  };
}
