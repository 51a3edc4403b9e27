import type { FastifyInstance } from 'fastify';
import type { LiveEvent } from '../handoff/live-events.ts';
import { securityHeaders } from '../http/security-headers.ts';
import type { StaffUser } from './auth.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';

/** What one staff member may hear; agents: ticket changes, and messages of the queue and their own. */
export function sseFrame(user: Pick<StaffUser, 'role' | 'username'>, e: LiveEvent): string | null {
  if (e.type === 'ticket') return frame('ticket', e.ticket);
  const allowed =
    user.role === 'supervisor' || e.access.status === 'waiting' || e.access.assignee === user.username;
  if (!allowed) return null;
  if (e.type === 'transcript') return frame('transcript', { ticketId: e.ticketId, entry: e.entry });
  return frame('status', { ticketId: e.ticketId, messageId: e.messageId, status: e.status });
}

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * `GET /api/staff/events`: Server-Sent Events. A comment line every 15 s keeps proxies from
 * closing the connection and checks that the session still exists; the subscription ends
 * with the connection.
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
    const unsubscribe = deps.events.subscribe((e) => {
      const text = sseFrame(user, e);
      if (text) res.write(text);
    });
    const ping = setInterval(() => {
      res.write(': ping\n\n');
      deps.auth
        .resolve(user.sessionId)
        .then((still) => {
          if (!still) res.end();
        })
        .catch(() => undefined); // the store is down: keep the stream, check again next time
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
