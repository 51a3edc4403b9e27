/**
 * A local fake of Twilio's Messages API, for tests, staging and benchmarks: point the sender's
 * `apiBaseUrl` at `baseUrl`. It serves `POST` and `GET /2010-04-01/Accounts/{sid}/Messages.json`
 * with Basic auth, and sends signed status callbacks.
 *
 * Standalone: `npx tsx test/fakes/fake-twilio.ts --port 4010 [--account-sid AC… --auth-token …]`
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import twilio from 'twilio';
import { createFakeContentApi, type FakeContentApi } from './fake-twilio-content.ts';
import { API_VERSION, errorJson, type FakeMessage, messageJson } from './fake-twilio-json.ts';
import { createFakeTwilioMedia, type FakeTwilioMedia } from './fake-twilio-media.ts';
import { createFakeTwilioTemplates, type FakeTwilioTemplates } from './fake-twilio-templates.ts';

export type { FakeMessage };

/**
 * `hang`: never answers, creates nothing. `created-then-hang`: creates the message, then never
 * answers (the sender cannot know it went). `reset`: drops the connection.
 */
export type FakeFailure =
  | { status: number; code?: number; message?: string }
  | 'hang'
  | 'created-then-hang'
  | 'reset';

export interface FakeTwilioOptions {
  accountSid: string;
  authToken: string;
  port?: number;
  onMessage?: (message: FakeMessage) => void;
  /** Answer a create this long after the message exists (a sender killed meanwhile cannot know). */
  responseDelayMs?: number;
}

