import { Agent, request } from 'node:http';

export interface BenchRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

/** status 0: no HTTP answer (connection error or timeout). */
export interface SendOutcome {
  status: number;
  error?: string;
}

export interface HttpTarget {
  send(req: BenchRequest): Promise<SendOutcome>;
  close(): void;
}

/**
 * POSTs to one loopback server over a keep-alive pool of at most `maxSockets` connections.
 * Beyond that, requests wait in the agent's queue, and an open-loop caller counts that wait.
 */
export function createHttpTarget({
  baseUrl,
  maxSockets,
  timeoutMs = 10_000,
}: {
  baseUrl: string;
  maxSockets: number;
  timeoutMs?: number;
}): HttpTarget {
  const url = new URL(baseUrl);
  if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') {
    throw new Error(`benchmarks only drive loopback servers, not ${url.hostname}`);
  }
  const agent = new Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets, scheduling: 'fifo' });
  return {
    send(req) {
      return new Promise((resolve) => {
        let settled = false;
        const done = (outcome: SendOutcome) => {
          if (settled) return;
          settled = true;
          resolve(outcome);
        };
        const r = request(
          {
            host: url.hostname,
            port: url.port,
            method: 'POST',
            path: req.path,
            agent,
            headers: { ...req.headers, 'content-length': String(Buffer.byteLength(req.body)) },
          },
          (res) => {
            res.on('error', (err) => done({ status: 0, error: err.message }));
            res.on('end', () => done({ status: res.statusCode ?? 0 }));
            res.resume();
          },
        );
        r.setTimeout(timeoutMs, () => r.destroy(new Error('timeout')));
        r.on('error', (err: NodeJS.ErrnoException) => done({ status: 0, error: err.code ?? err.message }));
        r.end(req.body);
      });
    },
    close() {
      agent.destroy();
    },
  };
}
