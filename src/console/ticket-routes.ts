import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { compareQueue, OUTCOMES, type Ticket } from '../handoff/ticket.ts';
import { parseOr400 } from './http-error.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';
import { canView } from './ticket-access.ts';

const ListQuery = z.object({ status: z.enum(['waiting', 'active', 'closed', 'mine']).default('waiting') });
const IdParams = z.object({ id: z.string().min(1).max(64) });
const TextBody = z.object({ text: z.string().trim().min(1).max(1600) });
const NoteBody = z.object({ text: z.string().trim().min(1).max(4000) });
const LabelsBody = z.object({ labels: z.array(z.string().trim().min(1).max(40)).max(20) });
const TransferBody = z.object({ to: z.string().trim().toLowerCase().min(1).max(64).nullable() });
const CloseBody = z.object({ outcome: z.enum(OUTCOMES) });

/** Tickets: the queue, one ticket with its transcript, and what staff do to them. */
export async function ticketRoutes(app: FastifyInstance, deps: StaffApiDeps) {
  const { actions, detail, clock } = deps;
  const id = (params: unknown) => parseOr400(IdParams, params).id;
  const show = (request: Parameters<typeof staffOf>[0], t: Ticket) =>
    detail(t, staffOf(request), clock.now());

  app.get('/tickets', async (request) => {
    const user = staffOf(request);
    const { status } = parseOr400(ListQuery, request.query);
    const mine = status === 'mine';
    const found = await deps.tickets.list(mine ? 'active' : status);
    const visible = found.filter((t) => (mine ? t.assignee === user.username : canView(user, t)));
    // The queue by urgency, then by waiting time; closed tickets most recently closed first.
    if (status !== 'closed') visible.sort(compareQueue);
    return { tickets: await Promise.all(visible.map((t) => deps.views.summary(t))) };
  });

  app.get('/tickets/:id', async (request) => {
    const t = await actions.view(staffOf(request), id(request.params));
    return { ticket: await show(request, t) };
  });

  app.post('/tickets/:id/claim', async (request) => {
    const t = await actions.claim(staffOf(request), id(request.params));
    return { ticket: await show(request, t) };
  });

  app.post('/tickets/:id/messages', async (request, reply) => {
    const { text } = parseOr400(TextBody, request.body);
    const message = await actions.reply(staffOf(request), id(request.params), text);
    return reply.code(202).send({ message });
  });

  app.post('/tickets/:id/notes', async (request, reply) => {
    const { text } = parseOr400(NoteBody, request.body);
    const note = await actions.note(staffOf(request), id(request.params), text);
    return reply.code(201).send({ note });
  });

  app.put('/tickets/:id/labels', async (request) => {
    const { labels } = parseOr400(LabelsBody, request.body);
    const t = await actions.setLabels(staffOf(request), id(request.params), [...new Set(labels)]);
    return { ticket: await show(request, t) };
  });

  app.post('/tickets/:id/transfer', async (request) => {
    const { to } = parseOr400(TransferBody, request.body);
    const t = await actions.transfer(staffOf(request), id(request.params), to);
    return { ticket: await show(request, t) };
  });

  app.post('/tickets/:id/close', async (request) => {
    const { outcome } = parseOr400(CloseBody, request.body);
    const t = await actions.close(staffOf(request), id(request.params), outcome);
    return { ticket: await show(request, t) };
  });

  app.post('/tickets/:id/reveal', async (request, reply) => {
    const address = await actions.reveal(staffOf(request), id(request.params));
    return reply.header('cache-control', 'no-store').send({ address });
  });
}
