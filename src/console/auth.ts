import { createHmac, randomBytes } from 'node:crypto';
import type { Clock } from '../engine/clock.ts';
import { safeEqual } from '../privacy/address-crypto.ts';
import { STAFF_TTL } from '../store/ticket-keys.ts';
import { HttpError } from './http-error.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import type { AuditEntry, Role, Session, StaffStore } from './staff-store.ts';

export const SESSION_COOKIE = 'faro_session';

export interface StaffUser {
  username: string;
  role: Role;
  csrfToken: string;
  /** The cookie value, to end this session at logout. */
  sessionId: string;
}

export type Auth = ReturnType<typeof createAuth>;

/**
 * Logins, sessions and their CSRF tokens. The cookie holds a random 256-bit id; the store
 * keeps the session under an HMAC of it, so a copy of Redis holds no usable session.
 * Every login makes a new id (a session id planted before login is never accepted).
 */
export function createAuth({
  staff,
  sessionKey,
  clock,
  limits = STAFF_TTL,
}: {
  staff: StaffStore;
  sessionKey: Buffer;
  clock: Clock;
  limits?: Pick<typeof STAFF_TTL, 'sessionMs' | 'loginWindowMs' | 'maxFailuresPerUser' | 'maxFailuresPerIp'>;
}) {
  const idHash = (id: string) => createHmac('sha256', sessionKey).update(id).digest('base64url');
  const audit = (entry: Omit<AuditEntry, 'at'>) => staff.audit({ ...entry, at: clock.now() });

  async function refuseIfLimited(username: string, ip: string) {
    const [byUser, byIp] = await Promise.all([
      staff.failures(`user:${username}`),
      staff.failures(`ip:${ip}`),
    ]);
    if (byUser >= limits.maxFailuresPerUser || byIp >= limits.maxFailuresPerIp) {
      const retryAfter = String(Math.ceil(limits.loginWindowMs / 1000));
      throw new HttpError(429, 'Too many login attempts; try again later', 'rate_limited', {
        'retry-after': retryAfter,
      });
    }
  }

  return {
    async login({
      username,
      password,
      ip,
      previousId,
    }: {
      username: string;
      password: string;
      ip: string;
      previousId: string | undefined;
    }) {
      await refuseIfLimited(username, ip);
      const account = await staff.getAccount(username);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!account || !ok) {
        await Promise.all([
          staff.countFailure(`user:${username}`, limits.loginWindowMs),
          staff.countFailure(`ip:${ip}`, limits.loginWindowMs),
        ]);
        throw new HttpError(401, 'Wrong username or password');
      }
      await staff.clearFailures(`user:${username}`);
      if (previousId) await staff.deleteSession(idHash(previousId));
      const sessionId = randomBytes(32).toString('base64url');
      const session: Session = {
        username: account.username,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: clock.now(),
      };
      await staff.createSession(idHash(sessionId), session, limits.sessionMs);
      await audit({ actor: account.username, action: 'login', ticketId: null });
      const user: StaffUser = {
        username: account.username,
        role: account.role,
        csrfToken: session.csrfToken,
        sessionId,
      };
      return user;
    },

    /** The signed-in staff member for a cookie value, or null (unknown, expired, account removed). */
    async resolve(sessionId: string | undefined): Promise<StaffUser | null> {
      if (!sessionId || sessionId.length > 100) return null;
      const session = await staff.getSession(idHash(sessionId));
      if (!session) return null;
      const account = await staff.getAccount(session.username);
      if (!account) return null;
      return { username: account.username, role: account.role, csrfToken: session.csrfToken, sessionId };
    },

    async logout(user: StaffUser) {
      await staff.deleteSession(idHash(user.sessionId));
      await audit({ actor: user.username, action: 'logout', ticketId: null });
    },

    csrfOk(user: StaffUser, header: unknown): boolean {
      return typeof header === 'string' && safeEqual(header, user.csrfToken);
    },
    sessionMaxAgeSeconds: Math.floor(limits.sessionMs / 1000),
  };
}
