/**
 * The staff API (docs/staff-api.md). Every state-changing request carries the CSRF token from
 * the session; a 401 anywhere but the login itself means the session ended.
 */
export class ApiError extends Error {
  constructor({ status, body, retryAfter }) {
    super(body?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.body = body;
    /** Seconds, from the Retry-After header of a 429, when the server sent one. */
    this.retryAfter = retryAfter;
  }
}

export function createApi({ onUnauthorized }) {
  let csrfToken = null;

  async function request(method, path, body) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let res;
    try {
      res = await fetch(path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
        cache: 'no-store',
      });
    } catch (cause) {
      throw new ApiError({ status: 0, body: { message: String(cause) } });
    }
    const data = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) {
      if (res.status === 401 && path !== '/api/staff/session') onUnauthorized();
      const retry = Number(res.headers.get('retry-after'));
      throw new ApiError({
        status: res.status,
        body: data,
        retryAfter: Number.isFinite(retry) && retry > 0 ? retry : undefined,
      });
    }
    return data;
  }

  const ticketPath = (id, action = '') =>
    `/api/staff/tickets/${encodeURIComponent(id)}${action ? `/${action}` : ''}`;

  async function remember(sessionPromise) {
    const session = await sessionPromise;
    csrfToken = session.csrfToken;
    return session;
  }

  return {
    login: (username, password) => remember(request('POST', '/api/staff/session', { username, password })),
    session: () => remember(request('GET', '/api/staff/session')),
    async logout() {
      try {
        await request('DELETE', '/api/staff/session');
      } finally {
        csrfToken = null;
      }
    },
    tickets: (status) => request('GET', `/api/staff/tickets?status=${encodeURIComponent(status)}`),
    ticket: (id) => request('GET', ticketPath(id)),
    claim: (id) => request('POST', ticketPath(id, 'claim')),
    reply: (id, text) => request('POST', ticketPath(id, 'messages'), { text }),
    addNote: (id, text) => request('POST', ticketPath(id, 'notes'), { text }),
    setLabels: (id, labels) => request('PUT', ticketPath(id, 'labels'), { labels }),
    transfer: (id, to) => request('POST', ticketPath(id, 'transfer'), { to }),
    close: (id, outcome) => request('POST', ticketPath(id, 'close'), { outcome }),
    reveal: (id) => request('POST', ticketPath(id, 'reveal')),
    staff: () => request('GET', '/api/staff/staff'),
    audit: (limit = 200) => request('GET', `/api/staff/audit?limit=${limit}`),
    issueCode: (id) => request('POST', ticketPath(id, 'case-code'), { send: true }),
    revokeCode: (id) => request('DELETE', ticketPath(id, 'case-code')),
    history: (id) => request('GET', ticketPath(id, 'history')),
    reopen: (id) => request('POST', ticketPath(id, 'reopen')),
    followUp: (id, text) => request('POST', ticketPath(id, 'follow-up'), { text }),
    addReferral: (id, referral) => request('POST', ticketPath(id, 'referrals'), referral),
    updateReferral: (id, rid, patch) =>
      request('PUT', ticketPath(id, `referrals/${encodeURIComponent(rid)}`), patch),
    askConsent: (id, rid) => request('POST', ticketPath(id, `referrals/${encodeURIComponent(rid)}/consent`)),
    pushReferral: (id, rid) => request('POST', ticketPath(id, `referrals/${encodeURIComponent(rid)}/push`)),
    search: (q) => request('GET', `/api/staff/search?q=${encodeURIComponent(q)}`),
    canned: (lang) => request('GET', `/api/staff/canned?lang=${encodeURIComponent(lang)}`),
    saveCanned: (lang, replies) =>
      request('PUT', `/api/staff/canned/${encodeURIComponent(lang)}`, { replies }),
    availability: () => request('GET', '/api/staff/availability'),
    setAvailable: (available) => request('PUT', '/api/staff/availability', { available }),
    setAutoAssign: (on) => request('PUT', '/api/staff/auto-assign', { on }),
    services: () => request('GET', '/api/staff/services'),
    templates: () => request('GET', '/api/staff/templates'),
    library: () => request('GET', '/api/staff/library'),
    sendItem: (id, itemId) => request('POST', ticketPath(id, `library/${encodeURIComponent(itemId)}`)),
    contentDue: () => request('GET', '/api/staff/content/due'),
    stats: (from, to) =>
      request('GET', `/api/staff/stats?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`),
  };
}
