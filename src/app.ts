import formbody from '@fastify/formbody';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  LogController,
} from 'fastify';
import type { Services } from './build-services.ts';
import { webhookRoutes } from './channels/twilio/webhook-routes.ts';
import { healthRoutes } from './http/health-routes.ts';

export interface AppOptions {
  /** Fastify's logger instance (pino, redacting); tests pass a capturing one. */
  bodyLimit?: number;
}

/**
 * The HTTP app: webhooks, health, metrics, staff console. Every dependency comes from
 * `services`; nothing is read from the environment here.
 */
export async function buildApp(services: Services, opts: AppOptions = {}): Promise<FastifyInstance> {
  const { config, logger } = services;
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    bodyLimit: opts.bodyLimit ?? 64 * 1024,
    // Twilio signs the exact URL; PUBLIC_BASE_URL is configured, X-Forwarded-* is not trusted.
    trustProxy: false,
    // Per-request lines add nothing but volume; events are logged where they happen.
    logController: new LogController({ disableRequestLogging: true }),
    requestIdHeader: false,
  });
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
    return reply.code(status).send({ statusCode: status, error, message, reqId: request.id });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Not found', reqId: request.id }),
  );

  await app.register(healthRoutes, { store: services.store, metrics: services.metrics });
  await app.register(webhookRoutes, {
    engine: services.engine,
    store: services.store,
    authToken: config.TWILIO_AUTH_TOKEN,
    publicBaseUrl: config.publicBaseUrl,
    clock: services.clock,
    outageText: () => `${services.i18n.t('es')('outage')}\n\n${services.i18n.t('en')('outage')}`,
    onInbound: ({ channel, result }) => services.metrics.messagesIn.inc({ channel, result }),
    onStatus: ({ status }) => services.metrics.statusCallbacks.inc({ status }),
  });
  return app;
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
