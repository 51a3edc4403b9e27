/**
 * Redis keys of the staff side: tickets under one hash tag (`{tickets}`) so that one Lua
 * script can move a ticket between its indexes on Redis Cluster; staff accounts, sessions,
 * login counters and the audit log are single-key operations and need no tag.
 * Keys that name a conversation (by its HMAC) are deleted when the user erases.
 */
export function ticketKeys(prefix: string) {
  const tag = `${prefix}{tickets}`;
  return {
    /** Hash: `v` (version) and `json` (Ticket). Expires CLOSED_TICKET_TTL_DAYS after closing. */
    ticket: (id: string) => `${tag}:t:${id}`,
    /** Hash: conversation id → its one open ticket id. */
    open: `${tag}:open`,
    /** Sorted set: open (waiting or active) ticket ids, by creation time. */
    live: `${tag}:live`,
    /** Sorted set: closed ticket ids, by closing time (pruned as they expire). */
    closed: `${tag}:closed`,
    /** Set: every ticket id of one conversation, for erase. Expires with its last closed ticket. */
    byConversation: (conversationId: string) => `${tag}:conv:${conversationId}`,
  };
}

export function staffKeys(prefix: string) {
  const base = `${prefix}staff`;
  return {
    /** Hash: username → StaffAccount JSON (argon2id hash, role). */
    accounts: `${base}:accounts`,
    /** String: Session JSON, keyed by an HMAC of the cookie value; expires after SESSION_TTL. */
    session: (idHash: string) => `${base}:session:${idHash}`,
    /**
     * Login limits, hashes under one hash tag (one Lua script reads both on Redis Cluster):
     * `pair:<digest of account and address>` (failures, lock end) and `ip:<address>` (attempts
     * in the window). Each expires once its lock and window are over.
     */
    loginLimit: (key: string) => `${base}:{login}:${key}`,
    /** Sorted set of audit entries by time, capped and pruned to the retention. */
    audit: `${base}:audit`,
  };
}

export const STAFF_TTL = {
  sessionMs: 12 * 3600 * 1000,
  /** How long failed logins are remembered, and the window of the per-address limit. */
  loginWindowMs: 15 * 60 * 1000,
  /**
   * Failed logins allowed for one account from one address before it waits: 1 minute, then
   * twice as long after each further failure, up to 15 minutes. Per pair, so that a stranger
   * cannot lock a colleague out; a right password starts the pair over.
   */
  loginFreeFailures: 5,
  loginFirstLockMs: 60 * 1000,
  loginMaxLockMs: 15 * 60 * 1000,
  /** Login attempts per address (an office may share one) in a window, across accounts. */
  maxLoginsPerAddress: 20,
  auditMax: 10_000,
} as const;
