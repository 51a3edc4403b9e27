import { randomUUID } from 'node:crypto';
import type { Channel } from '../channels/inbound-message.ts';
import type { Clock } from '../engine/clock.ts';
import type { Engine } from '../engine/engine.ts';
import type { Outbox, Timers } from '../engine/ports.ts';
import { closeChange, noAnswerTimerKey } from '../handoff/close-ticket.ts';
import type { Recontact } from '../handoff/recontact.ts';
import type { Outcome, Ticket, TicketNote } from '../handoff/ticket.ts';
import type { TicketPublisher } from '../handoff/ticket-events.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { TicketViews } from '../handoff/ticket-view.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import type { ConversationRecord, ConversationStore, TranscriptEntry } from '../store/store.ts';
import { newOutbound } from '../store/store.ts';
import type { StaffUser } from './auth.ts';
import { conflict, forbidden, HttpError, notFound } from './http-error.ts';
import type { LibraryItem } from './media-library.ts';
import type { AuditAction, StaffStore } from './staff-store.ts';
import { assertCanView, assertCanWork, checkReply, REPLY_REFUSALS } from './ticket-access.ts';

export interface TicketActionDeps {
  tickets: TicketStore;
  /** Runs auto-assignment (when on) after a ticket frees someone up. */
  onFreed?: () => Promise<unknown>;
  store: Pick<ConversationStore, 'load' | 'saveRecord' | 'addOutbound' | 'ackOutbound'>;
  engine: Pick<Engine, 'acceptEvent'>;
  outbox: Pick<Outbox, 'enqueue'>;
  timers: Pick<Timers, 'cancel'>;
  publish: TicketPublisher;
  views: Pick<TicketViews, 'record' | 'liveTranscript'>;
  staff: Pick<StaffStore, 'audit' | 'getAccount'>;
  crypto: Pick<AddressCrypto, 'decrypt'>;
  clock: Clock;
  /** A staff reply as it goes out on the channel (SMS: GSM-7 and split like the bot's). */
  render: (channel: Channel, text: string) => string[];
  /** How long the conversation is kept, as the engine decides it. */
  retentionSeconds: (record: ConversationRecord) => number;
  /** Re-contact after WhatsApp's 24-hour window (absent: a closed window refuses the reply). */
  recontact?: Pick<Recontact, 'check' | 'hold'>;
}

export type TicketActions = ReturnType<typeof createTicketActions>;

