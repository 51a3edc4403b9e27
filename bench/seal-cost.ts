/**
 * What sealing costs one message (`npm run bench` prints it; alone: `npx tsx bench/seal-cost.ts`).
 * One message through the webhook and a reply sent: the inbox entry is sealed and opened, the
 * record opened and sealed (its address inside stays sealed), two transcript lines and the
 * reply's body sealed, the outbox job's data sealed and opened, and the send opens the record
 * and the message. Each operation is timed on values of the sizes Faro stores.
 */
import { randomBytes } from 'node:crypto';
import { createSealer } from '../src/privacy/seal.ts';

/** Seals and opens per message, by the size of what they carry. */
const PER_MESSAGE = [
  { what: 'inbox entry (~300 B)', bytes: 300, seals: 1, opens: 1 },
  { what: 'conversation record (~700 B)', bytes: 700, seals: 1, opens: 3 },
  { what: 'transcript lines, reply body (~120 B)', bytes: 120, seals: 3, opens: 1 },
  { what: 'outbox job data (~120 B)', bytes: 120, seals: 1, opens: 1 },
];

/**
 * CPU time (not wall time: on a busy machine other processes take turns), the median of several
 * rounds.
 */
function timeUs(fn: () => void, rounds: number, perRound: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < perRound; i++) fn();
    const used = process.cpuUsage(t);
    samples.push((used.user + used.system) / perRound);
  }
  return samples.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

export function measureSealCost({ rounds = 31, perRound = 1_000 } = {}) {
  const sealer = createSealer({ current: randomBytes(32), previous: [] }, 'data');
  const rows = PER_MESSAGE.map((row) => {
    const plain = 'x'.repeat(row.bytes);
    const sealed = sealer.seal(plain);
    for (let i = 0; i < 2_000; i++) sealer.open(sealer.seal(plain)); // warm up
    const sealUs = timeUs(() => sealer.seal(plain), rounds, perRound);
    const openUs = timeUs(() => sealer.open(sealed), rounds, perRound);
    return { ...row, sealUs, openUs, extraBytes: sealed.length - row.bytes };
  });
  const perMessageUs = rows.reduce((sum, r) => sum + r.seals * r.sealUs + r.opens * r.openUs, 0);
  return { rows, perMessageUs };
}

export function printSealCost(log: (line: string) => void, cost = measureSealCost()) {
  log('\nSealing (AES-256-GCM, src/privacy/seal.ts), per message through the webhook and one reply:');
  for (const r of cost.rows)
    log(
      `  ${r.what.padEnd(40)} seal ${r.sealUs.toFixed(1)} µs × ${r.seals}, open ${r.openUs.toFixed(1)} µs × ${r.opens}, +${r.extraBytes} B stored`,
    );
  log(`  total: ${cost.perMessageUs.toFixed(1)} µs of CPU per message (medians of ${31} rounds)`);
}

if (import.meta.url === `file://${process.argv[1]}`) printSealCost(console.log);
