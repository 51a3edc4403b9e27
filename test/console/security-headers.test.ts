import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { addStaff, api, login } from './staff-session.ts';

describe('security headers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await addStaff(t, 'ana', 'agent');
  });
  afterAll(() => t.close());

  const expectHardened = (headers: Record<string, unknown>) => {
    expect(headers['content-security-policy']).toMatch(/^default-src 'self'/);
    expect(headers['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  };

  it('are on API answers, refusals included, and the API is never cached', async () => {
    const s = await login(t, 'ana');
    for (const res of [
      await api(t, s, 'GET', '/api/staff/tickets'),
      await t.app.inject({ url: '/api/staff/tickets' }),
      await api(t, s, 'GET', '/api/staff/tickets/nope'),
    ]) {
      expectHardened(res.headers);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('are on console pages and files, and on a 404 under /console', async () => {
    for (const url of ['/console', '/console/api.js', '/console/nothing-here.js', '/console/locales/es.json'])
      expectHardened((await t.app.inject({ url })).headers);
  });

  it('are on every answer, whatever the path: percent-encoded console and API paths too', async () => {
    for (const url of [
      '/%63onsole',
      '/%63onsole/api.js',
      '/con%73ole/locales/es.json',
      '/api/%73taff/tickets',
    ]) {
      const res = await t.app.inject({ url });
      expectHardened(res.headers);
    }
    const api = await t.app.inject({ url: '/api/%73taff/tickets' });
    expect(api.statusCode).toBe(401);
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('are on webhooks, health and 404s outside the console', async () => {
    for (const res of [
      await t.app.inject({ url: '/healthz' }),
      await t.app.inject({ url: '/nothing-here' }),
      await t.app.inject({ method: 'POST', url: '/webhooks/twilio/messages', payload: {} }),
    ]) {
      expectHardened(res.headers);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it.each(['/%', '/console/%E0%A4%A', '/api/staff/tickets/%ZZ'])(
    'answer a malformed URL (%s) with the one error shape, without echoing it',
    async (url) => {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Malformed URL',
        reqId: expect.any(String),
      });
      expect(res.body).not.toContain('%');
      expectHardened(res.headers);
    },
  );
});
