import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { errorSummary } from '../engine/engine.ts';
import type { EscalateInput, Handoff, Timers } from '../engine/ports.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { BusinessHours } from './business-hours.ts';
import { closeChange, erasedTranscript, noAnswerTimerKey } from './close-ticket.ts';
import { priorityOf, type Ticket } from './ticket.ts';
import type { TicketPublisher } from './ticket-events.ts';
import type { TicketStore } from './ticket-store.ts';
import type { TicketViews } from './ticket-view.ts';

export interface StaffHandoffDeps {
  tickets: TicketStore;
  views: Pick<TicketViews, 'liveTranscript'>;
  publish: TicketPublisher;
  timers: Pick<Timers, 'schedule' | 'cancel'>;
  i18n: I18n;
  hours: BusinessHours;
  expectedWaitMinutes: number;
  /** How long a waiting user waits, during hours, before getting partner organisations. */
  noAnswerDelayMs: number;
  logger: Logger;
}

export type StaffHandoff = Handoff & {
  /** Twilio (or the outbox) reported a status for an outbound message of a conversation. */
  statusUpdated(conversationId: string, messageId: string, status: string): Promise<void>;
};

/**
 * The engine's handoff port backed by tickets: escalations open (or raise) the
 * conversation's one open ticket, the user hears what to expect, and staff consoles hear
 * about it live.
 */
