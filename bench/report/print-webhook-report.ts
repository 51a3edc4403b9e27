import type { DrivePlan, DriveResult, Phase } from '../load/drive-server.ts';
import { summarize } from '../load/latency-stats.ts';
import type { LoadResult } from '../load/load-result.ts';
import type { PhaseFigures } from '../load/phase-observer.ts';
import type { ConversationBytes } from '../redis/conversation-bytes.ts';
import type { CommandCounts } from '../redis/count-commands.ts';
import { kib, mib, ms, percent, perSecond, table, verdict } from './format-figures.ts';

const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;
const TARGET_BYTES = 2048;
type Log = (line: string) => void;
type Figures = Partial<Record<Phase, PhaseFigures>>;

function row(name: string, r: LoadResult): string[] {
  const s = summarize(r.latenciesMs);
  const kinds = Object.entries(r.errorKinds)
    .map(([k, n]) => `${k}×${n}`)
    .join(' ');
  return [
    name,
    perSecond(r.rps),
    ms(s.p50),
    ms(s.p90),
    ms(s.p99),
    ms(s.p999),
    ms(s.max),
    String(r.ok),
    `${r.errors}${kinds ? ` (${kinds})` : ''}`,
  ];
}

export function printResults({
  log,
  plan,
  baseline,
  faro,
  faroFigures,
  replies,
  messagesIn,
}: {
  log: Log;
  plan: DrivePlan;
  baseline: DriveResult;
  faro: DriveResult;
  faroFigures: Figures;
  replies: { received: number; bodyChars: number };
  messagesIn: number;
}) {
  const closed = `max, ${plan.connections} conns`;
  const open = `${plan.rate} req/s open loop`;
  log('\nResults (latency: request due → response read, on the load generator)');
  log(
    table([
      ['server / phase', 'requests/s', 'p50', 'p90', 'p99', 'p99.9', 'max', 'ok', 'errors'],
      row(`baseline  ${closed}`, baseline.throughput),
      row(`Faro      ${closed}`, faro.throughput),
      row(`baseline  ${open}`, baseline.latency),
      row(`Faro      ${open}`, faro.latency),
    ]),
  );
  const ratio = faro.throughput.rps / baseline.throughput.rps;
  const p99 = summarize(faro.latency.latenciesMs).p99;
  const errors = faro.throughput.errors + faro.latency.errors;
  log('');
  log(`Faro / baseline throughput:  ${percent(ratio)}  (target ≥ 50%: ${verdict(ratio >= TARGET_RATIO)})`);
  log(
    `Faro p99 at ${plan.rate} req/s:      ${ms(p99)}  (target < 25 ms: ${verdict(p99 < TARGET_P99_MS && errors === 0)})`,
  );
  log(`Faro errors (both phases):   ${errors}`);

  const t = faroFigures.throughput;
  const l = faroFigures.latency;
  if (!t || !l) return;
  const phaseS = (t.wallMs - t.drainMs) / 1000;
  log(
    '\nFaro behind the 200 (the webhook answers once the message is recorded; the step and the send follow):',
  );
  log(
    `  max-throughput phase ${phaseS.toFixed(1)} s, then its backlog took ${(t.drainMs / 1000).toFixed(1)} s to drain: ` +
      `${t.steps} messages stepped, ${t.replies} replies sent = ${perSecond((t.steps ?? 0) / (t.wallMs / 1000))} sustained end to end`,
  );
  log(
    `  event loop blocked during the ${plan.rate} req/s phase: p99 ${ms(l.loopDelayP99Ms ?? Number.NaN)}, ` +
      `max ${ms(l.loopDelayMaxMs ?? Number.NaN)}; GC ${ms(l.gcMs ?? Number.NaN)} in ${((l.wallMs - l.drainMs) / 1000).toFixed(0)} s ` +
      `(max-throughput phase: p99 ${ms(t.loopDelayP99Ms ?? Number.NaN)}, max ${ms(t.loopDelayMaxMs ?? Number.NaN)})`,
  );
  log(
    `  whole run: ${messagesIn} webhooks sent, ${replies.received} replies at the fake Twilio ` +
      `(mean ${Math.round(replies.bodyChars / Math.max(1, replies.received))} characters)`,
  );
}

