/**
 * Soak: a real Faro process under a steady rate of signed webhooks for minutes, from a rotating
 * pool of senders (each writes `--messages-per-sender` messages, then a new person takes the
 * slot). Prints per minute: requests, errors, p50, p99, RSS and heap (from Faro's /metrics);
 * at the end, memory after the warm-up minute against the last minute, and the growth.
 *
 *   npx tsx bench/soak.ts [--minutes 10] [--rate 50] [--pool 500] [--messages-per-sender 24]
 *
 * Target (issue 5): no growth beyond 10% after warm-up, p99 steady.
 */
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { deleteKeys, REDIS_URL } from '../test/helpers/test-app.ts';
import { createHttpTarget } from './load/http-target.ts';
import { runOpenLoop } from './load/open-loop.ts';
import { exitWhenDone } from './processes/exit-when-done.ts';
import { benchPrefix, startBenchFaro } from './processes/start-bench-faro.ts';
import { startFakeTwilioProcess } from './processes/start-fake-twilio.ts';
import { waitForDrain } from './redis/wait-for-drain.ts';
import { printMinute, printSoakSummary } from './report/print-soak-report.ts';
import { treeState } from './report/tree-state.ts';
import { startMemorySampler } from './soak/memory-sampler.ts';
import { createMinuteBuckets, type MinuteStats } from './soak/minute-stats.ts';
import { createWebhookTraffic } from './traffic/webhook-traffic.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: process.env.SOAK_MINUTES ?? '10' },
    rate: { type: 'string', default: process.env.SOAK_RATE ?? '50' },
    pool: { type: 'string', default: '500' },
    'messages-per-sender': { type: 'string', default: '24' },
  },
});
const positive = (name: keyof typeof values) => {
  const n = Number(values[name]);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number`);
  return n;
};
const minutes = positive('minutes');
const rate = positive('rate');
const pool = positive('pool');
const messagesPerSender = positive('messages-per-sender');
const WARMUP_MINUTES = 1;
const SAMPLE_EVERY_MS = 10_000;
const log = (line: string) => console.log(line);

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const prefix = benchPrefix('soak');
const stops: Array<() => Promise<void>> = [];

try {
  await redis.ping();
  if (minutes <= WARMUP_MINUTES)
    throw new Error(`--minutes must be more than the ${WARMUP_MINUTES}-minute warm-up`);
  log(
    `Faro soak: ${rate} signed webhooks/s for ${minutes} min, ${pool} senders at a time, ` +
      `${messagesPerSender} messages each, then a new sender; Redis ${REDIS_URL}, prefix ${prefix}`,
  );
  log(`Code measured: ${treeState()}`);
  const fake = await startFakeTwilioProcess();
  stops.push(() => fake.stop());
  const faro = await startBenchFaro({ redisUrl: REDIS_URL, prefix, twilioBaseUrl: fake.baseUrl });
  stops.unshift(async () => void (await faro.stop()));

  const traffic = createWebhookTraffic({ slots: pool, messagesPerSender });
  const target = createHttpTarget({ baseUrl: faro.url, maxSockets: 256 });
  const startedAt = performance.now();
  const buckets = createMinuteBuckets(startedAt);
  const memory = startMemorySampler({ faroUrl: faro.url, redis, everyMs: SAMPLE_EVERY_MS, startedAt });
  const minuteLines: MinuteStats[] = [];
  // Each minute is printed a few seconds after it ends, once its requests have been answered.
  const printer = setInterval(() => {
    const done = Math.floor((performance.now() - startedAt - 3_000) / 60_000);
    while (minuteLines.length < Math.min(done, minutes)) {
      const stats = buckets.stats(minuteLines.length);
      minuteLines.push(stats);
      printMinute({ log, stats, samples: memory.samples, first: minuteLines.length === 1 });
    }
  }, 1_000);

  const result = await runOpenLoop({
    target,
    next: traffic.next,
    rate,
    durationMs: minutes * 60_000,
    onSample: buckets.add,
  });
  await memory.sampleNow();
  clearInterval(printer);
  memory.stop();
  target.close();
  while (minuteLines.length < minutes) {
    const stats = buckets.stats(minuteLines.length);
    minuteLines.push(stats);
    printMinute({ log, stats, samples: memory.samples, first: minuteLines.length === 1 });
  }
  const sentCount = async () => (await fake.counts()).received;
  const drainMs = await waitForDrain({ redis, prefix, sentCount, timeoutMs: 120_000 });

  printSoakSummary({
    log,
    result,
    minutes: minuteLines,
    samples: memory.samples,
    samplingFailures: memory.failures,
    warmupMinutes: WARMUP_MINUTES,
    senders: traffic.senders(),
    replies: await sentCount(),
    drainMs,
  });
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
  await deleteKeys(prefix).catch(() => undefined);
  await redis.quit();
  exitWhenDone();
}
