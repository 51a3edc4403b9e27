import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketSummary } from '../../src/handoff/ticket-view.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { openSse, type SseClient } from './sse-client.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const USER = 'whatsapp:+5219625550101';
const XSS = '<img src=x onerror=alert(1)> <script>alert(2)</script>';

describe.each(['memory', 'redis'] as const)('a whole handoff through the signed webhook (%s)', (store) => {
  let h: HandoffFixture;
  let ana: StaffSession;
  let sse: SseClient;

  beforeAll(async () => {
    h = await startHandoff({ store });
    const url = await h.t.app.listen({ port: 0, host: '127.0.0.1' });
    ana = await login(h.t, 'ana');
    sse = await openSse(`${url}/api/staff/events`, { cookie: ana.cookie });
  });
  afterAll(async () => {
    sse.close();
    await h.close();
  });

  it('queue → claim → reply → live answer → close → the bot answers again', async () => {
    expect(sse.status).toBe(200);
    expect(sse.headers.get('content-type')).toMatch(/^text\/event-stream/);

    // 1. The user asks for a person: a ticket appears live in the queue.
    await h.userWrites(USER, 'quiero hablar con una persona');
    await h.sentTo(USER, 'Puede tardar unos 15 minutos');
    const created = await sse.waitFor((e) => e.event === 'ticket');
    const summary = created.data as TicketSummary;
    expect(summary).toMatchObject({ status: 'waiting', reasons: ['asked'], channel: 'whatsapp', lang: 'es' });
    expect(summary.maskedAddress).toBe('WhatsApp ••• ••• ••01');
    const queue = (await api(h.t, ana, 'GET', '/api/staff/tickets?status=waiting')).json().tickets;
    expect(queue.map((t: TicketSummary) => t.id)).toEqual([summary.id]);

    // 2. Ana claims it; the user hears a person joined.
    const claimed = await api(h.t, ana, 'POST', `/api/staff/tickets/${summary.id}/claim`);
    expect(claimed.statusCode).toBe(200);
    expect(claimed.json().ticket).toMatchObject({ status: 'active', assignee: 'ana', canReply: true });
    await h.sentTo(USER, 'Una persona del equipo entró a la conversación');

    // 3. Ana replies; the fake Twilio gets it for the user's number; the status shows live.
    const reply = await api(h.t, ana, 'POST', `/api/staff/tickets/${summary.id}/messages`, {
      text: 'Hola, soy Ana. ¿En qué ciudad estás?',
    });
    expect(reply.statusCode).toBe(202);
    const { message } = reply.json();
    expect(message).toEqual({ id: expect.any(String), status: 'pending' });
    const sent = await h.sentTo(USER, 'Hola, soy Ana.');
    expect(sent.from).toBe('whatsapp:+14155238886');
    await sse.waitFor(
      (e) => e.event === 'status' && (e.data as { messageId: string }).messageId === message.id,
    );
    expect(await h.deliverStatus(sent, 'read')).toBe(200);
    await sse.waitFor((e) => e.event === 'status' && (e.data as { status: string }).status === 'read');

    // 4. The user answers (with markup that must stay text): it appears live, nothing from the bot.
    const botBefore = h.fake.messages.filter((m) => m.to === USER).length;
    await h.userWrites(USER, `Estoy en Tapachula ${XSS}`);
    const live = await sse.waitFor(
      (e) =>
        e.event === 'transcript' &&
        (e.data as { entry: { from: string } }).entry.from === 'user' &&
        String((e.data as { entry: { text: string } }).entry.text).includes('Tapachula'),
    );
    expect(live.data).toEqual({
      ticketId: summary.id,
      entry: { at: expect.any(Number), from: 'user', text: `Estoy en Tapachula ${XSS}` },
    });
    const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${summary.id}`)).json().ticket;
    expect(detail.transcript.map((e: { text: string }) => e.text)).toContain(`Estoy en Tapachula ${XSS}`);
    const staffLine = detail.transcript.find((e: { from: string }) => e.from === 'staff');
    expect(staffLine).toMatchObject({ author: 'ana', status: 'read', messageId: message.id });
    await h.t.services.outbox.drain();
    expect(h.fake.messages.filter((m) => m.to === USER).length).toBe(botBefore);

    // 5. Ana closes: the user hears it in Spanish; the ticket keeps its transcript.
    const closed = await api(h.t, ana, 'POST', `/api/staff/tickets/${summary.id}/close`, {
      outcome: 'information_given',
    });
    expect(closed.json().ticket).toMatchObject({
      status: 'closed',
      outcome: 'information_given',
      canReply: false,
    });
    await h.sentTo(USER, 'La persona cerró la conversación');
    await sse.waitFor((e) => e.event === 'ticket' && (e.data as TicketSummary).status === 'closed');

    // 6. The next message is the bot's again.
    const before = h.fake.messages.filter((m) => m.to === USER).length;
    await h.userWrites(USER, 'menu');
    await h.t.services.outbox.drain();
    const after = h.fake.messages.filter((m) => m.to === USER);
    expect(after.length).toBeGreaterThan(before);
    expect(after.at(-1)!.body).toMatch(/1/);
    const snapshot = (await api(h.t, ana, 'GET', `/api/staff/tickets/${summary.id}`)).json().ticket;
    expect(snapshot.transcript.map((e: { from: string }) => e.from)).toEqual(
      expect.arrayContaining(['user', 'bot', 'staff']),
    );
    expect(snapshot.transcript.some((e: { text: string }) => e.text === 'menu')).toBe(false);

    // Nothing of the number or of what was said reached a log line.
    const log = h.t.logs.join('');
    expect(log).toContain('"event":"ticket_escalated"');
    for (const secret of ['5219625550101', '9625550101', 'Hola, soy Ana', 'Tapachula', 'onerror'])
      expect(log).not.toContain(secret);
  });
});
