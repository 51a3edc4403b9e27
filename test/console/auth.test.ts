import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/console/passwords.ts';
import { runStaffCli } from '../../src/console/staff-cli.ts';
import { createManualClock } from '../../src/engine/clock.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { addStaff, api, cookieFrom, login, PASSWORD } from './staff-session.ts';

const loginAs = (
  t: TestApp,
  username: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) =>
  t.app.inject({
    method: 'POST',
    url: '/api/staff/session',
    payload: { username, password },
    headers,
    remoteAddress,
  });

const STRANGER = '203.0.113.9';
const COLLEAGUE = '198.51.100.4';

describe.each(['memory', 'redis'] as const)('staff sessions (%s store)', (store) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ store });
    await addStaff(t, 'ana', 'agent');
    await addStaff(t, 'sofia', 'supervisor');
  });
  afterEach(() => t.close());

  it('logs in with an httpOnly, SameSite=Strict, Secure cookie and returns the CSRF token', async () => {
    const res = await loginAs(t, 'Ana', PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ user: { username: 'ana', role: 'agent' }, csrfToken: expect.any(String) });
    const cookie = res.cookies.find((c) => c.name === 'faro_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    expect(cookie.maxAge).toBe(12 * 3600);
    const again = await t.app.inject({ url: '/api/staff/session', headers: { cookie: cookieFrom(res) } });
    expect(again.json()).toEqual(res.json());
  });

  it('answers 401 to a wrong password or an unknown user, with the same message', async () => {
    const wrong = await loginAs(t, 'ana', 'not the password');
    const unknown = await loginAs(t, 'nobody', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect(wrong.cookies).toEqual([]);
  });

  it('takes JSON only at login (a cross-site form cannot log anyone in)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `username=ana&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(res.statusCode).toBe(415);
  });

  it('names the bad fields of a login', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/staff/session',
      payload: { username: 'ana' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: 'invalid fields: password',
    });
  });

  it('logs out: the session ends and the cookie is cleared', async () => {
    const s = await login(t, 'ana');
    const res = await api(t, s, 'DELETE', '/api/staff/session');
    expect(res.statusCode).toBe(204);
    expect(res.cookies.find((c) => c.name === 'faro_session')?.value).toBe('');
    expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(401);
  });

  it('never accepts a session id planted before login (fixation)', async () => {
    const planted = 'faro_session=attacker-chosen-value-1234567890';
    expect((await t.app.inject({ url: '/api/staff/session', headers: { cookie: planted } })).statusCode).toBe(
      401,
    );
    const res = await loginAs(t, 'ana', PASSWORD, { cookie: planted });
    expect(res.statusCode).toBe(200);
    expect(cookieFrom(res)).not.toBe(planted);
    expect((await t.app.inject({ url: '/api/staff/session', headers: { cookie: planted } })).statusCode).toBe(
      401,
    );
  });

  it('rotates the session id at every login and ends the one the browser had', async () => {
    const first = await login(t, 'ana');
    const res = await loginAs(t, 'ana', PASSWORD, { cookie: first.cookie });
    const second = cookieFrom(res);
    expect(second).not.toBe(first.cookie);
    expect(
      (await t.app.inject({ url: '/api/staff/session', headers: { cookie: first.cookie } })).statusCode,
    ).toBe(401);
    expect((await t.app.inject({ url: '/api/staff/session', headers: { cookie: second } })).statusCode).toBe(
      200,
    );
  });

  it('refuses state changes without the CSRF token, or with a wrong one (403)', async () => {
    const s = await login(t, 'ana');
    const missing = await t.app.inject({
      method: 'DELETE',
      url: '/api/staff/session',
      headers: { cookie: s.cookie },
    });
    const wrong = await api(t, { ...s, csrf: 'x'.repeat(43) }, 'DELETE', '/api/staff/session');
    const otherSession = await login(t, 'sofia');
    const foreign = await api(t, { ...s, csrf: otherSession.csrf }, 'POST', '/api/staff/tickets/x/claim');
    for (const res of [missing, wrong, foreign]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().message).toMatch(/CSRF/);
    }
    expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(200);
  });

  it('checks at most 5 passwords of 31 logins for one account sent at once (the right one among them)', async () => {
    const passwords = Array.from({ length: 31 }, (_, i) => (i === 15 ? PASSWORD : `wrong-${i}-password`));
    const answers = await Promise.all(passwords.map((p) => loginAs(t, 'ana', p)));
    const checked = answers.filter((r) => r.statusCode !== 429);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(26);
  });

  it('checks at most 20 passwords of 60 logins for different accounts sent at once from one address', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => loginAs(t, `guess${i}`, 'not-a-password')),
    );
    expect(answers.filter((r) => r.statusCode === 401).length).toBeLessThanOrEqual(20);
    expect(answers.filter((r) => r.statusCode === 429).length).toBeGreaterThanOrEqual(40);
  });

  it('locks an account from an address after 5 failed logins (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await loginAs(t, 'ana', `wrong-${i}-password`, {}, STRANGER)).statusCode).toBe(401);
    const locked = await loginAs(t, 'ana', PASSWORD, {}, STRANGER);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('60');
    expect(locked.json().reason).toBe('rate_limited');
    // Another account from the same address is not locked with it (the per-address limit is higher).
    expect((await loginAs(t, 'sofia', PASSWORD, {}, STRANGER)).statusCode).toBe(200);
  });

  it("does not let a stranger's wrong passwords lock a colleague out from her own address", async () => {
    for (let i = 0; i < 8; i++) await loginAs(t, 'ana', `wrong-${i}-password`, {}, STRANGER);
    expect((await loginAs(t, 'ana', PASSWORD, {}, STRANGER)).statusCode).toBe(429);
    expect((await loginAs(t, 'ana', PASSWORD, {}, COLLEAGUE)).statusCode).toBe(200);
  });

  it('limits failed logins per address too, across usernames', async () => {
    for (let i = 0; i < 20; i++) await loginAs(t, `guess${i}`, 'not-a-password');
    expect((await loginAs(t, 'sofia', PASSWORD)).statusCode).toBe(429);
    expect((await loginAs(t, 'sofia', PASSWORD, {}, COLLEAGUE)).statusCode).toBe(200);
  });

  it('audits failed and refused logins, naming only real accounts, never the password', async () => {
    await loginAs(t, 'nobody', 'typed-the-password-as-name');
    await loginAs(t, 'typed-the-password-as-name', 'x');
    for (let i = 0; i < 5; i++) await loginAs(t, 'ana', `wrong-${i}-password`, {}, STRANGER);
    for (let i = 0; i < 3; i++) await loginAs(t, 'ana', PASSWORD, {}, STRANGER);
    const entries = await t.services.staffConsole.staff.listAudit(50);
    expect(entries.map((e) => [e.actor, e.action]).reverse()).toEqual([
      ['(unknown)', 'login_failed'],
      ['(unknown)', 'login_failed'],
      ...Array.from({ length: 5 }, () => ['ana', 'login_failed']),
      // Refusals are cheap to send: one entry per lock, so a flood cannot push the log out.
      ['ana', 'login_refused'],
    ]);
    const written = JSON.stringify(entries) + t.logs.join('');
    for (const secret of ['typed-the-password-as-name', 'wrong-0-password', PASSWORD])
      expect(written).not.toContain(secret);
    expect(t.logs.join('')).toContain('"event":"staff_login_failed"');
    expect(t.logs.join('')).toContain('"event":"staff_login_refused"');
  });

  it('ends the sessions of a removed account', async () => {
    const s = await login(t, 'ana');
    await t.services.staffConsole.staff.removeAccount('ana');
    expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(401);
  });

  const stillIn = async (s: { cookie: string; csrf: string; username: string }) =>
    (await api(t, s, 'GET', '/api/staff/session')).statusCode === 200;
  const putAccount = async (username: string, role: 'agent' | 'supervisor', password = PASSWORD) =>
    t.services.staffConsole.staff.putAccount({
      username,
      role,
      passwordHash: await hashPassword(password),
      createdAt: 0,
    });

  it('ends every session of an account when its password changes', async () => {
    const [a, b] = [await login(t, 'ana'), await login(t, 'ana')];
    await putAccount('ana', 'agent', 'a new long password');
    expect([await stillIn(a), await stillIn(b)]).toEqual([false, false]);
    expect((await login(t, 'ana', 'a new long password')).username).toBe('ana');
    expect(await stillIn(await login(t, 'sofia'))).toBe(true);
  });

  it('ends every session of an account when its role changes', async () => {
    const s = await login(t, 'ana');
    await putAccount('ana', 'supervisor');
    expect(await stillIn(s)).toBe(false);
  });

  it('does not revive the sessions of a removed account when the name is added again', async () => {
    const s = await login(t, 'ana');
    await t.services.staffConsole.staff.removeAccount('ana');
    await putAccount('ana', 'supervisor');
    const res = await api(t, s, 'GET', '/api/staff/session');
    expect(res.statusCode).toBe(401);
  });

  it('ends every session of an account with `npm run staff -- logout NAME`', async () => {
    const [a, b] = [await login(t, 'ana'), await login(t, 'ana')];
    const sofia = await login(t, 'sofia');
    const out: string[] = [];
    const code = await runStaffCli({
      argv: ['logout', 'ana'],
      staff: t.services.staffConsole.staff,
      clock: t.services.clock,
      io: { readPassword: async () => '', out: (x) => out.push(x), err: (x) => out.push(x) },
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/Ended every session of ana/);
    expect([await stillIn(a), await stillIn(b), await stillIn(sofia)]).toEqual([false, false, true]);
    expect(await stillIn(await login(t, 'ana'))).toBe(true);
  });

  it('writes login and logout to the audit log', async () => {
    const s = await login(t, 'ana');
    await api(t, s, 'DELETE', '/api/staff/session');
    const entries = await t.services.staffConsole.staff.listAudit(10);
    expect(entries.map((e) => [e.actor, e.action])).toEqual([
      ['ana', 'logout'],
      ['ana', 'login'],
    ]);
  });
});

