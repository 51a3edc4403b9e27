import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { type FaroProcess, freePort, startFaro } from '../../test/helpers/processes.ts';
import { PUBLIC_BASE_URL, TEST_ACCOUNT_SID, TEST_AUTH_TOKEN } from '../../test/helpers/test-app.ts';

/**
 * A real Faro process configured as in production (Redis, DATA_KEY, Twilio credentials, the
 * public URL), its Twilio calls going to the fake, with the send rate and flood limits raised
 * so that the benchmark measures Faro and not its throttles.
 */
export async function startBenchFaro({
  redisUrl,
  prefix,
  twilioBaseUrl,
  cpuProfileDir,
  preloads = [],
  dataKey = randomBytes(32),
  role = 'all',
  env = {},
}: {
  redisUrl: string;
  prefix: string;
  twilioBaseUrl: string;
  /** Profile the Faro process and write its `.cpuprofile` here when it stops. */
  cpuProfileDir?: string;
  /** Modules imported into the Faro process before it starts (experiments in bench/experiments/). */
  preloads?: string[];
  /** DATA_KEY (32 bytes): given when the benchmark must compute conversation ids itself. */
  dataKey?: Buffer;
  /** FARO_ROLE: `web` and `worker` run as two processes. */
  role?: 'all' | 'web' | 'worker';
  /** More environment for Faro (an experiment: `--faro-env FARO_WORK_THREAD=false`). */
  env?: Record<string, string>;
}): Promise<FaroProcess> {
  const imports = [
    ...preloads.map((p) => resolve(p)),
    ...(cpuProfileDir ? [join(import.meta.dirname, 'cpu-profile-preload.ts')] : []),
  ];
  return startFaro(await freePort(), {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    FARO_ROLE: role,
    REDIS_URL: redisUrl,
    REDIS_KEY_PREFIX: prefix,
    DATA_KEY: dataKey.toString('base64'),
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_SMS_FROM: '+15005550006',
    TWILIO_WHATSAPP_FROM: 'whatsapp:+14155238886',
    TWILIO_API_BASE_URL: twilioBaseUrl,
    TWILIO_SMS_MPS: '10000',
    TWILIO_WHATSAPP_MPS: '10000',
    FLOOD_MAX_PER_MINUTE: '100000',
    // Node refuses --cpu-prof in NODE_OPTIONS; an inspector session started by a preload does the same.
    ...(imports.length ? { NODE_OPTIONS: ['tsx', ...imports].map((i) => `--import ${i}`).join(' ') } : {}),
    ...(cpuProfileDir ? { CPU_PROFILE_DIR: resolve(cpuProfileDir) } : {}),
    ...env,
  });
}

/** A key prefix of this run only: every key under it is deleted at the end. */
export function benchPrefix(kind: string): string {
  return `faro-bench-${kind}-${randomBytes(4).toString('hex')}:`;
}
