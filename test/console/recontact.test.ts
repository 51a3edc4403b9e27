import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type FakeTwilio, startFakeTwilio } from '../fakes/fake-twilio.ts';
import { TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../helpers/test-app.ts';
import { type HandoffFixture, startHandoff } from './handoff-fixture.ts';
import { api, login, type StaffSession } from './staff-session.ts';

const WA = 'whatsapp:+5219625558080';
const HOUR = 3600 * 1000;
const HX_ES = `HX${'e5'.repeat(16)}`;
const HX_EN = `HX${'e7'.repeat(16)}`;

/**
 * A staff reply after WhatsApp's 24-hour window: the person gets the approved template ("someone
 * from the team answered you"), and the reply itself once they write again, before anything the
 * bot says. A template WhatsApp has not approved is never sent.
 */
describe.each(['memory', 'redis'] as const)('re-contact after 24 hours (%s store)', (store) => {
  let fake: FakeTwilio;
  let h: HandoffFixture;
  let ana: StaffSession;
  let ticketId: string;

  beforeEach(async () => {
    fake = await startFakeTwilio({ accountSid: TEST_ACCOUNT_SID, authToken: TEST_AUTH_TOKEN });
    h = await startHandoff({
      fake,
      store,
      env: {
        TWILIO_CONTENT_BASE_URL: fake.baseUrl,
        TWILIO_RECONTACT_TEMPLATES: `es:${HX_ES},en:${HX_EN}`,
      },
    });
    ana = await login(h.t, 'ana');
    await h.userWrites(WA, 'quiero hablar con una persona');
    ticketId = (await h.ticketOf(WA)).id;
    await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/claim`);
    await h.t.services.engine.idle();
    await h.t.services.outbox.drain();
  });
  afterEach(async () => {
    await h.close();
    await fake.close();
  });

  const toUser = () => fake.messages.filter((m) => m.to === WA);
  const ticket = async () => (await api(h.t, ana, 'GET', `/api/staff/tickets/${ticketId}`)).json().ticket;
  async function windowCloses() {
    h.clock.advance(25 * HOUR);
    ana = await login(h.t, 'ana'); // a session lasts 12 hours
  }

  it('sends the approved template, keeps the reply, and delivers it when the person writes', async () => {
    fake.templates.set(HX_ES, 'approved');
    await windowCloses();
    expect(await ticket()).toMatchObject({ canReply: true, replyAfterNotice: true, cannotReplyReason: null });

    const before = toUser().length;
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, {
      text: 'Hola, soy Ana. Ya tengo la dirección del albergue.',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().message.status).toBe('held');
    // A second reply while the person has not answered: kept too, no second notice.
    await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, { text: 'Es en la calle 5.' });
    await h.t.services.outbox.drain();

    const notices = toUser().slice(before);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ contentSid: HX_ES, body: '' });
    expect(toUser().some((m) => m.body.includes('albergue'))).toBe(false);
    const waiting = (await ticket()).transcript;
    expect(waiting.filter((e: { status?: string }) => e.status === 'held')).toHaveLength(2);
    expect(waiting.some((e: { screen?: string }) => e.screen === 'recontact')).toBe(true);

    await h.userWrites(WA, 'hola?');
    await h.t.services.outbox.drain();
    const after = toUser()
      .slice(before + 1)
      .map((m) => m.body);
    expect(after.slice(0, 2)).toEqual([
      'Hola, soy Ana. Ya tengo la dirección del albergue.',
      'Es en la calle 5.',
    ]);
    const delivered = (await ticket()).transcript
      .filter((e: { from: string }) => e.from === 'staff')
      .slice(-2);
    for (const e of delivered) {
      expect(e.status).not.toBe('held');
      expect(e.releasedAt).toBe(h.clock.now());
    }
    // The window is open again: the next reply goes at once.
    await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, { text: '¿Puedes ir hoy?' });
    await h.sentTo(WA, '¿Puedes ir hoy?');
  });

  it('delivers the held reply before the bot’s answer to the person’s message', async () => {
    fake.templates.set(HX_ES, 'approved');
    await windowCloses();
    await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, { text: 'Te escribo de nuevo.' });
    await h.t.services.outbox.drain();
    const before = toUser().length;
    await h.userWrites(WA, 'MENU');
    await h.t.services.outbox.drain();
    const bodies = toUser()
      .slice(before)
      .map((m) => m.body);
    expect(bodies[0]).toBe('Te escribo de nuevo.');
    expect(bodies.length).toBeGreaterThan(1);
  });

  it.each(['pending', 'rejected', 'paused'])(
    'never sends a template that is %s, and says why',
    async (status) => {
      fake.templates.set(HX_ES, status, { rejectionReason: status === 'rejected' ? 'INVALID_FORMAT' : '' });
      await windowCloses();
      expect(await ticket()).toMatchObject({ canReply: false, cannotReplyReason: 'template_not_approved' });
      const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, { text: 'Hola' });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ reason: 'template_not_approved' });
      expect(res.json().message).toMatch(/not approved/);
      await h.t.services.outbox.drain();
      expect(fake.messages.some((m) => m.contentSid)).toBe(false);
    },
  );

  it('a word after closing, a day later, goes through the template too, and reaches the person when they write', async () => {
    fake.templates.set(HX_ES, 'approved');
    const close = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/close`, {
      outcome: 'referred',
    });
    expect(close.statusCode).toBe(200);
    await windowCloses();
    const before = toUser().length;
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/follow-up`, {
      text: '¿Pudiste llegar al albergue?',
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().message.status).toBe('held');
    await h.t.services.outbox.drain();
    expect(toUser().slice(before)).toEqual([expect.objectContaining({ contentSid: HX_ES, body: '' })]);

    await h.userWrites(WA, 'si, gracias');
    await h.t.services.outbox.drain();
    expect(toUser().slice(before + 1)[0]?.body).toBe('¿Pudiste llegar al albergue?');
  });

  it('a word after closing is refused, saying why, when WhatsApp has not approved the template', async () => {
    fake.templates.set(HX_ES, 'rejected');
    await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/close`, { outcome: 'referred' });
    await windowCloses();
    const before = toUser().length;
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/follow-up`, {
      text: '¿Como estas?',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().reason).toBe('template_not_approved');
    await h.t.services.outbox.drain();
    expect(toUser().length).toBe(before);
  });

  it('falls back to the template when Twilio says the window closed (63016)', async () => {
    fake.templates.set(HX_ES, 'approved');
    fake.failNext([{ status: 400, code: 63016, message: 'Failed to send freeform message' }]);
    const res = await api(h.t, ana, 'POST', `/api/staff/tickets/${ticketId}/messages`, {
      text: 'Sigo aquí.',
    });
    expect(res.statusCode).toBe(202);
    await h.t.services.outbox.drain();
    expect(toUser().at(-1)).toMatchObject({ contentSid: HX_ES });
    const staff = (await ticket()).transcript.find((e: { text: string }) => e.text === 'Sigo aquí.');
    expect(staff.status).toBe('held');

    await h.userWrites(WA, 'sí');
    await h.t.services.outbox.drain();
    await h.sentTo(WA, 'Sigo aquí.');
  });

  it('shows supervisors what WhatsApp said of each template', async () => {
    fake.templates.set(HX_ES, 'approved');
    fake.templates.set(HX_EN, 'rejected', { rejectionReason: 'INVALID_FORMAT' });
    const sofia = await login(h.t, 'sofia');
    const res = await api(h.t, sofia, 'GET', '/api/staff/templates');
    expect(res.statusCode).toBe(200);
    const byLang = Object.fromEntries(res.json().templates.map((t: { lang: string }) => [t.lang, t]));
    expect(byLang.es).toMatchObject({ sid: HX_ES, status: 'approved', category: 'UTILITY' });
    expect(byLang.en).toMatchObject({ sid: HX_EN, status: 'rejected', rejectionReason: 'INVALID_FORMAT' });
    expect(byLang.pt).toMatchObject({ sid: null, status: 'missing' });
    expect((await api(h.t, ana, 'GET', '/api/staff/templates')).statusCode).toBe(403);
  });
});
