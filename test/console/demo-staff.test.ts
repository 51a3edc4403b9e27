import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createTestApp } from '../helpers/test-app.ts';

describe('the demo supervisor (embedded mode)', () => {
  it('is created at start and its password printed once, not logged', async () => {
    const printed: string[] = [];
    const t = await createTestApp({
      env: { DEMO_STAFF: 'true' },
      overrides: { announce: (text) => printed.push(text) },
    });
    try {
      expect(printed).toHaveLength(1);
      const [, username, password] = /supervisor \(this run only\): (\S+) \/ (\S+)/.exec(printed[0]!) ?? [];
      expect(username).toBe('demo');
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/staff/session',
        payload: { username, password },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json().user).toEqual({ username: 'demo', role: 'supervisor' });
      expect(t.logs.join('')).not.toContain(password!);
    } finally {
      await t.close();
    }
  });

  it('is not created in tests or with Redis unless asked', async () => {
    const printed: string[] = [];
    const t = await createTestApp({ overrides: { announce: (text) => printed.push(text) } });
    try {
      expect(printed).toEqual([]);
      expect(await t.services.staffConsole.staff.listAccounts()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('staff configuration', () => {
  const base = { NODE_ENV: 'test' };
  it.each([
    [{ BUSINESS_HOURS: 'mon-fri 9-18' }, 'BUSINESS_HOURS'],
    [{ HOLIDAYS: '2026-13-01' }, 'HOLIDAYS'],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
  ])('names the bad variable: %j', (env, name) => {
    expect(() => loadConfig({ ...base, ...env })).toThrow(ConfigError);
    try {
      loadConfig({ ...base, ...env });
    } catch (err) {
      expect((err as ConfigError).issues.join('\n')).toContain(name);
    }
  });

  it('refuses a demo account in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production', DEMO_STAFF: 'true' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues.join('\n')).toMatch(/DEMO_STAFF: no demo account in production/);
    }
  });
});
