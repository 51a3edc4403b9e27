import type { Referral } from '../casework/referral.ts';
import type { CaseInfo } from '../casework/types.ts';
import type { Lang } from '../channels/inbound-message.ts';
import type { Recontact } from '../handoff/recontact.ts';
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
  /** The window has closed: a reply is kept and the person gets the approved notice first. */
  replyAfterNotice: boolean;
  cannedReplies: Array<{ id: string; text: string }>;
  /** The case code given for this conversation (never its PIN), and when. */
  caseCode: { code: string; issuedAt: number | null; issuedBy: string | null } | null;
  /** Numbers that joined the conversation by case code, oldest first (masked). */
  joinedNumbers: Array<{ at: number; channel: Ticket['channel']; maskedAddress: string }>;
  referrals: Array<Omit<Referral, 'conversation_id'>>;
}

/** What the ticket view reads from casework (src/casework). */
export interface CaseworkView {
  info(conversationId: string): Promise<CaseInfo>;
  referrals(ticketId: string): Promise<Referral[]>;
  canned(lang: Lang): Promise<Array<{ id: string; text: string }>>;
}

/** Builds what the console shows of one ticket, for one staff member. */
export function createTicketDetail({
  views,
  i18n,
  casework,
  recontact,
}: {
  views: Pick<TicketViews, 'record' | 'masked' | 'liveTranscript'>;
  i18n: Pick<I18n, 'resources'>;
  casework?: CaseworkView;
  recontact?: Pick<Recontact, 'check'>;
}) {
  /** Outside the 24-hour window a reply may still go, held, when the notice template is approved. */
  async function replyFields(t: Ticket, check: ReturnType<typeof checkReply>) {
    if (check.cannotReplyReason !== 'window_closed' || !recontact)
      return { ...check, replyAfterNotice: false };
    const ok = await recontact.check(t.lang);
    if (ok.ok) return { ...check, canReply: true, cannotReplyReason: null, replyAfterNotice: true };
    const reason: CannotReplyReason = ok.reason === 'template_not_approved' ? ok.reason : 'window_closed';
    return { ...check, cannotReplyReason: reason, replyAfterNotice: false };
  }

  async function caseFields(t: Ticket) {
    const info = casework && t.conversationId ? await casework.info(t.conversationId) : null;
    const referrals = casework ? await casework.referrals(t.id) : [];
    return {
      caseCode: info?.code ? { code: info.code, issuedAt: info.issuedAt, issuedBy: info.issuedBy } : null,
      joinedNumbers: info?.joins ?? [],
      referrals: referrals.map(({ conversation_id: _c, ...r }) => r),
    };
  }

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
      ...(await replyFields(t, checkReply({ user, ticket: t, record, now }))),
      cannedReplies: casework ? await casework.canned(t.lang) : cannedReplies(i18n, t.lang),
      ...(await caseFields(t)),
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