export interface FakeTwilio {
  baseUrl: string;
  messages: FakeMessage[];
  /** Media files and deletions (fake-twilio-media.ts). */
  media: FakeTwilioMedia;
  /** WhatsApp template approvals, for TWILIO_CONTENT_BASE_URL (fake-twilio-templates.ts). */
  templates: FakeTwilioTemplates;
  /** The Content API (/v1/Content…) on the same base URL. */
  content: FakeContentApi;
  /** Answers the next POSTs to Messages.json with these, in order, instead of creating messages. */
  failNext(responses: FakeFailure[]): void;
  /** How many of those are still to come. */
  failuresLeft(): number;
  waitForMessages(count: number, timeoutMs?: number): Promise<FakeMessage[]>;
  /** POSTs a signed status callback to the message's StatusCallback URL, as Twilio does. */
  deliverStatus(
    sid: string,
    status: string,
    opts?: { authToken?: string; errorCode?: number },
  ): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([^/]+)\/Messages\.json$/;

function send(res: ServerResponse | null, status: number, json: unknown): void {
  res?.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
}

function sendError(res: ServerResponse | null, status: number, code?: number, message?: string): void {
  send(res, status, errorJson(status, code, message));
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeTwilio(options: FakeTwilioOptions): Promise<FakeTwilio> {
  const { accountSid, authToken } = options;
  const expectedAuth = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const messages: FakeMessage[] = [];
  const failures: FakeFailure[] = [];
  const waiters = new Set<() => void>();
  let baseUrl = '';
  const media = createFakeTwilioMedia({
    accountSid,
    baseUrl: () => baseUrl,
    sentMessageSids: () => messages.map((m) => m.sid),
  });
  const templates = createFakeTwilioTemplates({ accountSid });
  const content = createFakeContentApi({ accountSid });

  /** `res` null: create without answering. */
  const create = (res: ServerResponse | null, form: URLSearchParams) => {
    const to = form.get('To');
    const from = form.get('From');
    const messagingServiceSid = form.get('MessagingServiceSid');
    const contentSid = form.get('ContentSid');
    // A re-contact template is known to the approvals fake; a list or buttons to the Content API's.
    const template = contentSid !== null && templates.has(contentSid);
    const rich = template ? null : content.messageContent(form);
    if (rich && 'error' in rich) return sendError(res, ...rich.error);
    const body = rich ? rich.body : form.get('Body');
    if (!to) return sendError(res, 400, 21604, "A 'To' phone number is required.");
    if (!from && !messagingServiceSid)
      return sendError(res, 400, 21603, "A 'From' phone number is required.");
    if (!body && !contentSid) return sendError(res, 400, 21602, 'Message body is required.');
    const message: FakeMessage = {
      sid: `SM${randomBytes(16).toString('hex')}`,
      accountSid,
      to,
      from,
      messagingServiceSid,
      body: body ?? '',
      contentSid,
      mediaUrls: form.getAll('MediaUrl'),
      statusCallback: form.get('StatusCallback'),
      // Twilio's initial status: `accepted` through a Messaging Service, else `queued`.
      status: messagingServiceSid ? 'accepted' : 'queued',
      dateCreated: new Date(),
      ...(rich && { contentSid: rich.contentSid, contentVariables: rich.contentVariables }),
    };
    messages.push(message);
    options.onMessage?.(message);
    for (const wake of waiters) wake();
    if (options.responseDelayMs)
      setTimeout(() => send(res, 201, messageJson(message)), options.responseDelayMs);
    else send(res, 201, messageJson(message));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const match = MESSAGES_PATH.exec(url.pathname);
    // A media file's short-lived URL needs no credentials, as at Twilio.
    if (url.pathname.startsWith('/fake-media-content/') && media.handle(req, res, url)) return;
    if (req.headers.authorization !== expectedAuth) return sendError(res, 401, 20003, 'Authenticate');
    if (media.handle(req, res, url) || templates.handle(req, res, url)) return;
    if (await content.handle(req, res, url)) return;
    if (!match || match[1] !== accountSid)
      return sendError(res, 404, 20404, 'The requested resource was not found');
    if (req.method === 'GET') {
      // Twilio filters the list by To (and From); newest first.
      const to = url.searchParams.get('To');
      const from = url.searchParams.get('From');
      const page = [...messages]
        .reverse()
        .filter((m) => (!to || m.to === to) && (!from || m.from === from))
        .map(messageJson);
      return send(res, 200, { messages: page, page: 0, page_size: 50, start: 0, end: page.length - 1 });
    }
    if (req.method !== 'POST') return sendError(res, 405, 20004, 'Method not allowed');
    const form = new URLSearchParams(await readBody(req));
    const failure = failures.shift();
    if (failure === 'hang') return; // the client's timeout must end it
    if (failure === 'created-then-hang') return void create(null, form);
    if (failure === 'reset') return req.socket.destroy();
    if (failure) return sendError(res, failure.status, failure.code, failure.message);
    create(res, form);
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    baseUrl,
    messages,
    media,
    templates,
    content,
    failNext: (responses) => void failures.push(...responses),
    failuresLeft: () => failures.length,
    waitForMessages(count, timeoutMs = 2000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(messages.slice(0, count));
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake Twilio: ${messages.length}/${count} messages after ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async deliverStatus(sid, status, opts = {}) {
      const message = messages.find((m) => m.sid === sid);
      if (!message?.statusCallback) throw new Error(`fake Twilio: no status callback for ${sid}`);
      message.status = status;
      // Fields of Twilio's status callback request:
      // https://www.twilio.com/docs/messaging/guides/track-outbound-message-status
      const params: Record<string, string> = {
        AccountSid: accountSid,
        ApiVersion: API_VERSION,
        MessageSid: sid,
        MessageStatus: status,
        SmsSid: sid,
        SmsStatus: status,
        To: message.to,
        ...(message.from && { From: message.from }),
        ...(message.messagingServiceSid && { MessagingServiceSid: message.messagingServiceSid }),
        ...(opts.errorCode !== undefined && { ErrorCode: String(opts.errorCode) }),
      };
      const url = message.statusCallback;
      const signature = twilio.getExpectedTwilioSignature(opts.authToken ?? authToken, url, params);
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
        body: new URLSearchParams(params).toString(),
      });
      return { status: res.status, body: await res.text() };
    },
    close() {
      server.closeAllConnections(); // hung requests and keep-alive sockets would hold close() open
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}

/** `+5296****1234`: enough to tell test numbers apart without printing one whole. */
export function maskAddress(address: string): string {
  return address.replace(/(\+\d{4})\d+(\d{4})$/, (_, head: string, tail: string) => `${head}****${tail}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4010' },
      'account-sid': { type: 'string' },
      'auth-token': { type: 'string' },
    },
  });
  const fake = await startFakeTwilio({
    accountSid: values['account-sid'] ?? process.env.TWILIO_ACCOUNT_SID ?? `AC${'0'.repeat(32)}`,
    authToken: values['auth-token'] ?? process.env.TWILIO_AUTH_TOKEN ?? 'fake-auth-token',
    port: Number(values.port),
    onMessage: (m) =>
      console.log(
        `${m.sid} to=${maskAddress(m.to)} from=${m.from ?? m.messagingServiceSid} ${JSON.stringify(m.body)}`,
      ),
  });
  console.log(`fake Twilio listening on ${fake.baseUrl}`);
  process.once('SIGINT', () => void fake.close().then(() => process.exit(0)));
}
