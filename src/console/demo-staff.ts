import { randomBytes } from 'node:crypto';
import type { Clock } from '../engine/clock.ts';
import { hashPassword } from './passwords.ts';
import { newSessionVersion, type StaffAccount, type StaffStore } from './staff-store.ts';

export const DEMO_USERNAME = 'demo';

/**
 * The demo account lives only in this process, in front of a shared store (Redis): it is
 * never written there, and one found there (left by an older version) is ignored, so no other
 * instance on the same Redis, a production one least of all, accepts it. Its sessions may be
 * stored in Redis; only this process knows the account they belong to.
 */
export function withDemoInMemory(staff: StaffStore): StaffStore {
  let demo: StaffAccount | null = null;
  const isDemo = (username: string) => username === DEMO_USERNAME;
  return {
    ...staff,
    async getAccount(username) {
      if (isDemo(username)) return demo ? { ...demo } : null;
      return staff.getAccount(username);
    },
    async putAccount(account) {
      if (!isDemo(account.username)) return staff.putAccount(account);
      demo = { ...account, sessionVersion: newSessionVersion() };
    },
    async removeAccount(username) {
      if (!isDemo(username)) return staff.removeAccount(username);
      const had = demo !== null;
      demo = null;
      return had;
    },
    async endSessions(username) {
      if (!isDemo(username)) return staff.endSessions(username);
      if (demo) demo = { ...demo, sessionVersion: newSessionVersion() };
      return demo !== null;
    },
    async listAccounts() {
      const shared = (await staff.listAccounts()).filter((a) => !isDemo(a.username));
      return (demo ? [...shared, { ...demo }] : shared).sort((a, b) => a.username.localeCompare(b.username));
    },
  };
}

/**
 * Embedded mode: a supervisor with a random password, so that a newcomer can open the console
 * at once. The password is returned to be shown once; only its hash is kept.
 */
export async function createDemoSupervisor(staff: StaffStore, clock: Clock) {
  const password = randomBytes(12).toString('base64url');
  await staff.putAccount({
    username: DEMO_USERNAME,
    role: 'supervisor',
    passwordHash: await hashPassword(password),
    createdAt: clock.now(),
  });
  return { username: DEMO_USERNAME, password };
}

export function demoCredentialsText(
  { username, password }: { username: string; password: string },
  url: string,
) {
  return [
    '',
    `  Staff console: ${url}/console`,
    `  Demo supervisor (this run only): ${username} / ${password}`,
    '',
    '',
  ].join('\n');
}
