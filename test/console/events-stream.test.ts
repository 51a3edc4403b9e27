import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { buildServices, type Services } from '../../src/build-services.ts';
import { loadConfig } from '../../src/config.ts';
import { hashPassword } from '../../src/console/passwords.ts';
import type { LiveEvents } from '../../src/handoff/live-events.ts';
import { createLogger } from '../../src/logger.ts';
import { openSse } from './sse-client.ts';
import { cookieFrom, PASSWORD } from './staff-session.ts';

describe('GET /api/staff/events', () => {
  let app: FastifyInstance;
  let services: Services;
  let url: string;
  let listeners = 0;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_KEY: randomBytes(32).toString('base64') });
    services = await buildServices(
      config,
      createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() })),
    );
    const real = services.staffConsole.api.events;
    const counted: LiveEvents = {
      ...real,
      subscribe(listener) {
        listeners++;
        const off = real.subscribe(listener);
        return () => {
          listeners--;
          off();
        };
      },
    };
    Object.assign(services.staffConsole.api, { events: counted, pingEveryMs: 50 });
    app = await buildApp(services);
    await services.staffConsole.staff.putAccount({
      username: 'ana',
      role: 'agent',
      passwordHash: await hashPassword(PASSWORD),
      createdAt: 0,
    });
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await app.close();
    await services.stop();
  });

  const loginCookie = async () =>
    cookieFrom(
      await app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { username: 'ana', password: PASSWORD },
      }),
    );

  it('sends pings with the security headers, and unsubscribes when the console goes away', async () => {
    const cookie = await loginCookie();
    const sse = await openSse(`${url}/api/staff/events`, { cookie });
    expect(sse.headers.get('x-frame-options')).toBe('DENY');
    expect(sse.headers.get('cache-control')).toBe('no-store');
    await new Promise((r) => setTimeout(r, 180));
    expect(sse.comments.filter((c) => c === 'ping').length).toBeGreaterThanOrEqual(2);
    expect(listeners).toBe(1);
    sse.close();
    await new Promise((r) => setTimeout(r, 100));
    expect(listeners).toBe(0);
  });

  it('ends the stream once the session has ended', async () => {
    const cookie = await loginCookie();
    const sse = await openSse(`${url}/api/staff/events`, { cookie });
    const session = await app.inject({ url: '/api/staff/session', headers: { cookie } });
    await app.inject({
      method: 'DELETE',
      url: '/api/staff/session',
      headers: { cookie, 'x-csrf-token': session.json().csrfToken },
    });
    await new Promise((r) => setTimeout(r, 200));
    expect(listeners).toBe(0);
    sse.close();
  });

  it('answers 401 without a session', async () => {
    const res = await fetch(`${url}/api/staff/events`);
    expect(res.status).toBe(401);
  });
});
