import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

describe('libraries served by Faro', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves Chart.js from node_modules, under the console CSP, with no session', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/vendor/chart.umd.min.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.body).toMatch(/Chart\.js v4\.6\.1/);
  });

  it('serves the dashboard page, which loads only files from Faro', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/console/dashboard' });
    expect(res.statusCode).toBe(200);
    const sources = [...res.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(sources.filter((s) => !s.startsWith('/') && !s.startsWith('#'))).toEqual([]);
    expect(res.body).toContain('/console/vendor/chart.umd.min.js');
  });
});
