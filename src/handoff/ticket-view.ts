import type { EscalationReason } from '../../flows/faro/types.ts';
import type { AddressCrypto } from '../privacy/address-crypto.ts';
import { maskAddress } from '../privacy/mask-address.ts';
import type { ConversationRecord, ConversationStore, TranscriptEntry } from '../store/store.ts';
import type { AgeGroup, Outcome, Ticket, TicketStatus } from './ticket.ts';

/** A queue row, as docs/staff-api.md defines it: no conversation id, the number masked. */
export interface TicketSummary {
  id: string;
  status: TicketStatus;
  priority: number;
  reasons: EscalationReason[];
  risk: string | null;
  channel: Ticket['channel'];
  lang: Ticket['lang'];
  city: string | null;
  ageGroup: AgeGroup | null;
  alone: boolean | null;
  maskedAddress: string;
  assignee: string | null;
  labels: string[];
  createdAt: number;
  updatedAt: number;
  lastUserMessageAt: number | null;
  outcome: Outcome | null;
  topicsSeen: string[];
}

/** `heldAt`/`releasedAt`: a staff reply kept after the 24-hour window, and when the person's answer let it go. */
export type TranscriptEntryView = TranscriptEntry & { status?: string; heldAt?: number; releasedAt?: number };

export function toSummary(t: Ticket, maskedAddress: string): TicketSummary {
  return {
    id: t.id,
    status: t.status,
    priority: t.priority,
    reasons: t.reasons,
    risk: t.risk,
    channel: t.channel,
    lang: t.lang,
    city: t.city,
    ageGroup: t.ageGroup,
    alone: t.alone,
    maskedAddress,
    assignee: t.assignee,
    labels: t.labels,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    lastUserMessageAt: t.lastUserMessageAt,
    outcome: t.outcome,
    topicsSeen: t.topicsSeen,
  };
}

/** "SMS ••• ••• ••••": when the number is gone (erased or expired), nothing of it shows. */
export const hiddenAddress = (channel: Ticket['channel']) =>
  `${channel === 'whatsapp' ? 'WhatsApp' : 'SMS'} ••• ••• ••••`;

export type TicketViews = ReturnType<typeof createTicketViews>;

/** Reads what a view of a ticket needs from the conversation: the masked number, the transcript. */
export function createTicketViews({
  store,
  crypto,
}: {
  store: Pick<ConversationStore, 'load' | 'transcript' | 'getMessage'>;
  crypto: Pick<AddressCrypto, 'decrypt'>;
}) {
  async function record(t: Ticket): Promise<ConversationRecord | null> {
    return t.conversationId ? store.load(t.conversationId) : null;
  }
  function masked(t: Ticket, r: ConversationRecord | null): string {
    if (!r) return hiddenAddress(t.channel);
    try {
      return maskAddress(crypto.decrypt(r.addressEnc));
    } catch {
      return hiddenAddress(t.channel);
    }
  }
  return {
    record,
    masked,
    async summary(t: Ticket): Promise<TicketSummary> {
      return toSummary(t, masked(t, await record(t)));
    },
    /** The open conversation's transcript with each outbound message's delivery status. */
    async liveTranscript(conversationId: string): Promise<TranscriptEntryView[]> {
      const entries = await store.transcript(conversationId);
      return Promise.all(
        entries.map(async (e) => {
          if (!e.messageId) return e;
          const m = await store.getMessage(conversationId, e.messageId);
          if (!m) return e;
          return {
            ...e,
            status: m.status,
            ...(m.heldAt !== undefined && { heldAt: m.heldAt }),
            ...(m.releasedAt !== undefined && { releasedAt: m.releasedAt }),
          };
        }),
      );
    },
  };
}
