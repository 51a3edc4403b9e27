import type { Ticket, TicketStatus } from './ticket.ts';

/** A change to a ticket: the new ticket, or null to leave it as it is. */
export type TicketChange = (current: Ticket) => Ticket | null;

export interface TicketUpdate {
  /** The ticket after the call (unchanged when the change said null). */
  ticket: Ticket;
  changed: boolean;
}

/**
 * Where tickets live. Two implementations pass one contract suite (test/handoff/): memory
 * (embedded mode) and Redis (every key under one hash tag, compare-and-set on a version).
 */
export interface TicketStore {
  /**
   * Creates the ticket unless its conversation already has an open one, atomically: of two
   * escalations at once, one creates and the other gets the open ticket back.
   */
  create(ticket: Ticket): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | null>;
  openFor(conversationId: string): Promise<Ticket | null>;
  /** Every ticket of a conversation still kept, open or closed (for erase). */
  forConversation(conversationId: string): Promise<Ticket[]>;
  /**
   * Applies `change` with compare-and-set, re-reading and retrying when another writer got
   * there first; so a change that checks a condition (claim: "still waiting") holds for
   * exactly one of several concurrent callers. Null when the ticket does not exist.
   */
  update(id: string, change: TicketChange): Promise<TicketUpdate | null>;
  /** Open tickets by status (unordered), or the most recently closed ones. */
  list(status: TicketStatus, limit?: number): Promise<Ticket[]>;
  /** Drops every index keyed by this conversation (after its tickets were scrubbed). */
  forget(conversationId: string): Promise<void>;
}

export class TicketConflictError extends Error {
  constructor() {
    super('ticket kept changing under us');
    this.name = 'TicketConflictError';
  }
}
