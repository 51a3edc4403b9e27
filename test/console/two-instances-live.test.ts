import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../src/handoff/ticket-view.ts';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { api, login } from './staff-session.ts';

const USER = 'whatsapp:+5219625550505';

describe('live events across two instances on one Redis', () => {
  let fake: FakeTwilio;
  let a: HandoffFixture;
  let b: HandoffFixture;
  let sse: SseClient;

  beforeAll(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const env = { DATA_KEY: randomBytes(32).toString('base64') };
    a = await startHandoff({ store: 'redis', prefix, env, fake });
    b = await startHandoff({ store: 'redis', prefix, env, fake });
    const url = await a.t.app.listen({ port: 0, host: '127.0.0.1' });
    const ana = await login(a.t, 'ana');
    sse = await openSse(`${url}/api/staff/events`, { cookie: ana.cookie });
  });
  afterAll(async () => {
    sse.close();
    await a.close();
    await b.close();
    await fake.close();
  });

  it('shows staff on instance A, within a second, a ticket raised through instance B', async () => {
    const started = Date.now();
    await b.userWrites(USER, 'quiero hablar con una persona');
    const event = await sse.waitFor((e) => e.event === 'ticket', 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((event.data as TicketSummary).maskedAddress).toBe('WhatsApp ••• ••• ••05');
  });

  it('shows on A a claim made on B; a session made on A works on B', async () => {
    const ticket = await b.ticketOf(USER);
    const beto = await login(b.t, 'beto');
    expect((await api(b.t, beto, 'POST', `/api/staff/tickets/${ticket.id}/claim`)).statusCode).toBe(200);
    await sse.waitFor((e) => e.event === 'ticket' && (e.data as TicketSummary).assignee === 'beto', 1_000);
    // A session made on A works on B: sessions live in Redis.
    const sofiaOnA = await login(a.t, 'sofia');
    const onB = await b.t.app.inject({ url: '/api/staff/session', headers: { cookie: sofiaOnA.cookie } });
    expect(onB.statusCode).toBe(200);
  });
});
