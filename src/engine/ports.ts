import type { EscalationReason, Profile, RiskCategory } from '../../flows/faro/types.ts';
import type { Channel, Lang } from '../channels/inbound-message.ts';
import type { TranscriptEntry } from '../store/store.ts';

/**
 * Which replies go first when a sender is busy: a reply to someone who may be in danger, then
 * staff replies, then everything else. Unset means `normal`.
 */
export type SendPriority = 'safety' | 'staff' | 'normal';

/** A unit of work for the outbox: a stored message, or a last message to an erased user. */
export type OutboxJob =
  | {
      kind: 'stored';
      conversationId: string;
      messageId: string;
      channel: Channel;
      priority?: SendPriority;
    }
  | {
      kind: 'ephemeral';
      id: string;
      channel: Channel;
      addressEnc: string;
      from: string;
      body: string;
      priority?: SendPriority;
    }
  | {
      /**
       * Deletes an erased conversation's messages and media at Twilio: `SM…`/`MM…` message SIDs
       * and `MM…/ME…` media. Holds no conversation id; dropped once done.
       */
      kind: 'twilio-delete';
      id: string;
      sids: string[];
      priority?: SendPriority;
    };

export interface Outbox {
  enqueue(jobs: OutboxJob[]): Promise<void>;
  /** Drops finished or queued jobs of these messages (erase: no trace of the conversation id). */
  forget(conversationId: string, messageIds: string[]): Promise<void>;
  /** Waits until nothing is queued or in flight (tests, graceful shutdown). */
  drain(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Delayed events for a conversation (XState `after` is not restored from snapshots). */
export interface Timers {
  schedule(args: { key: string; conversationId: string; event: 'NO_ANSWER'; delayMs: number }): Promise<void>;
  cancel(key: string): Promise<void>;
  close(): Promise<void>;
}

export interface EscalateInput {
  conversationId: string;
  reason: EscalationReason;
  risk?: RiskCategory;
  channel: Channel;
  lang: Lang;
  profile: Profile;
  topicsSeen: string[];
  now: number;
}

export interface EscalateResult {
  ticketId: string;
  created: boolean;
  /** Within business hours now. */
  open: boolean;
  /** What to tell the user about the wait, already in their language. */
  notice: string | null;
}

/** What the engine needs from the handoff (tickets) side. */
export interface Handoff {
  escalate(input: EscalateInput): Promise<EscalateResult>;
  /** The user went back to the bot while waiting. */
  cancel(conversationId: string, now: number): Promise<void>;
  /** The user said they are not in danger after all: the open ticket loses its safety priority. */
  lowerPriority(conversationId: string, now: number): Promise<void>;
  /** New transcript lines for a conversation that has an open ticket (live to staff). */
  transcriptAdded(conversationId: string, ticketId: string, entries: TranscriptEntry[]): Promise<void>;
  /** Erase at the user's request: close open tickets, scrub closed ones. */
  erase(conversationId: string, now: number): Promise<void>;
}

/** Case codes (src/casework): which conversation a number writes to, and joining one by code. */
export interface CasePort {
  /** The conversation id for an address HMAC: its own, unless a case code moved it. */
  resolve(addressHash: string): Promise<string>;
  /** Code then PIN from `conversationId`'s number; `joined`: that conversation is now spent. */
  join(input: {
    conversationId: string;
    addressEnc: string;
    channel: Channel;
    to: string;
    code: string;
    pin: string;
    lang: Lang;
  }): Promise<{ outcome: 'joined' | 'already' | 'wrong' | 'limited' | 'busy'; notice: string }>;
}
