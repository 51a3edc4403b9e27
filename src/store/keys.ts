/**
 * Every Redis key Faro writes, in one place, with its lifetime. Keys about one conversation
 * share the hash tag `{c:<id>}` so that they live on one Redis Cluster node and one Lua
 * script can touch them together. The conversation id is an HMAC of the address, never
 * the number itself.
 */
export function conversationKeys(prefix: string, conversationId: string) {
  const tag = `${prefix}{c:${conversationId}}`;
  return {
    /** JSON ConversationRecord. */
    record: `${tag}:conv`,
    /** List of StoredInbound JSON, oldest first: received but not yet processed. */
    inbox: `${tag}:inbox`,
    /**
     * Sorted set of Twilio ids this conversation has met, scored by when each may be forgotten:
     * inbound MessageSids for 48 hours (dedupe), and the SIDs of our sent messages for an hour
     * (claimed, so a lost send is never matched to a sibling's). Pruned on every write.
     */
    ids: `${tag}:ids`,
    /** Lock held while one process steps this conversation. */
    lock: `${tag}:lock`,
    /** List of outbound message ids committed but not yet handed to the outbox. */
    outq: `${tag}:outq`,
    /** Hash of outbound message id → OutboundMessage JSON. */
    messages: `${tag}:msgs`,
    /** List of TranscriptEntry JSON (capped). */
    transcript: `${tag}:transcript`,
    /** Hash of minute → messages received in it (flood control); expires after two minutes. */
    flood: `${tag}:flood`,
    /** The message id being sent right now (send lease). */
    sending: `${tag}:sending`,
    /**
     * Set of Twilio resources to delete at Twilio on erase: message SIDs and `MM…/ME…` media.
     * Expires TWILIO_SIDS_GRACE_SECONDS after the conversation, so that retention, which runs
     * after the conversation's own keys may have expired, still finds what to delete at Twilio.
     */
    twilioSids: `${tag}:twsids`,
  };
}

export function globalKeys(prefix: string) {
  return {
    /** Sorted set: conversation ids with work to do, scored by when they were touched. */
    pending: `${prefix}pending`,
    /** Sorted set: conversation ids scored by when retention deletes them. */
    expiry: `${prefix}expiry`,
    /** List of conversation ids a `web` process hands to `worker` processes (a wake-up hint). */
    work: `${prefix}work`,
    /**
     * When (ms, Redis's clock) a Twilio sender will have sent everything Faro handed it: the send
     * pacer's model of Twilio's queue for that sender. Expires a minute after it empties.
     */
    pace: (lane: string) => `${prefix}pace:${lane}`,
  };
}

/** How much longer than its conversation the list of Twilio resources to delete is kept. */
export const TWILIO_SIDS_GRACE_SECONDS = 2 * 86_400;

export const TTL = {
  /** Twilio retries for a while; every MessageSid is remembered for 24 to 48 hours (DESIGN §2). */
  dedupeSeconds: 48 * 3600,
  lockMs: 30_000,
  /** A send whose outcome is unknown is reconciled well within this (retries back off for minutes). */
  claimedSidSeconds: 3600,
  transcriptMax: 500,
  /** The work list is only a hint (the pending set is the record); past this many the oldest go. */
  workHintsMax: 100_000,
} as const;