/** What staff do to tickets; each checks the role, changes the ticket, tells the user and audits. */
export function createTicketActions(d: TicketActionDeps) {
  const audit = (user: StaffUser, action: AuditAction, ticketId: string) =>
    d.staff.audit({ at: d.clock.now(), actor: user.username, action, ticketId });

  async function load(id: string): Promise<Ticket> {
    const t = await d.tickets.get(id);
    if (!t) throw notFound();
    return t;
  }

  /** Applies a change the caller already allowed; null from the change means "refused". */
  async function change(id: string, fn: (t: Ticket) => Ticket | null) {
    const res = await d.tickets.update(id, fn);
    if (!res) throw notFound();
    return res;
  }

  /** The conversation must point at the ticket so that the engine streams its messages. */
  async function link(conversationId: string, ticketId: string) {
    for (let i = 0; i < 5; i++) {
      const record = await d.store.load(conversationId);
      if (!record || record.ticketId === ticketId) return;
      const next = { ...record, ticketId };
      if (await d.store.saveRecord(next, record.version, d.retentionSeconds(record))) return;
    }
  }

  /** A person picked the ticket up: no "no one answers" timer, and the user hears it. */
  async function joined(t: Ticket) {
    await d.timers.cancel(noAnswerTimerKey(t.id));
    if (!t.conversationId) return;
    await link(t.conversationId, t.id);
    await d.engine.acceptEvent(t.conversationId, 'STAFF_JOINED', `evt-joined-${t.id}-${randomUUID()}`);
  }

  /** The reply waits for the person's next message; they get the approved notice now. */
  async function holdReply(a: {
    user: StaffUser;
    t: Ticket;
    conversationId: string;
    ids: string[];
    entries: TranscriptEntry[];
  }) {
    await d.store.ackOutbound(a.conversationId, a.ids);
    const res = await d.recontact!.hold({
      conversationId: a.conversationId,
      messageIds: a.ids,
      lang: a.t.lang,
    });
    if (!res.held) {
      const reason = res.reason === 'template_not_approved' ? res.reason : 'closed';
      throw conflict(REPLY_REFUSALS[reason], reason);
    }
    await d.publish.transcript(
      a.t,
      a.entries.map((e) => ({ ...e, status: 'held' })),
    );
    await audit(a.user, 'replied', a.t.id);
    return { id: a.ids[0]!, status: 'held' };
  }

  return {
    async view(user: StaffUser, id: string) {
      const t = await load(id);
      assertCanView(user, t);
      await audit(user, 'viewed', id);
      return t;
    },

    async claim(user: StaffUser, id: string) {
      const now = d.clock.now();
      const res = await change(id, (t) =>
        t.status === 'waiting' ? { ...t, status: 'active', assignee: user.username, updatedAt: now } : null,
      );
      if (!res.changed) {
        const t = res.ticket;
        if (t.status === 'active' && t.assignee === user.username) return t;
        if (t.status === 'closed') throw conflict('The ticket is closed', 'closed');
        throw conflict(`Already claimed by ${t.assignee}`, 'taken');
      }
      await joined(res.ticket);
      await audit(user, 'claimed', id);
      await d.publish.ticket(res.ticket);
      return res.ticket;
    },

    /** Auto-assignment gives a waiting ticket to someone, as their claim would. */
    async autoClaim(id: string, username: string): Promise<boolean> {
      const now = d.clock.now();
      const res = await d.tickets.update(id, (t) =>
        t.status === 'waiting' ? { ...t, status: 'active', assignee: username, updatedAt: now } : null,
      );
      if (!res?.changed) return false;
      await joined(res.ticket);
      await d.staff.audit({ at: now, actor: '(auto)', action: 'auto_assigned', ticketId: id });
      await d.publish.ticket(res.ticket);
      return true;
    },

    /**
     * A closed ticket taken up again by the one reopening it: the person hears that someone
     * joined, and their messages reach staff again. Not when the conversation is gone or has
     * another open ticket (that one is the place to work).
     */
    async reopen(user: StaffUser, id: string) {
      const before = await load(id);
      if (user.role !== 'supervisor' && before.assignee !== user.username)
        throw forbidden('Only your own tickets');
      if (before.status !== 'closed') throw conflict('The ticket is open', 'open');
      const cid = before.conversationId;
      if (!cid || !(await d.store.load(cid))) throw conflict('The conversation is gone', 'gone');
      if (await d.tickets.openFor(cid)) throw conflict('The person has another open ticket', 'has_open');
      const now = d.clock.now();
      const res = await change(id, (t) =>
        t.status !== 'closed'
          ? null
          : {
              ...t,
              status: 'active',
              assignee: user.username,
              outcome: null,
              closedAt: null,
              transcript: null,
              updatedAt: now,
            },
      );
      if (!res.changed) throw conflict('The ticket is open', 'open');
      await joined(res.ticket);
      await audit(user, 'reopened', id);
      await d.publish.ticket(res.ticket);
      return res.ticket;
    },

    /**
     * `item`: a library document or image. WhatsApp sends the file (`MediaUrl`) with its name;
     * SMS cannot carry it, so the person gets the name and the link as text.
     */
    async reply(user: StaffUser, id: string, text: string, opts: { item?: LibraryItem } = {}) {
      // Not "forbidden": a ticket that is not yours gets the same 409 reason the console shows.
      const t = await load(id);
      const record = await d.views.record(t);
      const check = checkReply({ user, ticket: t, record, now: d.clock.now() });
      // After the 24-hour window: kept for the person's next message, with a template notice.
      const held = check.cannotReplyReason === 'window_closed' && Boolean(d.recontact);
      if ((!check.canReply && !held) || !record || !t.conversationId) {
        const reason = check.cannotReplyReason ?? 'closed';
        throw conflict(REPLY_REFUSALS[reason], reason);
      }
      if (held) {
        const ok = await d.recontact!.check(t.lang);
        if (!ok.ok) {
          const reason = ok.reason === 'template_missing' ? 'window_closed' : ok.reason;
          throw conflict(REPLY_REFUSALS[reason], reason);
        }
      }
      const status = held ? 'held' : 'pending';
      const conversationId = t.conversationId;
      const now = d.clock.now();
      const base = `staff-${randomUUID()}`;
      const item = opts.item;
      const mediaUrl = item && record.channel === 'whatsapp' ? item.url : undefined;
      const parts = d.render(record.channel, item && !mediaUrl ? `${text}: ${item.url}` : text);
      const entries: TranscriptEntry[] = [];
      for (const [i, body] of parts.entries()) {
        const messageId = parts.length === 1 ? base : `${base}.${i}`;
        const message = newOutbound({
          id: messageId,
          conversationId,
          channel: record.channel,
          body,
          origin: 'staff',
          now,
          status,
          author: user.username,
          ...(held && { heldAt: now }),
          ...(mediaUrl && i === 0 && { mediaUrl }),
        });
        const entry = { at: now, from: 'staff' as const, text: body, messageId, author: user.username };
        await d.store.addOutbound(message, entry, d.retentionSeconds(record));
        entries.push(entry);
      }
      const ids = entries.map((e) => e.messageId!);
      if (held) return holdReply({ user, t, conversationId, ids, entries });
      await d.outbox.enqueue(
        ids.map((messageId) => ({
          kind: 'stored',
          conversationId,
          messageId,
          channel: record.channel,
          priority: 'staff',
        })),
      );
      await d.store.ackOutbound(conversationId, ids);
      await d.publish.transcript(
        t,
        entries.map((e) => ({ ...e, status: 'pending' })),
      );
      await audit(user, 'replied', id);
      return { id: ids[0]!, status: 'pending' };
    },

    async note(user: StaffUser, id: string, text: string): Promise<TicketNote> {
      const note = { at: d.clock.now(), author: user.username, text };
      assertCanWork(user, await load(id));
      await change(id, (t) => ({ ...t, notes: [...t.notes, note], updatedAt: note.at }));
      await audit(user, 'noted', id);
      return note;
    },

    async setLabels(user: StaffUser, id: string, labels: string[]) {
      assertCanWork(user, await load(id));
      const res = await change(id, (t) => ({ ...t, labels, updatedAt: d.clock.now() }));
      await audit(user, 'labelled', id);
      await d.publish.ticket(res.ticket);
      return res.ticket;
    },

    async transfer(user: StaffUser, id: string, to: string | null) {
      const before = await load(id);
      assertCanWork(user, before);
      if (before.status === 'closed') throw conflict('The ticket is closed', 'closed');
      if (to !== null && !(await d.staff.getAccount(to))) throw new HttpError(400, 'invalid fields: to');
      const res = await change(id, (t) =>
        t.status === 'closed'
          ? null
          : { ...t, status: to ? 'active' : 'waiting', assignee: to, updatedAt: d.clock.now() },
      );
      if (!res.changed) throw conflict('The ticket is closed', 'closed');
      if (before.status === 'waiting' && to) await joined(res.ticket);
      await audit(user, 'transferred', id);
      await d.publish.ticket(res.ticket);
      return res.ticket;
    },

    async close(user: StaffUser, id: string, outcome: Outcome) {
      const before = await load(id);
      assertCanWork(user, before);
      if (before.status === 'closed') throw conflict('The ticket is closed', 'closed');
      const now = d.clock.now();
      const transcript = before.conversationId ? await d.views.liveTranscript(before.conversationId) : [];
      const res = await change(id, closeChange({ outcome, now, transcript }));
      if (!res.changed) throw conflict('The ticket is closed', 'closed');
      await d.timers.cancel(noAnswerTimerKey(id));
      if (before.conversationId)
        await d.engine.acceptEvent(before.conversationId, 'TICKET_CLOSED', `evt-closed-${id}`);
      await audit(user, 'closed', id);
      await d.publish.ticket(res.ticket);
      await d.onFreed?.().catch(() => undefined);
      return res.ticket;
    },

    async reveal(user: StaffUser, id: string) {
      if (user.role !== 'supervisor') throw forbidden('Only supervisors can reveal a number');
      const t = await load(id);
      const record = await d.views.record(t);
      if (!record) throw notFound('Number');
      await audit(user, 'revealed', id);
      return d.crypto.decrypt(record.addressEnc);
    },
  };
}
