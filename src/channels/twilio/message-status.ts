/**
 * Twilio's MessageStatus values and the order they move in, so that status callbacks arriving
 * late or out of order never move a message backwards.
 * https://www.twilio.com/docs/messaging/guides/outbound-message-status-in-status-callbacks
 * Values: https://www.twilio.com/docs/messaging/api/message-resource#message-status-values
 */

export const MESSAGE_STATUSES = [
  'queued',
  'sending',
  'sent',
  'failed',
  'delivered',
  'undelivered',
  'receiving',
  'received',
  'accepted',
  'scheduled',
  'read',
  'partially_delivered',
  'canceled',
] as const;

export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/**
 * Higher wins; equal ranks keep the current status. Failures outrank the in-flight statuses
 * (a `failed` after `sent` is news) but not delivery (a late `undelivered` after `delivered`
 * or `read` is stale). `read` only exists on WhatsApp and implies delivery.
 */
const RANK: Record<MessageStatus, number> = {
  scheduled: 0,
  accepted: 1, // initial status through a Messaging Service
  queued: 2, // initial status otherwise
  sending: 3,
  receiving: 3, // inbound messages only
  sent: 4,
  failed: 5,
  undelivered: 5,
  canceled: 5, // a scheduled message canceled before sending
  partially_delivered: 6,
  delivered: 7,
  received: 7, // inbound messages only
  read: 8,
};

/**
 * Statuses after which the outcome is known. `delivered` can still become `read` on WhatsApp,
 * which nextStatus accepts; nothing else follows these.
 */
const FINAL: ReadonlySet<MessageStatus> = new Set<MessageStatus>([
  'delivered',
  'read',
  'failed',
  'undelivered',
  'canceled',
  'partially_delivered',
  'received',
]);

export function isMessageStatus(value: string): value is MessageStatus {
  return Object.hasOwn(RANK, value);
}

/** The status to keep after `incoming` arrives; unknown strings leave `current` unchanged. */
export function nextStatus(current: MessageStatus, incoming: string): MessageStatus {
  if (!isMessageStatus(incoming)) return current;
  return RANK[incoming] > RANK[current] ? incoming : current;
}

export function isFinalStatus(status: string): boolean {
  return isMessageStatus(status) && FINAL.has(status);
}

/**
 * Ranks for the store's forward-only status update, with Faro's own `pending` (committed,
 * not yet accepted by Twilio) below every Twilio status.
 */
export const STATUS_RANK: Readonly<Record<string, number>> = Object.freeze({ pending: -1, ...RANK });
