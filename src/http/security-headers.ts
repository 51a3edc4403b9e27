import type { FastifyInstance } from 'fastify';

/**
 * Headers for every answer: no inline script can run (a user's message can never become
 * code), no framing, no MIME sniffing, no referrer leaks, and no caching of personal data. Five fixed headers do not need a dependency (helmet).
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

/**
 * Adds the headers to every answer, errors and 404s included. Not by path: the router decodes
 * a percent-encoded path (`/%63onsole` is `/console`), so a check on the raw URL can be walked
 * around. Twilio and health checks ignore them. Anything that did not choose its own caching
 * (the console's files say `no-cache`) is never stored: API answers carry personal data.
 */
export function addSecurityHeaders(app: FastifyInstance, { https }: { https: boolean }) {
  const headers = securityHeaders({ https });
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(headers);
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
    return payload;
  });
}
