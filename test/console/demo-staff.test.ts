import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createMemoryStaffStore } from '../../src/console/memory-staff-store.ts';
import { hashPassword } from '../../src/console/passwords.ts';
import { createRedisStaffStore } from '../../src/console/redis-staff-store.ts';
import { runStaffCli } from '../../src/console/staff-cli.ts';
import { systemClock } from '../../src/engine/clock.ts';
import { redisContents } from '../helpers/redis-contents.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { testRedis } from '../helpers/test-redis.ts';

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

describe('the demo supervisor with Redis (F10)', () => {
  const credentialsFrom = (printed: string[]) => {
    const [, username, password] = /supervisor \(this run only\): (\S+) \/ (\S+)/.exec(printed[0]!) ?? [];
    return { username: username!, password: password! };
  };
  const loginTo = (t: TestApp, c: { username: string; password: string }) =>
    t.app.inject({ method: 'POST', url: '/api/staff/session', payload: c });

  it('lives only in the process that made it: a production instance on the same Redis refuses it', async () => {
    const printed: string[] = [];
    // One deployment's two instances: the same DATA_KEY (another key would not start, issue 15).
    const DATA_KEY = randomBytes(32).toString('base64');
    const dev = await createTestApp({
      store: 'redis',
      env: { DEMO_STAFF: 'true', DATA_KEY },
      overrides: { announce: (text) => printed.push(text) },
    });
    let prod: TestApp | null = null;
    try {
      const demo = credentialsFrom(printed);
      expect((await loginTo(dev, demo)).statusCode).toBe(200);
      prod = await createTestApp({
        store: 'redis',
        prefix: dev.prefix,
        env: { NODE_ENV: 'production', DATA_KEY },
      });
      expect((await loginTo(prod, demo)).statusCode).toBe(401);
      const inRedis = await redisContents(dev.prefix);
      expect(
        inRedis
          .filter((e) => e.key.endsWith('staff:accounts'))
          .map((e) => e.value)
          .join(''),
      ).not.toContain('"demo"');
    } finally {
      await prod?.close();
      await dev.close();
    }
  });

  it('is refused in production even if an older version left one in Redis', async () => {
    const prod = await createTestApp({ store: 'redis', env: { NODE_ENV: 'production' } });
    const redis = testRedis();
    try {
      const old = createRedisStaffStore({
        redis,
        prefix: prod.prefix,
        clock: systemClock,
        auditRetentionMs: 1e9,
      });
      await old.putAccount({
        username: 'demo',
        role: 'supervisor',
        passwordHash: await hashPassword('left over by an older version'),
        createdAt: 0,
      });
      const res = await loginTo(prod, { username: 'demo', password: 'left over by an older version' });
      expect(res.statusCode).toBe(401);
    } finally {
      await redis.quit();
      await prod.close();
    }
  });

  it('is a name `npm run staff` will not give anyone', async () => {
    const staff = createMemoryStaffStore({ clock: systemClock, auditRetentionMs: 1e9 });
    const err: string[] = [];
    const code = await runStaffCli({
      argv: ['add', 'demo', '--role', 'supervisor'],
      staff,
      clock: systemClock,
      io: {
        readPassword: async () => 'a long enough password',
        out: () => undefined,
        err: (t) => err.push(t),
      },
    });
    expect(code).toBe(2);
    expect(err.join('')).toMatch(/demo/);
    expect(await staff.getAccount('demo')).toBeNull();
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
