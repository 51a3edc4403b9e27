import type { LiveEvents } from './live-events.ts';
import type { Ticket } from './ticket.ts';
import type { TicketViews, TranscriptEntryView } from './ticket-view.ts';

export type TicketPublisher = ReturnType<typeof createTicketPublisher>;

/**
 * Turns ticket changes into live events. A failed publish (Redis down) is not a failed
 * action: the ticket is saved, and consoles re-read the queue when they reconnect.
 */
export function createTicketPublisher({
  events,
  views,
  onError,
}: {
  events: LiveEvents;
  views: Pick<TicketViews, 'summary'>;
  onError: (err: unknown) => void;
}) {
  const safely = (p: Promise<void>) => p.catch(onError);
  const access = (t: Ticket) => ({ status: t.status, assignee: t.assignee });
  return {
    async ticket(t: Ticket) {
      await safely(views.summary(t).then((summary) => events.publish({ type: 'ticket', ticket: summary })));
    },
    async transcript(t: Ticket, entries: TranscriptEntryView[]) {
      for (const entry of entries)
        await safely(events.publish({ type: 'transcript', ticketId: t.id, entry, access: access(t) }));
    },
    async status(t: Ticket, messageId: string, status: string) {
      await safely(events.publish({ type: 'status', ticketId: t.id, messageId, status, access: access(t) }));
    },
  };
}
