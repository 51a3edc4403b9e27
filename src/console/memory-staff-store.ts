import type { Clock } from '../engine/clock.ts';
import { STAFF_TTL } from '../store/ticket-keys.ts';
import { createMemoryLoginLimits } from './login-limit.ts';
import {
  type AuditEntry,
  newSessionVersion,
  type Session,
  type StaffAccount,
  type StaffStore,
} from './staff-store.ts';

/** Staff data in this process (embedded mode): lost on restart, like every conversation. */
export function createMemoryStaffStore({
  clock,
  auditRetentionMs,
  onAccountChanged,
}: {
  clock: Clock;
  auditRetentionMs: number;
  /** Told after an account is written or removed (open live streams re-check their session). */
  onAccountChanged?: (username: string) => Promise<void>;
}): StaffStore {
  const changed = (username: string) => onAccountChanged?.(username).catch(() => undefined);
  const accounts = new Map<string, StaffAccount>();
  const sessions = new Map<string, { session: Session; until: number }>();
  const logins = createMemoryLoginLimits();
  let audit: AuditEntry[] = [];
  const live = <T extends { until: number }>(v: T | undefined) =>
    v && v.until > clock.now() ? v : undefined;

  return {
    async getAccount(username) {
      const a = accounts.get(username);
      return a ? { ...a } : null;
    },
    async putAccount(account) {
      accounts.set(account.username, { ...account, sessionVersion: newSessionVersion() });
      await changed(account.username);
    },
    async removeAccount(username) {
      const removed = accounts.delete(username);
      if (removed) await changed(username);
      return removed;
    },
    async endSessions(username) {
      const a = accounts.get(username);
      if (!a) return false;
      a.sessionVersion = newSessionVersion();
      await changed(username);
      return true;
    },
    async listAccounts() {
      return [...accounts.values()]
        .map((a) => ({ ...a }))
        .sort((a, b) => a.username.localeCompare(b.username));
    },
    async createSession(idHash, session, ttlMs) {
      sessions.set(idHash, { session: { ...session }, until: clock.now() + ttlMs });
    },
    async getSession(idHash) {
      const hit = live(sessions.get(idHash));
      if (!hit) sessions.delete(idHash);
      return hit ? { ...hit.session } : null;
    },
    async deleteSession(idHash) {
      sessions.delete(idHash);
    },
    async takeLoginAttempt(keys, now, policy) {
      return logins.take(keys, now, policy);
    },
    async loginSucceeded(keys) {
      logins.succeeded(keys);
    },
    async audit(entry) {
      const oldest = clock.now() - auditRetentionMs;
      audit = [{ ...entry }, ...audit.filter((e) => e.at >= oldest)].slice(0, STAFF_TTL.auditMax);
    },
    async listAudit(limit) {
      const oldest = clock.now() - auditRetentionMs;
      return audit
        .filter((e) => e.at >= oldest)
        .slice(0, limit)
        .map((e) => ({ ...e }));
    },
    async close() {},
  };
}
