import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import twilio from 'twilio';
import { buildApp } from '../../src/app.ts';
import { buildServices, type ServiceOverrides, type Services } from '../../src/build-services.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { redisEnv, scanAll, testRedis } from './test-redis.ts';

export const TEST_ACCOUNT_SID = `AC${'a'.repeat(32)}`;
export const TEST_AUTH_TOKEN = 'test-auth-token-12345';
export const PUBLIC_BASE_URL = 'https://faro.example.org';
export { REDIS_URL } from './test-redis.ts';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  logs: string[];
  prefix: string;
  /** POSTs a signed Twilio form to a route, as Twilio would. */
  post(
    path: string,
    params: Record<string, string>,
    opts?: { signature?: string | null },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A fresh app per test: its own config, key prefix and captured log lines. */
export async function createTestApp({
  store = 'memory',
  env = {},
  overrides = {},
  prefix = `faro-test-${randomBytes(4).toString('hex')}:`,
}: {
  store?: 'memory' | 'redis';
  env?: Record<string, string>;
  overrides?: ServiceOverrides;
  prefix?: string;
} = {}): Promise<TestApp> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_SMS_FROM: '+15005550006',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    DATA_KEY: randomBytes(32).toString('base64'),
    REDIS_KEY_PREFIX: prefix,
    ...(store === 'redis' ? redisEnv() : {}),
    ...env,
  });
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const logger = createLogger('debug', sink);
  const services = await buildServices(config, logger, { sweepEveryMs: 200, ...overrides });
  const app = await buildApp(services);
  await services.start();
  return {
    app,
    services,
    logs,
    prefix,
    post(path, params, opts = {}) {
      const signature =
        opts.signature === undefined
          ? twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + path, params)
          : opts.signature;
      return app.inject({
        method: 'POST',
        url: path,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(signature === null ? {} : { 'x-twilio-signature': signature }),
        },
        payload: new URLSearchParams(params).toString(),
      });
    },
    async close() {
      await app.close();
      await services.stop();
      if (store === 'redis') await deleteKeys(prefix);
    },
  };
}

export async function deleteKeys(prefix: string) {
  const redis = testRedis();
  try {
    for (const key of await scanAll(redis, `*${prefix}*`)) await redis.del(key);
  } finally {
    await redis.quit();
  }
}

let sidCounter = 0;
/** A Twilio-shaped inbound form. */
export function inboundForm(
  from: string,
  body: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  sidCounter++;
  return {
    MessageSid: `SM${String(sidCounter).padStart(8, '0')}${randomBytes(12).toString('hex')}`,
    AccountSid: TEST_ACCOUNT_SID,
    From: from,
    To: from.startsWith('whatsapp:') ? 'whatsapp:+14155238886' : '+15005550006',
    Body: body,
    NumMedia: '0',
    ...extra,
  };
}
