import { randomBytes } from 'node:crypto';
import type { LoginAttempt, LoginAttemptKeys, LoginPolicy } from './login-limit.ts';

export type Role = 'agent' | 'supervisor';
export const ROLES: readonly Role[] = ['agent', 'supervisor'];

export interface StaffAccount {
  username: string;
  role: Role;
  /** argon2id PHC string. */
  passwordHash: string;
  createdAt: number;
  /**
   * Random, new at every write of the account (password, role, re-adding a removed name) and
   * at `npm run staff -- logout NAME`: a session made under another version is over. Absent
   * on accounts written before it existed.
   */
  sessionVersion?: string;
}

/** An account as callers write it: the store gives it a new session version. */
export type NewStaffAccount = Omit<StaffAccount, 'sessionVersion'>;

export interface Session {
  username: string;
  csrfToken: string;
  createdAt: number;
  /** The account's sessionVersion when the session was made. */
  accountVersion?: string;
}

export const newSessionVersion = () => randomBytes(16).toString('base64url');

export type AuditAction =
  | 'login'
  /** A wrong password or an unknown account; the actor is `(unknown)` unless the account exists. */
  | 'login_failed'
  /** Too many failed logins: written once per lock, not per refused attempt. */
  | 'login_refused'
  | 'logout'
  | 'viewed'
  | 'claimed'
  | 'replied'
  | 'noted'
  | 'labelled'
  | 'transferred'
  | 'closed'
  | 'revealed'
  | 'reopened'
  | 'wrote_after_close'
  | 'searched'
  /** Case codes: given and revoked by staff; tried, refused, locked and used from a phone (actor `(user)`). */
  | 'case_code_issued'
  | 'case_code_revoked'
  | 'case_code_failed'
  | 'case_code_refused'
  | 'case_code_locked'
  | 'case_code_joined'
  | 'referral_recorded'
  | 'referral_updated'
  | 'consent_asked'
  | 'consent_answered'
  | 'referral_pushed'
  | 'referrals_exported'
  | 'canned_edited'
  | 'availability_changed'
  | 'auto_assign_changed'
  /** Given by auto-assignment (actor `(auto)`). */
  | 'auto_assigned';

export interface AuditEntry {
  at: number;
  actor: string;
  action: AuditAction;
  ticketId: string | null;
}

/**
 * Staff accounts, sessions, login counters and the audit log. Two implementations: memory
 * (embedded mode: accounts live only in the running process) and Redis.
 * Sessions are stored under a keyed hash of the cookie value, never the value itself.
 */
export interface StaffStore {
  getAccount(username: string): Promise<StaffAccount | null>;
  /** Creates or replaces the account, ending its sessions (a new session version). */
  putAccount(account: NewStaffAccount): Promise<void>;
  removeAccount(username: string): Promise<boolean>;
  /** Ends every session of the account (a new session version); false if there is none. */
  endSessions(username: string): Promise<boolean>;
  listAccounts(): Promise<StaffAccount[]>;

  createSession(idHash: string, session: Session, ttlMs: number): Promise<void>;
  getSession(idHash: string): Promise<Session | null>;
  deleteSession(idHash: string): Promise<void>;

  /**
   * Takes one login attempt for an account from an address before its password is checked,
   * atomically (logins sent at once each see the ones before), counted as a failure until
   * `loginSucceeded` says otherwise.
   */
  takeLoginAttempt(keys: LoginAttemptKeys, now: number, policy: LoginPolicy): Promise<LoginAttempt>;
  loginSucceeded(keys: LoginAttemptKeys): Promise<void>;

  audit(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  listAudit(limit: number): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
