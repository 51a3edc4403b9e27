/**
 * `npm run bench:surge`: a crowded morning. 300 people write a first message by SMS and 300 on
 * WhatsApp at once (one in twenty delivered twice, as Twilio retries), then someone writes a
 * danger phrase on each channel, and again while the replies are still going out. Faro runs as
 * real processes at its default settings (NODE_ENV=production, Redis, the fake Twilio API in its
 * own process; SMS from a Mexican long code, 10 segments/s; WhatsApp 80 messages/s).
 *
 *   npx tsx bench/surge.ts [--quick] [--sms 300] [--whatsapp 300] [--instances 1]
 *     [--retries 0.05] [--danger-at 0,20,60]
 *
 * Targets (issue 10): each emergency reply handed to Twilio within 2 s of its webhook, whatever
 * is queued; every first message answered, at the configured rate and no slower; time to reply
 * (p50, p99) per channel; nothing sent twice.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import twilio from 'twilio';
import { senderProfiles } from '../src/channels/twilio/send-rates.ts';
import { type FaroProcess, freePort, startFaro } from '../test/helpers/processes.ts';
import { readConversations, repliesPerUser, waitForAllReplies } from '../test/helpers/replies.ts';
import {
  deleteKeys,
  PUBLIC_BASE_URL,
  REDIS_URL,
  TEST_ACCOUNT_SID,
  TEST_AUTH_TOKEN,
} from '../test/helpers/test-app.ts';
import { createHttpTarget } from './load/http-target.ts';
import { exitWhenDone } from './processes/exit-when-done.ts';
import { benchPrefix } from './processes/start-bench-faro.ts';
import { startFakeTwilioProcess } from './processes/start-fake-twilio.ts';
import { printSurgeReport, type SurgeRun } from './report/print-surge-report.ts';
import { treeState } from './report/tree-state.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sms: { type: 'string' },
    whatsapp: { type: 'string' },
    instances: { type: 'string', default: '1' },
    retries: { type: 'string', default: '0.05' },
    'danger-at': { type: 'string' },
  },
});
const smsCount = Number(values.sms ?? (values.quick ? 60 : 300));
const whatsappCount = Number(values.whatsapp ?? (values.quick ? 60 : 300));
const instances = Number(values.instances);
const retryShare = Number(values.retries);
const dangerAt = (values['danger-at'] ?? (values.quick ? '0,5' : '0,20,60')).split(',').map(Number);

const PATH = '/webhooks/twilio/messages';
const SMS_FROM = '+529621234567';
const WHATSAPP_FROM = 'whatsapp:+5219621234567';
/** What people write first, as they write it. */
const FIRST_MESSAGES = [
  'hola',
  'Hola buenos días',
  'necesito pedir asilo',
  'donde puedo dormir hoy',
  'mi hijo esta enfermo donde lo llevo',
  'como hago la cita en la comar',
  'me quitaron mis papeles',
  'bonjou mwen bezwen èd',
  'hello i need help',
  'ola preciso de ajuda',
];
const DANGER = 'me quieren matar ayuda';
const log = (line: string) => console.log(line);

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const prefix = benchPrefix('surge');
const dataKey = randomBytes(32);
const stops: Array<() => Promise<void>> = [];
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function form(address: string, text: string): Record<string, string> {
  const whatsapp = address.startsWith('whatsapp:');
  const sid = `SM${randomBytes(16).toString('hex')}`;
  return {
    MessageSid: sid,
    SmsMessageSid: sid,
    AccountSid: TEST_ACCOUNT_SID,
    From: address,
    To: whatsapp ? WHATSAPP_FROM : SMS_FROM,
    Body: text,
    NumMedia: '0',
    NumSegments: '1',
    ApiVersion: '2010-04-01',
  };
}

