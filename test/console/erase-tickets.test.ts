import { describe, expect, it } from 'vitest';
import { redisContents } from '../helpers/redis-contents.ts';
import { startHandoff } from './handoff-fixture.ts';
import { api, login } from './staff-session.ts';

const USER = 'whatsapp:+5219625550606';

describe('erase with tickets (Redis)', () => {
  it('leaves no Redis key or value with the conversation id, and tickets that staff can still count', async () => {
    const h = await startHandoff({ store: 'redis' });
    try {
      const cid = h.t.services.crypto.hash(USER);
      const ana = await login(h.t, 'ana');
      await h.userWrites(USER, 'quiero hablar con una persona');
      const first = await h.ticketOf(USER);
      await api(h.t, ana, 'POST', `/api/staff/tickets/${first.id}/claim`);
      await api(h.t, ana, 'POST', `/api/staff/tickets/${first.id}/notes`, { text: 'vive en el albergue' });
      await api(h.t, ana, 'PUT', `/api/staff/tickets/${first.id}/labels`, { labels: ['trata-sospecha'] });
      await api(h.t, ana, 'POST', `/api/staff/tickets/${first.id}/close`, { outcome: 'referred' });
      await h.t.services.engine.idle();
      await h.userWrites(USER, 'quiero hablar con una persona');
      const second = await h.ticketOf(USER);
      expect(second.id).not.toBe(first.id);
      const sofia = await login(h.t, 'sofia');
      await api(h.t, sofia, 'PUT', `/api/staff/tickets/${second.id}/labels`, { labels: ['embarazada'] });
      const before = await redisContents(h.t.prefix);
      expect(before.some((e) => e.key.includes(cid) || e.value.includes(cid))).toBe(true);

      await h.userWrites(USER, 'borrar');
      await h.userWrites(USER, 'si');
      await h.t.services.outbox.drain();
      await h.t.services.engine.idle();

      const after = await redisContents(h.t.prefix);
      const traces = after.filter((e) => e.key.includes(cid) || e.value.includes(cid)).map((e) => e.key);
      expect(traces).toEqual([]);
      // Labels are written about the person, like notes: they go too.
      const labelled = after.filter((e) => /trata-sospecha|embarazada/.test(e.value)).map((e) => e.key);
      expect(labelled).toEqual([]);
      const tickets = h.t.services.handoffSide.tickets;
      expect(await tickets.get(first.id)).toMatchObject({
        conversationId: null,
        status: 'closed',
        outcome: 'referred',
        notes: [],
        labels: [],
        transcript: [{ from: 'system', text: "erased at the user's request" }],
      });
      expect(await tickets.get(second.id)).toMatchObject({ status: 'closed', outcome: 'erased', labels: [] });
      const detail = (await api(h.t, ana, 'GET', `/api/staff/tickets/${first.id}`)).json().ticket;
      expect(detail.maskedAddress).toBe('WhatsApp ••• ••• ••••');
      expect((await api(h.t, sofia, 'POST', `/api/staff/tickets/${first.id}/reveal`)).statusCode).toBe(404);
    } finally {
      await h.close();
    }
  });
});
