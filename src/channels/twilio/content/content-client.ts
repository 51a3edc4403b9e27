import type { ContentDefinition } from './build-content.ts';

export interface ContentSummary {
  sid: string;
  friendly_name: string;
  language: string;
}

export interface ContentClient {
  /** Every content resource of the account (all pages). */
  list(): Promise<ContentSummary[]>;
  create(def: ContentDefinition): Promise<ContentSummary>;
  remove(sid: string): Promise<void>;
}

export class ContentApiError extends Error {
  override name = 'ContentApiError';
  constructor(
    readonly status: number,
    readonly code: number | undefined,
  ) {
    super(`Content API answered ${status}${code ? ` (Twilio error ${code})` : ''}`);
  }
}

/**
 * Twilio's Content API (https://www.twilio.com/docs/content/content-api-resources): JSON over
 * HTTPS with Basic auth, at content.twilio.com in production and at `baseUrl` otherwise (a local
 * fake in tests). A list is paged: `{ contents: [...], meta: { next_page_url } }`; the next page's
 * path and query are followed on `baseUrl`, whatever host Twilio wrote in it.
 */
export function createContentClient({
  accountSid,
  authToken,
  baseUrl,
  timeoutMs = 10_000,
}: {
  accountSid: string;
  authToken: string;
  baseUrl: string;
  timeoutMs?: number;
}): ContentClient {
  const base = baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;

  async function call(method: string, path: string, body?: unknown): Promise<Record<string, unknown> | null> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        authorization,
        accept: 'application/json',
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
      ...(body !== undefined && { body: JSON.stringify(body) }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    if (!res.ok)
      throw new ContentApiError(res.status, typeof json?.code === 'number' ? json.code : undefined);
    return json;
  }

  const summary = (c: Record<string, unknown>): ContentSummary => ({
    sid: String(c.sid),
    friendly_name: String(c.friendly_name ?? ''),
    language: String(c.language ?? ''),
  });

  return {
    async list() {
      const all: ContentSummary[] = [];
      let path: string | null = '/v1/Content?PageSize=50';
      for (let pages = 0; path && pages < 200; pages++) {
        const json = await call('GET', path);
        const contents = Array.isArray(json?.contents) ? (json.contents as Record<string, unknown>[]) : [];
        all.push(...contents.map(summary));
        const next = (json?.meta as { next_page_url?: string | null } | undefined)?.next_page_url;
        path = next ? `${new URL(next).pathname}${new URL(next).search}` : null;
      }
      return all;
    },
    async create(def) {
      return summary((await call('POST', '/v1/Content', def)) ?? {});
    },
    async remove(sid) {
      await call('DELETE', `/v1/Content/${encodeURIComponent(sid)}`);
    },
  };
}
