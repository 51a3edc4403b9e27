import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.ts';
import type { ConversationStore } from '../store/store.ts';

/** Liveness, readiness (the store answers) and Prometheus metrics. */
export async function healthRoutes(
  app: FastifyInstance,
  deps: { store: Pick<ConversationStore, 'ping'>; metrics: Metrics },
) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await deps.store.ping();
      return { status: 'ready' };
    } catch {
      return reply.code(503).send({ status: 'unavailable', store: 'unreachable' });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    reply.type(deps.metrics.registry.contentType);
    return deps.metrics.text();
  });
}
