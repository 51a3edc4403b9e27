import { join } from 'node:path';
import formbody from '@fastify/formbody';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type FastifyReply,
  LogController,
  type RouteOptions,
} from 'fastify';
import type { Services } from './build-services.ts';
import { ROOT_DIR } from './build-services.ts';
import { webhookRoutes } from './channels/twilio/webhook-routes.ts';
import type { Config } from './config.ts';
import { consoleStatic } from './console/console-static.ts';
import { HttpError } from './console/http-error.ts';
import { simulatorRoutes } from './console/simulator-routes.ts';
import { staffApi } from './console/staff-api.ts';
import { vendorFiles } from './console/vendor-files.ts';
import { healthRoutes } from './http/health-routes.ts';
import { addSecurityHeaders, securityHeaders } from './http/security-headers.ts';

export interface AppOptions {
  /** Fastify's logger instance (pino, redacting); tests pass a capturing one. */
  bodyLimit?: number;
  /** Sees every route as it is registered (tests walk the staff API with it). */
  onRoute?: (route: RouteOptions) => void;
}

/**
 * The HTTP app: webhooks, health, metrics, staff console. Every dependency comes from
 * `services`; nothing is read from the environment here.
 */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { config, logger } = services;
  const https = config.publicBaseUrl.startsWith('https:');
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    // Twilio signs PUBLIC_BASE_URL + path, so trusting X-Forwarded-* changes no signature; it
    // only gives login rate limits the client's address behind a reverse proxy (TRUST_PROXY).
    trustProxy: proxyTrust(config.TRUST_PROXY),
    // Per-request lines add nothing but volume; events are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
    // A URL the router cannot decode (`/%`, `/console/%E0`) gets the one error shape, and the URL
    // is not echoed back (Fastify's own answer quotes it).
    frameworkErrors: (err, request, reply) => {
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      const malformed = err.code === 'FST_ERR_BAD_URL';
      // Sent before any route or hook runs: the security headers are set here.
      (reply as FastifyReply)
        .headers({ ...securityHeaders({ https }), 'cache-control': 'no-store' })
        .code(status)
        .send({
          statusCode: status,
          error: httpName(status),
          message: malformed ? 'Malformed URL' : 'Bad request',
          reqId: request.id,
        });
    },
  });
  addSecurityHeaders(app, { https });
  if (opts.onRoute) app.addHook('onRoute', opts.onRoute);
  await app.register(formbody, { bodyLimit: opts.bodyLimit ?? 64 * 1024 });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) request.log.error({ event: 'request_failed', type: err.name, code: err.code });
    const error =
      status >= 500
        ? 'Internal Server Error'
        : err.name === 'FastifyError'
          ? httpName(status)
          : httpName(status);
    const message = status >= 500 ? 'Something went wrong' : err.message;
    const known = err instanceof HttpError ? err : null;
    if (known) reply.headers(known.headers);
    return reply.code(status).send({
      statusCode: status,
      error,
      message,
      reqId: request.id,
      ...(known?.reason ? { reason: known.reason } : {}),
    });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Not found', reqId: request.id }),
  );

  await app.register(healthRoutes, { store: services.store, metrics: services.metrics });
  await app.register(webhookRoutes, {
    engine: services.engine,
    store: services.store,
    authToken: config.TWILIO_AUTH_TOKEN,
    accountSid: config.TWILIO_ACCOUNT_SID,
    publicBaseUrl: config.publicBaseUrl,
    clock: services.clock,
    outageText: () => `${services.i18n.t('es')('outage')}\n\n${services.i18n.t('en')('outage')}`,
    onInbound: ({ channel, result }) => services.metrics.messagesIn.inc({ channel, result }),
    onStatus: ({ status }) => services.metrics.statusCallbacks.inc({ status }),
    onStatusUpdated: ({ conversationId, messageId, status }) =>
      services.handoff.statusUpdated(conversationId, messageId, status),
  });

  await app.register(staffApi, { prefix: '/api/staff', ...services.staffConsole.api });
  await app.register(vendorFiles);
  await app.register(consoleStatic, {
    publicDir: services.staffConsole.publicDir,
    localesDir: join(ROOT_DIR, 'locales'),
  });
  // The phone simulator: only without Twilio (replies stay in this process) and never in production.
  if (services.localSender && config.NODE_ENV !== 'production') {
    await app.register(simulatorRoutes, {
      engine: services.engine,
      localSender: services.localSender,
      clock: services.clock,
    });
  }
  return app;
}

/**
 * TRUST_PROXY for Fastify. A hop count becomes a function: Fastify itself trusts no hop count
 * (a client that reaches Faro directly could then name its own address), so `1` is for a Faro
 * that only its proxy can reach; otherwise name the proxies' addresses.
 */
function proxyTrust(
  setting: Config['TRUST_PROXY'],
): boolean | string[] | ((a: string, hop: number) => boolean) {
  if (typeof setting === 'number') return (_address, hop) => hop < setting;
  return setting;
}

function httpName(status: number): string {
  const names: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
  };
  return names[status] ?? 'Error';
}
