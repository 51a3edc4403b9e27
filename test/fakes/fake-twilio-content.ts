/**
 * Twilio's Content API in the fake (content.twilio.com/v1/Content), mounted by fake-twilio.ts on
 * the same server: create, list (paged), fetch and delete content resources, in the shapes Twilio
 * documents (https://www.twilio.com/docs/content/content-api-resources), and the `ContentSid`
 * sends on Messages.json. Limits of session lists and buttons are enforced as Twilio states them
 * (https://www.twilio.com/docs/content/twiliolist-picker, /twilio-quick-reply), so a test fails
 * where Twilio would refuse.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface FakeContent {
  sid: string;
  accountSid: string;
  friendlyName: string;
  language: string;
  variables: Record<string, string>;
  types: Record<string, Record<string, unknown>>;
  dateCreated: Date;
}

export interface FakeContentApi {
  contents: Map<string, FakeContent>;
  /** Every request to /v1/Content, for tests that count calls ("sync again creates nothing"). */
  calls: Array<{ method: string; path: string }>;
  /** Answers a /v1/Content request; false when the path is not the Content API's. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>;
  /**
   * The Messages.json fields of a content send: the text the person gets (`twilio/text`), or
   * Twilio's error when the SID is unknown or a Body comes with it.
   */
  messageContent(
    form: URLSearchParams,
  ):
    | { contentSid: string; contentVariables: string | null; body: string }
    | { error: [number, number, string] }
    | null;
}

const PUBLIC_HOST = 'https://content.twilio.com';
const ONE = /^\/v1\/Content\/(HX[0-9a-f]{32})$/;

function contentJson(c: FakeContent) {
  const url = `${PUBLIC_HOST}/v1/Content/${c.sid}`;
  return {
    sid: c.sid,
    account_sid: c.accountSid,
    friendly_name: c.friendlyName,
    language: c.language,
    variables: c.variables,
    types: c.types,
    url,
    date_created: c.dateCreated.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    date_updated: c.dateCreated.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    links: { approval_create: `${url}/ApprovalRequests/whatsapp`, approval_fetch: `${url}/ApprovalRequests` },
  };
}

function send(res: ServerResponse, status: number, json?: unknown) {
  if (json === undefined) return void res.writeHead(status).end();
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

function fail(res: ServerResponse, status: number, code: number, message: string) {
  send(res, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

const chars = (v: unknown) => (typeof v === 'string' ? [...v].length : -1);

/** What Twilio refuses in a resource, as its docs state the limits; null when it is fine. */
function problem(body: Record<string, unknown>): string | null {
  if (typeof body.language !== 'string' || !body.language) return 'language is required';
  const types = body.types as Record<string, Record<string, unknown>> | undefined;
  if (!types || typeof types !== 'object' || Object.keys(types).length === 0) return 'types is required';
  const text = types['twilio/text'];
  if (text && (chars(text.body) < 1 || chars(text.body) > 1600)) return 'twilio/text body must be 1-1600';
  const list = types['twilio/list-picker'];
  if (list) {
    const items = list.items as Array<Record<string, unknown>> | undefined;
    if (chars(list.body) < 1 || chars(list.body) > 1024) return 'list-picker body must be 1-1024';
    if (chars(list.button) < 1 || chars(list.button) > 20) return 'list-picker button must be 1-20';
    if (!Array.isArray(items) || items.length < 1 || items.length > 10) return 'list-picker needs 1-10 items';
    for (const i of items) {
      if (chars(i.item) < 1 || chars(i.item) > 24) return `item "${i.item}" must be 1-24`;
      if (chars(i.id) < 1 || chars(i.id) > 200) return 'item id must be 1-200';
      if (i.description !== undefined && chars(i.description) > 72) return 'item description over 72';
    }
  }
  const quick = types['twilio/quick-reply'];
  if (quick) {
    const actions = quick.actions as Array<Record<string, unknown>> | undefined;
    if (chars(quick.body) < 1 || chars(quick.body) > 1024) return 'quick-reply body must be 1-1024';
    // Three buttons in a session message (more only in an approved template).
    if (!Array.isArray(actions) || actions.length < 1 || actions.length > 3)
      return 'quick-reply needs 1-3 actions';
    for (const a of actions)
      if (chars(a.title) < 1 || chars(a.title) > 20) return `title "${a.title}" must be 1-20`;
  }
  return null;
}

export function createFakeContentApi({ accountSid }: { accountSid: string }): FakeContentApi {
  const contents = new Map<string, FakeContent>();
  const calls: FakeContentApi['calls'] = [];

  return {
    contents,
    calls,
    async handle(req, res, url) {
      if (url.pathname !== '/v1/Content' && !url.pathname.startsWith('/v1/Content/')) return false;
      calls.push({ method: req.method ?? 'GET', path: url.pathname });
      const one = ONE.exec(url.pathname);
      if (url.pathname === '/v1/Content' && req.method === 'POST') {
        const chunks: Buffer[] = [];
        for await (const chunk of req) chunks.push(chunk as Buffer);
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          fail(res, 400, 20001, 'Invalid JSON');
          return true;
        }
        const wrong = problem(body);
        if (wrong) {
          fail(res, 400, 20001, wrong);
          return true;
        }
        const c: FakeContent = {
          sid: `HX${randomBytes(16).toString('hex')}`,
          accountSid,
          friendlyName: typeof body.friendly_name === 'string' ? body.friendly_name : '',
          language: body.language as string,
          variables: (body.variables as Record<string, string>) ?? {},
          types: body.types as FakeContent['types'],
          dateCreated: new Date(),
        };
        contents.set(c.sid, c);
        send(res, 201, contentJson(c));
        return true;
      }
      if (url.pathname === '/v1/Content' && req.method === 'GET') {
        const size = Math.min(Math.max(Number(url.searchParams.get('PageSize') ?? 50) || 50, 1), 1000);
        const page = Math.max(Number(url.searchParams.get('Page') ?? 0) || 0, 0);
        const all = [...contents.values()];
        const slice = all.slice(page * size, (page + 1) * size);
        const at = (p: number) => `${PUBLIC_HOST}/v1/Content?PageSize=${size}&Page=${p}`;
        send(res, 200, {
          contents: slice.map(contentJson),
          meta: {
            page,
            page_size: size,
            first_page_url: at(0),
            previous_page_url: page > 0 ? at(page - 1) : null,
            url: at(page),
            next_page_url: (page + 1) * size < all.length ? `${at(page + 1)}&PageToken=PT${page + 1}` : null,
            key: 'contents',
          },
        });
        return true;
      }
      if (one && (req.method === 'GET' || req.method === 'DELETE')) {
        const c = contents.get(one[1]!);
        if (!c) fail(res, 404, 20404, 'The requested resource was not found');
        else if (req.method === 'GET') send(res, 200, contentJson(c));
        else {
          contents.delete(c.sid);
          send(res, 204);
        }
        return true;
      }
      fail(res, 405, 20004, 'Method not allowed');
      return true;
    },
    messageContent(form) {
      const sid = form.get('ContentSid');
      if (!sid) return null;
      // A content send carries no Body: the resource is the message.
      if (form.get('Body')) return { error: [400, 21619, 'A text message body or ContentSid, not both'] };
      const c = contents.get(sid);
      if (!c) return { error: [400, 21655, 'The ContentSid is Invalid'] };
      const text = c.types['twilio/text']?.body;
      return {
        contentSid: sid,
        contentVariables: form.get('ContentVariables'),
        body: typeof text === 'string' ? text : '',
      };
    },
  };
}
