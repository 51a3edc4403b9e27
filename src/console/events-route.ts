import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '../handoff/live-events.ts';
import type { TicketSummary } from '../handoff/ticket-view.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { StaffUser } from './auth.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';
import { canView } from './ticket-access.ts';

/**
 * What one staff member may hear, by the API's own rule (canView): agents hear the queue and
 * their own tickets. Of a ticket an agent may not see they hear only its id, status and
 * holder, so that their console drops it from the queue; nothing of the person in it.
 */
export function sseFrame(user: Pick<StaffUser, 'role' | 'username'>, e: LiveEvent): string | null {
  if (e.type === 'account') return null;
  if (e.type === 'ticket') {
    const t = e.ticket;
    if (canView(user, t)) return frame('ticket', t);
    const gone: Pick<TicketSummary, 'id' | 'status' | 'assignee'> = {
      id: t.id,
      status: t.status,
      assignee: t.assignee,
    };
    return frame('ticket', gone);
  }
  if (!canView(user, e.access)) return null;
  if (e.type === 'transcript') return frame('transcript', { ticketId: e.ticketId, entry: e.entry });
  return frame('status', { ticketId: e.ticketId, messageId: e.messageId, status: e.status });
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * `GET /api/staff/events`: Server-Sent Events. A comment line every 15 s keeps proxies from
 * closing the connection and checks that the session still exists; a change to the account
 * (heard as an `account` event, from any instance or `npm run staff`) checks it at once. The
 * subscription ends with the connection.
 * https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
export async function eventsRoute(app: FastifyInstance, deps: StaffApiDeps) {
  const pingEveryMs = deps.pingEveryMs ?? 15_000;
  // No HEAD twin: a HEAD request must not open a stream.
  app.get('/events', { exposeHeadRoute: false }, async (request, reply) => {
    const user = staffOf(request);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      ...securityHeaders({ https: deps.secureCookie }),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(': connected\n\n');
    // Events are filtered by the role the stream opened with, so the stream must not outlive
    // it: when the account changes it stops passing anything on and checks the session again.
    let held = false;
    const recheck = () =>
      deps.auth
        .resolve(user.sessionId)
        .then((still) => {
          if (!still || still.role !== user.role) res.end();
          else held = false;
        })
        .catch(() => {
          held = false; // the store is down: keep the stream, check again at the next ping
        });
    const unsubscribe = deps.events.subscribe((e) => {
      if (e.type === 'account') {
        if (e.username !== user.username) return;
        held = true;
        void recheck();
        return;
      }
      const text = held ? null : sseFrame(user, e);
      if (text) res.write(text);
    });
    const ping = setInterval(() => {
      res.write(': ping\n\n');
      void recheck();
    }, pingEveryMs);
    let ended = false;
    const done = () => {
      if (ended) return; // both the request and the response report the close
      ended = true;
      clearInterval(ping);
      unsubscribe();
    };
    request.raw.on('close', done);
    res.on('close', done);
  });
}
