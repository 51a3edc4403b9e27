import type { FastifyInstance } from 'fastify';

/**
 * Headers for every console page and staff API answer: no inline script can run (a user's
 * message can never become code), no framing, no MIME sniffing, no referrer leaks, and no
 * caching of personal data. Five fixed headers do not need a dependency (helmet).
 */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'self'; img-src 'self' data:; media-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    'x-frame-options': 'DENY',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'permissions-policy': 'camera=(), microphone=(), geolocation=()',
    ...(https ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

const GUARDED = ['/console', '/api/staff', '/api/dev'];

/** Adds the headers to every answer under the console's paths, errors and 404s included. */
export function addSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  const headers = securityHeaders({ https });
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    if (!GUARDED.some((p) => path === p || path.startsWith(`${p}/`))) return payload;
    reply.headers(headers);
    if (path.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
    return payload;
  });
}
