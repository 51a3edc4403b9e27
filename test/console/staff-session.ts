import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/console/passwords.ts';
import type { Role } from '../../src/console/staff-store.ts';
import type { TestApp } from '../helpers/test-app.ts';

export const PASSWORD = 'correct horse battery';

export interface StaffSession {
  username: string;
  cookie: string;
  csrf: string;
}

/** One argon2 hash for every test account: hashing is slow on purpose. */
let passwordHash: Promise<string> | null = null;

export async function addStaff(t: TestApp, username: string, role: Role) {
  passwordHash ??= hashPassword(PASSWORD);
  await t.services.staffConsole.staff.putAccount({
    username,
    role,
    passwordHash: await passwordHash,
    createdAt: 0,
  });
}

export function cookieFrom(res: LightMyRequestResponse): string {
  const set = res.cookies.find((c) => c.name === 'faro_session');
  if (!set) throw new Error(`no session cookie (status ${res.statusCode})`);
  return `faro_session=${set.value}`;
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<StaffSession> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/staff/session',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  return { username, cookie: cookieFrom(res), csrf: res.json().csrfToken };
}

/** A staff API call with the session cookie and its CSRF token. */
export function api(
  t: TestApp,
  s: StaffSession,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  payload?: unknown,
) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
