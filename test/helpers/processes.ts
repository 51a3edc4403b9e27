import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import {
  PUBLIC_BASE_URL as TEST_PUBLIC_BASE_URL,
  REDIS_URL as TEST_REDIS_URL,
  TEST_ACCOUNT_SID as TEST_SID,
  TEST_AUTH_TOKEN as TEST_TOKEN,
} from './test-app.ts';

const ROOT = join(import.meta.dirname, '../..');

export interface FaroProcess {
  url: string;
  port: number;
  output: string[];
  child: ChildProcess;
  /** SIGTERM and wait (graceful), or SIGKILL at once. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<number | null>;
}

/** A real Faro process (`node --import tsx src/main.ts`) on a loopback port. */
export async function startFaro(port: number, env: Record<string, string>): Promise<FaroProcess> {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => output.push(String(d)));
  child.stderr?.on('data', (d) => output.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    async () => (await fetch(`${url}/healthz`).catch(() => null))?.ok === true,
    20_000,
    () => `Faro on ${port} did not start:\n${output.join('')}`,
  );
  return {
    url,
    port,
    output,
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}

export interface RedisProcess {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A private redis-server with AOF on, in its own directory, so a test can stop and restart it. */
export async function startRedis(port: number): Promise<RedisProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'faro-redis-'));
  let child: ChildProcess | null = null;
  const url = `redis://127.0.0.1:${port}`;
  const start = async () => {
    child = spawn(
      'redis-server',
      [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--dir',
        dir,
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
      ],
      { stdio: 'ignore' },
    );
    await waitUntil(
      async () => {
        const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
        r.on('error', () => undefined);
        try {
          await r.connect();
          return (await r.ping()) === 'PONG';
        } catch {
          return false;
        } finally {
          r.disconnect();
        }
      },
      10_000,
      () => `redis-server on ${port} did not start`,
    );
  };
  await start();
  return {
    url,
    port,
    start,
    async stop() {
      const c = child;
      if (!c || c.exitCode !== null) return;
      const done = new Promise((r) => c.once('exit', r));
      c.kill('SIGTERM'); // redis-server writes the AOF and exits
      await done;
    },
  };
}

export async function waitUntil(
  check: () => Promise<boolean>,
  timeoutMs: number,
  message: () => string = () => 'timed out',
) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(message());
}

/** Runs tasks with at most `limit` in flight. */
export async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

/** A loopback port nobody listens on now: tests never collide with each other or with a dev server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The environment of a Faro process under test: the shared Redis, a fake Twilio, test credentials. */
export function faroEnv({
  twilioBaseUrl,
  prefix,
  dataKey,
  redisUrl,
  extra = {},
}: {
  twilioBaseUrl: string;
  prefix?: string;
  dataKey: Buffer;
  redisUrl?: string;
  extra?: Record<string, string>;
}): Record<string, string> {
  return {
    REDIS_URL: redisUrl ?? TEST_REDIS_URL,
    ...(prefix ? { REDIS_KEY_PREFIX: prefix } : {}),
    DATA_KEY: dataKey.toString('base64'),
    PUBLIC_BASE_URL: TEST_PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: TEST_SID,
    TWILIO_AUTH_TOKEN: TEST_TOKEN,
    TWILIO_SMS_FROM: '+15005550006',
    TWILIO_API_BASE_URL: twilioBaseUrl,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

/**
 * "hola" as a first message is answered with the hello, the privacy note and the menu: two SMS.
 * Every later message of the fault tests' scripts ("mensaje k") gets a one-message answer.
 */
export const FIRST_REPLY_PARTS = 2;
/** Messages at Twilio for a sender who wrote "hola" and then `messages - 1` more. */
export const repliesFor = (messages: number) => messages - 1 + FIRST_REPLY_PARTS;
