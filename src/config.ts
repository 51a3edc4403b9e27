import { z } from 'zod';
import type { Channel } from './channels/inbound-message.ts';
import { type SenderProfile, senderProfiles } from './channels/twilio/send-rates.ts';
import { parseHolidays, parseSchedule } from './handoff/business-hours.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().positive();
const positiveNumber = z.coerce.number().positive().finite();

/**
 * Every setting Faro reads from the environment, parsed once at start and frozen.
 * A bad value stops the process with a message naming the variable.
 */
const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_BASE_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /**
     * `all` answers webhooks and does the work; `web` only records messages and hands them to
     * `worker` processes (steps, sends, timers, retention) through Redis. Split roles need Redis.
     */
    FARO_ROLE: z.enum(['all', 'web', 'worker']).default('all'),
    /**
     * With Redis and FARO_ROLE=all, the work (steps, sends, timers) runs in a worker thread of
     * the same process, so webhooks are answered on a thread of their own.
     */
    FARO_WORK_THREAD: bool.default(true),
    /** The work thread's CPU niceness (Linux): under load, webhooks come first. 0 to 19. */
    FARO_WORK_THREAD_NICE: z.coerce.number().int().min(0).max(19).default(10),

    REDIS_URL: z.string().optional(),
    /** Comma-separated host:port list of Redis Cluster seed nodes (instead of REDIS_URL). */
    REDIS_CLUSTER_NODES: z.string().optional(),
    /** Comma-separated host:port list of Sentinels; needs REDIS_SENTINEL_NAME. */
    REDIS_SENTINELS: z.string().optional(),
    REDIS_SENTINEL_NAME: z.string().optional(),
    REDIS_KEY_PREFIX: z.string().default('faro:'),

    TWILIO_ACCOUNT_SID: z
      .string()
      .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hex characters')
      .optional(),
    TWILIO_AUTH_TOKEN: z.string().min(8).optional(),
    TWILIO_MESSAGING_SERVICE_SID: z
      .string()
      .regex(/^MG[0-9a-fA-F]{32}$/)
      .optional(),
    TWILIO_SMS_FROM: z.string().optional(),
    TWILIO_WHATSAPP_FROM: z.string().optional(),
    TWILIO_API_BASE_URL: z.url().default('https://api.twilio.com'),
    /** A send that takes longer is abandoned and retried (Twilio may still have sent it). */
    TWILIO_TIMEOUT_MS: positiveInt.default(10_000),

    /** 32 bytes, base64 or hex: encrypts phone numbers at rest and keys the address HMAC. */
    DATA_KEY: z.string().optional(),

    CONVERSATION_TTL_DAYS: positiveInt.default(30),
    CHILD_ALONE_TTL_DAYS: positiveInt.default(7),
    CLOSED_TICKET_TTL_DAYS: positiveInt.default(30),
    SMS_ENCODING: z.enum(['gsm7', 'unicode']).default('gsm7'),
    /**
     * How fast the SMS sender sends, in segments per second (default: by the kind of
     * TWILIO_SMS_FROM, see src/channels/twilio/send-rates.ts); Faro hands Twilio no more.
     */
    TWILIO_SMS_MPS: positiveNumber.optional(),
    /** How fast the WhatsApp sender sends, in messages per second (default 80). */
    TWILIO_WHATSAPP_MPS: positiveNumber.optional(),
    /** Older names of the two above, still accepted. */
    OUTBOX_SMS_PER_SECOND: positiveNumber.optional(),
    OUTBOX_WHATSAPP_PER_SECOND: positiveNumber.optional(),
    OUTBOX_MAX_ATTEMPTS: positiveInt.default(8),
    FLOOD_MAX_PER_MINUTE: positiveInt.default(20),
    HANDOFF_NO_ANSWER_MINUTES: positiveInt.default(20),
    HANDOFF_EXPECTED_WAIT_MINUTES: positiveInt.default(15),
    /** Weekly schedule in America/Mexico_City, e.g. "mon-fri 09:00-18:00; sat 09:00-13:00". */
    BUSINESS_HOURS: z.string().default('mon-fri 09:00-18:00; sat 09:00-14:00'),
    /** Comma-separated ISO dates when nobody answers. */
    HOLIDAYS: z.string().default(''),
    /** Keys the HMAC under which staff sessions are stored; defaults to a key derived from DATA_KEY. */
    SESSION_SECRET: z.string().min(32).optional(),
    /** Create a demo supervisor at start and print its password once (default: embedded mode only). */
    DEMO_STAFF: bool.optional(),
    /** Behind a reverse proxy: take the client address from X-Forwarded-For (login rate limits). */
    TRUST_PROXY: bool.optional(),
  })
  .superRefine((env, ctx) => {
    const production = env.NODE_ENV === 'production';
    const redis = env.REDIS_URL ?? env.REDIS_CLUSTER_NODES ?? env.REDIS_SENTINELS;
    if (production && !redis) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message:
          'production needs Redis (set REDIS_URL); the in-memory store loses every conversation on restart',
      });
    }
    if (env.FARO_ROLE !== 'all' && !redis) {
      ctx.addIssue({
        code: 'custom',
        path: ['FARO_ROLE'],
        message: `${env.FARO_ROLE} works with other processes through Redis: set REDIS_URL, or use FARO_ROLE=all`,
      });
    }
    if (production && !env.DATA_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_KEY'],
        message: 'production needs DATA_KEY (32 bytes, base64)',
      });
    }
    if (production && !env.PUBLIC_BASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['PUBLIC_BASE_URL'],
        message: 'production needs the public URL Twilio calls, to check signatures',
      });
    }
    if (env.DATA_KEY && decodeKey(env.DATA_KEY) === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATA_KEY'],
        message: 'must be 32 bytes as base64 (44 chars) or hex (64 chars)',
      });
    }
    for (const [name, check] of [
      ['BUSINESS_HOURS', () => parseSchedule(env.BUSINESS_HOURS)],
      ['HOLIDAYS', () => parseHolidays(env.HOLIDAYS)],
    ] as const) {
      try {
        check();
      } catch (err) {
        ctx.addIssue({ code: 'custom', path: [name], message: (err as Error).message });
      }
    }
    if (production && env.DEMO_STAFF) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_STAFF'],
        message: 'no demo account in production: add staff with `npm run staff -- add NAME --role …`',
      });
    }
    if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME) {
      ctx.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_NAME'], message: 'needed with REDIS_SENTINELS' });
    }
    const twilio = env.TWILIO_ACCOUNT_SID ?? env.TWILIO_AUTH_TOKEN;
    if (twilio && !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.TWILIO_ACCOUNT_SID ? 'TWILIO_AUTH_TOKEN' : 'TWILIO_ACCOUNT_SID'],
        message: 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together',
      });
    }
    if (
      env.TWILIO_ACCOUNT_SID &&
      !env.TWILIO_MESSAGING_SERVICE_SID &&
      !(env.TWILIO_SMS_FROM || env.TWILIO_WHATSAPP_FROM)
    ) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_MESSAGING_SERVICE_SID'],
        message: 'set TWILIO_MESSAGING_SERVICE_SID, or TWILIO_SMS_FROM and/or TWILIO_WHATSAPP_FROM',
      });
    }
    if (production && !env.TWILIO_ACCOUNT_SID) {
      ctx.addIssue({
        code: 'custom',
        path: ['TWILIO_ACCOUNT_SID'],
        message: 'production needs Twilio credentials',
      });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config extends Env {
  publicBaseUrl: string;
  dataKey: Buffer;
  /** True when DATA_KEY was not given and a random one was made (embedded mode only). */
  dataKeyGenerated: boolean;
  storeKind: 'redis' | 'memory';
  twilioConfigured: boolean;
  /** The sender of each channel and how fast it sends. */
  senders: Readonly<Record<Channel, SenderProfile>>;
  /** FARO_ROLE=all on Redis with FARO_WORK_THREAD: the process runs as `web` plus a `worker` thread. */
  workThread: boolean;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((i) => `  - ${i}`).join('\n')}`);
  }
}

export function decodeKey(value: string): Buffer | null {
  const hex = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : null;
  if (hex) return hex;
  const b64 = Buffer.from(value, 'base64');
  return b64.length === 32 ? b64 : null;
}

/** The same configuration for one role of a process that runs two (`web` + a `worker` thread). */
export function withRole(config: Readonly<Config>, role: 'web' | 'worker'): Readonly<Config> {
  return Object.freeze({ ...config, FARO_ROLE: role, workThread: false });
}

/** Parses the environment once. Throws ConfigError naming each bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  randomKey = () => crypto.getRandomValues(Buffer.alloc(32)),
): Readonly<Config> {
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(blankless);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const dataKey = e.DATA_KEY ? decodeKey(e.DATA_KEY)! : randomKey();
  return Object.freeze({
    ...e,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataKey,
    dataKeyGenerated: !e.DATA_KEY,
    storeKind: e.REDIS_URL || e.REDIS_CLUSTER_NODES || e.REDIS_SENTINELS ? 'redis' : 'memory',
    twilioConfigured: Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN),
    workThread:
      e.FARO_WORK_THREAD &&
      e.FARO_ROLE === 'all' &&
      Boolean(e.REDIS_URL || e.REDIS_CLUSTER_NODES || e.REDIS_SENTINELS),
    senders: Object.freeze(
      senderProfiles({
        smsFrom: e.TWILIO_SMS_FROM,
        messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID,
        smsPerSecond: e.TWILIO_SMS_MPS ?? e.OUTBOX_SMS_PER_SECOND,
        whatsappPerSecond: e.TWILIO_WHATSAPP_MPS ?? e.OUTBOX_WHATSAPP_PER_SECOND,
      }),
    ),
  });
}
