import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local fake Primero v2 on loopback: `POST /api/v2/tokens` (user_name and password → a JWT
 * in the Authorization header, as Primero answers) and `POST /api/v2/cases/:id/referrals`
 * (bearer token required). It records every referral it took.
 */
export interface FakePrimero {
  baseUrl: string;
  referrals: Array<{ caseId: string; data: Record<string, unknown> }>;
  logins: number;
  /** Makes the next token unusable (the server "restarted"): tests the 401 retry. */
  expireTokens(): void;
  close(): Promise<void>;
}

export async function startFakePrimero({
  user,
  password,
}: {
  user: string;
  password: string;
}): Promise<FakePrimero> {
  const tokens = new Set<string>();
  const referrals: FakePrimero['referrals'] = [];
  let logins = 0;
  let n = 0;
  const body = async (req: IncomingMessage) => {
    let raw = '';
    for await (const chunk of req) raw += chunk;
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  };
  const server = createServer(async (req, res) => {
    const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(json));
    };
    const url = req.url ?? '';
    if (req.method === 'POST' && url === '/api/v2/tokens') {
      const b = (await body(req)) as { user?: { user_name?: string; password?: string } };
      if (b.user?.user_name !== user || b.user?.password !== password)
        return send(401, { errors: [{ status: 401, resource: '/api/v2/tokens', message: 'Unauthorized' }] });
      logins++;
      const token = `jwt.${++n}.fake`;
      tokens.add(token);
      return send(200, { user_name: user }, { authorization: `Bearer ${token}` });
    }
    const m = /^\/api\/v2\/cases\/([^/]+)\/referrals$/.exec(url);
    if (req.method === 'POST' && m) {
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
      if (!tokens.has(token)) return send(401, { errors: [{ status: 401, message: 'Unauthorized' }] });
      const b = (await body(req)) as { data?: Record<string, unknown> };
      const caseId = decodeURIComponent(m[1]!);
      referrals.push({ caseId, data: b.data ?? {} });
      return send(200, {
        data: { id: `ref-${referrals.length}`, type: 'Referral', record_id: caseId, ...b.data },
      });
    }
    send(404, { errors: [{ status: 404, message: 'Not Found' }] });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    referrals,
    get logins() {
      return logins;
    },
    expireTokens: () => tokens.clear(),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
