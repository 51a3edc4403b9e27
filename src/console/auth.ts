import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Clock } from '../engine/clock.ts';
import { safeEqual } from '../privacy/address-crypto.ts';
import { STAFF_TTL } from '../store/ticket-keys.ts';
import { HttpError } from './http-error.ts';
import type { LoginAttemptKeys, LoginPolicy } from './login-limit.ts';
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

/** The audit actor of a failed login for no existing account: what was typed is never kept. */
export const UNKNOWN_ACTOR = '(unknown)';

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
  logger,
}: {
  staff: StaffStore;
  sessionKey: Buffer;
  clock: Clock;
  limits?: Pick<typeof STAFF_TTL, 'sessionMs'> & LoginPolicy;
  logger?: Pick<Logger, 'warn'>;
}) {
  const idHash = (id: string) => createHmac('sha256', sessionKey).update(id).digest('base64url');
  const audit = (entry: Omit<AuditEntry, 'at'>) => staff.audit({ ...entry, at: clock.now() });
  // The pair's key is a digest: usernames tried at login are anyone's text, of any shape.
  const attemptKeys = (username: string, ip: string): LoginAttemptKeys => ({
    pair: `pair:${createHmac('sha256', sessionKey).update(`${username}\n${ip}`).digest('base64url').slice(0, 22)}`,
    address: `ip:${ip}`,
  });

  /**
   * Takes the attempt before the password is checked (F1: counting after the ~30 ms check let
   * parallel logins all pass), and refuses it when the account is locked for this address or
   * the address has tried too often.
   */
  async function takeAttempt(username: string, ip: string, keys: LoginAttemptKeys) {
    const attempt = await staff.takeLoginAttempt(keys, clock.now(), limits);
    if (attempt.allowed) return;
    if (attempt.firstRefusal) {
      const known = await staff.getAccount(username);
      logger?.warn({ event: 'staff_login_refused', staff: known ? username : null, client: ip });
      await audit({ actor: known ? username : UNKNOWN_ACTOR, action: 'login_refused', ticketId: null });
    }
    const retryAfter = String(Math.max(1, Math.ceil(attempt.retryAfterMs / 1000)));
    throw new HttpError(429, 'Too many login attempts; try again later', 'rate_limited', {
      'retry-after': retryAfter,
    });
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
      const keys = attemptKeys(username, ip);
      await takeAttempt(username, ip, keys);
      const account = await staff.getAccount(username);
      const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!account || !ok) {
        logger?.warn({ event: 'staff_login_failed', staff: account ? username : null, client: ip });
        await audit({ actor: account ? username : UNKNOWN_ACTOR, action: 'login_failed', ticketId: null });
        throw new HttpError(401, 'Wrong username or password');
      }
      await staff.loginSucceeded(keys);
      if (previousId) await staff.deleteSession(idHash(previousId));
      const sessionId = randomBytes(32).toString('base64url');
      const session: Session = {
        username: account.username,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: clock.now(),
        accountVersion: account.sessionVersion,
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

    /**
     * The signed-in staff member for a cookie value, or null: unknown, expired, or the account
     * was removed or rewritten since (password, role, re-added, logged out everywhere).
     */
    async resolve(sessionId: string | undefined): Promise<StaffUser | null> {
      if (!sessionId || sessionId.length > 100) return null;
      const session = await staff.getSession(idHash(sessionId));
      if (!session) return null;
      const account = await staff.getAccount(session.username);
      if (!account || (account.sessionVersion ?? '') !== (session.accountVersion ?? '')) {
        await staff.deleteSession(idHash(sessionId));
        return null;
      }
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
