import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { compareQueue, type Ticket } from '../../src/handoff/ticket.ts';
import type { TicketStore } from '../../src/handoff/ticket-store.ts';
import { makeTicket } from './ticket-factory.ts';

export type ManualClock = ReturnType<typeof createManualClock>;
export interface TicketStoreFixture {
  store: TicketStore;
  /** Lets `ms` pass for expiry: the manual clock in memory, real time (and the clock) in Redis. */
  elapse(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}
type Factory = (clock: ManualClock, closedTtlMs: number) => Promise<TicketStoreFixture>;

const claim = (who: string) => (t: Ticket) =>
  t.status === 'waiting' ? { ...t, status: 'active' as const, assignee: who } : null;
const close = (at: number) => (t: Ticket) => ({ ...t, status: 'closed' as const, closedAt: at });

/** The behaviour every TicketStore must have; run against memory and Redis. */
export function ticketStoreContract(name: string, factory: Factory) {
  describe(`${name} ticket store contract`, () => {
    const withStore = async (
      fn: (f: TicketStoreFixture, clock: ManualClock) => Promise<void>,
      ttl = 60_000,
    ) => {
      const clock = createManualClock();
      const fixture = await factory(clock, ttl);
      try {
        await fn(fixture, clock);
      } finally {
        await fixture.cleanup();
      }
    };

    it('keeps one open ticket per conversation, even when two escalations race', () =>
      withStore(async ({ store }) => {
        const a = makeTicket({ conversationId: 'c1' });
        const b = makeTicket({ conversationId: 'c1' });
        const [ra, rb] = await Promise.all([store.create(a), store.create(b)]);
        expect([ra.created, rb.created].sort()).toEqual([false, true]);
        expect(ra.ticket.id).toBe(rb.ticket.id);
        expect((await store.openFor('c1'))?.id).toBe(ra.ticket.id);
        expect(await store.list('waiting')).toHaveLength(1);
      }));

    it('gives a ticket to exactly one of several staff who claim it at once', () =>
      withStore(async ({ store }) => {
        const { ticket } = await store.create(makeTicket());
        const who = ['ana', 'beto', 'carla', 'dario', 'eva', 'fer', 'gabi', 'hugo'];
        const results = await Promise.all(who.map((w) => store.update(ticket.id, claim(w))));
        const winners = results.filter((r) => r?.changed);
        expect(winners).toHaveLength(1);
        const after = await store.get(ticket.id);
        expect(after?.status).toBe('active');
        expect(after?.assignee).toBe(winners[0]!.ticket.assignee);
        for (const r of results.filter((x) => !x?.changed)) expect(r?.ticket.assignee).toBe(after?.assignee);
      }));

    it('returns null when updating a ticket that does not exist', () =>
      withStore(async ({ store }) => {
        expect(await store.update('nope', claim('ana'))).toBeNull();
        expect(await store.get('nope')).toBeNull();
      }));

    it('lists the queue by status; the caller orders by priority then waiting time', () =>
      withStore(async ({ store }) => {
        const old = makeTicket({ createdAt: 1 });
        const safety = makeTicket({ createdAt: 5, reasons: ['asked', 'safety'] });
        const child = makeTicket({ createdAt: 3, alone: true, ageGroup: '12to17' });
        const young = makeTicket({ createdAt: 2 });
        for (const t of [old, safety, child, young]) await store.create(t);
        await store.update(young.id, claim('ana'));
        const waiting = (await store.list('waiting')).sort(compareQueue);
        expect(waiting.map((t) => t.id)).toEqual([safety.id, child.id, old.id]);
        expect(waiting.map((t) => t.priority)).toEqual([100, 50, 10]);
        expect((await store.list('active')).map((t) => t.id)).toEqual([young.id]);
      }));

    it('frees the conversation for a new ticket once its ticket is closed', () =>
      withStore(async ({ store, elapse }, clock) => {
        const first = makeTicket({ conversationId: 'c2' });
        await store.create(first);
        await store.update(first.id, close(clock.now()));
        expect(await store.openFor('c2')).toBeNull();
        const second = makeTicket({ conversationId: 'c2' });
        expect((await store.create(second)).created).toBe(true);
        expect((await store.forConversation('c2')).map((t) => t.id).sort()).toEqual(
          [first.id, second.id].sort(),
        );
        expect((await store.list('closed')).map((t) => t.id)).toEqual([first.id]);
        await elapse(10);
        expect((await store.list('waiting')).map((t) => t.id)).toEqual([second.id]);
      }));

    it('deletes closed tickets when the retention ends, and keeps open ones', () =>
      withStore(async ({ store, elapse }, clock) => {
        const closing = makeTicket();
        const staying = makeTicket();
        await store.create(closing);
        await store.create(staying);
        await store.update(closing.id, close(clock.now()));
        await elapse(400);
        expect(await store.get(closing.id)).toBeNull();
        expect(await store.list('closed')).toEqual([]);
        expect(await store.forConversation(closing.conversationId!)).toEqual([]);
        expect((await store.get(staying.id))?.status).toBe('waiting');
      }, 250));

    it('forgets a conversation: no index finds its tickets any more', () =>
      withStore(async ({ store }, clock) => {
        const t = makeTicket({ conversationId: 'c3' });
        await store.create(t);
        await store.update(t.id, (x) => ({ ...close(clock.now())(x), conversationId: null }));
        await store.forget('c3');
        expect(await store.openFor('c3')).toBeNull();
        expect(await store.forConversation('c3')).toEqual([]);
        expect((await store.get(t.id))?.conversationId).toBeNull();
      }));

    it('round-trips every field', () =>
      withStore(async ({ store }) => {
        const t = makeTicket({
          labels: ['asilo'],
          notes: [{ at: 3, author: 'ana', text: 'llamar mañana' }],
          topicsSeen: ['asylum'],
          risk: 'threat',
          transcript: [{ at: 1, from: 'user', text: '<b>hola</b>' }],
        });
        await store.create(t);
        expect(await store.get(t.id)).toEqual(t);
      }));
  });
}
