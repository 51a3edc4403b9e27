import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { buildServices, type Services } from '../../src/build-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';

/** Every route the app registers under /api/staff, as fastify's onRoute hook saw them. */
describe('every /api/staff route', () => {
  const routes: Array<{ method: string; url: string }> = [];
  let app: FastifyInstance;
  let services: Services;

  beforeAll(async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATA_KEY: randomBytes(32).toString('base64') });
    const logger = createLogger('silent', new Writable({ write: (_c, _e, cb) => cb() }));
    services = await buildServices(config, logger);
    app = await buildApp(services, {
      onRoute: (route: RouteOptions) => {
        const methods = ([] as HTTPMethods[]).concat(route.method);
        for (const method of methods)
          if (route.url.startsWith('/api/staff')) routes.push({ method, url: route.url });
      },
    });
  });
  afterAll(async () => {
    await app.close();
    await services.stop();
  });

  it('finds the routes of docs/staff-api.md', () => {
    const names = routes.map((r) => `${r.method} ${r.url}`);
    for (const expected of [
      'POST /api/staff/session',
      'GET /api/staff/session',
      'DELETE /api/staff/session',
      'GET /api/staff/tickets',
      'GET /api/staff/tickets/:id',
      'POST /api/staff/tickets/:id/claim',
      'POST /api/staff/tickets/:id/messages',
      'POST /api/staff/tickets/:id/notes',
      'PUT /api/staff/tickets/:id/labels',
      'POST /api/staff/tickets/:id/transfer',
      'POST /api/staff/tickets/:id/close',
      'POST /api/staff/tickets/:id/reveal',
      'GET /api/staff/staff',
      'GET /api/staff/audit',
      'GET /api/staff/events',
      'POST /api/staff/tickets/:id/case-code',
      'DELETE /api/staff/tickets/:id/case-code',
      'GET /api/staff/tickets/:id/history',
      'POST /api/staff/tickets/:id/reopen',
      'POST /api/staff/tickets/:id/follow-up',
      'GET /api/staff/tickets/:id/referrals',
      'POST /api/staff/tickets/:id/referrals',
      'PUT /api/staff/tickets/:id/referrals/:rid',
      'POST /api/staff/tickets/:id/referrals/:rid/consent',
      'POST /api/staff/tickets/:id/referrals/:rid/push',
      'GET /api/staff/referrals.csv',
      'GET /api/staff/search',
      'GET /api/staff/canned',
      'PUT /api/staff/canned/:lang',
      'GET /api/staff/availability',
      'PUT /api/staff/availability',
      'PUT /api/staff/auto-assign',
      'GET /api/staff/services',
      'GET /api/staff/stats',
      'GET /api/staff/stats/export',
      'GET /api/staff/content/due',
    ])
      expect(names).toContain(expected);
  });

  it('answers 401 without a session, except logging in', async () => {
    const guarded = routes.filter((r) => !(r.method === 'POST' && r.url === '/api/staff/session'));
    expect(guarded.length).toBeGreaterThanOrEqual(36);
    for (const r of guarded) {
      const url = r.url.replace(':id', 'some-ticket');
      const withBody = ['POST', 'PUT', 'DELETE'].includes(r.method);
      const res = await app.inject({
        method: r.method as HTTPMethods,
        url,
        ...(withBody ? { payload: { text: 'x', labels: [], to: null, outcome: 'other' } } : {}),
      });
      expect({ route: `${r.method} ${r.url}`, status: res.statusCode }).toEqual({
        route: `${r.method} ${r.url}`,
        status: 401,
      });
      if (r.method !== 'HEAD') expect(res.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    }
  });
});
