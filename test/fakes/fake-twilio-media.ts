/**
 * The fake Twilio's Media and message-deletion endpoints, in Twilio's shapes
 * (https://www.twilio.com/docs/messaging/api/media-resource,
 * https://www.twilio.com/docs/messaging/api/message-resource#delete-a-message-resource):
 * - `GET …/Messages/{MessageSid}/Media/{MediaSid}`: the file (as Twilio, through a redirect to a
 *   short-lived URL that needs no credentials)
 * - `GET …/Messages/{MessageSid}/Media/{MediaSid}.json`, `GET …/Messages/{MessageSid}/Media.json`
 * - `DELETE …/Messages/{MessageSid}/Media/{MediaSid}.json`, `DELETE …/Messages/{MessageSid}.json`: 204
 * Mounted by fake-twilio.ts; a test adds a person's inbound message with its files.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { API_VERSION, errorJson } from './fake-twilio-json.ts';

export interface FakeMediaFile {
  sid: string;
  messageSid: string;
  contentType: string;
  bytes: Buffer;
  dateCreated: Date;
}

export interface FakeTwilioMedia {
  /** An inbound message with files, as Twilio holds it; returns the webhook's MediaUrl{i} values. */
  addInbound(
    files: Array<{ contentType: string; bytes: Buffer }>,
    messageSid?: string,
  ): {
    messageSid: string;
    urls: string[];
    sids: string[];
  };
  /** Message SIDs Twilio holds for inbound messages (a test's webhook form) besides the sent ones. */
  knowMessage(sid: string): void;
  /** What was deleted, in order: `SM…`/`MM…` for messages, `MM…/ME…` for media. */
  deleted: string[];
  /** GETs of a file (message SID / media SID), to check the browser went through Faro. */
  fetched: string[];
  /** The next N DELETEs answer 500. */
  failNextDeletes(count: number): void;
  /** Whether a message or media is still at Twilio. */
  exists(ref: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, url: URL): boolean;
}

const SID = '[A-Z]{2}[0-9a-fA-F]{32}';
const FILE = new RegExp(
  `^/${API_VERSION}/Accounts/(AC[0-9a-fA-F]{32})/Messages/(${SID})/Media/(${SID})(\\.json)?$`,
);
const LIST = new RegExp(`^/${API_VERSION}/Accounts/(AC[0-9a-fA-F]{32})/Messages/(${SID})/Media\\.json$`);
const MESSAGE = new RegExp(`^/${API_VERSION}/Accounts/(AC[0-9a-fA-F]{32})/Messages/(${SID})\\.json$`);
/** The short-lived file URL Twilio redirects to (no credentials). */
const CONTENT = /^\/fake-media-content\/(ME[0-9a-f]{32})$/;

export function createFakeTwilioMedia({
  accountSid,
  baseUrl,
  sentMessageSids,
}: {
  accountSid: string;
  baseUrl: () => string;
  /** The SIDs of messages the fake created (sent by Faro). */
  sentMessageSids: () => string[];
}): FakeTwilioMedia {
  const files = new Map<string, FakeMediaFile>();
  const inbound = new Set<string>();
  const gone = new Set<string>();
  const deleted: string[] = [];
  const fetched: string[] = [];
  let failDeletes = 0;

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  /** Answers 404 and says the request was handled. */
  const notFound = (res: ServerResponse) => {
    json(res, 404, errorJson(404, 20404));
    return true;
  };
  const mediaJson = (f: FakeMediaFile) => ({
    account_sid: accountSid,
    content_type: f.contentType,
    date_created: f.dateCreated.toUTCString(),
    date_updated: f.dateCreated.toUTCString(),
    parent_sid: f.messageSid,
    sid: f.sid,
    uri: `/${API_VERSION}/Accounts/${accountSid}/Messages/${f.messageSid}/Media/${f.sid}.json`,
  });
  const messageExists = (sid: string) =>
    !gone.has(sid) && (inbound.has(sid) || sentMessageSids().includes(sid));

  return {
    deleted,
    fetched,
    addInbound(list, messageSid = `MM${randomBytes(16).toString('hex')}`) {
      inbound.add(messageSid);
      const sids: string[] = [];
      for (const f of list) {
        const sid = `ME${randomBytes(16).toString('hex')}`;
        files.set(sid, {
          sid,
          messageSid,
          contentType: f.contentType,
          bytes: f.bytes,
          dateCreated: new Date(),
        });
        sids.push(sid);
      }
      const urls = sids.map(
        (sid) =>
          `https://api.twilio.com/${API_VERSION}/Accounts/${accountSid}/Messages/${messageSid}/Media/${sid}`,
      );
      return { messageSid, urls, sids };
    },
    knowMessage: (sid) => void inbound.add(sid),
    failNextDeletes: (count) => {
      failDeletes = count;
    },
    exists(ref) {
      const [message = '', media] = ref.split('/');
      return media ? files.has(media) && !gone.has(media) : messageExists(message);
    },
    handle(req, res, url) {
      const content = CONTENT.exec(url.pathname);
      if (content && req.method === 'GET') {
        const f = files.get(content[1]!);
        if (!f || gone.has(f.sid)) return notFound(res);
        res.writeHead(200, { 'content-type': f.contentType, 'content-length': f.bytes.length }).end(f.bytes);
        return true;
      }
      // Everything below needs the account's credentials (fake-twilio.ts checked them).
      const file = FILE.exec(url.pathname);
      const list = LIST.exec(url.pathname);
      const message = MESSAGE.exec(url.pathname);
      const account = (file ?? list ?? message)?.[1];
      if (!account || account !== accountSid) return false;
      if (req.method === 'DELETE' && failDeletes > 0) {
        failDeletes--;
        json(res, 500, errorJson(500));
        return true;
      }
      if (file) {
        const [, , messageSid, mediaSid, dotJson] = file;
        const f = files.get(mediaSid!);
        if (!f || f.messageSid !== messageSid || gone.has(f.sid)) return notFound(res);
        if (req.method === 'DELETE' && dotJson) {
          gone.add(f.sid);
          deleted.push(`${messageSid}/${mediaSid}`);
          res.writeHead(204).end();
        } else if (req.method === 'GET' && dotJson) json(res, 200, mediaJson(f));
        else if (req.method === 'GET') {
          fetched.push(`${messageSid}/${mediaSid}`);
          res.writeHead(307, { location: `${baseUrl()}/fake-media-content/${f.sid}` }).end();
        } else json(res, 405, errorJson(405, 20004));
        return true;
      }
      if (list && req.method === 'GET') {
        const media = [...files.values()].filter((f) => f.messageSid === list[2] && !gone.has(f.sid));
        json(res, 200, {
          media_list: media.map(mediaJson),
          page: 0,
          page_size: 50,
          start: 0,
          end: media.length - 1,
        });
        return true;
      }
      if (message && req.method === 'DELETE') {
        const sid = message[2]!;
        if (!messageExists(sid)) return notFound(res);
        gone.add(sid);
        deleted.push(sid);
        res.writeHead(204).end();
        return true;
      }
      return false;
    },
  };
}
