/**
 * The fake Twilio's Content API approval lookups for WhatsApp templates, in Twilio's shape:
 * `GET /v1/Content/{ContentSid}/ApprovalRequests`
 * (https://www.twilio.com/docs/content/api-resources/content-api-resources#fetch-an-approval-status).
 * Tests point TWILIO_CONTENT_BASE_URL at the fake and set each template's status.
 * Mounted by fake-twilio.ts (credentials checked there).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { errorJson } from './fake-twilio-json.ts';

export interface FakeTwilioTemplates {
  /** A template Twilio holds, and what WhatsApp said of it (approved, pending, rejected, …). */
  set(sid: string, status: string, opts?: { rejectionReason?: string }): void;
  /** Whether the sid is a template set here (a send with it is a template send). */
  has(sid: string): boolean;
  /** How many approval lookups were made (Faro caches them). */
  lookups: () => number;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

const APPROVAL = /^\/v1\/Content\/(HX[0-9a-fA-F]{32})\/ApprovalRequests$/;

export function createFakeTwilioTemplates({ accountSid }: { accountSid: string }): FakeTwilioTemplates {
  const templates = new Map<string, { status: string; rejectionReason: string }>();
  let lookups = 0;
  return {
    set(sid, status, opts = {}) {
      templates.set(sid, { status, rejectionReason: opts.rejectionReason ?? '' });
    },
    has: (sid) => templates.has(sid),
    lookups: () => lookups,
    handle(req, res, url) {
      const match = APPROVAL.exec(url.pathname);
      if (!match || req.method !== 'GET') return false;
      lookups++;
      const t = templates.get(match[1]!);
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (!t) {
        json(404, errorJson(404, 20404));
        return true;
      }
      json(200, {
        account_sid: accountSid,
        sid: match[1],
        url: `https://content.twilio.com/v1/Content/${match[1]}/ApprovalRequests`,
        whatsapp: {
          type: 'whatsapp',
          name: 'faro_recontact',
          category: 'UTILITY',
          content_type: 'twilio/text',
          status: t.status,
          rejection_reason: t.rejectionReason,
          allow_category_change: false,
        },
      });
      return true;
    },
  };
}
