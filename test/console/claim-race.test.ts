import { describe, expect, it } from 'vitest';
import { startHandoff } from './handoff-fixture.ts';
import { api, login } from './staff-session.ts';

describe.each(['memory', 'redis'] as const)('two staff claim at once (%s store)', (store) => {
  it('gives the ticket to exactly one; the other gets 409 naming who has it', async () => {
    const h = await startHandoff({ store });
    try {
      const from = 'whatsapp:+5219621231234';
      await h.userWrites(from, 'quiero hablar con una persona');
      const { id } = await h.ticketOf(from);
      const [ana, beto] = [await login(h.t, 'ana'), await login(h.t, 'beto')];
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all([
          api(h.t, ana, 'POST', `/api/staff/tickets/${id}/claim`),
          api(h.t, beto, 'POST', `/api/staff/tickets/${id}/claim`),
        ]);
        const codes = results.map((r) => r.statusCode).sort();
        if (round === 0) {
          expect(codes).toEqual([200, 409]);
          const winner = results.find((r) => r.statusCode === 200)!.json().ticket.assignee;
          const loser = results.find((r) => r.statusCode === 409)!.json();
          expect(loser.message).toBe(`Already claimed by ${winner}`);
          expect(loser.reason).toBe('taken');
        } else {
          // Claiming again is harmless for the holder and still refused for the other.
          expect(codes).toEqual([200, 409]);
        }
      }
      await h.t.services.engine.idle();
      await h.t.services.outbox.drain();
      // The user heard "a person joined" once, not twice.
      const joined = h.fake.messages.filter(
        (m) => m.to === from && m.body.includes('entró a la conversación'),
      );
      expect(joined).toHaveLength(1);
    } finally {
      await h.close();
    }
  });
});
