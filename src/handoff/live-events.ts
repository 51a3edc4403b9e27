import { EventEmitter } from 'node:events';
import type { TicketStatus } from './ticket.ts';
import type { TicketSummary, TranscriptEntryView } from './ticket-view.ts';

/** Who may see an event about a ticket: agents see the queue and their own tickets. */
export interface EventAccess {
  status: TicketStatus;
  assignee: string | null;
}

/**
 * What staff consoles hear about. Never a conversation id: events cross Redis pub/sub, and
 * a ticket id is all a console needs.
 */
export type LiveEvent =
  | { type: 'ticket'; ticket: TicketSummary }
  | { type: 'transcript'; ticketId: string; entry: TranscriptEntryView; access: EventAccess }
  | { type: 'status'; ticketId: string; messageId: string; status: string; access: EventAccess }
  /**
   * A staff account was written or removed (new password or role, logged out everywhere): its
   * open streams re-check their session at once. Never sent to a console.
   */
  | { type: 'account'; username: string };

export interface LiveEvents {
  publish(event: LiveEvent): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  close(): Promise<void>;
}

/** One process (embedded mode, tests): an EventEmitter. */
export function createLocalLiveEvents(): LiveEvents {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(event) {
      emitter.emit('event', structuredClone(event));
    },
    subscribe(listener) {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
