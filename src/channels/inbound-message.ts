/** Languages the bot speaks. Spanish is the source locale. */
export const LANGUAGES = ['es', 'en', 'fr', 'ht', 'pt'] as const;
export type Lang = (typeof LANGUAGES)[number];

export type Channel = 'sms' | 'whatsapp';

export interface InboundMedia {
  url: string;
  contentType: string;
  /** Twilio's media SID (`ME…`) and its message's SID, read from the URL; absent if it is not Twilio's shape. */
  sid?: string;
  messageSid?: string;
}

/**
 * What Faro keeps of a photo, document or voice note: Twilio's ids and the content type, never
 * the file and never its URL. Staff fetch the file through Faro (src/console/media-route.ts).
 */
export interface MediaRef {
  sid: string;
  messageSid: string;
  type: string;
}

/**
 * What every part past the channel adapter sees: never a Twilio form.
 * `address` is the channel address (`+5296...` or `whatsapp:+5296...`); it is hashed
 * before it becomes a key and encrypted before it is stored.
 */
export interface InboundMessage {
  id: string;
  channel: Channel;
  address: string;
  /** Our own number or sender the user wrote to (replies go out from it). */
  to: string;
  text: string;
  media: InboundMedia[];
  profileName?: string;
  receivedAt: number;
  /** A location the person shared (WhatsApp), rounded to about 100 m. */
  location?: { latitude: number; longitude: number };
}
