import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { REFERRAL_STATUSES, SERVICE_IMPLEMENTED } from '../casework/referral.ts';
import { referralsCsv } from '../casework/referrals-csv.ts';
import { LANGUAGES } from '../channels/inbound-message.ts';
import type { Ticket } from '../handoff/ticket.ts';
import type { StaffUser } from './auth.ts';
import { conflict, forbidden, HttpError, notFound, parseOr400 } from './http-error.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';
import { assertCanView, assertCanWork, canView, REPLY_REFUSALS } from './ticket-access.ts';

const IdParams = z.object({ id: z.string().min(1).max(64) });
const RefParams = IdParams.extend({ rid: z.string().min(1).max(64) });
const LangParams = z.object({ lang: z.enum(LANGUAGES) });
const IssueBody = z.object({ send: z.boolean().default(true) });
const TextBody = z.object({ text: z.string().trim().min(1).max(1600) });
const short = z.string().trim().min(1).max(200);
const NewReferralBody = z.object({
  service_type: short,
  service_implementing_agency: short,
  service_id: z.string().trim().max(100).nullable().default(null),
  notes: z.string().trim().max(2000).default(''),
  primero_case_id: z.string().trim().min(1).max(100).nullable().default(null),
});
const ReferralPatchBody = z
  .object({
    status: z.enum(REFERRAL_STATUSES),
    service_implemented: z.enum(SERVICE_IMPLEMENTED).nullable(),
    reason_not_successful: z.string().trim().max(500).nullable(),
    notes: z.string().trim().max(2000),
    primero_case_id: z.string().trim().min(1).max(100).nullable(),
    consent_for_services: z.boolean(),
    disclosure_other_orgs: z.boolean(),
  })
  .partial();
const SearchQuery = z.object({ q: z.string().trim().min(1).max(100) });
const CannedQuery = z.object({ lang: z.enum(LANGUAGES).default('es') });
const CannedBody = z.object({
  replies: z
    .array(
      z.object({
        id: z
          .string()
          .trim()
          .regex(/^[a-zA-Z0-9_-]{1,40}$/),
        text: z.string().trim().min(1).max(1000),
      }),
    )
    .max(50),
});
const AvailabilityBody = z.object({ available: z.boolean() });
const AutoAssignBody = z.object({ on: z.boolean() });

const supervisorOnly = (user: StaffUser, what: string) => {
  if (user.role !== 'supervisor') throw forbidden(`Only supervisors can ${what}`);
};

