import type { LoadResult } from '../load/load-result.ts';
import type { MemorySample } from '../soak/memory-sampler.ts';
import type { MinuteStats } from '../soak/minute-stats.ts';
import { mib, ms, table, verdict } from './format-figures.ts';

type Log = (line: string) => void;
const TARGET_GROWTH = 0.1;

const inMinute = (samples: MemorySample[], minute: number) =>
  samples.filter((s) => s.at >= minute * 60_000 && s.at < (minute + 1) * 60_000);

const pct = (g: number) => `${(g * 100).toFixed(1)}%`;

/** The least-squares line through the samples: its value at the first and last sample, and the growth. */
function trend(samples: MemorySample[], pick: (s: MemorySample) => number) {
  const n = samples.length;
  const mx = samples.reduce((a, s) => a + s.at, 0) / n;
  const my = samples.reduce((a, s) => a + pick(s), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const s of samples) {
    sxy += (s.at - mx) * (pick(s) - my);
    sxx += (s.at - mx) ** 2;
  }
  const slope = sxx ? sxy / sxx : 0;
  const at = (t: number) => my + slope * (t - mx);
  const a = at(samples[0]?.at ?? 0);
  const b = at(samples[n - 1]?.at ?? 0);
  return { a, b, g: (b - a) / a };
}

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const COLUMNS = ['minute', 'requests', 'errors', 'p50', 'p99', 'max', 'RSS', 'heap used', 'Redis (all)'];

function minuteRow(stats: MinuteStats, samples: MemorySample[]): string[] {
  const mine = inMinute(samples, stats.minute);
  const last = mine[mine.length - 1];
  return [
    String(stats.minute + 1),
    String(stats.requests),
    String(stats.errors),
    ms(stats.p50),
    ms(stats.p99),
    ms(stats.max),
    last ? mib(last.rss) : '–',
    last ? mib(last.heapUsed) : '–',
    last ? mib(last.redisUsed) : '–',
  ];
}

/** One live line per minute (memory: the minute's last sample). */
export function printMinute({
  log,
  stats,
  samples,
  first,
}: {
  log: Log;
  stats: MinuteStats;
  samples: MemorySample[];
  first: boolean;
}) {
  const widths = [6, 8, 6, 9, 9, 9, 10, 10, 10];
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  if (first) log(line(COLUMNS));
  log(line(minuteRow(stats, samples)));
}

export function printSoakSummary({
  log,
  result,
  minutes,
  samples,
  samplingFailures,
  warmupMinutes,
  senders,
  replies,
  drainMs,
}: {
  log: Log;
  result: LoadResult;
  minutes: MinuteStats[];
  samples: MemorySample[];
  samplingFailures: string[];
  warmupMinutes: number;
  senders: number;
  replies: number;
  drainMs: number;
}) {
  log(`\nPer minute (final; memory: the minute's last sample of ${samples.length} taken every 10 s)`);
  log(table([COLUMNS, ...minutes.map((m) => minuteRow(m, samples))]));

  const startMinute = warmupMinutes;
  const endMinute = minutes.length - 1;
  const start = inMinute(samples, startMinute);
  const end = inMinute(samples, endMinute);
  const growth = (pick: (s: MemorySample) => number, agg: (v: number[]) => number) => {
    const a = agg(start.map(pick));
    const b = agg(end.map(pick));
    return { a, b, g: (b - a) / a };
  };
  const lowest = (v: number[]) => Math.min(...v);
  const rows = [
    ['RSS, median', growth((s) => s.rss, median)],
    ['heap used, lowest (the floor GC gets back to)', growth((s) => s.heapUsed, lowest)],
    ['heap used, median (moves with the GC sawtooth)', growth((s) => s.heapUsed, median)],
    ['Redis used_memory (whole server), median', growth((s) => s.redisUsed, median)],
  ] as const;
  log(
    `\nMemory: minute ${startMinute + 1} (the first after the ${warmupMinutes}-minute warm-up, ${start.length} samples) ` +
      `against minute ${endMinute + 1} (the last, ${end.length} samples)`,
  );
  const afterWarmup = samples.filter((s) => s.at >= startMinute * 60_000);
  const rssTrend = trend(afterWarmup, (s) => s.rss);
  const heapTrend = trend(afterWarmup, (s) => s.heapUsed);
  log(
    table([
      ['', 'start', 'end', 'growth'],
      ...rows.map(([name, { a, b, g }]) => [name, mib(a), mib(b), pct(g)]),
      ['RSS, least-squares line through every sample', mib(rssTrend.a), mib(rssTrend.b), pct(rssTrend.g)],
      ['heap used, least-squares line', mib(heapTrend.a), mib(heapTrend.b), pct(heapTrend.g)],
    ]),
  );
  // A leak raises the floor the heap returns to after each GC, and the RSS; a sample taken at an
  // arbitrary point of the GC sawtooth (the median) does not tell one.
  const faroGrowth = Math.max(rows[0][1].g, rows[1][1].g, rssTrend.g, heapTrend.g);

  const after = minutes.slice(warmupMinutes);
  const p99s = after.map((m) => m.p99);
  const third = Math.max(1, Math.floor(after.length / 3));
  const early = median(p99s.slice(0, third));
  const late = median(p99s.slice(-third));
  const steady = late <= early * 1.5 + 2;
  const errors = minutes.reduce((a, m) => a + m.errors, 0);
  log('');
  log(
    `Faro memory growth after warm-up: RSS ${pct(rows[0][1].g)} (trend ${pct(rssTrend.g)}), heap floor ` +
      `${pct(rows[1][1].g)} (trend ${pct(heapTrend.g)}) (target ≤ 10%: ${verdict(faroGrowth <= TARGET_GROWTH)})`,
  );
  log(
    `p99 per minute after warm-up: ${ms(Math.min(...p99s))} to ${ms(Math.max(...p99s))}; median of the first third ` +
      `${ms(early)}, of the last third ${ms(late)} (steady = last ≤ 1.5 × first + 2 ms: ${verdict(steady)})`,
  );
  log(
    `${result.ok} answered, ${errors} errors, ${senders} distinct senders, ${replies} replies at the fake Twilio; ` +
      `backlog drained ${(drainMs / 1000).toFixed(1)} s after the last request`,
  );
  if (samplingFailures.length)
    log(`${samplingFailures.length} memory samples failed: ${samplingFailures[0]}`);
}
