import { z } from 'zod';
import type { InboundMessage } from '../inbound-message.ts';
import { textOfTap } from './content/tap-payload.ts';
import { MESSAGE_SID } from './message-sid.ts';

/**
 * Twilio's inbound message webhook, SMS and WhatsApp on one route. Twilio adds parameters
 * without notice, so unknown fields pass through. `SmsSid` and `SmsMessageSid` are older names
 * of `MessageSid`: when present they must be the same id (see message-sid.ts for why).
 * https://www.twilio.com/docs/messaging/guides/webhook-request
 */
const field = z.string().max(20_000);
const sid = z.string().regex(MESSAGE_SID);
export const inboundSchema = z
  .looseObject({
    MessageSid: sid,
    SmsSid: sid.optional(),
    SmsMessageSid: sid.optional(),
    From: z.string().min(1).max(256),
    To: z.string().min(1).max(256),
    Body: field.optional(),
    NumMedia: z
      .string()
      .regex(/^\d{1,2}$/)
      .optional(),
    ProfileName: z.string().max(256).optional(),
    ButtonText: field.optional(),
    // A tapped button or list row: its id (ours, tap-payload.ts) and label. Twilio documents
    // ButtonPayload; some integrations receive a list row as ListId/ListTitle.
    ButtonPayload: field.optional(),
    ListId: field.optional(),
    ListTitle: field.optional(),
    // A shared location. Read leniently: a bad pin is answered, not refused (readLocation).
    Latitude: z.string().max(64).optional(),
    Longitude: z.string().max(64).optional(),
  })
  .superRefine((f, ctx) => {
    for (const alias of ['SmsSid', 'SmsMessageSid'] as const) {
      if (f[alias] !== undefined && f[alias] !== f.MessageSid)
        ctx.addIssue({ code: 'custom', path: [alias], message: 'must equal MessageSid' });
    }
  });

export type ParseResult = { ok: true; message: InboundMessage } | { ok: false; fields: string[] };

const MAX_MEDIA = 10;

/** `…/Accounts/AC…/Messages/MM…/Media/ME…`: https://www.twilio.com/docs/messaging/api/media-resource */
const MEDIA_URL = /\/Messages\/((?:SM|MM)[0-9a-fA-F]{32})\/Media\/(ME[0-9a-fA-F]{32})\/?$/;

export function parseInbound(form: Record<string, unknown>, receivedAt: number): ParseResult {
  const parsed = inboundSchema.safeParse(form);
  if (!parsed.success) {
    return { ok: false, fields: [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'body')))] };
  }
  const f = parsed.data;
  const whatsapp = f.From.startsWith('whatsapp:');
  const count = Math.min(Number(f.NumMedia ?? '0'), MAX_MEDIA);
  const media: InboundMessage['media'] = [];
  for (let i = 0; i < count; i++) {
    const url = form[`MediaUrl${i}`];
    const type = form[`MediaContentType${i}`];
    const ids = typeof url === 'string' ? MEDIA_URL.exec(url.split('?')[0] ?? '') : null;
    media.push({
      url: typeof url === 'string' ? url : '',
      contentType: typeof type === 'string' ? type.slice(0, 100) : 'unknown',
      ...(ids && { messageSid: ids[1], sid: ids[2] }),
    });
  }
  // A tap on one of our rows or buttons is the number (or word) it stands for, whatever its
  // label; anything else a tap sends is read as the words it shows.
  const payload = f.ButtonPayload || f.ListId;
  const tapped = payload ? textOfTap(payload) : null;
  const text = tapped ?? ((f.Body ?? '') || (f.ButtonText ?? '') || (f.ListTitle ?? ''));
  const location = readLocation(f.Latitude, f.Longitude);
  return {
    ok: true,
    message: {
      id: f.MessageSid,
      channel: whatsapp ? 'whatsapp' : 'sms',
      address: f.From,
      to: f.To,
      text: text.slice(0, 5_000),
      media,
      profileName: f.ProfileName,
      receivedAt,
      ...(location && { location }),
    },
  };
}

/**
 * WhatsApp's location pin, in decimal degrees. Only the position is kept, rounded to about
 * 100 m: enough to find the nearest city and order places by distance, no more. Address and
 * Label (a place's name) are not read. Out of range or not a number: no location.
 */
function readLocation(lat: string | undefined, lon: string | undefined): InboundMessage['location'] {
  if (lat === undefined || lon === undefined) return undefined;
  const latitude = Number(lat);
  const longitude = Number(lon);
  if (lat.trim() === '' || lon.trim() === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude))
    return undefined;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return undefined;
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { latitude: round(latitude), longitude: round(longitude) };
}
