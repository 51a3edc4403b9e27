/**
 * Twilio's message ids: `SM` (SMS, WhatsApp) or `MM` (MMS) and 32 hex digits.
 * https://www.twilio.com/docs/messaging/api/message-resource#message-properties
 *
 * Checking the shape matters for more than tidiness: Twilio's signature joins every key and
 * value without a separator, so a captured request re-cut at another boundary
 * (`MessageSid=SM…` + `NumMedia=0` → `MessageSid=SM…NumMedia0`) keeps its signature. A re-cut id
 * is never 34 characters of this shape, so it cannot pass as a new message.
 */
export const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

export const isMessageSid = (value: unknown): value is string =>
  typeof value === 'string' && MESSAGE_SID.test(value);