/** Case codes, referrals, search, follow-up, canned replies, availability (docs/staff-api.md). */
export async function caseworkRoutes(app: FastifyInstance, deps: StaffApiDeps) {
  const cw = deps.casework;
  if (!cw) return;
  const { actions, detail, clock } = deps;
  const audit = (
    user: StaffUser,
    action: Parameters<typeof deps.staff.audit>[0]['action'],
    ticketId: string | null,
  ) => deps.staff.audit({ at: clock.now(), actor: user.username, action, ticketId });

  async function ticketOf(request: FastifyRequest): Promise<Ticket> {
    const { id } = parseOr400(IdParams, request.params);
    const t = await deps.tickets.get(id);
    if (!t) throw notFound();
    return t;
  }
  /** Referrals are followed after closing too: the ticket's holder (or a supervisor). */
  function assertFollows(user: StaffUser, t: Ticket) {
    if (user.role !== 'supervisor' && t.assignee !== user.username)
      throw forbidden('Only on your own tickets');
  }

  app.post('/tickets/:id/case-code', async (request, reply) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertCanWork(user, t);
    if (t.status === 'closed') throw conflict('The ticket is closed', 'closed');
    const { send } = parseOr400(IssueBody, request.body);
    const issued = await cw.codes.issue(t, user.username, { send });
    if (!issued) throw conflict('The conversation is gone', 'gone');
    return reply.code(201).header('cache-control', 'no-store').send(issued);
  });

  app.delete('/tickets/:id/case-code', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertFollows(user, t);
    return { revoked: await cw.codes.revoke(t, user.username) };
  });

  app.get('/tickets/:id/history', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertCanView(user, t);
    const all = t.conversationId ? await deps.tickets.forConversation(t.conversationId) : [];
    const earlier = all
      .filter((x) => x.id !== t.id && canView(user, x))
      .sort((a, b) => b.createdAt - a.createdAt);
    return { tickets: await Promise.all(earlier.map((x) => deps.views.summary(x))) };
  });

  app.post('/tickets/:id/reopen', async (request) => {
    const { id } = parseOr400(IdParams, request.params);
    const t = await actions.reopen(staffOf(request), id);
    return { ticket: await detail(t, staffOf(request), clock.now()) };
  });

  app.post('/tickets/:id/follow-up', async (request, reply) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertFollows(user, t);
    if (t.status !== 'closed') throw conflict('The ticket is open: reply in it', 'open');
    const { text } = parseOr400(TextBody, request.body);
    // After WhatsApp's 24-hour window, as for a reply in an open ticket: the approved template
    // goes now and the message when the person answers; without one, staff are told why.
    const recontact = deps.recontact;
    const send = (hold: boolean) =>
      cw.send.send({ ticket: t, text, origin: 'staff', author: user.username, live: false, hold });
    let res = await send(false);
    if (!res.sent && res.reason === 'window_closed' && recontact) {
      const ok = await recontact.check(t.lang);
      if (!ok.ok) {
        const reason = ok.reason === 'template_missing' ? 'window_closed' : ok.reason;
        throw conflict(REPLY_REFUSALS[reason], reason);
      }
      res = await send(true);
    }
    if (!res.sent) {
      const why = {
        gone: 'The conversation is gone',
        opted_out: 'The user opted out (STOP): nothing can be sent until they write again',
        window_closed: 'The WhatsApp 24-hour window has closed: the user must write first',
      }[res.reason];
      throw conflict(why, res.reason);
    }
    if (res.held && recontact && t.conversationId) {
      const kept = await recontact.hold({
        conversationId: t.conversationId,
        messageIds: res.ids,
        lang: t.lang,
      });
      if (!kept.held) {
        const reason = kept.reason === 'template_not_approved' ? kept.reason : 'window_closed';
        throw conflict(REPLY_REFUSALS[reason], reason);
      }
    }
    await deps.tickets.update(t.id, (x) => ({ ...x, transcript: [...(x.transcript ?? []), ...res.entries] }));
    await audit(user, 'wrote_after_close', t.id);
    return reply.code(202).send({ message: { id: res.id, status: res.held ? 'held' : 'pending' } });
  });

  app.get('/tickets/:id/referrals', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertCanView(user, t);
    const list = await cw.referrals.list(t);
    return { referrals: list.map(({ conversation_id: _c, ...r }) => r) };
  });

  app.post('/tickets/:id/referrals', async (request, reply) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertFollows(user, t);
    const body = parseOr400(NewReferralBody, request.body);
    const { conversation_id: _c, ...referral } = await cw.referrals.create(user, t, body);
    return reply.code(201).send({ referral });
  });

  app.put('/tickets/:id/referrals/:rid', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertFollows(user, t);
    const { rid } = parseOr400(RefParams, request.params);
    const patch = parseOr400(ReferralPatchBody, request.body);
    const { conversation_id: _c, ...referral } = await cw.referrals.update(user, t, rid, patch);
    return { referral };
  });

  app.post('/tickets/:id/referrals/:rid/consent', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertCanWork(user, t);
    const { rid } = parseOr400(RefParams, request.params);
    const { conversation_id: _c, ...referral } = await cw.referrals.askConsent(user, t, rid);
    return { referral };
  });

  app.post('/tickets/:id/referrals/:rid/push', async (request) => {
    const user = staffOf(request);
    const t = await ticketOf(request);
    assertFollows(user, t);
    const { rid } = parseOr400(RefParams, request.params);
    const { conversation_id: _c, ...referral } = await cw.referrals.push(user, t, rid);
    return { referral };
  });

  app.get('/referrals.csv', async (request, reply) => {
    const user = staffOf(request);
    supervisorOnly(user, 'export referrals');
    const csv = referralsCsv(await cw.referrals.listAll(10_000));
    await audit(user, 'referrals_exported', null);
    const day = new Date(clock.now()).toISOString().slice(0, 10);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="faro-referrals-${day}.csv"`)
      .send(csv);
  });

  app.get('/search', async (request) => {
    const user = staffOf(request);
    const { q } = parseOr400(SearchQuery, request.query);
    const hits = await cw.search(user, q);
    // What was searched is not kept: it may be part of a number.
    await audit(user, 'searched', null);
    return {
      results: await Promise.all(
        hits.map(async (h) => ({ ...(await deps.views.summary(h.ticket)), matched: h.matched })),
      ),
    };
  });

  app.get('/canned', async (request) => {
    const { lang } = parseOr400(CannedQuery, request.query);
    return { lang, replies: await deps.canned(lang) };
  });

  app.put('/canned/:lang', async (request) => {
    const user = staffOf(request);
    supervisorOnly(user, 'edit canned replies');
    const { lang } = parseOr400(LangParams, request.params);
    const { replies } = parseOr400(CannedBody, request.body);
    const ids = replies.map((r) => r.id);
    if (new Set(ids).size !== ids.length) throw new HttpError(400, 'invalid fields: replies (repeated id)');
    await cw.cases.putCanned(lang, Object.fromEntries(replies.map((r) => [r.id, r.text])));
    await audit(user, 'canned_edited', null);
    return { lang, replies: await deps.canned(lang) };
  });

  app.get('/availability', async () => {
    const [marks, on, active, accounts] = await Promise.all([
      cw.cases.availability(),
      cw.cases.autoAssign(),
      deps.tickets.list('active'),
      deps.staff.listAccounts(),
    ]);
    return {
      autoAssign: on,
      staff: accounts.map(({ username, role }) => ({
        username,
        role,
        available: marks[username] === 'available',
        openTickets: active.filter((t) => t.assignee === username).length,
      })),
    };
  });

  app.put('/availability', async (request) => {
    const user = staffOf(request);
    const { available } = parseOr400(AvailabilityBody, request.body);
    await cw.cases.setAvailability(user.username, available ? 'available' : 'away');
    await audit(user, 'availability_changed', null);
    if (available) await cw.autoAssign();
    return { username: user.username, available };
  });

  app.put('/auto-assign', async (request) => {
    const user = staffOf(request);
    supervisorOnly(user, 'turn auto-assignment on or off');
    const { on } = parseOr400(AutoAssignBody, request.body);
    await cw.cases.setAutoAssign(on);
    await audit(user, 'auto_assign_changed', null);
    const assigned = on ? await cw.autoAssign() : 0;
    return { autoAssign: on, assigned };
  });

  app.get('/services', async () => ({ services: deps.services }));
}
