import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const WA = 'whatsapp:+5219625550202';
const SMS = '+5219625550303';
const HOUR = 3600 * 1000;

describe('when staff may write to the user', () => {
  let h: HandoffFixture;
  let ana: StaffSession;
  const ticketId = async (from: string) => (await h.ticketOf(from)).id;

  beforeEach(async () => {
    h = await startHandoff();
    ana = await login(h.t, 'ana');
    for (const from of [WA, SMS]) {
      await h.userWrites(from, 'quiero hablar con una persona');
      await api(h.t, ana, 'POST', `/api/staff/tickets/${await ticketId(from)}/claim`);
    }
    await h.t.services.engine.idle();
  });
  afterEach(() => h.close());

  it('shows how long the WhatsApp window has left, and refuses free text once it has closed', async () => {
    const id = await ticketId(WA);
    const opened = h.clock.now();
    const before = (await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`)).json().ticket;
    expect(before).toMatchObject({
      canReply: true,
      cannotReplyReason: null,
      windowClosesAt: opened + 24 * HOUR,
    });

    h.clock.advance(24 * HOUR + 1);
    ana = await login(h.t, 'ana'); // a session lasts 12 hours
    const after = (await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`)).json().ticket;
    expect(after).toMatchObject({ canReply: false, cannotReplyReason: 'window_closed' });
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: '¿Sigues ahí?' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ statusCode: 409, error: 'Conflict', reason: 'window_closed' });
    expect(res.json().message).toMatch(/24-hour window/);
    await h.t.services.outbox.drain();
    expect(h.fake.messages.some((m) => m.body.includes('Sigues ahí'))).toBe(false);

    // The user writes again: the window opens again.
    await h.userWrites(WA, 'sí, aquí estoy');
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: 'Bien' })).statusCode,
    ).toBe(202);
  });

  it('has no window on SMS', async () => {
    const id = await ticketId(SMS);
    h.clock.advance(72 * HOUR);
    ana = await login(h.t, 'ana');
    const t = (await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`)).json().ticket;
    expect(t).toMatchObject({ canReply: true, windowClosesAt: null });
    expect(
      (await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: 'Hola' })).statusCode,
    ).toBe(202);
  });

  it('refuses to write to a user who opted out (STOP)', async () => {
    const id = await ticketId(SMS);
    const store = h.t.services.store;
    const cid = h.t.services.crypto.hash(SMS);
    const record = (await store.load(cid))!;
    await store.saveRecord({ ...record, stopped: true }, record.version, 86_400);
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: 'Hola' });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('opted_out');
    expect((await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`)).json().ticket.cannotReplyReason).toBe(
      'opted_out',
    );
  });

  it('refuses replies on a ticket that is not yours or not active, saying why', async () => {
    const beto = await login(h.t, 'beto');
    const id = await ticketId(SMS);
    const notMine = await api(h.t, beto, 'POST', `/api/staff/tickets/${id}/messages`, { text: 'Hola' });
    expect(notMine.statusCode).toBe(409);
    expect(notMine.json().reason).toBe('not_assignee');
    await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/close`, { outcome: 'other' });
    const closed = await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: 'Hola' });
    expect(closed.json()).toMatchObject({ statusCode: 409, reason: 'closed' });
  });

  it('returns markup as the literal text it was, in both directions', async () => {
    const id = await ticketId(SMS);
    const evil = '<img src=x onerror=alert(1)>';
    await h.userWrites(SMS, evil);
    const reply = await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, {
      text: `te cito: ${evil}`,
    });
    expect(reply.statusCode).toBe(202);
    const res = await api(h.t, ana, 'GET', `/api/staff/tickets/${id}`);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const texts = res.json().ticket.transcript.map((e: { text: string }) => e.text);
    expect(texts).toContain(evil);
    expect(texts).toContain(`te cito: ${evil}`);
    await h.sentTo(SMS, `te cito: ${evil}`);
  });

  it('sends a staff SMS in GSM-7 like the bot (á → a) and splits a long one without losing text', async () => {
    const id = await ticketId(SMS);
    const long = `${'Información útil sobre tu caso. '.repeat(40)}Fin.`;
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${id}/messages`, { text: long });
    expect(res.statusCode).toBe(202);
    await h.t.services.outbox.drain();
    const parts = h.fake.messages.filter((m) => m.to === SMS && m.body.includes('Informacion util'));
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.map((m) => m.body).join(' ')).toContain('Fin.');
  });
});
