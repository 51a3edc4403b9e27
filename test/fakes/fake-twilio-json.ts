/**
 * The JSON the fake Twilio answers with, shaped like Twilio's Message resource
 * (https://www.twilio.com/docs/messaging/api/message-resource) and its error body
 * (https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions).
 */

export const API_VERSION = '2010-04-01';

export interface FakeMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  /** `MediaUrl` values of the create request (files Twilio would fetch and send). */
  mediaUrls?: string[];
  statusCallback: string | null;
  status: string;
  dateCreated: Date;
  /** Sent as a content resource (a list, buttons or a template) instead of a body: its SID and variables. */
  contentSid?: string | null;
  contentVariables?: string | null;
}

/** Twilio's generic code for each HTTP status, used when a test gives none. */
const DEFAULT_CODE: Record<number, number> = { 400: 21601, 401: 20003, 404: 20404, 429: 20429, 500: 20500 };

/** Rough segment count (GSM-7 153/160, else UCS-2 67/70): enough for a fake. */
function segments(body: string): number {
  const gsm = /^[\x20-\x7e\n\r¡¿ñÑéÉüÜàèìòùÇ£¥§ÄÖäöøØåÅæÆß€]*$/.test(body);
  const [single, multi] = gsm ? [160, 153] : [70, 67];
  return body.length <= single ? 1 : Math.ceil(body.length / multi);
}

export function messageJson(m: FakeMessage) {
  const uri = `/${API_VERSION}/Accounts/${m.accountSid}/Messages/${m.sid}.json`;
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: m.dateCreated.toUTCString(),
    date_sent: null,
    date_updated: m.dateCreated.toUTCString(),
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: '0',
    num_segments: String(segments(m.body)),
    price: null,
    price_unit: 'USD',
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: uri.replace(/\.json$/, '/Media.json') },
    to: m.to,
    uri,
  };
}

export function errorJson(status: number, code?: number, message?: string) {
  const c = code ?? DEFAULT_CODE[status] ?? (status >= 500 ? 20500 : 21601);
  return {
    code: c,
    message: message ?? `Fake Twilio error ${c}`,
    more_info: `https://www.twilio.com/docs/errors/${c}`,
    status,
  };
}
