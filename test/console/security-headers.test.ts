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

  it('leave Twilio webhooks alone', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['content-security-policy']).toBeUndefined();
  });
});
