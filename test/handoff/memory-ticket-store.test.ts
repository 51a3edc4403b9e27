import { createMemoryTicketStore } from '../../src/handoff/memory-ticket-store.ts';
import { ticketStoreContract } from './ticket-store-contract.ts';

ticketStoreContract('memory', async (clock, closedTtlMs) => ({
  store: createMemoryTicketStore({ clock, closedTtlMs }),
  elapse: async (ms) => clock.advance(ms),
  cleanup: async () => {},
}));
