import type { ServiceOverrides } from '../../src/build-services.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import type { Ticket } from '../../src/handoff/ticket.ts';
import { type FakeMessage, type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import {
  createTestApp,
  inboundForm,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
  type TestApp,
} from '../helpers/test-app.ts';
import { addStaff } from './staff-session.ts';

export interface HandoffFixture {
  t: TestApp;
  fake: FakeTwilio;
  clock: ReturnType<typeof createManualClock>;
  /** A signed webhook from this user, then waits until the engine has stepped. */
  userWrites(from: string, text: string): Promise<void>;
  /** The user's open ticket. */
  ticketOf(from: string): Promise<Ticket>;
  /** Waits for a message at the fake Twilio to this address whose body matches. */
  sentTo(to: string, match: RegExp | string, timeoutMs?: number): Promise<FakeMessage>;
  /** Twilio's signed status callback for a sent message, posted to the app as Twilio would. */
  deliverStatus(message: FakeMessage, status: string): Promise<number>;
  close(): Promise<void>;
}

/**
 * A Faro app talking to a fake Twilio server, on a manual clock that starts on a Thursday at
 * 10:00 in Mexico City (business hours), with staff ana and beto (agents) and sofia (supervisor).
 */
export async function startHandoff({
  store = 'memory',
  overrides = {},
  env = {},
  prefix,
  fake: sharedFake,
}: {
  store?: 'memory' | 'redis';
  overrides?: ServiceOverrides;
  env?: Record<string, string>;
  prefix?: string;
  fake?: FakeTwilio;
} = {}): Promise<HandoffFixture> {
  const fake =
    sharedFake ?? (await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN }));
  const clock = createManualClock(Date.parse('2026-11-26T16:00:00Z'));
  const t = await createTestApp({
    store,
    ...(prefix ? { prefix } : {}),
    env: {
      TWILIO_API_BASE_URL: fake.baseUrl,
      OUTBOX_SMS_PER_SECOND: '1000',
      OUTBOX_WHATSAPP_PER_SECOND: '1000',
      ...env,
    },
    overrides: { clock, ...overrides },
  });
  for (const [name, role] of [
    ['ana', 'agent'],
    ['beto', 'agent'],
    ['sofia', 'supervisor'],
  ] as const)
    await addStaff(t, name, role);

  async function sentTo(to: string, match: RegExp | string, timeoutMs = 5_000) {
    const until = Date.now() + timeoutMs;
    const test = (m: FakeMessage) =>
      m.to === to && (typeof match === 'string' ? m.body.includes(match) : match.test(m.body));
    while (Date.now() < until) {
      const hit = fake.messages.find(test);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(
      `no message to the user matching ${match}; got ${fake.messages.filter((m) => m.to === to).length}`,
    );
  }

  return {
    t,
    fake,
    clock,
    async userWrites(from, text) {
      const res = await t.post('/webhooks/twilio/messages', inboundForm(from, text));
      if (res.statusCode !== 200) throw new Error(`webhook: ${res.statusCode}`);
      await t.services.engine.idle();
    },
    async ticketOf(from) {
      const ticket = await t.services.handoffSide.tickets.openFor(t.services.crypto.hash(from));
      if (!ticket) throw new Error('no open ticket');
      return ticket;
    },
    sentTo,
    async deliverStatus(message, status) {
      const url = new URL(message.statusCallback!);
      const res = await t.post(url.pathname + url.search, {
        AccountSid: TEST_ACCOUNT_SID,
        MessageSid: message.sid,
        MessageStatus: status,
        To: message.to,
        From: message.from ?? '',
      });
      return res.statusCode;
    },
    async close() {
      await t.close();
      if (!sharedFake) await fake.close();
    },
  };
}
