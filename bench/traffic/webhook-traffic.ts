import twilio from 'twilio';
import { inboundForm, PUBLIC_BASE_URL, TEST_AUTH_TOKEN } from '../../test/helpers/test-app.ts';
import type { BenchRequest } from '../load/http-target.ts';
import { senderMessage } from './sender-script.ts';

const PATH = '/webhooks/twilio/messages';

/** A Mexican mobile number per sender id; odd ids write on WhatsApp, even ones by SMS. */
export function senderAddress(id: number): string {
  const number = `+52962${String(id).padStart(7, '0')}`;
  return id % 2 ? `whatsapp:${number}` : number;
}

/** The extra fields Twilio sends with every inbound message (they are all signed). */
function twilioFields(address: string, messageSid: string): Record<string, string> {
  const whatsapp = address.startsWith('whatsapp:');
  const common = {
    SmsMessageSid: messageSid,
    SmsSid: messageSid,
    ApiVersion: '2010-04-01',
    SmsStatus: 'received',
    NumSegments: '1',
    ReferralNumMedia: '0',
  };
  if (whatsapp) {
    return {
      ...common,
      ProfileName: 'Bench',
      WaId: address.slice('whatsapp:+'.length),
      MessageType: 'text',
    };
  }
  return {
    ...common,
    FromCountry: 'MX',
    FromState: 'CHIS',
    FromCity: 'TAPACHULA',
    FromZip: '',
    ToCountry: 'US',
    ToState: 'CA',
    ToCity: '',
    ToZip: '',
  };
}

/**
 * Signed inbound webhooks from a pool of `slots` senders, taken in turn. Each sender goes
 * through its script in order; after `messagesPerSender` messages a slot gets a new sender
 * (a new conversation), so a long run keeps meeting new people. Slots start staggered so
 * that senders do not all retire at once.
 */
export function createWebhookTraffic({
  slots,
  messagesPerSender = Number.POSITIVE_INFINITY,
  firstSenderId = 1,
}: {
  slots: number;
  messagesPerSender?: number;
  firstSenderId?: number;
}) {
  let nextSenderId = firstSenderId;
  const senders = Array.from({ length: slots }, (_, slot) => ({
    id: nextSenderId++,
    step: 0,
    // Staggered so that retirements spread evenly over time.
    budget: Number.isFinite(messagesPerSender)
      ? messagesPerSender - (slot % messagesPerSender)
      : Number.POSITIVE_INFINITY,
  }));
  let turn = 0;
  let sent = 0;

  return {
    next(): BenchRequest {
      const sender = senders[turn]!;
      turn = (turn + 1) % slots;
      if (sender.budget <= 0) {
        sender.id = nextSenderId++;
        sender.step = 0;
        sender.budget = messagesPerSender;
      }
      const address = senderAddress(sender.id);
      const body = senderMessage(sender.step);
      sender.step++;
      sender.budget--;
      sent++;
      const base = inboundForm(address, body);
      const form = { ...base, ...twilioFields(address, base.MessageSid!) };
      const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + PATH, form);
      return {
        path: PATH,
        body: new URLSearchParams(form).toString(),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-twilio-signature': signature,
          'user-agent': 'TwilioProxy/1.1',
        },
      };
    },
    /** Distinct senders so far. */
    senders: () => nextSenderId - firstSenderId,
    sent: () => sent,
  };
}