try {
  await redis.ping();
  const started = performance.now();
  const senders = senderProfiles({ smsFrom: SMS_FROM });
  log(
    `Faro surge benchmark: ${smsCount} SMS + ${whatsappCount} WhatsApp first messages, ${instances} instance(s)`,
  );
  log(`Code measured: ${treeState()}`);
  log(`${cpus().length} CPUs, load average ${load()} (the benchmark needs the machine to itself)`);
  log(
    `Senders at their defaults: SMS ${SMS_FROM} (${senders.sms.kind}) ${senders.sms.perSecond} segments/s, ` +
      `WhatsApp ${senders.whatsapp.perSecond} messages/s`,
  );

  const fake = await startFakeTwilioProcess({ keepLog: true });
  stops.push(() => fake.stop());
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    REDIS_URL,
    REDIS_KEY_PREFIX: prefix,
    DATA_KEY: dataKey.toString('base64'),
    PUBLIC_BASE_URL,
    TWILIO_ACCOUNT_SID: TEST_ACCOUNT_SID,
    TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN,
    TWILIO_SMS_FROM: SMS_FROM,
    TWILIO_WHATSAPP_FROM: WHATSAPP_FROM,
    TWILIO_API_BASE_URL: fake.baseUrl,
  };
  const faros: FaroProcess[] = [];
  for (let i = 0; i < instances; i++) faros.push(await startFaro(await freePort(), env));
  stops.unshift(async () => void (await Promise.all(faros.map((f) => f.stop()))));
  const targets = faros.map((f) => createHttpTarget({ baseUrl: f.url, maxSockets: 64 }));
  stops.push(async () => {
    for (const t of targets) t.close();
  });

  /** Posts a signed webhook to one instance, as Twilio would; resolves with when it was sent. */
  let turn = 0;
  async function deliver(f: Record<string, string>): Promise<number> {
    const sentAt = Date.now();
    const signature = twilio.getExpectedTwilioSignature(TEST_AUTH_TOKEN, PUBLIC_BASE_URL + PATH, f);
    const target = targets[turn++ % targets.length]!;
    const res = await target.send({
      path: PATH,
      body: new URLSearchParams(f).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
    });
    if (res.status !== 200) throw new Error(`webhook answered ${res.status} ${res.error ?? ''}`);
    return sentAt;
  }

  const people = [
    ...Array.from({ length: smsCount }, (_, i) => `+52962${String(1_000_000 + i).padStart(7, '0')}`),
    ...Array.from(
      { length: whatsappCount },
      (_, i) => `whatsapp:+52962${String(2_000_000 + i).padStart(7, '0')}`,
    ),
  ];
  const firstSent = new Map<string, number>();
  log(`\nSurge: ${people.length} first messages at once…`);
  const forms = people.map((p, i) => form(p, FIRST_MESSAGES[i % FIRST_MESSAGES.length]!));
  const surgeStart = Date.now();
  let retried = 0;
  await Promise.all(
    forms.map(async (f, i) => {
      firstSent.set(people[i]!, await deliver(f));
      // Twilio did not hear the 200 in time and delivers the same message again.
      if ((i * 7919) % 1000 < retryShare * 1000) {
        retried++;
        await deliver(f);
      }
    }),
  );
  const acknowledged = Date.now() - surgeStart;
  log(`  ${people.length} webhooks + ${retried} retried copies answered 200 in ${acknowledged} ms`);

  const dangers: Array<{
    address: string;
    channel: 'sms' | 'whatsapp';
    sentAt: number;
    afterSurgeS: number;
  }> = [];
  for (const [k, at] of dangerAt.entries()) {
    const wait = surgeStart + acknowledged + at * 1000 - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const pair = [
      `+52962${String(3_000_000 + k).padStart(7, '0')}`,
      `whatsapp:+52962${String(4_000_000 + k).padStart(7, '0')}`,
    ];
    await Promise.all(
      pair.map(async (address) => {
        const sentAt = await deliver(form(address, DANGER));
        dangers.push({
          address,
          channel: address.startsWith('whatsapp:') ? 'whatsapp' : 'sms',
          sentAt,
          afterSurgeS: at,
        });
      }),
    );
    log(`  danger phrase on both channels ${at} s after the surge`);
  }

  log('Waiting until every message is answered…');
  const conversations = readConversations({ prefix, dataKey });
  stops.unshift(() => conversations.close());
  const everyone = [...people, ...dangers.map((d) => d.address)];
  await waitForAllReplies({
    conversations,
    users: everyone,
    messages: 1,
    sentCount: async () => (await fake.counts()).received,
    timeoutMs: 15 * 60_000,
    settleMs: 3_000, // anything sent twice would show by now
    pollMs: 2_000,
  });
  const messages = await fake.log();

  const run: SurgeRun = {
    senders,
    people: people.map((address) => ({ address, sentAt: firstSent.get(address)! })),
    dangers,
    messages,
    perUser: await repliesPerUser(conversations, everyone, messages),
    acknowledgedMs: acknowledged,
    retried,
  };
  log(`\nLoad average at the end: ${load()}`);
  printSurgeReport({ log, run });
  log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
  await deleteKeys(prefix).catch(() => undefined);
  await redis.quit();
  exitWhenDone();
}