export function printCpu({ log, baseline, faro }: { log: Log; baseline: Figures; faro: Figures }) {
  const rows: string[][] = [
    [
      'CPU per request',
      'wall',
      'requests',
      'server',
      'server busy',
      'Redis',
      'fake Twilio',
      'load generator',
    ],
  ];
  const split = faro.throughput?.cpu.worker !== undefined;
  if (split) rows[0]!.splice(5, 0, 'worker');
  const add = (name: string, f: PhaseFigures | undefined) => {
    if (!f) return;
    const per = (k: string) => (f.cpu[k] === undefined ? '–' : ms((f.cpu[k]! * 1000) / f.requests));
    rows.push([
      name,
      `${(f.wallMs / 1000).toFixed(1)} s`,
      String(f.requests),
      per('server'),
      percent(f.cpu.server! / (f.wallMs / 1000)),
      ...(split ? [f.cpu.worker === undefined ? '–' : per('worker')] : []),
      per('Redis'),
      per('fake Twilio'),
      per('load generator'),
    ]);
  };
  add('baseline  max throughput', baseline.throughput);
  add('Faro      max throughput + drain', faro.throughput);
  add('baseline  fixed rate', baseline.latency);
  add('Faro      fixed rate + drain', faro.latency);
  log(
    `\nWhere the CPU went (CPU time of each process ÷ requests answered; 100% busy = one core${split ? '; server = the web process' : ''})`,
  );
  log(table(rows));
}

function kindTable(bytes: ConversationBytes): string {
  const rows = Object.entries(bytes.byKind)
    .sort(([, a], [, b]) => b.bytes - a.bytes)
    .map(([kind, v]) => [
      kind,
      String(v.keys),
      mib(v.bytes),
      kib(v.bytes / Math.max(1, bytes.conversations)),
    ]);
  return table([['kind', 'keys', 'bytes', 'per conversation'], ...rows]);
}

function roleLine(bytes: ConversationBytes): string {
  return Object.entries(bytes.byRole)
    .sort(([, a], [, b]) => b - a)
    .map(([role, b]) => `${role} ${Math.round(b)}`)
    .join(', ');
}

export function printMemory({
  log,
  bench,
  idle,
  usedMemoryDelta,
}: {
  log: Log;
  bench: ConversationBytes;
  idle: ConversationBytes & { messagesPerConversation: number };
  usedMemoryDelta: number;
}) {
  log('\nRedis, the benchmark conversations');
  log(
    `  ${bench.conversations} conversations, ${bench.totalKeys} keys in all, ${mib(bench.totalBytes)} by MEMORY USAGE; ` +
      `INFO used_memory grew ${mib(usedMemoryDelta)} since Faro started`,
  );
  log(
    `  {c:<id>} keys: ${kib(bench.bytesPerConversation)} per conversation (sample of ${bench.sampled}; ` +
      `${bench.transcriptEntries.toFixed(1)} transcript entries, ${bench.storedOutbound.toFixed(1)} stored replies each)`,
  );
  log(`  bytes by key: ${roleLine(bench)}`);
  log(kindTable(bench).replace(/^/gm, '  '));
  const flood = idle.byRole.flood ?? 0;
  log(
    `\nRedis per idle conversation (${idle.sampled} new senders × ${idle.messagesPerConversation} messages: ` +
      `onboarding and one topic)`,
  );
  log(
    `  {c:<id>} keys: ${kib(idle.bytesPerConversation)} = ${Math.round(idle.bytesPerConversation)} B ` +
      `(${Math.round(idle.bytesPerConversation - flood)} B once the 2-minute flood counter expires)  ` +
      `(target ≤ 2 KB: ${verdict(idle.bytesPerConversation <= TARGET_BYTES)})`,
  );
  log(`  bytes by key: ${roleLine(idle)}`);
  log(
    `  ${idle.transcriptEntries.toFixed(1)} transcript entries and ${idle.storedOutbound.toFixed(1)} stored replies each`,
  );
}

export function printCommands({
  log,
  commands,
  messages,
}: {
  log: Log;
  commands: CommandCounts;
  messages: number;
}) {
  const rowsOf = (map: Map<string, number>) => {
    const total = [...map.values()].reduce((a, b) => a + b, 0);
    return [
      ...[...map.entries()]
        .sort(([, a], [, b]) => b - a)
        .map(([name, n]) => [name, String(n), (n / messages).toFixed(2)]),
      ['total', String(total), (total / messages).toFixed(2)],
    ];
  };
  log(
    `\nRedis commands per inbound message (MONITOR over the probe: ${messages} messages, each stepped and its reply sent)`,
  );
  log(
    table([
      ['sent by Faro (one round trip each unless pipelined)', 'count', 'per message'],
      ...rowsOf(commands.sent),
    ]),
  );
  log('');
  log(table([['run inside those Lua scripts', 'count', 'per message'], ...rowsOf(commands.inScripts)]));
}
