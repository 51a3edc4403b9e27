import { isIP } from 'node:net';
import { z } from 'zod';
import type { Channel } from './channels/inbound-message.ts';
import { type SenderProfile, senderProfiles } from './channels/twilio/send-rates.ts';
import { parseHolidays, parseSchedule } from './handoff/business-hours.ts';
import type { Keyring } from './privacy/seal.ts';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const positiveInt = z.coerce.number().int().positive();
const positiveNumber = z.coerce.number().positive().finite();
const TRUTHY = ['true', '1', 'yes'];

/** A check that only reads its own value: it runs whatever else is wrong. */
const checkedBy = (check: (value: string) => unknown) =>
  z.string().superRefine((value, ctx) => {
    try {
      check(value);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
    }
  });

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `TRUST_PROXY`: how many reverse proxies stand in front of Faro (`1`: the address the nearest
 * proxy saw), or their addresses (`10.0.0.1,10.0.0.0/8`; also `loopback`, `linklocal`,
 * `uniquelocal`). Then the client's address is the last X-Forwarded-For entry that no trusted
 * proxy wrote. `true` would take the first entry, which the client writes itself: refused.
 * https://fastify.dev/docs/latest/Reference/Server/#trustproxy
 */
const trustProxy = z.string().transform((raw, ctx): false | number | string[] => {
  const value = raw.trim().toLowerCase();
  if (['false', 'no', '0'].includes(value)) return false;
  if (['true', 'yes'].includes(value)) {
    ctx.addIssue({
      code: 'custom',
      message:
        'true would trust whatever X-Forwarded-For a client sends; set the number of proxies in front of Faro (e.g. 1) or their addresses',
    });
    return z.NEVER;
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 10) return hops;
    ctx.addIssue({ code: 'custom', message: 'at most 10 proxy hops' });
    return z.NEVER;
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !PROXY_NAMES.includes(e) && !isAddressOrRange(e));
  if (bad.length === 0) return entries;
  ctx.addIssue({
    code: 'custom',
    message: `a number of proxy hops, or proxy addresses (IP or CIDR, comma-separated); not: ${bad.join(', ')}`,
  });
  return z.NEVER;
});

