import type { Referral } from './referral.ts';

export interface PrimeroConfig {
  baseUrl: string;
  user: string;
  password: string;
  /** The Primero user who receives referrals (`transitioned_to`). */
  referTo: string;
  timeoutMs: number;
}

export type PrimeroClient = ReturnType<typeof createPrimeroClient>;

export class PrimeroError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'PrimeroError';
  }
}

/** Primero's JWTs last 60 minutes; one is reused for 50. */
const TOKEN_REUSE_MS = 50 * 60 * 1000;

/**
 * Pushes referrals to a Primero v2 instance: a token from `POST /api/v2/tokens`, then
 * `POST /api/v2/cases/:id/referrals`. A 401 gets one fresh token and one more try.
 * https://github.com/primeroIMS/primero/tree/main/app/controllers/api (v2 docs: tokens, referrals)
 */
export function createPrimeroClient(config: PrimeroConfig, now: () => number = Date.now) {
  let token: { value: string; at: number } | null = null;
  const base = config.baseUrl.replace(/\/+$/, '');

  async function call(path: string, body: unknown, bearer: string | null) {
    return fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  }

  async function freshToken(): Promise<string> {
    const res = await call(
      '/api/v2/tokens',
      { user: { user_name: config.user, password: config.password } },
      null,
    );
    if (!res.ok) throw new PrimeroError(`Primero refused the login (${res.status})`, res.status);
    const header = res.headers.get('authorization')?.replace(/^Bearer\s+/i, '');
    const body = (await res.json().catch(() => ({}))) as { token?: unknown };
    const value = header || (typeof body.token === 'string' ? body.token : '');
    if (!value) throw new PrimeroError('Primero gave no token', res.status);
    token = { value, at: now() };
    return value;
  }

  async function bearer(): Promise<string> {
    if (token && now() - token.at < TOKEN_REUSE_MS) return token.value;
    return freshToken();
  }

  return {
    async pushReferral(r: Referral): Promise<{ id: string | null }> {
      if (!r.primero_case_id) throw new PrimeroError('No Primero case id', null);
      const path = `/api/v2/cases/${encodeURIComponent(r.primero_case_id)}/referrals`;
      const data = {
        data: {
          transitioned_to: config.referTo,
          notes: r.notes,
          service_type: r.service_type,
          service_implementing_agency: r.service_implementing_agency,
          consent_for_services: r.consent_for_services,
          disclosure_other_orgs: r.disclosure_other_orgs,
          status: r.status,
          service_implemented: r.service_implemented,
          reason_not_successful: r.reason_not_successful,
        },
      };
      let res = await call(path, data, await bearer());
      if (res.status === 401) res = await call(path, data, await freshToken());
      if (!res.ok) throw new PrimeroError(`Primero refused the referral (${res.status})`, res.status);
      const body = (await res.json().catch(() => ({}))) as { data?: { id?: unknown } };
      return { id: typeof body.data?.id === 'string' ? body.data.id : null };
    },
  };
}
