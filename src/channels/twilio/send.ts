import twilio from 'twilio';
import type { Channel } from '../inbound-message.ts';
import { ApiBaseUrlClient, TWILIO_API_BASE_URL } from './api-base-url-client.ts';
import { SendError, sendErrorFromTwilio } from './send-error.ts';
import { createMessageRequest } from './send-request.ts';

const DEFAULT_TIMEOUT_MS = 10_000;
const WHATSAPP_PREFIX = 'whatsapp:';

export interface TwilioSenderConfig {
  accountSid: string;
  authToken: string;
  /** Defaults to https://api.twilio.com; a local fake in tests, a proxy in staging. */
  apiBaseUrl?: string;
  /** When set, Twilio picks the sender from the service's pool and `smsFrom`/`whatsappFrom` are unused. */
  messagingServiceSid?: string;
  smsFrom?: string;
  /** `whatsapp:+E164` or `+E164`; the prefix is added when missing. */
  whatsappFrom?: string;
  /** Whole-request timeout; Twilio's SDK default is 30 s, too long to hold an outbox worker. */
  timeoutMs?: number;
}

export interface SendRequest {
  channel: Channel;
  /** `+E164` for SMS, `whatsapp:+E164` for WhatsApp. */
  to: string;
  body: string;
  /**
   * WhatsApp: a content resource (`HX…`) sent with `ContentSid` and no `Body`, as Twilio documents
   * it (https://www.twilio.com/docs/content/send-templates-created-with-the-content-template-builder):
   * a list or buttons whose text version is `body`, or an approved template (Twilio refuses a
   * template's text as a body outside the 24-hour window), of which `body` is only what it says.
   */
  contentSid?: string;
  /** A file (https) Twilio fetches and sends with the body, on WhatsApp. */
  mediaUrl?: string;
  statusCallback?: string;
}

export interface SendResult {
  sid: string;
  /** Twilio's initial status: `queued`, or `accepted` through a Messaging Service. */
  status: string;
}

export interface TwilioSender {
  /** Creates one outbound message. Throws SendError; never retries (the outbox does). */
  send(req: SendRequest): Promise<SendResult>;
  findSent(req: { channel: Channel; to: string; body: string; since: number }): Promise<SentCandidate[]>;
  /** Closes kept-alive connections. */
  close(): void;
}

/** A message Twilio holds that may be the one we sent. */
export interface SentCandidate extends SendResult {
  /** Twilio's `date_created`, in ms (Twilio gives whole seconds). */
  createdAt: number;
}

function withWhatsAppPrefix(address: string): string {
  return address.startsWith(WHATSAPP_PREFIX) ? address : `${WHATSAPP_PREFIX}${address}`;
}

/**
 * Sends SMS and WhatsApp messages with Twilio's Messages API.
 * https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 */
export function createTwilioSender(config: TwilioSenderConfig): TwilioSender {
  const httpClient = new ApiBaseUrlClient({
    apiBaseUrl: config.apiBaseUrl ?? TWILIO_API_BASE_URL,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const client = twilio(config.accountSid, config.authToken, { httpClient, autoRetry: false });
  const createMessage = createMessageRequest({
    accountSid: config.accountSid,
    authToken: config.authToken,
    apiBaseUrl: config.apiBaseUrl ?? TWILIO_API_BASE_URL,
    timeoutMs: config.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });

  const senderFor = (channel: Channel): { from: string } | { messagingServiceSid: string } | undefined => {
    if (config.messagingServiceSid) return { messagingServiceSid: config.messagingServiceSid };
    if (channel === 'whatsapp') {
      return config.whatsappFrom ? { from: withWhatsAppPrefix(config.whatsappFrom) } : undefined;
    }
    return config.smsFrom ? { from: config.smsFrom } : undefined;
  };

  return {
    async send({ channel, to, body, contentSid, mediaUrl, statusCallback }) {
      const sender = senderFor(channel);
      if (!sender) throw new SendError({ kind: 'rejected', detail: `no ${channel} sender configured` });
      return createMessage({
        To: channel === 'whatsapp' ? withWhatsAppPrefix(to) : to,
        ...(contentSid && channel === 'whatsapp' ? { ContentSid: contentSid } : { Body: body }),
        ...(mediaUrl && { MediaUrl: mediaUrl }),
        ...('from' in sender ? { From: sender.from } : { MessagingServiceSid: sender.messagingServiceSid }),
        ...(statusCallback !== undefined && { StatusCallback: statusCallback }),
      });
    },
    close: () => createMessage.close(),
    /**
     * After a send whose outcome is unknown (a timeout, or a process killed mid-call): what
     * did Twilio create for this number with this text since `since`? Several of our messages
     * can share a text ("I did not understand"), so the caller decides which one is whose.
     * https://www.twilio.com/docs/messaging/api/message-resource#read-multiple-message-resources
     */
    async findSent({ channel, to, body, since }) {
      try {
        const recent = await client.messages.list({
          to: channel === 'whatsapp' ? withWhatsAppPrefix(to) : to,
          // Newest first. No DateSent filter: a message still queued has no date_sent.
          limit: 50,
        });
        return recent
          .map((m) => ({
            sid: m.sid,
            status: m.status,
            body: m.body,
            createdAt: m.dateCreated?.getTime() ?? 0,
          }))
          .filter((m) => m.body === body && m.createdAt >= since)
          .map(({ sid, status, createdAt }) => ({ sid, status, createdAt }))
          .sort((a, b) => a.createdAt - b.createdAt);
      } catch (err) {
        throw sendErrorFromTwilio(err);
      }
    },
  };
}
