/**
 * Whether WhatsApp approved a Content API template, as Twilio reports it:
 * `GET https://content.twilio.com/v1/Content/{ContentSid}/ApprovalRequests`
 * (https://www.twilio.com/docs/content/api-resources/content-api-resources#fetch-an-approval-status).
 * The answer's `whatsapp.status` is one of received, pending, approved, rejected, paused,
 * disabled, unsubmitted; only `approved` may be sent outside the 24-hour window.
 */
export interface TemplateApproval {
  sid: string;
  status: string;
  category: string | null;
  rejectionReason: string | null;
}

export type FetchApproval = (sid: string) => Promise<TemplateApproval>;

const CONTENT_SID = /^HX[0-9a-fA-F]{32}$/;

export function createFetchApproval({
  accountSid,
  authToken,
  contentBaseUrl,
  timeoutMs = 10_000,
}: {
  accountSid: string;
  authToken: string;
  contentBaseUrl: string;
  timeoutMs?: number;
}): FetchApproval {
  const base = contentBaseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  return async (sid) => {
    if (!CONTENT_SID.test(sid)) return { sid, status: 'unknown', category: null, rejectionReason: null };
    const res = await fetch(`${base}/v1/Content/${sid}/ApprovalRequests`, {
      headers: { authorization, accept: 'application/json', 'user-agent': 'faro' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return { sid, status: 'not_found', category: null, rejectionReason: null };
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new Error(`content api: HTTP ${res.status}`);
    }
    const json = (await res.json()) as { whatsapp?: Record<string, unknown> | null };
    const wa = json.whatsapp ?? {};
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      sid,
      status: text(wa.status) ?? 'unsubmitted',
      category: text(wa.category),
      rejectionReason: text(wa.rejection_reason),
    };
  };
}