export function createStaffHandoff(deps: StaffHandoffDeps): StaffHandoff {
  const { tickets, publish, timers, i18n, hours, logger } = deps;
  /**
   * Tickets escalated in a step not yet committed. They are announced from transcriptAdded,
   * right after the commit: a first message's conversation (and so its masked number) only
   * exists from then on, and the console should not hear of a step that did not happen.
   */
  const toAnnounce = new Set<string>();

  function notice(input: EscalateInput, open: boolean, ticket: Ticket): string | null {
    const t = i18n.t(input.lang);
    const schedule = () => hours.describe(input.lang, dayNames(i18n, input.lang));
    if (input.reason === 'safety') {
      // The safety message (numbers first) already says a person was asked to write. In hours
      // that is enough; out of hours nobody reads it until the team is back, so say so after
      // the numbers, unless someone from the team is already in the conversation.
      if (open || ticket.status === 'active') return null;
      return t('handoff.outOfHoursSafety', { hours: schedule() });
    }
    const main = open
      ? t('handoff.waiting', { wait: t('handoff.waitMinutes', { count: deps.expectedWaitMinutes }) })
      : t('handoff.outOfHours', { hours: schedule() });
    return `${main}\n\n${t('handoff.reminderMenu')}`;
  }

  function fromInput(input: EscalateInput): Ticket {
    const t: Ticket = {
      id: randomUUID(),
      conversationId: input.conversationId,
      channel: input.channel,
      lang: input.lang,
      city: input.profile.city,
      ageGroup: input.profile.age,
      alone: input.profile.alone,
      reasons: [input.reason],
      risk: input.risk ?? null,
      priority: 0,
      status: 'waiting',
      assignee: null,
      labels: [],
      notes: [],
      topicsSeen: [...input.topicsSeen],
      outcome: null,
      createdAt: input.now,
      updatedAt: input.now,
      closedAt: null,
      lastUserMessageAt: null,
      transcript: null,
    };
    return { ...t, priority: priorityOf(t) };
  }

  async function openOrCreate(input: EscalateInput) {
    const existing = await tickets.openFor(input.conversationId);
    return existing ? { ticket: existing, created: false } : tickets.create(fromInput(input));
  }

  /** A new cause for an open ticket: add it, refresh the profile, raise the priority. */
  const raise = (input: EscalateInput) => (t: Ticket) => {
    if (t.status === 'closed') return null;
    const next: Ticket = {
      ...t,
      reasons: t.reasons.includes(input.reason) ? t.reasons : [...t.reasons, input.reason],
      risk: input.risk ?? t.risk,
      // Danger heard again after "no, me equivoqué": the alarm is back.
      ...(input.reason === 'safety' ? { dangerDenied: false } : {}),
      lang: input.lang,
      city: input.profile.city ?? t.city,
      ageGroup: input.profile.age ?? t.ageGroup,
      alone: input.profile.alone ?? t.alone,
      topicsSeen: [...new Set([...t.topicsSeen, ...input.topicsSeen])],
    };
    next.priority = Math.max(t.priority, priorityOf(next));
    const same = JSON.stringify(next) === JSON.stringify(t);
    return same ? null : { ...next, updatedAt: input.now };
  };

  async function closeWith(t: Ticket, outcome: 'cancelled_by_user', now: number) {
    const transcript = t.conversationId ? await deps.views.liveTranscript(t.conversationId) : [];
    const res = await tickets.update(t.id, closeChange({ outcome, now, transcript }));
    await timers.cancel(noAnswerTimerKey(t.id));
    if (res?.changed) await publish.ticket(res.ticket);
  }

  return {
    async escalate(input) {
      const open = hours.isOpen(input.now);
      let made = await openOrCreate(input);
      let ticket = made.ticket;
      let changed = made.created;
      if (!made.created) {
        const res = await tickets.update(ticket.id, raise(input));
        if (res) ({ ticket, changed } = res);
        // Closed by staff in the meantime: this is a new request.
        if (ticket.status === 'closed') {
          made = await tickets.create(fromInput(input));
          ({ ticket, created: changed } = made);
        }
      }
      if (made.created && open) {
        await timers.schedule({
          key: noAnswerTimerKey(ticket.id),
          conversationId: input.conversationId,
          event: 'NO_ANSWER',
          delayMs: deps.noAnswerDelayMs,
        });
      }
      if (changed) toAnnounce.add(ticket.id);
      logger.info({
        event: 'ticket_escalated',
        ticket: ticket.id,
        created: made.created,
        priority: ticket.priority,
      });
      return { ticketId: ticket.id, created: made.created, open, notice: notice(input, open, ticket) };
    },

    async cancel(conversationId, now) {
      const t = await tickets.openFor(conversationId);
      // A safety ticket stays in the queue: someone should still reach out.
      if (t?.status !== 'waiting' || t.reasons.includes('safety')) return;
      await closeWith(t, 'cancelled_by_user', now);
    },

    async lowerPriority(conversationId, now) {
      const t = await tickets.openFor(conversationId);
      if (!t) return;
      const res = await tickets.update(t.id, (x) => {
        if (x.status === 'closed' || x.dangerDenied) return null;
        const next = { ...x, dangerDenied: true, updatedAt: now };
        return { ...next, priority: priorityOf(next) };
      });
      if (res?.changed) await publish.ticket(res.ticket);
      logger.info({ event: 'ticket_priority_lowered', ticket: t.id });
    },

    async transcriptAdded(conversationId, ticketId, entries) {
      const t = await tickets.get(ticketId);
      if (!t || t.status === 'closed' || t.conversationId !== conversationId) return;
      if (toAnnounce.delete(t.id)) await publish.ticket(t);
      const views = entries.map((e) => (e.messageId ? { ...e, status: 'pending' } : e));
      await publish.transcript(t, views);
      const lastUser = entries.filter((e) => e.from === 'user').at(-1)?.at;
      if (lastUser !== undefined) {
        await tickets.update(t.id, (x) =>
          (x.lastUserMessageAt ?? 0) >= lastUser ? null : { ...x, lastUserMessageAt: lastUser },
        );
      }
    },

    async erase(conversationId, now) {
      for (const t of await tickets.forConversation(conversationId)) {
        await timers.cancel(noAnswerTimerKey(t.id));
        const res = await tickets.update(t.id, (x) => ({
          ...x,
          conversationId: null,
          status: 'closed',
          outcome: x.status === 'closed' ? x.outcome : 'erased',
          closedAt: x.closedAt ?? now,
          updatedAt: now,
          transcript: erasedTranscript(now),
          // Staff notes and labels are about the user too: they go with the conversation.
          notes: [],
          labels: [],
        }));
        if (res && t.status !== 'closed') await publish.ticket(res.ticket);
      }
      await tickets.forget(conversationId);
      logger.info({ event: 'tickets_erased' });
    },

    async statusUpdated(conversationId, messageId, status) {
      try {
        const t = await tickets.openFor(conversationId);
        if (t) await publish.status(t, messageId, status);
      } catch (err) {
        logger.warn({ event: 'status_event_failed', err: errorSummary(err) });
      }
    },
  };
}

/** Weekday names from the bot locale when it has them (Intl has none for Haitian Creole). */
function dayNames(i18n: I18n, lang: EscalateInput['lang']): string[] | undefined {
  const handoff = i18n.resources(lang, 'bot').handoff as { weekdays?: unknown } | undefined;
  const days = handoff?.weekdays;
  return Array.isArray(days) && days.length === 7 ? days.map(String) : undefined;
}