function isAddressOrRange(entry: string): boolean {
  const [address = '', bits, ...rest] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

/**
 * Every setting Faro reads from the environment, parsed once at start and frozen. Each field
 * is checked on its own here; what depends on several (production needs…) is in
 * `requirementIssues`, so that one start names every problem at once.
 */
const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Default: loopback without Twilio (the phone simulator runs, unauthenticated), else 0.0.0.0. */
  HOST: z.string().optional(),
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
  /**
   * The Content API's host (lists and buttons, template approvals); unset: content.twilio.com, or
   * TWILIO_API_BASE_URL when that is not Twilio's (a local fake in tests).
   */
  TWILIO_CONTENT_BASE_URL: z.url().optional(),
  /** Where `npm run content:sync` records the content SIDs, and where Faro reads them. */
  TWILIO_CONTENT_SIDS_FILE: z.string().optional(),
  /** A send that takes longer is abandoned and retried (Twilio may still have sent it). */
  TWILIO_TIMEOUT_MS: positiveInt.default(10_000),
  /**
   * The approved WhatsApp templates (category UTILITY) that tell a person a staff member answered
   * after the 24-hour window: `es:HX…,en:HX…` (a language without one falls back to `es`).
   */
  TWILIO_RECONTACT_TEMPLATES: z
    .string()
    .regex(
      /^(es|en|fr|ht|pt):HX[0-9a-fA-F]{32}(,(es|en|fr|ht|pt):HX[0-9a-fA-F]{32})*$/,
      'lang:HX… pairs, comma-separated (es, en, fr, ht, pt)',
    )
    .optional(),

  /** 32 bytes, base64 or hex: encrypts phone numbers at rest and keys the address HMAC. */
  DATA_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as base64 (44 chars) or hex (64 chars)')
    .optional(),
  /**
   * Keys DATA_KEY replaced, comma-separated: values sealed under them are still read (new writes
   * use DATA_KEY) until `npm run rekey` has re-sealed everything. Needs HASH_KEY.
   */
  DATA_KEY_PREVIOUS: z
    .string()
    .refine(
      (v) => v.split(',').every((k) => decodeKey(k.trim()) !== null),
      'each key must be 32 bytes as base64 (44 chars) or hex (64 chars), comma-separated',
    )
    .optional(),
  /**
   * 32 bytes: keys the HMAC of numbers (which names every conversation), case PINs and, by
   * default, staff sessions. Default: DATA_KEY. It does not rotate: before rotating DATA_KEY the
   * first time, set HASH_KEY to the current DATA_KEY.
   */
  HASH_KEY: z
    .string()
    .refine((v) => decodeKey(v) !== null, 'must be 32 bytes as base64 (44 chars) or hex (64 chars)')
    .optional(),

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
  BUSINESS_HOURS: checkedBy(parseSchedule).default('mon-fri 09:00-18:00; sat 09:00-14:00'),
  /** Comma-separated ISO dates when nobody answers. */
  HOLIDAYS: checkedBy(parseHolidays).default(''),
  /** Keys the HMAC under which staff sessions are stored; defaults to a key derived from DATA_KEY. */
  SESSION_SECRET: z.string().min(32).optional(),
  /** Create a demo supervisor at start and print its password once (default: embedded mode only). */
  DEMO_STAFF: bool.optional(),
  /** Behind reverse proxies: how many, or their addresses (login limits per client address). */
  TRUST_PROXY: trustProxy.default(false),

  /** Optional: a Primero v2 instance that referrals are pushed to (all four together). */
  PRIMERO_BASE_URL: z.url().optional(),
  PRIMERO_USER: z.string().optional(),
  PRIMERO_PASSWORD: z.string().optional(),
  /** The Primero user who receives Faro's referrals (`transitioned_to`). */
  PRIMERO_REFER_TO: z.string().optional(),
  PRIMERO_TIMEOUT_MS: positiveInt.default(10_000),
});

/**
 * What depends on several variables, read from the raw environment so that it is checked even
 * when a value is malformed: a production start names everything it misses at once.
 */
function requirementIssues(env: Record<string, string>): string[] {
  const issues: string[] = [];
  const need = (name: string, message: string) => issues.push(`${name}: ${message}`);
  const production = env.NODE_ENV === 'production';
  const redis = env.REDIS_URL ?? env.REDIS_CLUSTER_NODES ?? env.REDIS_SENTINELS;
  if (production && !redis)
    need(
      'REDIS_URL',
      'production needs Redis (set REDIS_URL); the in-memory store loses every conversation on restart',
    );
  if ((env.FARO_ROLE === 'web' || env.FARO_ROLE === 'worker') && !redis)
    need(
      'FARO_ROLE',
      `${env.FARO_ROLE} works with other processes through Redis: set REDIS_URL, or use FARO_ROLE=all`,
    );
  if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_NAME)
    need('REDIS_SENTINEL_NAME', 'needed with REDIS_SENTINELS');
  if (production && !env.DATA_KEY) need('DATA_KEY', 'production needs DATA_KEY (32 bytes, base64)');
  if (env.DATA_KEY_PREVIOUS && !env.HASH_KEY)
    need(
      'HASH_KEY',
      'rotating DATA_KEY needs HASH_KEY, set to the DATA_KEY numbers were first hashed under (README, Security): else every conversation would lose its name',
    );
  if (production && !env.PUBLIC_BASE_URL)
    need('PUBLIC_BASE_URL', 'production needs the public URL Twilio calls, to check signatures');
  if (production && TRUTHY.includes(env.DEMO_STAFF ?? ''))
    need('DEMO_STAFF', 'no demo account in production: add staff with `npm run staff -- add NAME --role …`');

  const primero = ['PRIMERO_BASE_URL', 'PRIMERO_USER', 'PRIMERO_PASSWORD', 'PRIMERO_REFER_TO'];
  if (primero.some((name) => env[name]))
    for (const name of primero.filter((n) => !env[n]))
      need(name, `the Primero push needs ${primero.join(', ')} together`);

  const sid = env.TWILIO_ACCOUNT_SID;
  const token = env.TWILIO_AUTH_TOKEN;
  if (production || sid || token) {
    const why =
      production && !sid && !token
        ? 'production needs Twilio credentials'
        : 'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN go together';
    if (!sid) need('TWILIO_ACCOUNT_SID', why);
    if (!token) need('TWILIO_AUTH_TOKEN', why);
    if (!env.TWILIO_MESSAGING_SERVICE_SID && !env.TWILIO_SMS_FROM && !env.TWILIO_WHATSAPP_FROM)
      need(
        'TWILIO_MESSAGING_SERVICE_SID',
        'set TWILIO_MESSAGING_SERVICE_SID, or TWILIO_SMS_FROM and/or TWILIO_WHATSAPP_FROM',
      );
  }
  return issues;
}

