import type { Clock } from '../engine/clock.ts';
import type { Ticket, TicketStatus } from './ticket.ts';
import type { TicketStore } from './ticket-store.ts';

/**
 * Tickets in this process (embedded mode), with the Redis store's behaviour: one open ticket
 * per conversation, closed tickets gone after `closedTtlMs`. Every call copies in and out,
 * so callers never share an object with the store (as with JSON in Redis).
 */
export function createMemoryTicketStore({
  clock,
  closedTtlMs,
}: {
  clock: Clock;
  closedTtlMs: number;
}): TicketStore & { size(): number } {
  const tickets = new Map<string, { ticket: Ticket; expiresAt: number | null }>();
  const open = new Map<string, string>();
  const byConversation = new Map<string, Set<string>>();
  const clone = <T>(v: T): T => structuredClone(v);

  function read(id: string): Ticket | null {
    const hit = tickets.get(id);
    if (!hit) return null;
    if (hit.expiresAt !== null && hit.expiresAt <= clock.now()) {
      tickets.delete(id);
      return null;
    }
    return hit.ticket;
  }
  function write(ticket: Ticket) {
    const closed = ticket.status === 'closed';
    tickets.set(ticket.id, { ticket: clone(ticket), expiresAt: closed ? clock.now() + closedTtlMs : null });
    const cid = ticket.conversationId;
    if (!cid) return;
    if (closed && open.get(cid) === ticket.id) open.delete(cid);
    if (!closed) open.set(cid, ticket.id);
    const ids = byConversation.get(cid) ?? new Set<string>();
    ids.add(ticket.id);
    byConversation.set(cid, ids);
  }

  return {
    async create(ticket) {
      const existing = ticket.conversationId ? open.get(ticket.conversationId) : undefined;
      const current = existing ? read(existing) : null;
      if (current) return { ticket: clone(current), created: false };
      write(ticket);
      return { ticket: clone(ticket), created: true };
    },
    async get(id) {
      const t = read(id);
      return t ? clone(t) : null;
    },
    async openFor(conversationId) {
      const id = open.get(conversationId);
      const t = id ? read(id) : null;
      return t ? clone(t) : null;
    },
    async forConversation(conversationId) {
      const ids = [...(byConversation.get(conversationId) ?? [])];
      return ids
        .map(read)
        .filter((t): t is Ticket => t !== null)
        .map(clone);
    },
    async update(id, change) {
      const current = read(id);
      if (!current) return null;
      const next = change(clone(current));
      if (!next) return { ticket: clone(current), changed: false };
      write(next);
      return { ticket: clone(next), changed: true };
    },
    async list(status: TicketStatus, limit = 200) {
      const all = [...tickets.keys()].map(read).filter((t): t is Ticket => t?.status === status);
      if (status === 'closed') all.sort((a, b) => (b.closedAt ?? 0) - (a.closedAt ?? 0));
      return all.slice(0, status === 'closed' ? limit : undefined).map(clone);
    },
    async forget(conversationId) {
      open.delete(conversationId);
      byConversation.delete(conversationId);
    },
    size: () => [...tickets.keys()].map(read).filter(Boolean).length,
  };
}
