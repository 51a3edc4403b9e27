import { describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../src/handoff/ticket-view.ts';
import { runStaffCommand } from '../helpers/staff-command.ts';
import { REDIS_URL } from '../helpers/test-app.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { openSse, type SseClient, type SseEvent } from './sse-client.ts';
import { addStaff, api, login } from './staff-session.ts';

const ALBA = 'whatsapp:+5219625551111';
const BRUNO = 'whatsapp:+5219625552222';
const CARLA = 'whatsapp:+5219625553333';

async function listening(h: HandoffFixture) {
  return h.t.app.listen({ port: 0, host: '127.0.0.1' });
}

const isTranscriptOf = (ticketId: string, text: string) => (e: SseEvent) =>
  e.event === 'transcript' &&
  (e.data as { ticketId: string; entry: { text?: string } }).ticketId === ticketId &&
  Boolean((e.data as { entry: { text?: string } }).entry.text?.includes(text));

/** Which comes first: the server closing the stream, or an event it should no longer carry. */
function closedOrHeard(sse: SseClient, test: (e: SseEvent) => boolean) {
  return Promise.race([
    sse.ended.then(() => 'closed'),
    sse.waitFor(test, 15_000).then(
      () => 'heard',
      () => 'neither',
    ),
  ]);
}

describe('F3: a live stream after its staff member changes role', () => {
  it('is closed when `npm run staff` (another process, Redis) makes a supervisor an agent', async () => {
    const h = await startHandoff({ store: 'redis' });
    let sse: SseClient | null = null;
    try {
      const url = await listening(h);
      const sofia = await login(h.t, 'sofia');
      const ana = await login(h.t, 'ana');
      sse = await openSse(`${url}/api/staff/events`, { cookie: sofia.cookie });
      await h.userWrites(ALBA, 'quiero hablar con una persona');
      const ticket = await h.ticketOf(ALBA);
      await api(h.t, ana, 'POST', `/api/staff/tickets/${ticket.id}/claim`);
      await sse.waitFor((e) => e.event === 'ticket' && (e.data as TicketSummary).assignee === 'ana');

      const demoted = await runStaffCommand(
        ['add', 'sofia', '--role', 'agent'],
        { REDIS_URL, REDIS_KEY_PREFIX: h.t.prefix },
        'otra clave bastante larga\n',
      );
      expect(demoted.code).toBe(0);
      // Ana's ticket: an agent other than Ana may not read what the user writes in it.
      await h.userWrites(ALBA, 'gracias, sigo esperando');
      expect(await closedOrHeard(sse, isTranscriptOf(ticket.id, 'sigo esperando'))).toBe('closed');
    } finally {
      sse?.close();
      await h.close();
    }
  });

  it('is closed when the account changes in this process (embedded mode)', async () => {
    const h = await startHandoff();
    let sse: SseClient | null = null;
    try {
      const url = await listening(h);
      const sofia = await login(h.t, 'sofia');
      const ana = await login(h.t, 'ana');
      sse = await openSse(`${url}/api/staff/events`, { cookie: sofia.cookie });
      await h.userWrites(ALBA, 'quiero hablar con una persona');
      const ticket = await h.ticketOf(ALBA);
      await api(h.t, ana, 'POST', `/api/staff/tickets/${ticket.id}/claim`);
      await addStaff(h.t, 'sofia', 'agent');
      await h.userWrites(ALBA, 'gracias, sigo esperando');
      expect(await closedOrHeard(sse, isTranscriptOf(ticket.id, 'sigo esperando'))).toBe('closed');
    } finally {
      sse?.close();
      await h.close();
    }
  });
});

describe("F7: an agent's live stream", () => {
  it("carries no summary of another agent's ticket (labels, risk, city, age), only that it left the queue", async () => {
    const h = await startHandoff();
    const streams: SseClient[] = [];
    try {
      const url = await listening(h);
      const [ana, beto, sofia] = [
        await login(h.t, 'ana'),
        await login(h.t, 'beto'),
        await login(h.t, 'sofia'),
      ];
      const anaSse = await openSse(`${url}/api/staff/events`, { cookie: ana.cookie });
      streams.push(anaSse);
      await h.userWrites(BRUNO, 'tengo 15 años, estoy solo en Tapachula, quiero hablar con una persona');
      const ticket = await h.ticketOf(BRUNO);
      // While waiting it is in everyone's queue: Ana hears it in full.
      await anaSse.waitFor((e) => e.event === 'ticket' && (e.data as TicketSummary).id === ticket.id);

      await api(h.t, beto, 'POST', `/api/staff/tickets/${ticket.id}/claim`);
      await api(h.t, sofia, 'PUT', `/api/staff/tickets/${ticket.id}/labels`, { labels: ['trata-sospecha'] });
      expect((await api(h.t, ana, 'GET', `/api/staff/tickets/${ticket.id}`)).statusCode).toBe(403);
      // A later ticket Ana may see: every frame before it has reached her by then.
      await h.userWrites(CARLA, 'quiero hablar con una persona');
      const later = await h.ticketOf(CARLA);
      await anaSse.waitFor((e) => e.event === 'ticket' && (e.data as TicketSummary).id === later.id);

      const afterClaim = anaSse.events.filter(
        (e) =>
          e.event === 'ticket' &&
          (e.data as TicketSummary).id === ticket.id &&
          (e.data as TicketSummary).status !== 'waiting',
      );
      expect(afterClaim.length).toBeGreaterThan(0);
      for (const e of afterClaim) {
        expect(e.data).toEqual({ id: ticket.id, status: 'active', assignee: 'beto' });
      }
      expect(JSON.stringify(anaSse.events)).not.toContain('trata-sospecha');
    } finally {
      for (const s of streams) s.close();
      await h.close();
    }
  });
});
