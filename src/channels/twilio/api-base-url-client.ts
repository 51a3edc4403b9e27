import twilio from 'twilio';
import type RequestClient from 'twilio/lib/base/RequestClient.js';

export const TWILIO_API_BASE_URL = 'https://api.twilio.com';

/**
 * Hosts of Twilio's core REST API: `api.twilio.com`, or with the SDK's edge/region rewrite
 * (`TWILIO_EDGE`/`TWILIO_REGION`) `api.sydney.au1.twilio.com`. Other products' hosts
 * (messaging.twilio.com, …) are left alone: the base URL stands in for the core API only.
 */
const CORE_API_HOST = /^api(\.[a-z0-9-]+){0,2}\.twilio\.com$/i;

/**
 * Points a Twilio SDK URL at `base`, keeping path and query. The SDK's generated resources build
 * absolute URLs on `https://api.twilio.com` (twilio/lib/rest/ApiBase.js), so there is no
 * base-URL option to set; the http client is the one seam every request passes through.
 */
export function rewriteApiUri(uri: string, base: URL): string {
  const url = new URL(uri);
  if (!CORE_API_HOST.test(url.hostname)) return uri;
  const prefix = base.pathname.replace(/\/+$/, '');
  return `${base.origin}${prefix}${url.pathname}${url.search}`;
}

export interface ApiBaseUrlClientOptions {
  apiBaseUrl: string;
  timeoutMs: number;
}

/**
 * The SDK's RequestClient with every core-API request sent to `apiBaseUrl` (a local fake in tests,
 * a proxy in staging). Pass it as `twilio(sid, token, { httpClient })`. It never retries:
 * `autoRetry` stays off because retries belong to the outbox, which sees every attempt.
 */
export class ApiBaseUrlClient extends twilio.RequestClient {
  private readonly base: URL | undefined;

  constructor({ apiBaseUrl, timeoutMs }: ApiBaseUrlClientOptions) {
    super({ timeout: timeoutMs, autoRetry: false });
    const base = new URL(apiBaseUrl);
    // With the real API, leave URLs untouched so the SDK's edge/region routing still applies.
    this.base = base.href === new URL(TWILIO_API_BASE_URL).href ? undefined : base;
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>) {
    if (!this.base) return super.request(opts);
    return super.request({ ...opts, uri: rewriteApiUri(opts.uri, this.base) });
  }
}
