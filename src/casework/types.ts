import type { Channel } from '../channels/inbound-message.ts';

/** A case code as stored: the PIN only as a keyed hash, never in clear. */
export interface CaseCode {
  code: string;
  conversationId: string;
  ticketId: string;
  pinHash: string;
  issuedAt: number;
  issuedBy: string;
  /** Wrong PINs over the code's life; past CASE_LIMITS.codeMaxFailures it is revoked. */
  failures: number;
}

/** A number that joined the conversation by code (masked: the channel and two digits). */
export interface CaseJoin {
  at: number;
  channel: Channel;
  maskedAddress: string;
}

/** What casework keeps about one conversation. */
export interface CaseInfo {
  code: string | null;
  issuedAt: number | null;
  issuedBy: string | null;
  revokedAt: number | null;
  revokedBy: string | null;
  joins: CaseJoin[];
  /** A referral whose consent question awaits the person's yes or no. */
  pendingConsent: string | null;
  /**
   * Routes this conversation's joins wrote (address HMAC → the conversation id it was sent
   * to): removed when the conversation goes, each only if nobody wrote over it since.
   */
  routes: Record<string, string>;
}

export const emptyCaseInfo = (): CaseInfo => ({
  code: null,
  issuedAt: null,
  issuedBy: null,
  revokedAt: null,
  revokedBy: null,
  joins: [],
  pendingConsent: null,
  routes: {},
});

/**
 * Guessing limits. A number may try 10 times a day (so codes cannot be swept); a code may be
 * tried 5 times a day and is revoked after 20 wrong PINs (one chance in 500 for a guesser who
 * knows the code, and a code is only ever given by staff).
 */
export const CASE_LIMITS = {
  windowMs: 24 * 3600 * 1000,
  perNumber: 10,
  perCode: 5,
  codeMaxFailures: 20,
} as const;

/** Prefix of the conversation ids given to a number that left its conversation for another. */
export const DETACHED_PREFIX = 'd-';
