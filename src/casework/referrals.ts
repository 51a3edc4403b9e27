import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Understanding } from '../../flows/faro/types.ts';
import type { StaffUser } from '../console/auth.ts';
import { conflict, HttpError, notFound } from '../console/http-error.ts';
import type { AuditEntry } from '../console/staff-store.ts';
import type { Clock } from '../engine/clock.ts';
import type { Ticket } from '../handoff/ticket.ts';
import type { TicketPublisher } from '../handoff/ticket-events.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import { PERSON_ACTOR } from './case-codes.ts';
import type { CaseStore } from './case-store.ts';
import { type PrimeroClient, PrimeroError } from './primero-client.ts';
import type { Referral, ReferralStatus, ServiceImplemented } from './referral.ts';
import type { SendToPerson } from './send-to-person.ts';

export interface NewReferral {
  service_type: string;
  service_implementing_agency: string;
  service_id: string | null;
  notes: string;
  primero_case_id: string | null;
}

export interface ReferralPatch {
  status?: ReferralStatus;
  service_implemented?: ServiceImplemented | null;
  reason_not_successful?: string | null;
  notes?: string;
  primero_case_id?: string | null;
  /** Consent stated by staff (the person said it on a call, in person…). */
  consent_for_services?: boolean;
  disclosure_other_orgs?: boolean;
}

export type Referrals = ReturnType<typeof createReferrals>;

