import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createMemoryStaffStore } from '../../src/console/memory-staff-store.ts';
import { verifyPassword } from '../../src/console/passwords.ts';
import { runStaffCli } from '../../src/console/staff-cli.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { runStaffCommand } from '../helpers/staff-command.ts';
import { deleteKeys, REDIS_URL } from '../helpers/test-app.ts';

function cli(password = 'a long enough password') {
  const clock = createManualClock();
  const staff = createMemoryStaffStore({ clock, auditRetentionMs: 1e9 });
  const out: string[] = [];
  const err: string[] = [];
  const run = (...argv: string[]) =>
    runStaffCli({
      argv,
      staff,
      clock,
      io: { readPassword: async () => password, out: (t) => out.push(t), err: (t) => err.push(t) },
    });
  return { staff, out, err, run };
}

describe('npm run staff', () => {
  it('adds an agent with an argon2id hash, lists and removes', async () => {
    const c = cli();
    expect(await c.run('add', 'Ana', '--role', 'agent')).toBe(0);
    const account = await c.staff.getAccount('ana');
    expect(account?.role).toBe('agent');
    expect(account?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(account!.passwordHash, 'a long enough password')).toBe(true);
    expect(await c.run('list')).toBe(0);
    expect(c.out.join('')).toMatch(/ana\s+agent/);
    expect(c.out.join('')).not.toContain('long enough');
    expect(await c.run('remove', 'ana')).toBe(0);
    expect(await c.staff.getAccount('ana')).toBeNull();
    expect(await c.run('remove', 'ana')).toBe(1);
  });

  it('logs a staff member out everywhere, and says so when there is no such account', async () => {
    const c = cli();
    await c.run('add', 'ana', '--role', 'agent');
    const before = await c.staff.getAccount('ana');
    expect(await c.run('logout', 'ana')).toBe(0);
    const after = await c.staff.getAccount('ana');
    expect(after).toMatchObject({ username: 'ana', role: 'agent', passwordHash: before?.passwordHash });
    expect(after?.sessionVersion).not.toBe(before?.sessionVersion);
    expect(await c.run('logout', 'nobody')).toBe(1);
    expect(c.err.join('')).toMatch(/No staff member called nobody/);
  });

  it.each([
    [['add', 'ana'], 2, /--role/],
    [['add', 'ana', '--role', 'admin'], 2, /--role/],
    [['add', '-x', '--role', 'agent'], 2, /Unknown option|NAME/],
    [['delete', 'ana'], 2, /Unknown command/],
    [['add', 'a b', '--role', 'agent'], 2, /NAME/],
  ])('refuses %j', async (argv, code, message) => {
    const c = cli();
    expect(await c.run(...(argv as string[]))).toBe(code);
    expect(c.err.join('')).toMatch(message);
  });

  it('refuses a password shorter than 10 characters', async () => {
    const c = cli('short');
    expect(await c.run('add', 'ana', '--role', 'supervisor')).toBe(1);
    expect(c.err.join('')).toMatch(/at least 10/);
    expect(await c.staff.getAccount('ana')).toBeNull();
  });
});

describe('npm run staff (process)', () => {
  it('manages accounts in Redis, reading the password from stdin', async () => {
    const prefix = `faro-test-${randomBytes(4).toString('hex')}:`;
    const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix };
    try {
      const add = await runStaffCommand(
        ['add', 'beto', '--role', 'supervisor'],
        env,
        'una clave muy larga\n',
      );
      expect(add).toMatchObject({ code: 0, out: 'Added beto (supervisor).\n' });
      const list = await runStaffCommand(['list'], env);
      expect(list.out).toMatch(/beto\s+supervisor/);
      expect((await runStaffCommand(['remove', 'beto'], env)).code).toBe(0);
      expect((await runStaffCommand(['list'], env)).out).toBe('No staff accounts yet.\n');
    } finally {
      await deleteKeys(prefix);
    }
  });

  it('explains that in embedded mode accounts live only in the running process', async () => {
    const res = await runStaffCommand(['list'], {});
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/No REDIS_URL/);
  });
});
