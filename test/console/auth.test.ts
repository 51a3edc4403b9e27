import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/engine/clock.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { addStaff, api, cookieFrom, login, PASSWORD } from './staff-session.ts';

const loginAs = (t: TestApp, username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password }, headers });

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

  it('locks a username after 5 failed logins in 15 minutes (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await loginAs(t, 'ana', `wrong-${i}-password`)).statusCode).toBe(401);
    const locked = await loginAs(t, 'ana', PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBe('900');
    expect(locked.json().reason).toBe('rate_limited');
    // Another account from the same address is not locked with it (the per-address limit is higher).
    expect((await loginAs(t, 'sofia', PASSWORD)).statusCode).toBe(200);
  });

  it('limits failed logins per address too, across usernames', async () => {
    for (let i = 0; i < 20; i++) await loginAs(t, `guess${i}`, 'not-a-password');
    expect((await loginAs(t, 'sofia', PASSWORD)).statusCode).toBe(429);
  });

  it('ends the sessions of a removed account', async () => {
    const s = await login(t, 'ana');
    await t.services.staffConsole.staff.removeAccount('ana');
    expect((await api(t, s, 'GET', '/api/staff/session')).statusCode).toBe(401);
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