/** Referrals of a ticket: recorded by staff, consented by the person, followed to an outcome. */
export function createReferrals(d: {
  cases: CaseStore;
  tickets: Pick<TicketStore, 'get'>;
  send: Pick<SendToPerson, 'send'>;
  publish: Pick<TicketPublisher, 'ticket'>;
  audit: (entry: AuditEntry) => Promise<void>;
  i18n: Pick<I18n, 't'>;
  understand: (text: string) => Understanding;
  primero: PrimeroClient | null;
  clock: Clock;
  logger: Logger;
  /** Counts a referral made or moved (kind and status only: the aggregate counters, issue 13). */
  onReferral?: (r: {
    kind: string;
    outcome: string;
    channel: Ticket['channel'];
    lang: Ticket['lang'];
    city: string | null;
  }) => void;
}) {
  const counted = (ticket: Ticket, r: Referral) =>
    d.onReferral?.({
      kind: r.service_type,
      outcome: r.status,
      channel: ticket.channel,
      lang: ticket.lang,
      city: ticket.city,
    });
  const audit = (actor: string, action: AuditEntry['action'], ticketId: string | null) =>
    d.audit({ at: d.clock.now(), actor, action, ticketId });

  async function load(ticket: Ticket, id: string): Promise<Referral> {
    const r = await d.cases.getReferral(id);
    if (!r || r.ticket_id !== ticket.id) throw notFound('Referral');
    return r;
  }

  async function save(r: Referral) {
    await d.cases.putReferral(r);
    return r;
  }

  /** "sí", "1", "yes", "wi", "sim" → true; "no", "2", "non", "não" → false; else null. */
  function yesOrNo(text: string): boolean | null {
    const u = d.understand(text);
    if (u.risk) return null;
    if (u.command === 'yes' || u.number === 1) return true;
    if (u.command === 'no' || u.number === 2) return false;
    return null;
  }

  return {
    list: (ticket: Ticket) => d.cases.referralsOfTicket(ticket.id),

    async create(user: StaffUser, ticket: Ticket, input: NewReferral) {
      const now = d.clock.now();
      const r: Referral = {
        id: randomUUID(),
        ticket_id: ticket.id,
        conversation_id: ticket.conversationId,
        ...input,
        consent_for_services: null,
        disclosure_other_orgs: null,
        consent_source: null,
        consent_asked_at: null,
        consent_answered_at: null,
        status: 'in_progress',
        service_implemented: null,
        reason_not_successful: null,
        created_by: user.username,
        created_at: now,
        updated_at: now,
        primero_referral_id: null,
        pushed_at: null,
      };
      await save(r);
      await audit(user.username, 'referral_recorded', ticket.id);
      counted(ticket, r);
      return r;
    },

    async update(user: StaffUser, ticket: Ticket, id: string, patch: ReferralPatch) {
      const r = await load(ticket, id);
      const stated = patch.consent_for_services !== undefined || patch.disclosure_other_orgs !== undefined;
      const next: Referral = {
        ...r,
        ...patch,
        ...(stated ? { consent_source: 'staff' as const, consent_answered_at: d.clock.now() } : {}),
        updated_at: d.clock.now(),
      };
      await save(next);
      await audit(user.username, 'referral_updated', ticket.id);
      if (next.status !== r.status) counted(ticket, next);
      return next;
    },

    /** Asks the person, in their language, whether the referral may go ahead: 1 yes, 2 no. */
    async askConsent(user: StaffUser, ticket: Ticket, id: string) {
      const r = await load(ticket, id);
      if (ticket.status !== 'active')
        throw conflict('Claim the ticket first: consent is asked in a live conversation', 'not_active');
      const text = d.i18n.t(ticket.lang)('referral.consentAsk', { service: r.service_implementing_agency });
      const res = await d.send.send({
        ticket,
        text,
        origin: 'system',
        author: user.username,
        screen: 'referral.consent',
      });
      if (!res.sent) throw conflict('The person cannot be written to now', res.reason);
      const next = await save({ ...r, consent_asked_at: d.clock.now(), updated_at: d.clock.now() });
      await d.cases.updateInfo(ticket.conversationId!, (i) => ({ ...i, pendingConsent: r.id }));
      await audit(user.username, 'consent_asked', ticket.id);
      return next;
    },

    /** A message of the person while a consent question waits: a clear yes or no answers it. */
    async heard(conversationId: string, ticketId: string, text: string): Promise<boolean> {
      const info = await d.cases.info(conversationId);
      if (!info.pendingConsent) return false;
      const answer = yesOrNo(text);
      if (answer === null) return false;
      const r = await d.cases.getReferral(info.pendingConsent);
      await d.cases.updateInfo(conversationId, (i) => ({ ...i, pendingConsent: null }));
      if (!r || r.ticket_id !== ticketId) return false;
      const now = d.clock.now();
      await save({
        ...r,
        consent_for_services: answer,
        disclosure_other_orgs: answer,
        consent_source: 'conversation',
        consent_answered_at: now,
        updated_at: now,
      });
      await audit(PERSON_ACTOR, 'consent_answered', ticketId);
      d.logger.info({ event: 'consent_answered', ticket: ticketId, consent: answer });
      const ticket = await d.tickets.get(ticketId);
      if (ticket) {
        await d.send.send({
          ticket,
          text: d.i18n.t(ticket.lang)(answer ? 'referral.consentYes' : 'referral.consentNo'),
          origin: 'system',
          screen: 'referral.consentThanks',
        });
        await d.publish.ticket(ticket);
      }
      return true;
    },

    async push(user: StaffUser, ticket: Ticket, id: string) {
      if (!d.primero) throw new HttpError(409, 'Primero is not configured', 'not_configured');
      const r = await load(ticket, id);
      if (!r.primero_case_id) throw new HttpError(400, 'invalid fields: primero_case_id');
      if (r.consent_for_services !== true) throw conflict('The person has not consented', 'no_consent');
      try {
        const { id: remote } = await d.primero.pushReferral(r);
        const next = await save({
          ...r,
          primero_referral_id: remote,
          pushed_at: d.clock.now(),
          updated_at: d.clock.now(),
        });
        await audit(user.username, 'referral_pushed', ticket.id);
        d.logger.info({ event: 'referral_pushed', ticket: ticket.id });
        return next;
      } catch (err) {
        const status = err instanceof PrimeroError ? err.status : null;
        d.logger.warn({
          event: 'referral_push_failed',
          ticket: ticket.id,
          status,
          type: (err as Error).name,
        });
        throw new HttpError(502, 'Primero did not take the referral', 'primero_failed');
      }
    },

    listAll: (limit: number) => d.cases.listReferrals(limit),

    /** Retention and erase: the referrals of a conversation go with it. */
    async forget(conversationId: string) {
      for (const id of await d.cases.referralIdsOfConversation(conversationId)) {
        const r = await d.cases.getReferral(id);
        if (r) await d.cases.deleteReferral(r);
      }
      await d.cases.dropConversationReferralIndex(conversationId);
    },
  };
}