export type Env = z.infer<typeof envSchema>;

export const CONTENT_API_BASE_URL = 'https://content.twilio.com';

export interface Config extends Omit<Env, 'HOST'> {
  HOST: string;
  publicBaseUrl: string;
  dataKey: Buffer;
  /** DATA_KEY (seals new values) and DATA_KEY_PREVIOUS (still opened). */
  keyring: Keyring;
  /** HASH_KEY, else DATA_KEY: the root of the HMAC keys (numbers, PINs, sessions). */
  hashRoot: Buffer;
  /** True when DATA_KEY was not given and a random one was made (embedded mode only). */
  dataKeyGenerated: boolean;
  storeKind: 'redis' | 'memory';
  twilioConfigured: boolean;
  /** The sender of each channel and how fast it sends. */
  senders: Readonly<Record<Channel, SenderProfile>>;
  /** FARO_ROLE=all on Redis with FARO_WORK_THREAD: the process runs as `web` plus a `worker` thread. */
  workThread: boolean;
  /** Where Content API calls go (lists and buttons on WhatsApp). */
  contentBaseUrl: string;
  /** The content SIDs file, relative to the project (null in tests unless set: text only). */
  contentSidsFile: string | null;
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
  const blankless = Object.fromEntries(
    Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== ''),
  );
  const parsed = envSchema.safeParse(blankless);
  const issues = [
    ...(parsed.success
      ? []
      : parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`)),
    ...requirementIssues(blankless),
  ];
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const e = parsed.data;
  const dataKey = e.DATA_KEY ? decodeKey(e.DATA_KEY)! : randomKey();
  const twilioConfigured = Boolean(e.TWILIO_ACCOUNT_SID && e.TWILIO_AUTH_TOKEN);
  return Object.freeze({
    ...e,
    // Without Twilio nothing outside this machine needs to reach Faro, and the phone simulator
    // (unauthenticated: post as any number, read its replies) is on: loopback unless HOST says.
    HOST: e.HOST ?? (twilioConfigured ? '0.0.0.0' : '127.0.0.1'),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    dataKey,
    keyring: Object.freeze({
      current: dataKey,
      previous: Object.freeze(
        (e.DATA_KEY_PREVIOUS ?? '')
          .split(',')
          .map((k) => k.trim())
          .filter(Boolean)
          .map((k) => decodeKey(k)!),
      ),
    }),
    hashRoot: e.HASH_KEY ? decodeKey(e.HASH_KEY)! : dataKey,
    dataKeyGenerated: !e.DATA_KEY,
    storeKind: e.REDIS_URL || e.REDIS_CLUSTER_NODES || e.REDIS_SENTINELS ? 'redis' : 'memory',
    twilioConfigured,
    // A local fake or a proxy given as TWILIO_API_BASE_URL takes the Content API's calls too.
    contentBaseUrl:
      e.TWILIO_CONTENT_BASE_URL ??
      (new URL(e.TWILIO_API_BASE_URL).host === 'api.twilio.com'
        ? CONTENT_API_BASE_URL
        : e.TWILIO_API_BASE_URL),
    contentSidsFile: e.TWILIO_CONTENT_SIDS_FILE ?? (e.NODE_ENV === 'test' ? null : 'content-sids.json'),
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
