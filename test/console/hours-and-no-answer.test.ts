import { describe, expect, it } from 'vitest';
import { startHandoff } from './handoff-fixture.ts';
import { api, login } from './staff-session.ts';

const USER = '+5219625550404';

describe('out of hours and when no one picks up', () => {
  it('out of hours: tells the hours and the emergency numbers, and sets no "no answer" timer', async () => {
    const h = await startHandoff({ overrides: { noAnswerDelayMs: 50 } });
    try {
      h.clock.set(Date.parse('2026-11-29T18:00:00Z')); // Sunday noon in Mexico City
      await h.userWrites(USER, 'quiero hablar con una persona');
      const notice = await h.sentTo(USER, 'Ahora no hay nadie del equipo');
      // SMS in GSM-7: the en dash and the accent become plain characters.
      expect(notice.body).toContain('lunes-viernes 9:00-18:00; sabado 9:00-14:00');
      expect(notice.body).toContain('911');
      expect(notice.body).toContain('MENU');
      await new Promise((r) => setTimeout(r, 200));
      await h.t.services.engine.idle();
      await h.t.services.outbox.drain();
      expect(h.fake.messages.some((m) => m.to === USER && m.body.includes('todavia nadie'))).toBe(false);
      expect((await h.ticketOf(USER)).status).toBe('waiting');
    } finally {
      await h.close();
    }
  });

  it('on a holiday it is out of hours too', async () => {
    const h = await startHandoff({ env: { HOLIDAYS: '2026-11-26' } });
    try {
      await h.userWrites(USER, 'quiero hablar con una persona');
      await h.sentTo(USER, 'Ahora no hay nadie del equipo');
    } finally {
      await h.close();
    }
  });

  it('in hours, no one picks up: partner organisations for the city, and the ticket stays in the queue', async () => {
    const h = await startHandoff({ overrides: { noAnswerDelayMs: 100 } });
    try {
      // Age, company and city said in words, so that the ticket knows them.
      for (const text of [
        'hola',
        'tengo 15 y viajo sola, estoy en tapachula',
        'quiero hablar con una persona',
      ])
        await h.userWrites(USER, text);
      await h.sentTo(USER, 'Puede tardar unos 15 minutos');
      const noOne = await h.sentTo(USER, 'todavia nadie del equipo pudo responderte', 3_000);
      expect(noOne.body.length).toBeGreaterThan(60);
      const ticket = await h.ticketOf(USER);
      expect(ticket).toMatchObject({
        status: 'waiting',
        city: 'tapachula',
        ageGroup: '12to17',
        alone: true,
        priority: 50,
      });
      // Someone claims later: the user still hears a person joined.
      const ana = await login(h.t, 'ana');
      expect((await api(h.t, ana, 'POST', `/api/staff/tickets/${ticket.id}/claim`)).statusCode).toBe(200);
      await h.sentTo(USER, 'Una persona del equipo entro a la conversacion');
    } finally {
      await h.close();
    }
  });

  it('a claim in time cancels the "no one picks up" message', async () => {
    const h = await startHandoff({ overrides: { noAnswerDelayMs: 300 } });
    try {
      await h.userWrites(USER, 'quiero hablar con una persona');
      const ana = await login(h.t, 'ana');
      await api(h.t, ana, 'POST', `/api/staff/tickets/${(await h.ticketOf(USER)).id}/claim`);
      await new Promise((r) => setTimeout(r, 500));
      await h.t.services.engine.idle();
      await h.t.services.outbox.drain();
      expect(h.fake.messages.some((m) => m.to === USER && m.body.includes('todavia nadie'))).toBe(false);
    } finally {
      await h.close();
    }
  });
});
