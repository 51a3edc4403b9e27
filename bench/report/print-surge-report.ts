import type { SenderProfile } from '../../src/channels/twilio/send-rates.ts';
import { countSegments } from '../../src/render/index.ts';
import { summarize } from '../load/latency-stats.ts';
import { table, verdict } from './format-figures.ts';

type Channel = 'sms' | 'whatsapp';

export interface SurgeRun {
  senders: Record<Channel, SenderProfile>;
  /** Everyone who wrote a first message, and when its webhook was sent (ms since the epoch). */
  people: Array<{ address: string; sentAt: number }>;
  dangers: Array<{ address: string; channel: Channel; sentAt: number; afterSurgeS: number }>;
  /** Every message the fake Twilio created, in order. */
  messages: Array<{ to: string; body: string; at: number }>;
  perUser: Array<{ user: string; committed: number; sent: number }>;
  acknowledgedMs: number;
  retried: number;
}

/** The target for emergency replies: handed to Twilio within 2 s of the webhook. */
const EMERGENCY_MS = 2_000;

const channelOf = (address: string): Channel => (address.startsWith('whatsapp:') ? 'whatsapp' : 'sms');
const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export function printSurgeReport({ log, run }: { log: (line: string) => void; run: SurgeRun }) {
  const firstReply = new Map<string, number>();
  for (const m of run.messages) if (!firstReply.has(m.to)) firstReply.set(m.to, m.at);
  const surgeStart = Math.min(...run.people.map((p) => p.sentAt));

  log('\nTime to reply to a first message (webhook sent → first reply created at the fake Twilio)');
  const rows = [
    ['channel', 'people', 'answered', 'p50', 'p90', 'p99', 'max', 'last reply sent', 'rate handed to Twilio'],
  ];
  const rateChecks: Array<{ channel: Channel; ok: boolean; notFaster: boolean }> = [];
  for (const channel of ['sms', 'whatsapp'] as const) {
    const people = run.people.filter((p) => channelOf(p.address) === channel);
    if (people.length === 0) continue;
    const waits = people.flatMap((p) =>
      firstReply.has(p.address) ? [firstReply.get(p.address)! - p.sentAt] : [],
    );
    const s = summarize(waits);
    const addresses = new Set(people.map((p) => p.address));
    const sent = run.messages.filter((m) => addresses.has(m.to));
    const units = sent.reduce((n, m) => n + (channel === 'sms' ? countSegments(m.body).segments : 1), 0);
    const spanMs = sent.length > 1 ? sent.at(-1)!.at - sent[0]!.at : 0;
    const rate = units / (spanMs / 1000);
    const configured = run.senders[channel].perSecond;
    const unit = channel === 'sms' ? 'segments' : 'messages';
    // The sender's time for these replies; the first second's worth goes at once (the pacer lets
    // Twilio hold a second of work). No slower: out within that time, with 5% to spare. No
    // faster: not before it, less the second ahead (and 50 ms of clock between processes).
    const senderMs = (units / configured) * 1000;
    const ok = waits.length === people.length && spanMs <= senderMs * 1.05 + 1_000;
    const notFaster = spanMs >= senderMs - 1_050;
    rateChecks.push({ channel, ok, notFaster });
    rows.push([
      channel,
      String(people.length),
      String(waits.length),
      seconds(s.p50),
      seconds(s.p90),
      seconds(s.p99),
      seconds(s.max),
      `${seconds(sent.at(-1)!.at - surgeStart)} after the surge`,
      `${units} ${unit} in ${seconds(spanMs)} (${rate.toFixed(1)}/s); at ${configured}/s the sender needs ${seconds(senderMs)}, 1 s of it ahead`,
    ]);
  }
  log(table(rows));

  log('\nEmergency replies (danger webhook sent → emergency reply created at the fake Twilio)');
  const erows = [
    ['channel', 'written', 'handed to Twilio after', 'replies still queued then', 'target ≤ 2 s'],
  ];
  let emergencyOk = true;
  for (const d of run.dangers) {
    const reply = run.messages.find((m) => m.to === d.address && /911/.test(m.body));
    const latency = reply ? reply.at - d.sentAt : Number.NaN;
    const later = reply
      ? run.messages.filter((m) => m.at > reply.at && channelOf(m.to) === d.channel && m.to !== d.address)
          .length
      : 0;
    const ok = reply !== undefined && latency <= EMERGENCY_MS;
    emergencyOk &&= ok;
    erows.push([
      d.channel,
      `${d.afterSurgeS} s after the surge`,
      reply ? `${latency} ms` : 'never',
      String(later),
      verdict(ok),
    ]);
  }
  log(table(erows));

  const twice = run.perUser.reduce((n, r) => n + Math.max(0, r.sent - r.committed), 0);
  const lost = run.perUser.reduce((n, r) => n + Math.max(0, r.committed - r.sent), 0);
  const committed = run.perUser.reduce((n, r) => n + r.committed, 0);
  log(
    `\nSent once: ${run.messages.length} messages at the fake Twilio for ${committed} replies committed ` +
      `to ${run.perUser.length} people (${run.retried} first messages delivered twice by "Twilio"); ` +
      `sent twice: ${twice}, missing: ${lost}`,
  );
  log(`All ${run.people.length} first messages acknowledged (200) in ${run.acknowledgedMs} ms`);

  log('\nTargets');
  log(`  each emergency reply handed to Twilio within 2 s of its webhook:   ${verdict(emergencyOk)}`);
  for (const r of rateChecks) {
    log(
      `  every ${r.channel.padEnd(8)} first message answered, at the sender's rate, no slower: ${verdict(r.ok)}`,
    );
    log(
      `  ${r.channel.padEnd(8)} replies handed to Twilio no faster than the sender sends:   ${verdict(r.notFaster)}`,
    );
  }
  log(
    `  nothing sent twice, nothing lost:                                  ${verdict(twice === 0 && lost === 0)}`,
  );
}
