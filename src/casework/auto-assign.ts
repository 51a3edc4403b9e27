import type { Logger } from 'pino';
import { compareQueue } from '../handoff/ticket.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { CaseStore } from './case-store.ts';

export type AutoAssign = ReturnType<typeof createAutoAssign>;

/**
 * Fair assignment, when a supervisor turned it on: the most urgent waiting ticket (the queue's
 * order) goes to the available staff member with the fewest open tickets, and so on while
 * both remain. Claiming by hand still works; a ticket someone claimed meanwhile is skipped.
 */
export function createAutoAssign(d: {
  cases: Pick<CaseStore, 'autoAssign' | 'availability'>;
  tickets: Pick<TicketStore, 'list'>;
  /** Gives a waiting ticket to someone (as a claim would); false when it was no longer waiting. */
  assign: (ticketId: string, username: string) => Promise<boolean>;
  logger: Logger;
}) {
  return async function run(): Promise<number> {
    if (!(await d.cases.autoAssign())) return 0;
    const available = Object.entries(await d.cases.availability())
      .filter(([, v]) => v === 'available')
      .map(([name]) => name);
    if (available.length === 0) return 0;
    const waiting = (await d.tickets.list('waiting')).sort(compareQueue);
    const load = new Map(available.map((name) => [name, 0]));
    for (const t of await d.tickets.list('active'))
      if (t.assignee && load.has(t.assignee)) load.set(t.assignee, load.get(t.assignee)! + 1);
    let given = 0;
    for (const t of waiting) {
      const [name] = [...load].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0]!;
      if (await d.assign(t.id, name)) {
        load.set(name, load.get(name)! + 1);
        given++;
        d.logger.info({ event: 'ticket_auto_assigned', ticket: t.id, staff: name });
      }
    }
    return given;
  };
}
