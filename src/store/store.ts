import type { Channel, MediaRef } from '../channels/inbound-message.ts';

/** A received message (or an internal event) waiting in a conversation's inbox. */
export interface StoredInbound {
  /** MessageSid for user messages; `evt-…` for internal events (timers, staff actions). */
  id: string;
  kind: 'message' | 'event';
  channel: Channel;
  /** The sender's address, AES-GCM encrypted. */
  addressEnc: string;
  /** Our number the user wrote to. */
  to: string;
  text: string;
  mediaCount: number;
  mediaTypes: string[];
  /** Twilio's ids of the photos, documents and voice notes (never the files or their URLs). */
  media?: MediaRef[];
  receivedAt: number;
  /** A shared location, rounded to ~100 m; kept only until the message is stepped. */
  location?: { latitude: number; longitude: number };
  /** For kind 'event': the event name and data. */
  event?: { type: string; data?: Record<string, unknown> };
  /**
   * The minute (since the epoch) in which this message took its sender past the flood limit:
   * the step answers it only if it is a risk phrase (and sends one notice a minute).
   */
  flooded?: number;
}

export interface ConversationRecord {
  id: string;
  version: number;
  channel: Channel;
  addressEnc: string;
  to: string;
  flowVersion: number;
  /** The XState snapshot's value and context, as JSON. */
  state: { value: unknown; context: unknown } | null;
  /** Twilio said the user opted out (21610): send nothing until they write again. */
  stopped: boolean;
  /** The open ticket, while a person is involved. */
  ticketId: string | null;
  /** Marks a child travelling alone: shorter retention. */
  childAlone: boolean;
  createdAt: number;
  updatedAt: number;
  lastInboundAt: number;
  /** When retention deletes this conversation, as last written to the retention index. */
  expiresAt?: number;
  /** The last minute in which the sender was told they write too fast (one notice a minute). */
  floodNoticeMinute?: number;
  /**
   * Staff messages written after WhatsApp's 24-hour window closed, kept until the person writes
   * again (src/handoff/recontact.ts); they go out before the bot's reply to that message.
   */
  held?: string[];
  /** When the template notice ("someone answered you") was last sent. */
  noticeAt?: number;
}

export type MessageStatus = string;

export interface OutboundMessage {
  id: string;
  conversationId: string;
  channel: Channel;
  body: string;
  origin: 'bot' | 'staff' | 'system';
  status: MessageStatus;
  sid: string | null;
  attempts: number;
  error: string | null;
  createdAt: number;
  updatedAt: number;
  /** Staff member who wrote it, for staff messages. */
  author?: string;
  /** Set while a send is under way: if the worker dies, the next attempt first asks Twilio. */
  inFlightSince?: number | null;
  /** A reply to someone who may be in danger: it is sent before anything else. */
  safety?: true;
  /**
   * WhatsApp: sent as this content resource (`HX…`): a list or buttons, whose text version is
   * `body`, or an approved re-contact template sent after the 24-hour window (`body` says what it reads).
   */
  contentSid?: string;
  /** A library document or image sent with the body (WhatsApp `MediaUrl`, https). */
  mediaUrl?: string;
  /** Held after the 24-hour window closed (status `held`), and when the person's answer released it. */
  heldAt?: number;
  releasedAt?: number;
}

/**
 * A message as every sender first stores it (the bot's replies, staff replies, casework
 * follow-ups, the re-contact notice): not sent yet, no attempt made. `status` may be `held`.
 */
export function newOutbound(
  m: Pick<OutboundMessage, 'id' | 'conversationId' | 'channel' | 'body' | 'origin'> &
    Partial<Omit<OutboundMessage, 'sid' | 'attempts' | 'error' | 'createdAt' | 'updatedAt'>> & {
      now: number;
    },
): OutboundMessage {
  const { now, id, conversationId, channel, body, origin, status = 'pending', ...rest } = m;
  return {
    id,
    conversationId,
    channel,
    body,
    origin,
    status,
    sid: null,
    attempts: 0,
    error: null,
    createdAt: now,
    updatedAt: now,
    ...rest,
  };
}

export interface TranscriptEntry {
  at: number;
  from: 'user' | 'bot' | 'staff' | 'system';
  text: string;
  /** Outbound message id, to show delivery status. */
  messageId?: string;
  /** Screen or topic the bot showed, for staff context. */
  screen?: string;
  author?: string;
  /** A user message's photos, documents, voice notes: staff open them through Faro while a ticket is open. */
  media?: MediaRef[];
}

export interface CommitStep {
  conversationId: string;
  /** Version loaded; 0 when the conversation is new. The commit fails if it changed. */
  expectedVersion: number;
  record: ConversationRecord;
  /** The inbox head that was processed; removed in the same atomic step. */
  processedInboxId: string;
  outbound: OutboundMessage[];
  transcript: TranscriptEntry[];
  ttlSeconds: number;
}

export type CommitResult =
  | {
      result: 'committed';
      /** The inbox head after this one, if any. */
      next: StoredInbound | null;
      /** Outbound ids committed but not yet handed to the outbox (this step's and any left over). */
      outq: string[];
    }
  | { result: 'conflict' };

/**
 * Everything the engine needs from storage. Two implementations pass one contract suite:
 * `redis/` (ioredis, Lua for atomic steps) and `memory/` (embedded mode and unit tests).
 */
