import type { TranscriptEntry } from '../store/store.ts';
import type { Outcome, Ticket } from './ticket.ts';

/** The change that closes an open ticket with its outcome and a copy of the conversation. */
export function closeChange({
  outcome,
  now,
  transcript,
}: {
  outcome: Outcome;
  now: number;
  transcript: TranscriptEntry[];
}) {
  return (t: Ticket): Ticket | null =>
    t.status === 'closed'
      ? null
      : { ...t, status: 'closed', outcome, closedAt: now, updatedAt: now, transcript };
}

export const noAnswerTimerKey = (ticketId: string) => `noanswer-${ticketId}`;

/** What is left of a transcript after the user erased the conversation. */
export const erasedTranscript = (now: number): TranscriptEntry[] => [
  { at: now, from: 'system', text: "erased at the user's request", screen: 'erased' },
];
