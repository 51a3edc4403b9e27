import type { Ticket } from '../handoff/ticket.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { TicketBefore } from './stats-recorder.ts';

/**
 * The ticket store, telling `onChange` about each ticket created and each change saved. The
 * store's own atomicity makes it exact: a ticket is created once, and of two staff claiming at
 * once only one change is saved; a change the store retried is reported as the version saved.
 * Nothing is kept per ticket to get there.
 */
export function withTicketCounts(
  tickets: TicketStore,
  onChange: (before: TicketBefore | null, after: Ticket) => void,
): TicketStore {
  return {
    ...tickets,
    async create(ticket) {
      const res = await tickets.create(ticket);
      if (res.created) onChange(null, res.ticket);
      return res;
    },
    async update(id, change) {
      let before: TicketBefore | null = null;
      const res = await tickets.update(id, (current) => {
        before = {
          status: current.status,
          reasons: [...current.reasons],
          dangerDenied: current.dangerDenied,
        };
        return change(current);
      });
      if (res?.changed && before) onChange(before, res.ticket);
      return res;
    },
  };
}
