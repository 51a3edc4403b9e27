import { randomBytes } from 'node:crypto';
import type { Clock } from '../engine/clock.ts';
import { hashPassword } from './passwords.ts';
import type { StaffStore } from './staff-store.ts';

export const DEMO_USERNAME = 'demo';

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
