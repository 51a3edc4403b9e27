import type { Ticket } from '../handoff/ticket.ts';
import type { ConversationRecord } from '../store/store.ts';
import type { StaffUser } from './auth.ts';
import { forbidden } from './http-error.ts';

/** WhatsApp lets a business write freely for 24 hours after the user's last message. */
export const WHATSAPP_WINDOW_MS = 24 * 3600 * 1000;

const isSupervisor = (u: Pick<StaffUser, 'role'>) => u.role === 'supervisor';

/** Agents see the queue and their own tickets; supervisors see everything. */
export function canView(
  user: Pick<StaffUser, 'role' | 'username'>,
  t: Pick<Ticket, 'status' | 'assignee'>,
): boolean {
  return isSupervisor(user) || t.status === 'waiting' || t.assignee === user.username;
}

/** Notes, labels, transfer, close: an agent only on their own active ticket. */
export function assertCanWork(user: Pick<StaffUser, 'role' | 'username'>, t: Ticket): void {
  if (isSupervisor(user)) return;
  if (t.status !== 'active' || t.assignee !== user.username)
    throw forbidden('Only on your own active tickets');
}

export function assertCanView(user: Pick<StaffUser, 'role' | 'username'>, t: Ticket): void {
  if (!canView(user, t)) throw forbidden('Not your ticket');
}

export type CannotReplyReason =
  | 'window_closed'
  | 'template_not_approved'
  | 'closed'
  | 'opted_out'
  | 'not_assignee';

export interface ReplyCheck {
  canReply: boolean;
  cannotReplyReason: CannotReplyReason | null;
  windowClosesAt: number | null;
}

/**
 * Whether free text can go to the user now, checked before sending (never after a failed
 * send): the ticket must be open and held (agents: by them), the user must not have opted
 * out, and on WhatsApp the 24-hour window must still be open.
 * https://developers.facebook.com/docs/whatsapp/pricing#customer-service-windows
 */
export function checkReply({
  user,
  ticket,
  record,
  now,
}: {
  user: Pick<StaffUser, 'role' | 'username'>;
  ticket: Ticket;
  record: ConversationRecord | null;
  now: number;
}): ReplyCheck {
  const windowClosesAt =
    ticket.channel === 'whatsapp' && record ? record.lastInboundAt + WHATSAPP_WINDOW_MS : null;
  const no = (reason: CannotReplyReason): ReplyCheck => ({
    canReply: false,
    cannotReplyReason: reason,
    windowClosesAt,
  });
  if (ticket.status === 'closed' || !record) return no('closed');
  const holds = ticket.status === 'active' && (isSupervisor(user) || ticket.assignee === user.username);
  if (!holds) return no('not_assignee');
  if (record.stopped) return no('opted_out');
  if (windowClosesAt !== null && now >= windowClosesAt) return no('window_closed');
  return { canReply: true, cannotReplyReason: null, windowClosesAt };
}

export const REPLY_REFUSALS: Record<CannotReplyReason, string> = {
  window_closed: 'The WhatsApp 24-hour window has closed: the user must write first',
  template_not_approved:
    'The WhatsApp 24-hour window has closed and WhatsApp has not approved the notice template: the user must write first',
  closed: 'The ticket is closed',
  opted_out: 'The user opted out (STOP): nothing can be sent until they write again',
  not_assignee: 'Claim the ticket first: only the staff member holding it can reply',
};
