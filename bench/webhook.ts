/**
 * `npm run bench`: Faro's webhook against a baseline Fastify server that does only what a
 * webhook must (form, signature, one Redis GET + SET), both on the real Redis, one after the
 * other, driven by signed webhooks from 1,000 senders. Then Redis bytes per conversation.
 *
 *   npx tsx bench/webhook.ts [--quick] [--split] [--throughput-seconds 15] [--latency-seconds 20]
 *     [--rate 200] [--connections 32] [--warmup-seconds 3] [--senders 1000] [--cpu-prof DIR]
 *     [--preload bench/experiments/FILE.ts] [--accept-only] [--faro-env NAME=VALUE …]
 *
 * --accept-only (experiment): every conversation's lock is held, so Faro only records the
 * messages (no step, no reply): the webhook path alone against the baseline; no memory figures.
 *
 * Each flag can also be given as BENCH_<FLAG> (BENCH_RATE=300). Targets (issue 2): Faro ≥ 50%
 * of the baseline's throughput, p99 < 25 ms at 200 requests/s, ≤ 2 KB per idle conversation.
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, setPriority } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { freePort } from '../test/helpers/processes.ts';
import { deleteKeys, PUBLIC_BASE_URL, REDIS_URL, TEST_AUTH_TOKEN } from '../test/helpers/test-app.ts';
import { holdConversationLocks } from './experiments/hold-conversation-locks.ts';
import { createCpuMeter } from './load/cpu-meter.ts';
import { type DrivePlan, driveServer } from './load/drive-server.ts';
import { createPhaseObserver } from './load/phase-observer.ts';
import { startChildServer } from './processes/child-server.ts';
import { exitWhenDone } from './processes/exit-when-done.ts';
import { benchPrefix, startBenchFaro } from './processes/start-bench-faro.ts';
import { startFakeTwilioProcess } from './processes/start-fake-twilio.ts';
import { usedMemory } from './redis/key-memory.ts';
import { measureRunMemory, type RunMemory } from './redis/measure-run-memory.ts';
import { waitForDrain } from './redis/wait-for-drain.ts';
import { printCommands, printCpu, printMemory, printResults } from './report/print-webhook-report.ts';
import { treeState } from './report/tree-state.ts';
import { printSealCost } from './seal-cost.ts';
import { createWebhookTraffic } from './traffic/webhook-traffic.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: process.env.BENCH_QUICK === '1' },
    split: { type: 'boolean', default: process.env.BENCH_SPLIT === '1' },
    'throughput-seconds': { type: 'string' },
    'latency-seconds': { type: 'string' },
    'warmup-seconds': { type: 'string' },
    rate: { type: 'string' },
    connections: { type: 'string' },
    senders: { type: 'string' },
    'cpu-prof': { type: 'string' },
    preload: { type: 'string', multiple: true },
    'accept-only': { type: 'boolean', default: false },
    'faro-env': { type: 'string', multiple: true },
  },
});
const faroEnv = Object.fromEntries(
  (values['faro-env'] ?? []).map((kv) => {
    const eq = kv.indexOf('=');
    if (eq < 1) throw new Error(`--faro-env takes NAME=VALUE, not ${kv}`);
    return [kv.slice(0, eq), kv.slice(eq + 1)];
  }),
);
const option = (
  name: Exclude<keyof typeof values, 'quick' | 'split' | 'cpu-prof' | 'preload' | 'accept-only' | 'faro-env'>,
  fallback: number,
  quick: number,
) => {
  const raw = values[name] ?? process.env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`];
  if (raw === undefined) return values.quick ? quick : fallback;
  const n = Number(raw);
  if (!(n > 0)) throw new Error(`--${name} must be a positive number`);
  return n;
};
const plan: DrivePlan = {
  warmupMs: option('warmup-seconds', 3, 1) * 1000,
  throughputMs: option('throughput-seconds', 15, 3) * 1000,
  latencyMs: option('latency-seconds', 20, 3) * 1000,
  rate: option('rate', 200, 200),
  connections: option('connections', 32, 32),
};
const senders = option('senders', 1000, 1000);
const log = (line: string) => console.log(line);

const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const prefix = benchPrefix('webhook');
const stops: Array<() => Promise<void>> = [];
const started = performance.now();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

try {
  await redis.ping();
  log(`Faro webhook benchmark: ${senders} senders, Redis ${REDIS_URL}, key prefix ${prefix}`);
  log(`Code measured: ${treeState()}`);
  log(`${cpus().length} CPUs, load average ${load()} (the benchmark needs the machine to itself)`);

  log('\nBaseline (formbody + twilio.validateRequest + Redis GET + SET):');
  const baseline = await startChildServer({
    file: 'bench/baseline-server.ts',
    port: await freePort(),
    env: { REDIS_URL, KEY_PREFIX: prefix, TWILIO_AUTH_TOKEN: TEST_AUTH_TOKEN, PUBLIC_BASE_URL },
  });
  const baselineObserver = createPhaseObserver({
    meter: createCpuMeter({ pids: { server: baseline.child.pid! }, redis }),
  });
  const baselineResult = await driveServer({
    baseUrl: baseline.url,
    next: createWebhookTraffic({ slots: senders }).next,
    plan,
    hooks: baselineObserver,
    log,
  }).finally(() => baseline.stop());
  await deleteKeys(`${prefix}baseline:`);

  const split = values.split;
  log(
    split
      ? '\nFaro as two processes, FARO_ROLE=web (takes the webhooks) and FARO_ROLE=worker (steps and sends):'
      : '\nFaro (NODE_ENV=production, Redis, fake Twilio API in its own process):',
  );
  const fake = await startFakeTwilioProcess();
  stops.push(() => fake.stop());
  const memoryBefore = await usedMemory(redis);
  const dataKey = randomBytes(32);
  const faro = await startBenchFaro({
    dataKey,
    redisUrl: REDIS_URL,
    prefix,
    twilioBaseUrl: fake.baseUrl,
    cpuProfileDir: values['cpu-prof'],
    preloads: values.preload,
    role: split ? 'web' : 'all',
    env: faroEnv,
  });
  const worker = split
    ? await startBenchFaro({
        dataKey,
        redisUrl: REDIS_URL,
        prefix,
        twilioBaseUrl: fake.baseUrl,
        role: 'worker',
        env: faroEnv,
      })
    : null;
  if (worker) {
    stops.unshift(async () => void (await worker.stop()));
    // As a deployment would: webhooks first, the worker's backlog waits (nice 10).
    setPriority(worker.child.pid!, 10);
  }
  if (values.preload?.length) log(`  experiment: preloaded ${values.preload.join(', ')}`);
  if (values['faro-env']?.length) log(`  experiment: ${values['faro-env'].join(' ')}`);
  stops.unshift(async () => void (await faro.stop()));
  const sentCount = async () => (await fake.counts()).received;
  const acceptOnly = values['accept-only'];
  const locks = acceptOnly
    ? await holdConversationLocks({ redis, prefix, dataKey, senders, ttlMs: 30 * 60_000 })
    : null;
  if (acceptOnly) log('  experiment: every conversation locked, so messages are recorded but not stepped');
  const drain = acceptOnly
    ? async () => 0
    : () => waitForDrain({ redis, prefix, sentCount, timeoutMs: 180_000 });
  const faroObserver = createPhaseObserver({
    meter: createCpuMeter({
      pids: {
        server: faro.child.pid!,
        ...(worker ? { worker: worker.child.pid! } : {}),
        'fake Twilio': fake.pid,
      },
      redis,
    }),
    faro: { url: faro.url, drain, sentCount, workerUrl: worker?.url },
  });
  const traffic = createWebhookTraffic({ slots: senders });
  const faroResult = await driveServer({
    baseUrl: faro.url,
    next: traffic.next,
    plan,
    hooks: faroObserver,
    log,
  });

  let memory: RunMemory | null = null;
  if (locks) await locks.release();
  else {
    const probeSenders = values.quick ? 50 : 100;
    log(`\nRedis memory (after the outbox drained), then ${probeSenders} new conversations under MONITOR`);
    memory = await measureRunMemory({
      redis,
      redisUrl: REDIS_URL,
      prefix,
      faroUrl: faro.url,
      drain,
      probeSenders,
    });
  }

  log(`\nLoad average at the end: ${load()}`);
  printResults({
    log,
    plan,
    baseline: baselineResult,
    faro: faroResult,
    faroFigures: faroObserver.figures,
    replies: await fake.counts(),
    messagesIn: traffic.sent(),
  });
  printCpu({ log, baseline: baselineObserver.figures, faro: faroObserver.figures });
  if (memory) {
    const { bench, idle, commands, probeMessages } = memory;
    printMemory({ log, bench, idle, usedMemoryDelta: memory.usedMemory - memoryBefore });
    printCommands({ log, commands, messages: probeMessages });
  }
  printSealCost(log);
  log(`\nDone in ${((performance.now() - started) / 1000).toFixed(0)} s.`);
} finally {
  for (const stop of stops) await stop().catch(() => undefined);
  await deleteKeys(prefix).catch(() => undefined);
  await redis.quit();
  exitWhenDone();
}
