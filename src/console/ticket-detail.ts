import type { Lang } from '../channels/inbound-message.ts';
import type { Ticket, TicketNote } from '../handoff/ticket.ts';
import {
  type TicketSummary,
  type TicketViews,
  type TranscriptEntryView,
  toSummary,
} from '../handoff/ticket-view.ts';
import type { I18n } from '../i18n/create-i18n.ts';
import type { StaffUser } from './auth.ts';
import { type CannotReplyReason, checkReply } from './ticket-access.ts';

export interface TicketDetail extends TicketSummary {
  transcript: TranscriptEntryView[];
  notes: TicketNote[];
  windowClosesAt: number | null;
  canReply: boolean;
  cannotReplyReason: CannotReplyReason | null;
  cannedReplies: Array<{ id: string; text: string }>;
}

/** Builds what the console shows of one ticket, for one staff member. */
export function createTicketDetail({
  views,
  i18n,
}: {
  views: Pick<TicketViews, 'record' | 'masked' | 'liveTranscript'>;
  i18n: Pick<I18n, 'resources'>;
}) {
  return async function detail(t: Ticket, user: StaffUser, now: number): Promise<TicketDetail> {
    const record = await views.record(t);
    const transcript =
      t.status === 'closed' || !t.conversationId
        ? (t.transcript ?? [])
        : await views.liveTranscript(t.conversationId);
    return {
      ...toSummary(t, views.masked(t, record)),
      transcript,
      notes: t.notes,
      ...checkReply({ user, ticket: t, record, now }),
      cannedReplies: cannedReplies(i18n, t.lang),
    };
  };
}

/** `canned` in locales/<lng>/console.json: `{ id: text }`, in the ticket's language. */
export function cannedReplies(
  i18n: Pick<I18n, 'resources'>,
  lang: Lang,
): Array<{ id: string; text: string }> {
  const canned = i18n.resources(lang, 'console').canned;
  if (!canned || typeof canned !== 'object') return [];
  return Object.entries(canned as Record<string, unknown>)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([id, text]) => ({ id, text }));
}
