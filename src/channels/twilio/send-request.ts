import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { sendErrorFromTwilio } from './send-error.ts';

export interface CreateMessageRequest {
  /** `+E164` or `whatsapp:+E164`. */
  To: string;
  /** The text; absent when a content resource or template is sent. */
  Body?: string;
  /** A content resource (`HX…`: a list, buttons or an approved template), sent instead of Body. */
  ContentSid?: string;
  /** A JSON string of the resource's variables, when it has any. */
  ContentVariables?: string;
  /** A file Twilio fetches and sends (https). */
  MediaUrl?: string;
  From?: string;
  MessagingServiceSid?: string;
  StatusCallback?: string;
}

export interface CreateMessage {
  (form: CreateMessageRequest): Promise<{ sid: string; status: string }>;
  close(): void;
}

/**
 * `POST /2010-04-01/Accounts/{AccountSid}/Messages.json`, form-encoded, Basic auth, as Twilio
 * documents it: https://www.twilio.com/docs/messaging/api/message-resource#create-a-message-resource
 * Error bodies are `{ code, message, more_info, status }`:
 * https://www.twilio.com/docs/usage/twilios-response#response-formats-exceptions
 *
 * Sending is the hot path of the outbox (one call per reply), so it is a plain keep-alive HTTP
 * request: the twilio SDK's client (axios, option merging, a response object per call) cost
 * ~0.5 ms of CPU per send in a profile. The SDK is still used for everything else. The URL is
 * the base URL as given: to send through a Twilio edge, set it to that edge's host.
 */
export function createMessageRequest({
  accountSid,
  authToken,
  apiBaseUrl,
  timeoutMs,
}: {
  accountSid: string;
  authToken: string;
  apiBaseUrl: string;
  timeoutMs: number;
}): CreateMessage {
  const base = new URL(apiBaseUrl);
  const https = base.protocol === 'https:';
  const agent = https
    ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
    : new HttpAgent({ keepAlive: true, maxSockets: 64 });
  const path = `${base.pathname.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(accountSid)}/Messages.json`;
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const send = https ? httpsRequest : httpRequest;

  const create = (form: CreateMessageRequest) =>
    new Promise<{ sid: string; status: string }>((resolve, reject) => {
      const body = new URLSearchParams(
        Object.entries(form).filter((e): e is [string, string] => e[1] !== undefined),
      ).toString();
      const req = send(
        {
          protocol: base.protocol,
          hostname: base.hostname,
          port: base.port || undefined,
          method: 'POST',
          path,
          agent,
          headers: {
            authorization,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': Buffer.byteLength(body),
            'user-agent': 'faro',
          },
        },
        (res) => {
          readJson(res).then(({ status, json }) => {
            if (status >= 200 && status < 300 && typeof json?.sid === 'string') {
              resolve({ sid: json.sid, status: typeof json.status === 'string' ? json.status : 'queued' });
              return;
            }
            const code = typeof json?.code === 'number' ? json.code : undefined;
            reject(sendErrorFromTwilio({ status: status >= 400 ? status : 502, code }));
          }, reject);
        },
      );
      // The whole request, not only the idle socket: Twilio may take the connection and never answer.
      const timer = setTimeout(() => {
        req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
      }, timeoutMs);
      req.on('close', () => clearTimeout(timer));
      req.on('error', (err) => {
        clearTimeout(timer);
        reject(sendErrorFromTwilio(err));
      });
      req.end(body);
    });
  return Object.assign(create, { close: () => agent.destroy() });
}

async function readJson(
  res: IncomingMessage,
): Promise<{ status: number; json: Record<string, unknown> | null }> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of res) chunks.push(chunk as Buffer);
  } catch (err) {
    throw sendErrorFromTwilio(err);
  }
  const status = res.statusCode ?? 0;
  try {
    return { status, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> };
  } catch {
    return { status, json: null };
  }
}
