/**
 * Redis keys of casework (case codes, routes between numbers and conversations, referrals,
 * canned replies, staff availability). Each operation touches one key, so none needs a hash
 * tag. Keys that name a number use its HMAC, never the number.
 */
export function caseworkKeys(prefix: string) {
  const base = `${prefix}case`;
  return {
    /** JSON CaseCode, by the code ("K7C-4PW"). Deleted with its conversation. */
    code: (code: string) => `${base}:code:${code}`,
    /** JSON CaseInfo of one conversation (its code, numbers joined, routes written). */
    info: (conversationId: string) => `${base}:info:${conversationId}`,
    /** String: the conversation an address (by HMAC) writes to, when not its own. */
    route: (addressHash: string) => `${base}:route:${addressHash}`,
    /** Counters of join attempts, per number (HMAC) and per code; expire with their window. */
    triesByNumber: (addressHash: string) => `${base}:tries:n:${addressHash}`,
    triesByCode: (code: string) => `${base}:tries:c:${code}`,
    /** JSON Referral. */
    referral: (id: string) => `${base}:ref:${id}`,
    /** Hash: referral id → created_at, per ticket and per conversation (for erase). */
    referralsOfTicket: (ticketId: string) => `${base}:refs:t:${ticketId}`,
    referralsOfConversation: (conversationId: string) => `${base}:refs:c:${conversationId}`,
    /** Sorted set: every referral id by creation time (export); pruned of expired ones on read. */
    referrals: `${base}:refs:all`,
    /** Hash: lang → JSON `{ id: text }`, canned replies written by supervisors. */
    canned: `${base}:canned`,
    /** Hash: username → "available" | "away". */
    availability: `${base}:availability`,
    /** Hash: setting → value (`autoAssign`: "true" | "false"). */
    settings: `${base}:settings`,
  };
}
