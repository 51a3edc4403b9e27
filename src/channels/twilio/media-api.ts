import { SendError, sendErrorFromTwilio } from './send-error.ts';

/**
 * Twilio's Media and Message resources, for what Faro does besides sending: staff open a
 * person's photo or voice note through Faro, and an erase deletes messages and media at Twilio.
 * - Media: https://www.twilio.com/docs/messaging/api/media-resource (GET without `.json` answers
 *   with the file, usually through a redirect to a short-lived URL; `DELETE ….json` removes it)
 * - Message: https://www.twilio.com/docs/messaging/api/message-resource#delete-a-message-resource
 * Every call goes through TWILIO_API_BASE_URL (a local fake in tests), with Basic auth.
 */
export interface TwilioMediaApi {
  /** The file, to stream on; never cached, never handed to a browser as a Twilio URL. */
  fetchMedia(ids: { messageSid: string; mediaSid: string }, signal?: AbortSignal): Promise<Response>;
  /** Deletes a media resource or a message (`MM…/ME…` or `SM…`); gone already counts as done. */
  deleteResource(ref: string): Promise<void>;
}

const SID = /^(SM|MM|ME)[0-9a-fA-F]{32}$/;

export function createTwilioMediaApi({
  accountSid,
  authToken,
  apiBaseUrl,
  timeoutMs = 10_000,
}: {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  timeoutMs?: number;
}): TwilioMediaApi {
  const base = `${apiBaseUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const call = async (method: 'GET' | 'DELETE', path: string, signal?: AbortSignal) => {
    try {
      // fetch drops the Authorization header when Twilio redirects to another host (the file's).
      return await fetch(`${base}${path}`, {
        method,
        headers: { authorization, 'user-agent': 'faro' },
        redirect: 'follow',
        signal: signal
          ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      const name = (err as Error).name;
      throw new SendError({
        kind: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network',
        detail: name,
      });
    }
  };

  return {
    async fetchMedia({ messageSid, mediaSid }, signal) {
      if (!SID.test(messageSid) || !SID.test(mediaSid))
        throw new SendError({ kind: 'rejected', detail: 'bad sid' });
      return call('GET', `/Messages/${messageSid}/Media/${mediaSid}`, signal);
    },
    async deleteResource(ref) {
      const [messageSid = '', mediaSid] = ref.split('/');
      if (!SID.test(messageSid) || (mediaSid !== undefined && !SID.test(mediaSid)))
        throw new SendError({ kind: 'rejected', detail: 'bad sid' });
      const path = mediaSid
        ? `/Messages/${messageSid}/Media/${mediaSid}.json`
        : `/Messages/${messageSid}.json`;
      const res = await call('DELETE', path);
      await res.body?.cancel();
      if (res.ok || res.status === 404) return;
      throw sendErrorFromTwilio({ status: res.status });
    },
  };
}
