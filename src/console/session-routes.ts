import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE } from './auth.ts';
import { HttpError, parseOr400 } from './http-error.ts';
import { MAX_PASSWORD_LENGTH } from './passwords.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';

const LoginBody = z.object({
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .transform((s) => s.toLowerCase()),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});

export async function sessionRoutes(app: FastifyInstance, deps: StaffApiDeps) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: deps.secureCookie,
  };

  app.post('/session', { config: { public: true } }, async (request, reply) => {
    // JSON only: a cross-site HTML form cannot send it, which closes login CSRF.
    if (!String(request.headers['content-type'] ?? '').startsWith('application/json'))
      throw new HttpError(415, 'Send JSON');
    const body = parseOr400(LoginBody, request.body);
    const user = await deps.auth.login({
      ...body,
      ip: request.ip,
      previousId: request.cookies[SESSION_COOKIE],
    });
    reply.setCookie(SESSION_COOKIE, user.sessionId, {
      ...cookieOptions,
      maxAge: deps.auth.sessionMaxAgeSeconds,
    });
    request.log.info({ event: 'staff_login', staff: user.username });
    return { user: { username: user.username, role: user.role }, csrfToken: user.csrfToken };
  });

  app.get('/session', async (request) => {
    const user = staffOf(request);
    return { user: { username: user.username, role: user.role }, csrfToken: user.csrfToken };
  });

  app.delete('/session', async (request, reply) => {
    const user = staffOf(request);
    await deps.auth.logout(user);
    reply.clearCookie(SESSION_COOKIE, cookieOptions);
    return reply.code(204).send();
  });
}
