import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseworkSide } from '../casework/build-casework.ts';
import type { Lang } from '../channels/inbound-message.ts';
import type { Clock } from '../engine/clock.ts';
import type { LiveEvents } from '../handoff/live-events.ts';
import type { Recontact } from '../handoff/recontact.ts';
import type { TicketStore } from '../handoff/ticket-store.ts';
import type { TicketViews } from '../handoff/ticket-view.ts';
import type { Auth, StaffUser } from './auth.ts';
import { SESSION_COOKIE } from './auth.ts';
import { caseworkRoutes } from './casework-routes.ts';
import { type ContentReviewDeps, contentReviewRoutes } from './content-review-routes.ts';
import { eventsRoute } from './events-route.ts';
import { forbidden, unauthorized } from './http-error.ts';
import { type LibraryRouteDeps, libraryRoutes } from './library-routes.ts';
import { type MediaRouteDeps, mediaRoute } from './media-route.ts';
import { sessionRoutes } from './session-routes.ts';
import { staffRoutes } from './staff-routes.ts';
import type { StaffStore } from './staff-store.ts';
import { type StatsRouteDeps, statsRoutes } from './stats-routes.ts';
import { type TemplatesRouteDeps, templatesRoute } from './templates-route.ts';
import type { TicketActions } from './ticket-actions.ts';
import type { createTicketDetail } from './ticket-detail.ts';
import { ticketRoutes } from './ticket-routes.ts';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffUser;
  }
  interface FastifyContextConfig {
    /** The one route that answers without a session: logging in. */
    public?: boolean;
  }
}

export interface StaffApiDeps extends StatsRouteDeps, MediaRouteDeps, TemplatesRouteDeps, LibraryRouteDeps {
  auth: Auth;
  staff: StaffStore;
  tickets: TicketStore;
  actions: TicketActions;
  detail: ReturnType<typeof createTicketDetail>;
  views: Pick<TicketViews, 'summary'>;
  events: LiveEvents;
  clock: Clock;
  secureCookie: boolean;
  pingEveryMs?: number;
  /** Case codes, referrals, search, availability (absent: those routes are not there). */
  casework?: CaseworkSide;
  /** Canned replies in one language: supervisors' edits, else locales/<lng>/console.json. */
  canned: (lang: Lang) => Promise<Array<{ id: string; text: string }>>;
  /** Directory entries staff may refer to. */
  services: Array<{ id: string; name: string; kind: string; city: string }>;
  /** The whole directory, for the content review list. */
  directory: ContentReviewDeps['services'];
  /** Re-contact after WhatsApp's 24-hour window, for a word after closing (casework-routes.ts). */
  recontact?: Pick<Recontact, 'check' | 'hold'>;
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'DELETE', 'PATCH']);

/** The signed-in staff member; routes behind the session hook always have one. */
export function staffOf(request: FastifyRequest): StaffUser {
  if (!request.staff) throw unauthorized();
  return request.staff;
}

/**
 * `/api/staff` (docs/staff-api.md). One hook guards every route: no session → 401, then no
 * or wrong `x-csrf-token` on a state-changing request → 403. Only logging in is public.
 */
export async function staffApi(app: FastifyInstance, opts: StaffApiDeps & { prefix?: string }) {
  // The prefix applies here once; the route plugins below must not get it again.
  const { prefix: _prefix, ...deps } = opts;
  await app.register(cookie);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.routeOptions.config?.public) return;
    const user = await deps.auth.resolve(request.cookies[SESSION_COOKIE]);
    if (!user) throw unauthorized();
    if (STATE_CHANGING.has(request.method) && !deps.auth.csrfOk(user, request.headers['x-csrf-token']))
      throw forbidden('Missing or wrong CSRF token');
    request.staff = user;
  });
  await app.register(sessionRoutes, deps);
  await app.register(ticketRoutes, deps);
  await app.register(mediaRoute, deps);
  await app.register(templatesRoute, deps);
  await app.register(libraryRoutes, deps);
  await app.register(staffRoutes, deps);
  await app.register(caseworkRoutes, deps);
  await app.register(eventsRoute, deps);
  await app.register(statsRoutes, deps);
  await app.register(contentReviewRoutes, { services: deps.directory, clock: deps.clock });
}