export interface ConversationStore {
  /** Dedupe on the message id and append to the inbox, atomically. */
  recordInbound(conversationId: string, inbound: StoredInbound): Promise<'recorded' | 'duplicate'>;
  /**
   * The webhook's step, atomic: dedupe on the message id (a duplicate is neither counted nor
   * recorded); count a new message in `minute` for flood control and record it, marked
   * `flooded: minute` past `floodMax`; mark the conversation pending at `at`, duplicates too (a
   * first delivery may have died before its step); with `notify` (a `web` process), also push
   * the conversation id on the work list for a worker, at its front when `notify` is `urgent`
   * (a message in danger is stepped before the backlog). `count`: this minute's distinct messages.
   */
  acceptInbound(
    conversationId: string,
    inbound: StoredInbound,
    opts: { minute: number; floodMax: number; at: number; notify?: boolean | 'urgent' },
  ): Promise<{ result: 'recorded' | 'duplicate' | 'flooded'; count: number }>;

  acquireLock(conversationId: string, ttlMs: number): Promise<string | null>;
  releaseLock(conversationId: string, token: string): Promise<void>;

  load(conversationId: string): Promise<ConversationRecord | null>;
  /** Save the record, pop the processed inbox head, queue outbound ids: all or nothing. */
  commit(step: CommitStep): Promise<CommitResult>;

  /** The lock, the inbox head and the record in one step; null when another process holds the lock. */
  beginProcessing(
    conversationId: string,
    ttlMs: number,
  ): Promise<{ token: string; head: StoredInbound | null; record: ConversationRecord | null } | null>;
  /**
   * After processing: ack the outbound ids handed to the outbox, release the lock, and take the
   * conversation out of the pending set if nothing is left (else it stays, for another round).
   * Returns whether it was idle.
   */
  finishProcessing(conversationId: string, token: string, handedOver: string[]): Promise<boolean>;
  /** Save the record alone (compare-and-set on version), for staff-side changes. */
  saveRecord(record: ConversationRecord, expectedVersion: number, ttlSeconds: number): Promise<boolean>;

  /** Outbound ids committed but not yet handed to the outbox. */
  pendingOutbound(conversationId: string): Promise<string[]>;
  ackOutbound(conversationId: string, messageIds: string[]): Promise<void>;
  /** Store an outbound message written outside a flow step (a staff reply). */
  addOutbound(
    message: OutboundMessage,
    transcript: TranscriptEntry | null,
    ttlSeconds: number,
  ): Promise<void>;
  getMessage(conversationId: string, messageId: string): Promise<OutboundMessage | null>;
  updateMessage(
    conversationId: string,
    messageId: string,
    patch: Partial<
      Pick<OutboundMessage, 'status' | 'sid' | 'attempts' | 'error' | 'inFlightSince' | 'heldAt'>
    >,
    /** When given, `status` only moves to a higher rank (a late "sent" never overwrites "delivered"). */
    statusRank?: Readonly<Record<string, number>>,
  ): Promise<OutboundMessage | null>;
  /** Drop a delivered bot message's record: its text lives on in the transcript. */
  forgetMessage(conversationId: string, messageId: string): Promise<void>;

  /** Gives up the send lease `beginSend` took for this message (a no-op if another holds it). */
  releaseSendLease(conversationId: string, messageId: string): Promise<void>;
  /** Remembers a provider message id (Twilio SID) as one of ours; false if it already was. */
  claimSid(conversationId: string, sid: string): Promise<boolean>;
  /**
   * The send lease and what a send needs, in one step: `message` as it was, and a pending
   * message not yet in flight is marked in flight. Null when another message holds the lease.
   * One send at a time per conversation, so that a send whose outcome is unknown can be told
   * apart from a sibling's with the same text; the lease is keyed by the message id, so a retry
   * of the same message takes back the lease its dead worker left.
   */
  beginSend(
    conversationId: string,
    messageId: string,
    leaseMs: number,
    /** Wall-clock time, compared later with Twilio's `date_created`. */
    now: number,
  ): Promise<{ record: ConversationRecord | null; message: OutboundMessage | null } | null>;
  /**
   * Twilio took the message: claim its SID, apply `patch` (status by rank) or, with `forget`,
   * drop the message's record, and release the lease.
   */
  finishSend(
    conversationId: string,
    messageId: string,
    sid: string,
    patch: Partial<Pick<OutboundMessage, 'status' | 'sid' | 'attempts' | 'error' | 'inFlightSince'>>,
    opts: { forget: boolean; statusRank: Readonly<Record<string, number>> },
  ): Promise<void>;

  transcript(conversationId: string): Promise<TranscriptEntry[]>;
  /** Lines staff and casework add outside a step (a case code sent, a follow-up). */
  appendTranscript(conversationId: string, entries: TranscriptEntry[], ttlSeconds: number): Promise<void>;

  markPending(conversationId: string, at: number): Promise<void>;
  /** Conversation ids touched before `olderThan` with work possibly left. */
  listPending(olderThan: number, limit: number): Promise<string[]>;

  /** When this conversation's data must be gone (retention), on a clock the caller owns. */
  scheduleExpiry(conversationId: string, at: number): Promise<void>;
  /** Conversations whose retention ended before `now`. */
  listExpired(now: number, limit: number): Promise<string[]>;

  /**
   * Remembers Twilio resources of this conversation that must be deleted at Twilio when it is
   * erased: message SIDs (`SM…`, `MM…`) and media (`MM…/ME…`). Only ids; they expire with it.
   */
  keepTwilioSids(conversationId: string, sids: string[], ttlSeconds: number): Promise<void>;
  /**
   * Delete every key about this conversation; returns the outbound message ids it held and the
   * Twilio resources to delete at Twilio (read and deleted in one step).
   */
  erase(conversationId: string): Promise<{ messageIds: string[]; twilioSids: string[] }>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
