import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { MediaRef } from '../channels/inbound-message.ts';
import type { TwilioMediaApi } from '../channels/twilio/media-api.ts';
import type { ConversationStore } from '../store/store.ts';
import { HttpError, notFound, parseOr400 } from './http-error.ts';
import { type StaffApiDeps, staffOf } from './staff-api.ts';

export interface MediaRouteDeps {
  /** Twilio's Media API; null without Twilio (nothing to fetch). */
  twilioMedia: Pick<TwilioMediaApi, 'fetchMedia'> | null;
  mediaStore: Pick<ConversationStore, 'transcript'>;
}

/**
 * What a browser may be handed: pictures it can show, PDFs, and voice notes and audio it can
 * play. Anything else a person sent (a vCard, a video, an unknown type) stays at Twilio.
 */
const ALLOWED = new Set([
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'application/pdf',
  'audio/ogg',
  'audio/opus',
  'audio/mpeg',
  'audio/mp4',
  'audio/aac',
  'audio/amr',
  'audio/webm',
  'audio/wav',
]);

/** `audio/ogg; codecs=opus` → `audio/ogg`, when it is one Faro serves. */
export function servableType(type: string): string | null {
  const base = type.split(';')[0]!.trim().toLowerCase();
  return ALLOWED.has(base) ? base : null;
}

const Params = z.object({
  id: z.string().min(1).max(64),
  mediaSid: z.string().regex(/^ME[0-9a-fA-F]{32}$/),
});

/**
 * `GET /api/staff/tickets/:id/media/:mediaSid`: a photo, PDF or voice note the person sent,
 * fetched from Twilio with Faro's credentials and streamed on, never stored and never cached
 * by the browser. Same rule as the ticket itself (agents: the queue and their own tickets),
 * only while the ticket is open, and only media of that ticket's conversation.
 */
export async function mediaRoute(app: FastifyInstance, deps: StaffApiDeps & MediaRouteDeps) {
  app.get('/tickets/:id/media/:mediaSid', async (request, reply) => {
    const { id, mediaSid } = parseOr400(Params, request.params);
    const t = await deps.actions.view(staffOf(request), id);
    if (t.status === 'closed' || !t.conversationId) throw notFound('Media');
    const ref = findMedia(await deps.mediaStore.transcript(t.conversationId), mediaSid);
    const type = ref ? servableType(ref.type) : null;
    if (!ref || !type || !deps.twilioMedia) throw notFound('Media');
    const abort = new AbortController();
    request.raw.once('close', () => abort.abort());
    let res: Response;
    try {
      res = await deps.twilioMedia.fetchMedia(
        { messageSid: ref.messageSid, mediaSid: ref.sid },
        abort.signal,
      );
    } catch {
      throw new HttpError(502, 'Twilio did not answer');
    }
    if (res.status === 404) throw notFound('Media');
    if (!res.ok || !res.body) {
      await res.body?.cancel();
      throw new HttpError(502, 'Twilio did not give the file');
    }
    const length = res.headers.get('content-length');
    reply
      .header('content-type', type)
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="${ref.sid}.${extension(type)}"`);
    if (length && /^\d+$/.test(length)) reply.header('content-length', length);
    return reply.send(Readable.fromWeb(res.body as never));
  });
}

function findMedia(entries: Array<{ media?: MediaRef[] }>, mediaSid: string): MediaRef | null {
  for (const e of entries) for (const m of e.media ?? []) if (m.sid === mediaSid) return m;
  return null;
}

function extension(type: string): string {
  const sub = type.split('/')[1] ?? 'bin';
  return sub === 'jpeg' ? 'jpg' : sub === 'mpeg' ? 'mp3' : sub;
}
