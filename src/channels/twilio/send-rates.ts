import type { Channel } from '../inbound-message.ts';

/**
 * How fast each kind of Twilio sender sends. Twilio queues what a sender cannot send at once and
 * releases it first in, first out, at the sender's rate; Faro keeps its own prioritised queue
 * and hands each sender no more than this, so that an emergency reply is never stuck in
 * Twilio's queue behind welcome messages. Checked 2026-12-03:
 *
 * - SMS is paced in message segments per second, the rest in messages per second:
 *   https://www.twilio.com/docs/api/errors/30001 ("a US long code number can send one message
 *   segment per second, and a short code may send over 100 message segments per second"),
 *   https://support.twilio.com/hc/en-us/articles/115002943027-Understanding-Twilio-Rate-Limits-and-Message-Queues
 *   (each number has its own queue, released in the order received).
 * - A US or Canadian long code: 1 segment/s toward the US and Canada; any Twilio number
 *   toward other countries (Mexico, Guatemala…): 10 segments/s; US toll-free: 3 segments/s
 *   toward the US and Canada, 10 elsewhere:
 *   https://support.twilio.com/hc/en-us/articles/4411046744987-Toll-Free-SMS-and-MMS-messaging-throughput-MPS
 * - A short code: 100 segments/s:
 *   https://www.twilio.com/docs/messaging/guides/market-throughput-overview
 * - A Messaging Service sends through its pool: the sum of its senders' rates, which Faro
 *   cannot see (same page); set the rate explicitly.
 * - A WhatsApp sender: 80 messages/s by default:
 *   https://www.twilio.com/docs/whatsapp/best-practices-and-faqs
 */
export type SenderKind =
  | 'us_long_code'
  | 'toll_free'
  | 'short_code'
  | 'long_code'
  | 'messaging_service'
  | 'whatsapp';

/** Default rate of each kind (SMS: segments per second; WhatsApp: messages per second). */
export const DEFAULT_RATES: Readonly<Record<SenderKind, number>> = {
  // Conservative: a +1 number is paced for +1 destinations even when most users are abroad.
  us_long_code: 1,
  toll_free: 3,
  short_code: 100,
  long_code: 10,
  // The smallest pool there is (one US long code): set TWILIO_SMS_MPS to the pool's total.
  messaging_service: 1,
  whatsapp: 80,
};

/** One Twilio sender, the lane its replies queue in, and how fast it sends. */
export interface SenderProfile {
  /** The queue and pacing key: Faro sends each channel from one sender. */
  lane: Channel;
  kind: SenderKind;
  /** SMS: segments per second; WhatsApp: messages per second. */
  perSecond: number;
  /** Whether the rate came from the configuration rather than the kind's default. */
  configured: boolean;
}

const TOLL_FREE = /^\+1(800|833|844|855|866|877|888)\d{7}$/;

/** The kind of an SMS sender, from its address (`+E164`, a short code, or an alphanumeric id). */
export function smsSenderKind(from: string | undefined, messagingService: boolean): SenderKind {
  if (messagingService) return 'messaging_service';
  const address = (from ?? '').trim();
  if (TOLL_FREE.test(address)) return 'toll_free';
  if (/^\d{5,6}$/.test(address)) return 'short_code';
  if (/^\+1\d{10}$/.test(address)) return 'us_long_code';
  return 'long_code';
}

/** The sender of each channel, with the configured rate or the default of its kind. */
export function senderProfiles(cfg: {
  smsFrom?: string;
  messagingServiceSid?: string;
  smsPerSecond?: number;
  whatsappPerSecond?: number;
}): Record<Channel, SenderProfile> {
  const smsKind = smsSenderKind(cfg.smsFrom, Boolean(cfg.messagingServiceSid));
  return {
    sms: {
      lane: 'sms',
      kind: smsKind,
      perSecond: cfg.smsPerSecond ?? DEFAULT_RATES[smsKind],
      configured: cfg.smsPerSecond !== undefined,
    },
    whatsapp: {
      lane: 'whatsapp',
      kind: 'whatsapp',
      perSecond: cfg.whatsappPerSecond ?? DEFAULT_RATES.whatsapp,
      configured: cfg.whatsappPerSecond !== undefined,
    },
  };
}