describe('session lifetime', () => {
  it('ends a session after 12 hours', async () => {
    const clock = createManualClock();
    const t = await createTestApp({ overrides: { clock } });
    try {
      await addStaff(t, 'ana', 'agent');
      const s = await login(t, 'ana');
      clock.advance(12 * 3600 * 1000 - 1000);
      expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(200);
      clock.advance(2000);
      expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('cookie over plain http', () => {
  it('is not marked Secure when PUBLIC_BASE_URL is http (local trial)', async () => {
    const t = await createTestApp({ env: { PUBLIC_BASE_URL: 'http://localhost:3000' } });
    try {
      await addStaff(t, 'ana', 'agent');
      const res = await loginAs(t, 'ana', PASSWORD);
      expect(res.cookies.find((c) => c.name === 'faro_session')?.secure).toBeFalsy();
    } finally {
      await t.close();
    }
  });
});

describe.each(['memory', 'redis'] as const)('login backoff (%s store)', (store) => {
  it('locks an address out of an account for longer after each further failure, and forgets it after a success', async () => {
    const clock = createManualClock();
    const t = await createTestApp({ store, overrides: { clock } });
    try {
      await addStaff(t, 'ana', 'agent');
      const attempt = (password: string) => loginAs(t, 'ana', password, {}, STRANGER);
      for (let i = 0; i < 5; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
      for (const seconds of [60, 120, 240, 480, 900, 900]) {
        const locked = await attempt('wrong-password');
        expect(locked.statusCode).toBe(429);
        expect(locked.headers['retry-after']).toBe(String(seconds));
        clock.advance(seconds * 1000);
        expect((await attempt('wrong-password')).statusCode).toBe(401);
      }
      clock.advance(900_000);
      expect((await attempt(PASSWORD)).statusCode).toBe(200);
      for (let i = 0; i < 4; i++) expect((await attempt('wrong-password')).statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe.each([
  ['a hop count', '1'],
  ['the address of the proxy', '127.0.0.1'],
])('behind a reverse proxy, TRUST_PROXY as %s (F6)', (_, trustProxy) => {
  it('limits logins by the address the proxy saw, whatever the client put in X-Forwarded-For', async () => {
    const t = await createTestApp({ env: { TRUST_PROXY: trustProxy } });
    try {
      await addStaff(t, 'ana', 'agent');
      // The proxy (127.0.0.1, the socket's peer) appends the address it saw to what the client sent.
      const via = (spoofed: string, real: string) => ({ 'x-forwarded-for': `${spoofed}, ${real}` });
      for (let i = 0; i < 5; i++) {
        const res = await loginAs(t, 'ana', 'wrong-password', via(`10.9.${i}.1`, STRANGER));
        expect(res.statusCode).toBe(401);
      }
      expect((await loginAs(t, 'ana', PASSWORD, via('10.9.99.1', STRANGER))).statusCode).toBe(429);
      expect((await loginAs(t, 'ana', PASSWORD, { 'x-forwarded-for': COLLEAGUE })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});
